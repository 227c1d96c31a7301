import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Desired } from '../core/desired.ts';
import { ProjectLoadError } from '../core/errors.ts';
import { filesUnder } from '../core/files.ts';
import type { Kind } from '../core/kinds.ts';
import { KIND_DIRECTORY, isKind } from '../core/kinds.ts';
import type { Ownership } from '../core/ownership.ts';
import { DEFAULT_OWNERSHIP } from '../core/ownership.ts';
import type { Resource, ResourceOf } from '../core/resource.ts';
import { OWNERSHIP_PATH } from './grafana-files.ts';

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

/**
 * The ownership rule's parameters the rendered state was made with (`grafana/ownership.json`); a rendered folder
 * from before that file existed has none, and then only folders defined in it and marked data sources are ours.
 */
export function readRenderedOwnership(renderedDir: string): Ownership {
  return readRenderedSettings(renderedDir).ownership;
}

/**
 * What drift needs to read Grafana as publish would (`grafana/ownership.json`): the ownership rule's parameters
 * and the dashboard schema (written only when it is `v2`).
 */
export function readRenderedSettings(renderedDir: string): {
  ownership: Ownership;
  dashboardSchema: 'v1' | 'v2';
} {
  const path = join(renderedDir, OWNERSHIP_PATH);
  if (!existsSync(path)) return { ownership: DEFAULT_OWNERSHIP, dashboardSchema: 'v1' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ProjectLoadError(
      `rendered/${OWNERSHIP_PATH}`,
      `is not JSON (${String(error)}). Run npm run render`,
    );
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const { owner, uidPrefix, dashboardSchema } = record;
  if (
    typeof owner !== 'string' ||
    (uidPrefix !== undefined && typeof uidPrefix !== 'string') ||
    (dashboardSchema !== undefined && dashboardSchema !== 'v1' && dashboardSchema !== 'v2')
  ) {
    throw new ProjectLoadError(
      `rendered/${OWNERSHIP_PATH}`,
      'needs a string "owner" and, optionally, a string "uidPrefix" and "dashboardSchema" v1 or v2. Run npm run render',
    );
  }
  return {
    ownership: { owner, uidPrefix: uidPrefix === '' ? undefined : uidPrefix },
    dashboardSchema: dashboardSchema === 'v2' ? 'v2' : 'v1',
  };
}

/**
 * The rendered state as a Desired that reads each file when it is first asked for: the uids come from the file
 * names (`<uid>.json`) at once, so drift can start reading Grafana, and the dashboards are parsed one by one as
 * their live copies arrive. `all()` reads what is left and answers every resource, in readRenderedResources order.
 */
export function desiredFromRendered(
  renderedDir: string,
): Desired & { all(): Promise<Resource[]>; prefetch(): Promise<void> } {
  const entries: { kind: Kind; path: string; ref: string }[] = [];
  const uids = new Map<Kind, Set<string>>();
  for (const [kind, folder] of Object.entries(KIND_DIRECTORY) as [Kind, string][]) {
    const dir = join(renderedDir, 'grafana', folder);
    for (const file of filesUnder(dir)
      .filter((f) => f.endsWith('.json') && !f.includes('/'))
      .sort()) {
      const uid = file.slice(0, -'.json'.length);
      entries.push({ kind, path: `grafana/${folder}/${file}`, ref: `${kind}/${uid}` });
      uids.set(kind, (uids.get(kind) ?? new Set()).add(uid));
    }
  }
  const read = new Map<string, Resource>();
  const resource = (entry: { kind: Kind; path: string; ref: string }): Resource => {
    let found = read.get(entry.ref);
    if (found === undefined) {
      found = resourceFromText(entry.kind, entry.path, readFileSync(join(renderedDir, entry.path), 'utf8'));
      if (`${found.kind}/${found.uid}` !== entry.ref) {
        throw new ProjectLoadError(
          `rendered/${entry.path}`,
          `holds uid ${JSON.stringify(found.uid)}, not the uid its file name says. Run npm run render`,
        );
      }
      read.set(entry.ref, found);
    }
    return found;
  };
  const byRef = new Map(entries.map((e) => [e.ref, e]));
  return {
    uids: (kind) => uids.get(kind) ?? new Set(),
    ofKind: async <K extends Kind>(kind: K) =>
      entries.filter((e) => e.kind === kind).map((e) => resource(e) as ResourceOf<K>),
    find: async (ref) => {
      const entry = byRef.get(ref);
      return entry === undefined ? undefined : resource(entry);
    },
    all: async () => entries.map(resource),
    /**
     * Reads the files not read yet in short slices, yielding between them: started while Grafana is being read,
     * it fills the time spent waiting for answers. A file that cannot be read is left for `find` or `all` to report.
     */
    prefetch: async () => {
      let slice = performance.now();
      for (const entry of entries) {
        if (performance.now() - slice > PREFETCH_SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
        try {
          resource(entry);
        } catch {
          // Reported where the resource is needed.
        }
      }
    },
  };
}

/** How long prefetch reads before it lets answers from Grafana be handled. */
const PREFETCH_SLICE_MS = 4;

type Envelope = Partial<Record<'kind' | 'uid' | 'title' | 'folderUid' | 'source', unknown>> & {
  spec?: unknown;
};

/** The resources among rendered files given by path (relative to `rendered/`) and text, in kind then path order. */
export function resourcesFromFiles(files: ReadonlyMap<string, string>): Resource[] {
  const out: Resource[] = [];
  for (const [kind, folder] of Object.entries(KIND_DIRECTORY) as [Kind, string][]) {
    const prefix = `grafana/${folder}/`;
    const paths = [...files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.json')).sort();
    for (const path of paths) out.push(resourceFromText(kind, path, files.get(path) ?? '{}'));
  }
  return out;
}

/** One rendered file's resource (path relative to `rendered/`, for messages). */
function resourceFromText(kind: Kind, path: string, text: string): Resource {
  const envelope = JSON.parse(text) as Envelope;
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
  return {
    kind,
    uid: envelope.uid,
    title: typeof envelope.title === 'string' ? envelope.title : '',
    ...(typeof envelope.folderUid === 'string' ? { folderUid: envelope.folderUid } : {}),
    source: typeof envelope.source === 'string' ? envelope.source : `rendered/${path}`,
    spec: envelope.spec,
  } as Resource;
}
