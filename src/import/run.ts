/**
 * `npm run import`: what Grafana holds (or exported dashboard JSON files) as content files of the repository. It
 * reads through the same handlers as publish and drift, selects (`--all`, `--only`, `--folder`), writes one file
 * per resource with the code of src/import/, checks each file makes the resource it was read from before anything
 * is written, and lists the files in their index. Resources the code already defines are left alone.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { PrometheusRule } from '../alerting/rule-model.ts';
import type { BaseConfig } from '../config/base.ts';
import { desiredOf } from '../core/desired.ts';
import { ProjectLoadError, UsageError } from '../core/errors.ts';
import { ownershipOf } from '../core/ownership.ts';
import type { Kind } from '../core/kinds.ts';
import { KINDS, KIND_DIRECTORY } from '../core/kinds.ts';
import type { ResourceRef } from '../core/resource.ts';
import type { GrafanaClient } from '../grafana/client.ts';
import { HANDLERS } from '../handlers/index.ts';
import { appDashboardModel, storedSchema } from '../handlers/dashboard-app.ts';
import { isAppObject } from '../handlers/app-objects.ts';
import type { KindHandler, LiveObject } from '../handlers/types.ts';
import type { FullHandlers } from '../publish/apply.ts';
import type { ApiChoice } from '../publish/live-state.ts';
import { probeAndReadLive } from '../publish/live-state.ts';
import { refMatcher } from '../publish/plan.ts';
import type { Project } from '../project/project.ts';
import { buildProject } from '../project/project.ts';
import { ValidationError } from '../core/errors.ts';
import { closest } from '../core/did-you-mean.ts';
import { withSource } from '../define/definition.ts';
import { definerOf } from './definers.ts';
import { splitLenient } from '../validate/lenient.ts';
import { sortProblems } from '../validate/problem.ts';
import { validate } from '../validate/validate.ts';
import type { Code } from './code.ts';
import { evaluate, object, value } from './code.ts';
import type { Definer } from './alerting.ts';
import {
  ALERTING_FUNCTIONS,
  DEFINER_NAME,
  contactPointInput,
  dataSourceInput,
  makesLive,
  muteTimingInput,
  policyTreeCandidates,
  ruleGroupCandidates,
  templateInput,
} from './alerting.ts';
import type { ConfigRefs } from './config-refs.ts';
import { configRefsOf } from './config-refs.ts';
import { DASHBOARD_FUNCTIONS, dashboardCode, dashboardDifferences } from './dashboard.ts';
import type { ContentFile, ProjectStyle } from './files.ts';
import {
  FOLDER_OF_KIND,
  bindingOf,
  contentSource,
  fileNameFor,
  fileNameOf,
  indexWith,
  newIndex,
  projectStyle,
} from './files.ts';
import { formatSource } from './format.ts';
import { SECRET_SET, SecretNames, envExampleWith } from './secrets.ts';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One resource to import, as read. */
export interface Candidate {
  readonly kind: Kind;
  readonly uid: string;
  readonly title: string;
  readonly folderUid?: string;
  /** The model (dashboards) or the comparable spec (every other kind) as Grafana holds it. */
  readonly model: Json;
  /** The object as read (kinds other than dashboards and folders): the input must make what publish finds equal. */
  readonly live?: LiveObject;
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
  /** The secrets the written code references, with where: to be set where publish runs (`.env.example` lists them). */
  readonly secrets: readonly (readonly [string, string])[];
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
  for (const kind of KINDS) {
    if (kind === 'Dashboard') continue;
    const handler = handlers[kind] as KindHandler<Kind>;
    for (const object of live.get(kind) ?? []) {
      if (object.foreignManager !== undefined) {
        skipped.push({ ref: object.ref, why: `managed by ${object.foreignManager}` });
        continue;
      }
      if (object.uid === '') {
        // Grafana's default configuration gives the default contact point's integration no uid.
        skipped.push({
          ref: object.ref,
          why: 'it has no uid (Grafana’s default contact point): define it in code to manage it',
        });
        continue;
      }
      // The list of data sources is a summary (no basicAuthUser, no secureJsonFields): each is read whole.
      const read =
        kind === 'DataSource'
          ? await client.get(`/api/datasources/uid/${encodeURIComponent(object.uid)}`, { allow: [404] })
          : undefined;
      const full: LiveObject = read?.status === 200 ? { ...object, body: read.body } : object;
      const comparable = handler.live(full);
      const spec = isRecord(comparable.spec) ? comparable.spec : {};
      const title =
        typeof spec.title === 'string' ? spec.title : typeof spec.name === 'string' ? spec.name : object.uid;
      candidates.push({
        kind,
        uid: object.uid,
        title,
        ...(object.folderUid === undefined ? {} : { folderUid: object.folderUid }),
        model: spec,
        ...(kind === 'Folder' ? {} : { live: full }),
        from: 'Grafana',
      });
    }
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
    // A rule group is read as `<folder>:<title>`; its title, the uid the code usually gives it, selects it too.
    if (c.kind === 'AlertRuleGroup' && only?.(`AlertRuleGroup/${c.title}` as ResourceRef) === true)
      return true;
    if (options.folder !== undefined)
      return (c.kind === 'Folder' && c.uid === options.folder) || c.folderUid === options.folder;
    return false;
  };
}

