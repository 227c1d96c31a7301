/**
 * `npm run import`: what Grafana holds (or exported dashboard JSON files) as content files of the repository. It
 * reads through the same handlers as publish and drift, selects (`--all`, `--only`, `--folder`), writes one file
 * per resource with the code of src/import/, checks each file makes the resource it was read from before anything
 * is written, and lists the files in their index. Resources the code already defines are left alone.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BaseConfig } from '../config/base.ts';
import { desiredOf } from '../core/desired.ts';
import { ProjectLoadError, UsageError } from '../core/errors.ts';
import { ownershipOf } from '../core/ownership.ts';
import type { ResourceRef } from '../core/resource.ts';
import type { GrafanaClient } from '../grafana/client.ts';
import { HANDLERS } from '../handlers/index.ts';
import { appDashboardModel, storedSchema } from '../handlers/dashboard-app.ts';
import { isAppObject } from '../handlers/app-objects.ts';
import type { LiveObject } from '../handlers/types.ts';
import type { FullHandlers } from '../publish/apply.ts';
import type { ApiChoice } from '../publish/live-state.ts';
import { probeAndReadLive } from '../publish/live-state.ts';
import { refMatcher } from '../publish/plan.ts';
import type { Project } from '../project/project.ts';
import { buildProject } from '../project/project.ts';
import { object, value } from './code.ts';
import type { ConfigRefs } from './config-refs.ts';
import { configRefsOf } from './config-refs.ts';
import { dashboardCode, dashboardDifferences } from './dashboard.ts';
import type { ContentFile, ImportedKind, ProjectStyle } from './files.ts';
import {
  FOLDER_OF_KIND,
  bindingOf,
  contentSource,
  fileNameOf,
  indexWith,
  newIndex,
  projectStyle,
} from './files.ts';
import { formatSource } from './format.ts';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One resource to import, as read. */
export interface Candidate {
  readonly kind: ImportedKind;
  readonly uid: string;
  readonly title: string;
  readonly folderUid?: string;
  /** The model (dashboards) or spec (folders) as Grafana holds it. */
  readonly model: Json;
  /** Where it was read: `Grafana` or the JSON file's path. */
  readonly from: string;
}

export interface ImportOptions {
  readonly all?: boolean;
  readonly only?: readonly string[];
  readonly folder?: string;
  readonly dryRun?: boolean;
}

export interface ImportedResource {
  readonly ref: ResourceRef;
  readonly file: string;
  /** Panels per kit helper (dashboards). */
  readonly helpers: Readonly<Record<string, number>>;
  /** Panels written as JSON (dashboards). */
  readonly raw: number;
}

export interface ImportResult {
  readonly imported: readonly ImportedResource[];
  /** Refs left alone, with why (already defined in code, managed by another tool, stored as v2). */
  readonly skipped: readonly { readonly ref: ResourceRef; readonly why: string }[];
  /** Files written (none in a dry run). */
  readonly written: readonly string[];
}

/** The model of a dashboard read through either API; undefined when it must be read on its own. */
function dashboardModel(object: LiveObject<'Dashboard'>): Json | undefined {
  if (isAppObject(object.body)) return appDashboardModel(object.body);
  const body = isRecord(object.body) ? object.body : {};
  return isRecord(body.dashboard) ? body.dashboard : undefined;
}

/** Reads every folder and dashboard of the Grafana, as candidates. */
export async function readCandidates(
  client: GrafanaClient,
  project: Project<BaseConfig>,
  choice: ApiChoice,
  handlers: FullHandlers = HANDLERS,
): Promise<{ candidates: Candidate[]; skipped: { ref: ResourceRef; why: string }[] }> {
  const config = project.configSet.resolve();
  const { live } = await probeAndReadLive(
    handlers,
    {
      client,
      editable: false,
      resendSecrets: false,
      secrets: new Map(),
      ownership: ownershipOf(config),
      dashboardSchema: 'v1',
    },
    desiredOf([]),
    choice,
  );
  const candidates: Candidate[] = [];
  const skipped: { ref: ResourceRef; why: string }[] = [];
  for (const object of (live.get('Folder') ?? []) as LiveObject<'Folder'>[]) {
    if (object.foreignManager !== undefined) {
      skipped.push({ ref: object.ref, why: `managed by ${object.foreignManager}` });
      continue;
    }
    const comparable = handlers.Folder.live(object);
    const spec = isRecord(comparable.spec) ? comparable.spec : {};
    candidates.push({
      kind: 'Folder',
      uid: object.uid,
      title: typeof spec.title === 'string' ? spec.title : object.uid,
      model: spec,
      from: 'Grafana',
    });
  }
  for (const object of (live.get('Dashboard') ?? []) as LiveObject<'Dashboard'>[]) {
    if (object.foreignManager !== undefined) {
      skipped.push({ ref: object.ref, why: `managed by ${object.foreignManager}` });
      continue;
    }
    if (isAppObject(object.body) && storedSchema(object.body) === 'v2') {
      skipped.push({
        ref: object.ref,
        why: 'stored as a v2 dashboard: the import writes classic dashboards',
      });
      continue;
    }
    const model = dashboardModel(object) ?? (await readLegacyDashboard(client, object.uid));
    if (model === undefined) {
      skipped.push({ ref: object.ref, why: 'could not be read' });
      continue;
    }
    candidates.push({
      kind: 'Dashboard',
      uid: object.uid,
      title: typeof model.title === 'string' ? model.title : object.uid,
      ...(object.folderUid === undefined ? {} : { folderUid: object.folderUid }),
      model,
      from: 'Grafana',
    });
  }
  return { candidates, skipped };
}

