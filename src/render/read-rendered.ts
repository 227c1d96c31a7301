import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectLoadError } from '../core/errors.ts';
import type { Kind } from '../core/kinds.ts';
import { KIND_DIRECTORY, isKind } from '../core/kinds.ts';
import type { Resource } from '../core/resource.ts';

/**
 * The resources of a rendered folder, read back from `grafana/<kind>/<uid>.json`: what was committed, as drift
 * compares it. Secrets stay as their `${ENV}` placeholders (handlers compare them as "set").
 */
export function readRenderedResources(renderedDir: string): Resource[] {
  const out: Resource[] = [];
  for (const [kind, folder] of Object.entries(KIND_DIRECTORY) as [Kind, string][]) {
    const dir = join(renderedDir, 'grafana', folder);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const path = join(dir, file);
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      const envelope = parsed as Partial<
        Record<'kind' | 'uid' | 'title' | 'folderUid' | 'source', unknown>
      > & { spec?: unknown };
      if (
        typeof envelope.kind !== 'string' ||
        !isKind(envelope.kind) ||
        envelope.kind !== kind ||
        typeof envelope.uid !== 'string'
      ) {
        throw new ProjectLoadError(
          `rendered/grafana/${folder}/${file}`,
          `is not a rendered ${kind} (kind and uid missing). Run npm run render`,
        );
      }
      out.push({
        kind,
        uid: envelope.uid,
        title: typeof envelope.title === 'string' ? envelope.title : '',
        ...(typeof envelope.folderUid === 'string' ? { folderUid: envelope.folderUid } : {}),
        source: typeof envelope.source === 'string' ? envelope.source : `rendered/grafana/${folder}/${file}`,
        spec: envelope.spec,
      } as Resource);
    }
  }
  return out;
}