interface Generated {
  readonly candidate: Candidate;
  /** The resource uid the code defines (a rule group's may differ from the uid it was read under). */
  readonly uid: string;
  /** `defineDashboard`, … and its input: what the file's default export is. */
  readonly definer: string;
  readonly input: Code;
  readonly file: ContentFile;
  readonly helpers: Readonly<Record<string, number>>;
  readonly raw: number;
}

function header(c: Candidate): string {
  return `${c.kind}/${c.uid} "${c.title}", imported from ${c.from === 'Grafana' ? 'Grafana' : c.from} by npm run import.`;
}

/** What generation needs besides the candidate. */
interface GenerateContext {
  readonly refs: ConfigRefs;
  readonly style: ProjectStyle;
  readonly taken: FileNames;
  readonly config: BaseConfig;
  readonly secrets: SecretNames;
  readonly handlers: FullHandlers;
  /** The uid rendered/ gives a rule group, by `folderUid/title`. */
  readonly renderedGroups: ReadonlyMap<string, string>;
  /** rendered/ of the repository imported into. */
  readonly renderedDir: string;
  /** The rules of each group of rendered/'s Prometheus and Loki rule files, by group name. */
  readonly renderedRules: ReadonlyMap<string, readonly PrometheusRule[]>;
}

function notMade(c: Candidate, what: string): ProjectLoadError {
  return new ProjectLoadError(
    c.from,
    `${c.kind}/${c.uid}: the code the import would write does not make ${what}; nothing was written. Report it with the object as Grafana returns it`,
  );
}

/**
 * The definer and input of one candidate, checked: the input makes the resource it was read from. A dashboard's
 * also counts the panels written as kit calls (`helpers`) and as JSON (`raw`).
 */
function inputOf(
  c: Candidate,
  g: GenerateContext,
): Pick<Generated, 'definer' | 'input' | 'uid'> & Partial<Pick<Generated, 'helpers' | 'raw'>> {
  const checked = (definer: Definer, input: Code): boolean =>
    c.live !== undefined &&
    makesLive(definer, input, g.config, g.handlers[c.kind] as KindHandler<Kind>, c.live);
  switch (c.kind) {
    case 'Folder': {
      const parent = typeof c.model.parentUid === 'string' ? c.model.parentUid : undefined;
      const parentPath = parent === undefined ? undefined : g.refs.folder(parent);
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
      return { definer: 'defineFolder', input, uid: c.uid };
    }
    case 'Dashboard': {
      const code = dashboardCode(c.uid, c.folderUid, c.model, g.refs);
      const differences = dashboardDifferences(code, c.uid, c.model);
      if (differences.length > 0) throw notMade(c, `the dashboard read (${differences.join(', ')})`);
      return {
        definer: 'defineDashboard',
        input: code.input,
        uid: c.uid,
        helpers: code.helpers,
        raw: code.raw,
      };
    }
    case 'DataSource':
    case 'ContactPoint':
    case 'MuteTiming':
    case 'NotificationTemplate': {
      const inputFor = (spec: Json): Code =>
        c.kind === 'DataSource'
          ? dataSourceInput(spec, g.secrets, g.refs)
          : c.kind === 'ContactPoint'
            ? contactPointInput(spec, g.secrets, g.refs)
            : c.kind === 'MuteTiming'
              ? muteTimingInput(spec)
              : templateInput(spec);
      // The committed rendered/ form of the same object (a repository re-importing what it published gets its own
      // text back), then what Grafana returned, which keeps what its comparison leaves out (a mute timing's
      // `location: UTC`), then the compared form: the first that makes the same object is written.
      const committed = renderedSpec(g.renderedDir, c.kind, c.uid);
      const body =
        (c.kind === 'MuteTiming' || c.kind === 'NotificationTemplate') && isRecord(c.live?.body)
          ? [c.live.body]
          : [];
      // A data source's secure fields are only named by Grafana (`secureJsonFields`): each is a secret to give.
      const secure =
        c.kind === 'DataSource' && isRecord(c.live?.body) ? c.live.body.secureJsonFields : undefined;
      const model: Json = isRecord(secure)
        ? {
            ...c.model,
            secureJsonData: {
              ...(isRecord(c.model.secureJsonData) ? c.model.secureJsonData : {}),
              ...Object.fromEntries(
                Object.entries(secure)
                  .filter(([, set]) => set === true)
                  .map(([k]) => [k, SECRET_SET]),
              ),
            },
          }
        : c.model;
      const input = [...(committed === undefined ? [] : [committed]), ...body, model]
        .map(inputFor)
        .find((i) => checked(c.kind as Definer, i));
      if (input === undefined) throw notMade(c, 'what Grafana holds');
      return { definer: DEFINER_NAME[c.kind], input, uid: c.uid };
    }
    case 'NotificationPolicyTree': {
      const input = policyTreeCandidates(c.model, g.config).find((i) => checked('NotificationPolicyTree', i));
      if (input === undefined) throw notMade(c, 'the policy tree Grafana holds');
      return { definer: DEFINER_NAME.NotificationPolicyTree, input, uid: c.uid };
    }
    case 'AlertRuleGroup': {
      const folderUid = c.folderUid ?? (typeof c.model.folderUid === 'string' ? c.model.folderUid : '');
      const hint = g.renderedGroups.get(`${folderUid}/${c.title}`);
      const uids = [
        ...new Set([
          ...(hint === undefined ? [] : [hint]),
          fileNameOf(c.title),
          fileNameOf(`${folderUid}-${c.title}`),
        ]),
      ];
      const body = isRecord(c.live?.body) ? c.live.body : c.model;
      const found = ruleGroupCandidates(
        c.model,
        folderUid,
        uids,
        g.refs,
        body,
        g.renderedRules.get(c.title),
      ).find((k) => checked(k.definer, k.input));
      if (found === undefined) throw notMade(c, 'the rule group Grafana holds');
      return { definer: DEFINER_NAME[found.definer], input: found.input, uid: found.uid };
    }
  }
}

