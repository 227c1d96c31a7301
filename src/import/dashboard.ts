/**
 * A dashboard Grafana holds, as a content file: `defineDashboard` with the model's fields as they are and each
 * panel as a checked kit call at its place, or as its JSON (src/import/panels.ts). The file is checked as a whole:
 * the model its code evaluates to must make the same resource as the model Grafana holds.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { canonicalize } from '../core/canonical.ts';
import { normalizedDashboard } from '../define/dashboard.ts';
import { asDashboard } from '../kit/index.ts';
import type { Code, Functions } from './code.ts';
import { evaluate, object, value } from './code.ts';
import type { ConfigRefs } from './config-refs.ts';
import { jsonCode } from './config-refs.ts';
import { PANEL_FUNCTIONS, panelCode } from './panels.ts';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const DASHBOARD_FUNCTIONS: Functions = { ...PANEL_FUNCTIONS, asDashboard } as Functions;

const same = (a: unknown, b: unknown): boolean =>
  a === undefined || b === undefined
    ? a === b
    : JSON.stringify(canonicalize(a)) === JSON.stringify(canonicalize(b));

export interface DashboardCode {
  /** `{ uid, folderUid, dashboard }`: the argument of defineDashboard. */
  readonly input: Code;
  /** Panels written with each kit helper, by helper. */
  readonly helpers: Readonly<Record<string, number>>;
  /** Panels written as JSON. */
  readonly raw: number;
}

/**
 * The code of a dashboard: its top-level fields as JSON (data source uids the Config names as the Config's), its
 * panels as checked kit calls where one fits. Server-owned fields (`id`, `version`) are left out: the repository
 * does not own them.
 */
export function dashboardCode(
  uid: string,
  folderUid: string | undefined,
  model: Json,
  refs: ConfigRefs,
): DashboardCode {
  const { id: _id, version: _version, panels, ...rest } = model;
  const list = Array.isArray(panels) ? panels.filter(isRecord) : [];
  const helpers: Record<string, number> = {};
  let raw = 0;
  const panelCodes = list.map((panel) => {
    // A panel fits when, alone in the dashboard, it normalises to what the panel Grafana holds normalises to.
    const expected = normalizedDashboard({ ...rest, panels: [panel] } as unknown as Dashboard, uid)
      .panels?.[0];
    const fits = (candidate: unknown): boolean =>
      same(
        normalizedDashboard({ ...rest, panels: [candidate] } as unknown as Dashboard, uid).panels?.[0],
        expected,
      );
    const { code, helper } = panelCode(panel, refs, fits, (c) => evaluate(c, DASHBOARD_FUNCTIONS));
    if (helper === undefined) raw += 1;
    else helpers[helper] = (helpers[helper] ?? 0) + 1;
    return code;
  });
  const fields: Record<string, Code> = {};
  for (const [key, v] of Object.entries(withoutRestored(rest, uid))) fields[key] = jsonCode(v, refs);
  if (Array.isArray(panels)) fields.panels = { kind: 'array', items: panelCodes };
  const folderPath = folderUid === undefined ? undefined : refs.folder(folderUid);
  const input = object({
    uid: value(uid),
    folderUid:
      folderUid === undefined
        ? undefined
        : folderPath === undefined
          ? value(folderUid)
          : { kind: 'config', path: folderPath, value: folderUid },
    dashboard: {
      kind: 'call',
      callee: 'asDashboard',
      args: [{ kind: 'object', fields: Object.entries(fields) }],
      chain: [],
    },
    // Lint findings and unknown metrics are warnings until someone cleans the dashboard up and removes this.
    imported: value(true),
  });
  return { input, helpers, raw };
}

/**
 * The top-level fields without those the normalisation of defineDashboard gives back by itself (the uid, the
 * built-in annotation, empty lists): a field is left out only when the model without it normalises to the same.
 */
function withoutRestored(fields: Json, uid: string): Json {
  const normal = (model: Json): string =>
    JSON.stringify(canonicalize({ ...normalizedDashboard(model as unknown as Dashboard, uid), panels: [] }));
  const expected = normal(fields);
  let kept: Json = { ...fields };
  for (const key of Object.keys(fields)) {
    const { [key]: _dropped, ...without } = kept;
    if (normal(without) === expected) kept = without;
  }
  return kept;
}

/**
 * Whether the code makes the dashboard Grafana holds: the model it evaluates to and the model read, normalised as
 * defineDashboard normalises them, are equal. Differences are listed by top-level field and panel index.
 */
export function dashboardDifferences(code: DashboardCode, uid: string, model: Json): string[] {
  const input = evaluate(code.input, DASHBOARD_FUNCTIONS) as { dashboard: Dashboard };
  const made = normalizedDashboard(input.dashboard, uid) as unknown as Json;
  const read = normalizedDashboard(model as unknown as Dashboard, uid) as unknown as Json;
  const out: string[] = [];
  for (const key of new Set([...Object.keys(made), ...Object.keys(read)])) {
    if (key === 'panels') continue;
    if (!same(made[key], read[key])) out.push(key);
  }
  const a = Array.isArray(made.panels) ? made.panels : [];
  const b = Array.isArray(read.panels) ? read.panels : [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) if (!same(a[i], b[i])) out.push(`panels[${i}]`);
  return out;
}