async function readLegacyDashboard(client: GrafanaClient, uid: string): Promise<Json | undefined> {
  const response = await client.get(`/api/dashboards/uid/${encodeURIComponent(uid)}`, { allow: [404, 406] });
  if (response.status !== 200 || !isRecord(response.body)) return undefined;
  return isRecord(response.body.dashboard) ? response.body.dashboard : undefined;
}

/**
 * A dashboard JSON file as a candidate: the model itself, an export with `__inputs` (data source placeholders
 * kept as they are), or the legacy API's `{ dashboard, meta }`.
 */
export function candidateFromFile(path: string, text: string): Candidate {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ProjectLoadError(
      path,
      `is not JSON: ${error instanceof Error ? error.message : String(error)}. Export the dashboard again (Share > Export > Save to file)`,
    );
  }
  const model = isRecord(parsed) && isRecord(parsed.dashboard) ? parsed.dashboard : parsed;
  if (!isRecord(model) || !Array.isArray(model.panels ?? model.rows ?? []) || typeof model.title !== 'string')
    throw new ProjectLoadError(
      path,
      'is not a dashboard: a dashboard JSON has a title and panels. Give the file Grafana exports from Share > Export',
    );
  if (Array.isArray(model.rows) && model.panels === undefined)
    throw new ProjectLoadError(
      path,
      `is a dashboard of schema version ${String(model.schemaVersion ?? 'below 16')} with rows of panels, which Grafana migrates on load only: open it in Grafana, save it, and import it from there`,
    );
  const uid = typeof model.uid === 'string' && model.uid !== '' ? model.uid : fileNameOf(model.title);
  return { kind: 'Dashboard', uid, title: model.title, model: { ...model, uid }, from: path };
}

/** Whether a candidate was asked for. */
function selector(options: ImportOptions): (c: Candidate) => boolean {
  if (options.all !== true && options.only === undefined && options.folder === undefined)
    throw new UsageError('Say what to import: --all, --only <Kind/uid glob> or --folder <uid>.');
  const only = options.only === undefined ? undefined : refMatcher([...options.only]);
  return (c) => {
    if (options.all === true) return true;
    if (only?.(`${c.kind}/${c.uid}` as ResourceRef) === true) return true;
    if (options.folder !== undefined)
      return (c.kind === 'Folder' && c.uid === options.folder) || c.folderUid === options.folder;
    return false;
  };
}

interface Generated {
  readonly candidate: Candidate;
  readonly file: ContentFile;
  readonly helpers: Readonly<Record<string, number>>;
  readonly raw: number;
}

function header(c: Candidate): string {
  return `${c.kind}/${c.uid} "${c.title}", imported from ${c.from === 'Grafana' ? 'Grafana' : c.from} by npm run import.`;
}