/** The file of one candidate, checked: its code makes the resource it was read from. */
function generate(c: Candidate, g: GenerateContext): Generated {
  const { definer, input, uid, helpers = {}, raw = 0 } = inputOf(c, g);
  const dir = FOLDER_OF_KIND[c.kind];
  let name = fileNameFor(c.kind, uid);
  while (g.taken.has(`${dir}/${name}.ts`)) name = `${name}-imported`;
  g.taken.add(`${dir}/${name}.ts`);
  return {
    candidate: c,
    uid,
    definer,
    input,
    file: {
      path: `${dir}/${name}.ts`,
      binding: bindingOf(name),
      source: contentSource(definer, input, g.style, header(c)),
    },
    helpers,
    raw,
  };
}

/**
 * The spec rendered/ holds for a resource, its `${NAME}` secret placeholders read as "a secret is set" (the name is
 * taken from the same file by SecretNames); undefined when rendered/ has no such file.
 */
function renderedSpec(renderedDir: string, kind: Kind, uid: string): Json | undefined {
  const path = join(renderedDir, 'grafana', KIND_DIRECTORY[kind], `${uid}.json`);
  if (!existsSync(path)) return undefined;
  try {
    const spec = (JSON.parse(readFileSync(path, 'utf8')) as { spec?: unknown }).spec;
    const secretsSet = (v: unknown): unknown =>
      typeof v === 'string' && /^\$\{[A-Z_][A-Z0-9_]*\}$/.test(v)
        ? SECRET_SET
        : Array.isArray(v)
          ? v.map(secretsSet)
          : isRecord(v)
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, secretsSet(x)]))
            : v;
    const out = secretsSet(spec);
    return isRecord(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** The groups of rendered/'s rule files (prometheus/*.yml, loki/*.yml), by name. */
function renderedRuleFiles(renderedDir: string): Map<string, readonly PrometheusRule[]> {
  const out = new Map<string, readonly PrometheusRule[]>();
  for (const sub of ['prometheus', 'loki']) {
    const dir = join(renderedDir, sub);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
      try {
        const doc = parse(readFileSync(join(dir, file), 'utf8')) as {
          groups?: { name?: unknown; rules?: PrometheusRule[] }[];
        };
        for (const group of doc.groups ?? [])
          if (typeof group.name === 'string' && Array.isArray(group.rules)) out.set(group.name, group.rules);
      } catch {
        // An unreadable file gives no rules.
      }
    }
  }
  return out;
}

