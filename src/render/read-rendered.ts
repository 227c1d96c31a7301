import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProjectLoadError } from '../core/errors.ts';
import { filesUnder } from '../core/files.ts';
import type { Kind } from '../core/kinds.ts';
import { KIND_DIRECTORY, isKind } from '../core/kinds.ts';
import type { Resource } from '../core/resource.ts';

/**
 * The resources of a rendered folder, read back from `grafana/<kind>/<uid>.json`: what was committed, as drift
 * compares it. Secrets stay as their `${ENV}` placeholders (handlers compare them as "set").
 */
export function readRenderedResources(renderedDir: string): Resource[] {
  const files = new Map<string, string>();
  for (const folder of Object.values(KIND_DIRECTORY)) {
    const dir = join(renderedDir, 'grafana', folder);
    for (const file of filesUnder(dir).filter((f) => f.endsWith('.json') && !f.includes('/'))) {
      files.set(`grafana/${folder}/${file}`, readFileSync(join(dir, file), 'utf8'));
    }
  }
  return resourcesFromFiles(files);
}

/** readRenderedResources, reading the files without blocking (so that requests in flight are answered meanwhile). */
export async function readRenderedResourcesAsync(renderedDir: string): Promise<Resource[]> {
  const paths: string[] = [];
  for (const folder of Object.values(KIND_DIRECTORY)) {
    const dir = join(renderedDir, 'grafana', folder);
    for (const file of filesUnder(dir).filter((f) => f.endsWith('.json') && !f.includes('/')))
      paths.push(`grafana/${folder}/${file}`);
  }
  const texts = await Promise.all(paths.map((path) => readFile(join(renderedDir, path), 'utf8')));
  return resourcesFromFiles(new Map(paths.map((path, i) => [path, texts[i] ?? ''])));
}

type Envelope = Partial<Record<'kind' | 'uid' | 'title' | 'folderUid' | 'source', unknown>> & {
  spec?: unknown;
};

/** The resources among rendered files given by path (relative to `rendered/`) and text, in kind then path order. */
export function resourcesFromFiles(files: ReadonlyMap<string, string>): Resource[] {
  const out: Resource[] = [];
  for (const [kind, folder] of Object.entries(KIND_DIRECTORY) as [Kind, string][]) {
    const prefix = `grafana/${folder}/`;
    const paths = [...files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.json')).sort();
    for (const path of paths) {
      const envelope = JSON.parse(files.get(path) ?? '{}') as Envelope;
      if (
        typeof envelope.kind !== 'string' ||
        !isKind(envelope.kind) ||
        envelope.kind !== kind ||
        typeof envelope.uid !== 'string'
      ) {
        throw new ProjectLoadError(
          `rendered/${path}`,
          `is not a rendered ${kind} (kind and uid missing). Run npm run render`,
        );
      }
      out.push({
        kind,
        uid: envelope.uid,
        title: typeof envelope.title === 'string' ? envelope.title : '',
        ...(typeof envelope.folderUid === 'string' ? { folderUid: envelope.folderUid } : {}),
        source: typeof envelope.source === 'string' ? envelope.source : `rendered/${path}`,
        spec: envelope.spec,
      } as Resource);
    }
  }
  return out;
}