/** The file of one candidate, checked: its code makes the resource it was read from. */
function generate(c: Candidate, refs: ConfigRefs, style: ProjectStyle, taken: FileNames): Generated {
  const dir = FOLDER_OF_KIND[c.kind];
  let name = c.kind === 'Folder' ? `folder-${fileNameOf(c.uid)}` : fileNameOf(c.uid);
  while (taken.has(`${dir}/${name}.ts`)) name = `${name}-imported`;
  taken.add(`${dir}/${name}.ts`);
  const binding = bindingOf(name);
  if (c.kind === 'Folder') {
    const parent = typeof c.model.parentUid === 'string' ? c.model.parentUid : undefined;
    const parentPath = parent === undefined ? undefined : refs.folder(parent);
    const input = object({
      uid: value(c.uid),
      title: value(c.title),
      description: typeof c.model.description === 'string' ? value(c.model.description) : undefined,
      parentUid:
        parent === undefined
          ? undefined
          : parentPath === undefined
            ? value(parent)
            : { kind: 'config', path: parentPath, value: parent },
    });
    return {
      candidate: c,
      file: {
        path: `${dir}/${name}.ts`,
        binding,
        source: contentSource('defineFolder', input, style, header(c)),
      },
      helpers: {},
      raw: 0,
    };
  }
  const code = dashboardCode(c.uid, c.folderUid, c.model, refs);
  const differences = dashboardDifferences(code, c.uid, c.model);
  if (differences.length > 0)
    throw new ProjectLoadError(
      c.from,
      `Dashboard/${c.uid}: the code the import would write does not make the dashboard read (${differences.join(', ')}); nothing was written. Report it with the dashboard's JSON`,
    );
  return {
    candidate: c,
    file: {
      path: `${dir}/${name}.ts`,
      binding,
      source: contentSource('defineDashboard', code.input, style, header(c)),
    },
    helpers: code.helpers,
    raw: code.raw,
  };
}

/** Imports the selected candidates into the project at `root`; writes nothing in a dry run or on any problem. */
export async function importCandidates(
  root: string,
  project: Project<BaseConfig>,
  candidates: readonly Candidate[],
  options: ImportOptions,
  skippedBefore: readonly { ref: ResourceRef; why: string }[] = [],
): Promise<ImportResult> {
  const wanted = selector(options);
  const built = buildProject(project);
  const defined = new Set(built.registry.resources.map((r) => `${r.kind}/${r.uid}`));
  const config = project.configSet.resolve();
  const refs = configRefsOf(config);
  const style = projectStyle(root);
  const skipped = [...skippedBefore];
  const taken = new FileNames(root);
  const generated: Generated[] = [];
  for (const c of [...candidates].sort((a, b) => (a.kind + a.uid < b.kind + b.uid ? -1 : 1))) {
    const ref = `${c.kind}/${c.uid}` as ResourceRef;
    if (!wanted(c)) continue;
    if (defined.has(ref)) {
      skipped.push({ ref, why: 'already defined in code' });
      continue;
    }
    generated.push(generate(c, refs, style, taken));
  }
  if (options.only !== undefined && generated.length === 0 && skipped.length === skippedBefore.length)
    throw new UsageError(`--only ${options.only.join(' ')} matches nothing Grafana holds.`);
  const formatted = await Promise.all(
    generated.map(async (g) => ({
      ...g,
      source: await formatSource(join(root, g.file.path), g.file.source),
    })),
  );
  const written: string[] = [];
  if (options.dryRun !== true && formatted.length > 0) {
    const byDir = new Map<string, typeof formatted>();
    for (const g of formatted) {
      const dir = dirname(g.file.path);
      byDir.set(dir, [...(byDir.get(dir) ?? []), g]);
    }
    const indexes = new Map<string, string>();
    for (const [dir, files] of byDir) {
      const indexPath = join(root, dir, 'index.ts');
      const entries = files.map((g) => ({
        binding: g.file.binding,
        file: g.file.path.slice(dir.length + 1),
      }));
      const current = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined;
      const next =
        current === undefined ? newIndex(entries, 'Imported content') : indexWith(current, entries);
      if (next === undefined)
        throw new ProjectLoadError(
          `${dir}/index.ts`,
          `has no \`export default [ … ];\` the import can add to; nothing was written. List ${entries.map((e) => e.binding).join(', ')} in it yourself, or run the import again after giving it that shape`,
        );
      indexes.set(indexPath, await formatSource(indexPath, next));
    }
    for (const g of formatted) {
      const path = join(root, g.file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, g.source);
      written.push(g.file.path);
    }
    for (const [path, text] of indexes) {
      writeFileSync(path, text);
      written.push(path.slice(root.length + 1));
    }
  }
  return {
    imported: formatted.map((g) => ({
      ref: `${g.candidate.kind}/${g.candidate.uid}` as ResourceRef,
      file: g.file.path,
      helpers: g.helpers,
      raw: g.raw,
    })),
    skipped,
    written,
  };
}

/** File names taken: those already in the repository (never overwritten) and those this run gives out. */
class FileNames {
  private readonly given = new Set<string>();
  constructor(private readonly root: string) {}
  has(path: string): boolean {
    return this.given.has(path) || existsSync(join(this.root, path));
  }
  add(path: string): void {
    this.given.add(path);
  }
}