/** The uid rendered/ gives each rule group, by `folderUid/title`: rule uids are derived from it. */
function renderedRuleGroups(renderedDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(renderedDir, 'grafana', 'alert-rule-groups');
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    try {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { uid?: unknown; spec?: Json };
      const spec = doc.spec ?? {};
      if (typeof doc.uid === 'string' && typeof spec.folderUid === 'string' && typeof spec.title === 'string')
        out.set(`${spec.folderUid}/${spec.title}`, doc.uid);
    } catch {
      // An unreadable file gives no hint.
    }
  }
  return out;
}

/** Imports the selected candidates into the project at `root`; writes nothing in a dry run or on any problem. */
export async function importCandidates(
  root: string,
  project: Project<BaseConfig>,
  candidates: readonly Candidate[],
  options: ImportOptions,
  skippedBefore: readonly { ref: ResourceRef; why: string }[] = [],
  handlers: FullHandlers = HANDLERS,
): Promise<ImportResult> {
  const wanted = selector(options);
  const built = buildProject(project);
  const defined = new Set(built.registry.resources.map((r) => `${r.kind}/${r.uid}`));
  const config = project.configSet.resolve();
  const refs = configRefsOf(config);
  const style = projectStyle(root);
  const skipped = [...skippedBefore];
  const taken = new FileNames(root);
  const secrets = new SecretNames(join(root, 'rendered'));
  const context: GenerateContext = {
    refs,
    style,
    taken,
    config,
    secrets,
    handlers,
    renderedGroups: renderedRuleGroups(join(root, 'rendered')),
    renderedRules: renderedRuleFiles(join(root, 'rendered')),
    renderedDir: join(root, 'rendered'),
  };
  const generated: Generated[] = [];
  for (const c of [...candidates].sort((a, b) => (a.kind + a.uid < b.kind + b.uid ? -1 : 1))) {
    const ref = `${c.kind}/${c.uid}` as ResourceRef;
    if (!wanted(c)) continue;
    if (defined.has(ref)) {
      skipped.push({ ref, why: 'already defined in code' });
      continue;
    }
    const g = generate(c, context);
    if (defined.has(`${c.kind}/${g.uid}`)) {
      skipped.push({ ref, why: `already defined in code (as ${c.kind}/${g.uid})` });
      continue;
    }
    generated.push(g);
  }
  if (options.only !== undefined && generated.length === 0 && skipped.length === skippedBefore.length) {
    const known = candidates.map((c) => `${c.kind}/${c.uid}`);
    // Refs the text begins first (a uid given short), then the nearest by spelling.
    const near = options.only
      .flatMap((o) => [...known.filter((r) => r.startsWith(o)), ...closest(o, known)])
      .slice(0, 3);
    throw new UsageError(
      `--only ${options.only.join(' ')} matches nothing Grafana holds${near.length > 0 ? `; closest: ${[...new Set(near)].join(', ')}` : ''}. Nothing was written.`,
    );
  }
  checkImported(root, project, generated);
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
    const envExample = join(root, '.env.example');
    const env = envExampleWith(existsSync(envExample) ? readFileSync(envExample, 'utf8') : '', secrets.all());
    if (env !== undefined) {
      writeFileSync(envExample, env);
      written.push('.env.example');
    }
  }
  return {
    imported: formatted.map((g) => ({
      ref: `${g.candidate.kind}/${g.uid}` as ResourceRef,
      file: g.file.path,
      helpers: g.helpers,
      raw: g.raw,
    })),
    skipped,
    written,
    secrets: secrets.all(),
  };
}

/**
 * Validates the project as it would be with the files written: what Grafana or Prometheus would refuse in an
 * imported resource (a circular variable, a repeat by a variable that does not exist, a query that does not
 * parse) stops the import before anything is written; what the house style asks is left to warnings.
 */
function checkImported(root: string, project: Project<BaseConfig>, generated: readonly Generated[]): void {
  const functions = { ...DASHBOARD_FUNCTIONS, ...ALERTING_FUNCTIONS };
  const definitions = generated.map((g) => {
    const define = definerOf(g.definer);
    if (define === undefined) throw new Error(`the import has no definer ${g.definer}`);
    return {
      definition: withSource(define(evaluate(g.input, functions) as never), join(root, g.file.path)),
      index: `${dirname(g.file.path)}/index.ts`,
    };
  });
  const built = buildProject({ ...project, definitions: [...project.definitions, ...definitions] });
  const { errors } = splitLenient(
    sortProblems([...built.problems, ...(built.complete ? validate(built.registry, built.config) : [])]),
    built.registry,
  );
  const mine = new Set(generated.map((g) => g.file.path));
  const problems = errors.filter((p) => mine.has(p.file));
  if (problems.length > 0) throw new ValidationError(problems);
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
