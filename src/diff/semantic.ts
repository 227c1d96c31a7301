import { parse } from 'yaml';
import { receiversFor } from '../alerting/route-eval.ts';
import { SEVERITY_LABEL } from '../alerting/routing.ts';
import type { Resource, ResourceRef } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { RouteSpec } from '../core/specs.ts';
import { asArray, asRecord, asString } from '../handlers/shared.ts';
import { diffValues, stable } from '../publish/diff.ts';

/** One thing a change does, in words a reviewer reads. */
export interface SemanticChange {
  readonly ref: string;
  readonly source?: string;
  readonly text: string;
}

function code(value: unknown): string {
  const text = value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${text.length > 120 ? `${text.slice(0, 117)}...` : text}\``;
}

/**
 * `before → after` for a reviewer: long strings are cut down to where they differ, with some context, so that the
 * change is visible at once.
 */
function change(before: unknown, after: unknown): string {
  if (
    typeof before !== 'string' ||
    typeof after !== 'string' ||
    (before.length <= 100 && after.length <= 100)
  ) {
    return `${code(before)} → ${code(after)}`;
  }
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end += 1;
  const context = 30;
  const from = Math.max(0, start - context);
  const cut = (text: string): string =>
    `${from > 0 ? '…' : ''}${text.slice(from, text.length - Math.max(0, end - context))}${end > context ? '…' : ''}`;
  return `\`${cut(before)}\` → \`${cut(after)}\``;
}

function panelsOf(spec: unknown): Map<number, Record<string, unknown>> {
  const out = new Map<number, Record<string, unknown>>();
  for (const p of asArray(asRecord(spec).panels)) {
    const panel = asRecord(p);
    if (typeof panel.id === 'number') out.set(panel.id, panel);
    for (const inner of asArray(panel.panels)) {
      const q = asRecord(inner);
      if (typeof q.id === 'number') out.set(q.id, q);
    }
  }
  return out;
}

function panelName(panel: Record<string, unknown>): string {
  return `panel ${JSON.stringify(asString(panel.title) ?? `#${String(panel.id)}`)}`;
}

function dashboardChanges(before: unknown, after: unknown): string[] {
  const out: string[] = [];
  const b = asRecord(before);
  const a = asRecord(after);
  if (b.title !== a.title) out.push(`title ${code(b.title)} → ${code(a.title)}`);
  const old = panelsOf(before);
  const now = panelsOf(after);
  for (const [id, panel] of now) if (!old.has(id)) out.push(`${panelName(panel)} added`);
  for (const [id, panel] of old) if (!now.has(id)) out.push(`${panelName(panel)} removed`);
  for (const [id, p] of now) {
    const q = old.get(id);
    if (q === undefined) continue;
    const name = panelName(p);
    if (q.title !== p.title) out.push(`${panelName(q)} renamed to ${code(p.title)}`);
    if (stable(q.gridPos) !== stable(p.gridPos)) out.push(`${name} moved or resized`);
    const targets = new Map(asArray(p.targets).map((t) => [asString(asRecord(t).refId) ?? '', asRecord(t)]));
    const oldTargets = new Map(
      asArray(q.targets).map((t) => [asString(asRecord(t).refId) ?? '', asRecord(t)]),
    );
    for (const [refId, t] of targets) {
      const o = oldTargets.get(refId);
      if (o === undefined) out.push(`${name}: query ${refId} added: ${code(t.expr ?? t.query)}`);
      else if (stable(o) !== stable(t))
        out.push(`${name}: query ${refId} changed: ${change(o.expr ?? o.query, t.expr ?? t.query)}`);
    }
    for (const refId of oldTargets.keys())
      if (!targets.has(refId)) out.push(`${name}: query ${refId} removed`);
    const defaults = (x: Record<string, unknown>): Record<string, unknown> =>
      asRecord(asRecord(x.fieldConfig).defaults);
    if (stable(defaults(q).thresholds) !== stable(defaults(p).thresholds)) {
      // Step by step: `0.005 → 0.01` for a moved threshold, its colour when that is what changed.
      const steps = (x: Record<string, unknown>): Record<string, unknown>[] =>
        asArray(asRecord(defaults(x).thresholds).steps).map(asRecord);
      const was = steps(q);
      const is = steps(p);
      const moved: string[] = [];
      for (let i = 0; i < Math.max(was.length, is.length); i += 1) {
        const o = was[i];
        const n = is[i];
        if (o === undefined) moved.push(`step ${code(n?.value)} (${String(n?.color)}) added`);
        else if (n === undefined) moved.push(`step ${code(o.value)} (${String(o.color)}) removed`);
        else if (stable(o.value) !== stable(n.value)) moved.push(`${code(o.value)} → ${code(n.value)}`);
        else if (o.color !== n.color) moved.push(`${code(o.value)}: ${String(o.color)} → ${String(n.color)}`);
      }
      out.push(`${name}: thresholds ${moved.join(', ') || 'mode changed'}`);
    }
    if (q.description !== p.description)
      out.push(`${name}: description ${change(q.description, p.description)}`);
    if (defaults(q).unit !== defaults(p).unit)
      out.push(`${name}: unit ${code(defaults(q).unit)} → ${code(defaults(p).unit)}`);
    const rest = (x: Record<string, unknown>): unknown => ({
      ...x,
      gridPos: undefined,
      targets: undefined,
      title: undefined,
      description: undefined,
      fieldConfig: {
        ...asRecord(x.fieldConfig),
        defaults: { ...defaults(x), thresholds: undefined, unit: undefined },
      },
    });
    if (stable(rest(q)) !== stable(rest(p))) out.push(`${name}: display options changed`);
  }
  const vars = (x: Record<string, unknown>): Map<string, unknown> =>
    new Map(asArray(asRecord(x.templating).list).map((v) => [asString(asRecord(v).name) ?? '', v]));
  const oldVars = vars(b);
  const newVars = vars(a);
  for (const [name, v] of newVars) {
    if (!oldVars.has(name)) out.push(`variable $${name} added`);
    else if (stable(oldVars.get(name)) !== stable(v)) out.push(`variable $${name} changed`);
  }
  for (const name of oldVars.keys()) if (!newVars.has(name)) out.push(`variable $${name} removed`);
  const others = (x: Record<string, unknown>): unknown => ({
    ...x,
    panels: undefined,
    templating: undefined,
    title: undefined,
  });
  // Beside panel and variable changes, not only in their absence: a change of time range or refresh is its own.
  if (stable(others(b)) !== stable(others(a))) out.push('dashboard settings changed');
  return out;
}

/** Rules of a rendered rule file, by name and occurrence. */
function rulesOf(text: string | undefined): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (text === undefined) return out;
  const seen = new Map<string, number>();
  for (const group of asArray(asRecord(parse(text)).groups)) {
    for (const r of asArray(asRecord(group).rules)) {
      const rule = asRecord(r);
      const name = asString(rule.alert) ?? asString(rule.record) ?? '?';
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      out.set(n === 0 ? name : `${name} #${n + 1}`, rule);
    }
  }
  return out;
}

/** The receivers an alert with these labels reaches under each side's policy tree, when both sides have one. */
type Reach = (labels: Record<string, unknown>, side: 'before' | 'after') => string | undefined;

function ruleFileChanges(before: string | undefined, after: string | undefined, reach: Reach): string[] {
  const out: string[] = [];
  const old = rulesOf(before);
  const now = rulesOf(after);
  // Named as plans and drift name them (src/publish/describe-path.ts): `rule <Name>`.
  const kind = (r: Record<string, unknown>): string => ('alert' in r ? 'rule' : 'recording rule');
  for (const [name, r] of now)
    if (!old.has(name)) out.push(`${kind(r)} ${name} added (${code(asRecord(r.labels).severity ?? r.expr)})`);
  for (const [name, r] of old) if (!now.has(name)) out.push(`${kind(r)} ${name} removed`);
  for (const [name, r] of now) {
    const o = old.get(name);
    if (o === undefined) continue;
    if (o.expr !== r.expr) out.push(`${kind(r)} ${name}: expression ${change(o.expr, r.expr)}`);
    if (o.for !== r.for) out.push(`${kind(r)} ${name}: for ${code(o.for)} → ${code(r.for)}`);
    const ol = asRecord(o.labels);
    const nl = asRecord(r.labels);
    if (ol.severity !== nl.severity) {
      // Which receiver the alert now reaches: what a severity change means to the people paged.
      const was = reach({ ...ol, alertname: name }, 'before');
      const is = reach({ ...nl, alertname: name }, 'after');
      const receivers =
        was !== undefined && is !== undefined && was !== is ? ` (now reaches ${is}, was ${was})` : '';
      out.push(`${kind(r)} ${name}: severity ${code(ol.severity)} → ${code(nl.severity)}${receivers}`);
    }
    for (const change of diffValues({ ...ol, severity: undefined }, { ...nl, severity: undefined })) {
      out.push(`${kind(r)} ${name}: label ${change.path} ${code(change.before)} → ${code(change.after)}`);
    }
    for (const change of diffValues(o.annotations, r.annotations)) {
      out.push(`${kind(r)} ${name}: ${change.path} changed`);
    }
  }
  return out;
}

function severitiesIn(route: RouteSpec): string[] {
  const out = new Set<string>();
  const walk = (r: RouteSpec): void => {
    for (const [name, op, value] of r.object_matchers ?? [])
      if (name === SEVERITY_LABEL && op === '=') out.add(value);
    for (const child of r.routes ?? []) walk(child);
  };
  walk(route);
  return [...out].sort();
}

/** Routes by what they match (`severity=critical`, nested as `a › b`), so that inserting one shifts nothing. */
function routesByMatchers(root: RouteSpec): Map<string, RouteSpec> {
  const out = new Map<string, RouteSpec>();
  const walk = (route: RouteSpec, prefix: string): void => {
    for (const child of route.routes ?? []) {
      const own =
        (child.object_matchers ?? []).map(([n, op, v]) => `${n}${op}${v}`).join(', ') || '(catch-all)';
      const key = prefix === '' ? own : `${prefix} › ${own}`;
      out.set(key, { ...child, routes: [] });
      walk(child, key);
    }
  };
  walk(root, '');
  return out;
}

function routingChanges(before: RouteSpec | undefined, after: RouteSpec | undefined): string[] {
  if (before === undefined || after === undefined) return [];
  const out: string[] = [];
  for (const severity of [...new Set([...severitiesIn(before), ...severitiesIn(after)])].sort()) {
    const labels = { [SEVERITY_LABEL]: severity, alertname: 'DiffProbe' };
    const was = receiversFor(before, labels).join(', ');
    const is = receiversFor(after, labels).join(', ');
    if (was !== is) out.push(`severity=${severity} now reaches ${is} (was ${was})`);
  }
  const old = routesByMatchers(before);
  const now = routesByMatchers(after);
  for (const [key, route] of now) {
    const o = old.get(key);
    if (o === undefined) out.push(`route ${key} added → ${route.receiver ?? '(inherited receiver)'}`);
    else
      for (const c of diffValues(o, route))
        out.push(`route ${key}: ${c.path} ${code(c.before)} → ${code(c.after)}`);
  }
  for (const key of old.keys()) if (!now.has(key)) out.push(`route ${key} removed`);
  const root = (r: RouteSpec): RouteSpec => ({ ...r, routes: [] });
  for (const c of diffValues(root(before), root(after)))
    out.push(`default route: ${c.path} ${code(c.before)} → ${code(c.after)}`);
  return out;
}

/** Field changes with secret values never shown: a `${ENV}` placeholder is a name, which is fine to show. */
function fieldChanges(before: unknown, after: unknown): string[] {
  return diffValues(before, after).map((c) => `${c.path}: ${code(c.before)} → ${code(c.after)}`);
}

/**
 * What a change to the repository does, from `rendered/` before and after: per resource, in reviewers' words.
 * Rules are read from the Prometheus/Loki rule files (they hold every rule, recording rules included); the Grafana
 * rule groups and the Alertmanager twin mirror them and are not repeated.
 */
export function semanticDiff(
  before: { readonly resources: readonly Resource[]; readonly files: ReadonlyMap<string, string> },
  after: { readonly resources: readonly Resource[]; readonly files: ReadonlyMap<string, string> },
): SemanticChange[] {
  const out: SemanticChange[] = [];
  const index = (rs: readonly Resource[]): Map<ResourceRef, Resource> =>
    new Map(rs.map((r) => [refOf(r), r]));
  const old = index(before.resources);
  const now = index(after.resources);
  for (const [ref, r] of now) {
    if (r.kind === 'AlertRuleGroup') continue;
    const o = old.get(ref);
    const base = { ref, source: r.source };
    if (o === undefined) {
      out.push({ ...base, text: `${r.kind} ${JSON.stringify(r.title)} added` });
      continue;
    }
    const texts =
      r.kind === 'Dashboard'
        ? [
            ...(o.folderUid !== r.folderUid ? [`moved to folder ${code(r.folderUid)}`] : []),
            ...dashboardChanges(o.spec, r.spec),
          ]
        : r.kind === 'NotificationPolicyTree'
          ? routingChanges(o.spec as RouteSpec, r.spec)
          : fieldChanges(o.spec, r.spec);
    for (const text of texts) out.push({ ...base, text });
  }
  for (const [ref, o] of old)
    if (!now.has(ref) && o.kind !== 'AlertRuleGroup')
      out.push({ ref, source: o.source, text: `${o.kind} ${JSON.stringify(o.title)} removed` });
  const tree = (side: ReadonlyMap<ResourceRef, Resource>): RouteSpec | undefined => {
    const t = [...side.values()].find((r) => r.kind === 'NotificationPolicyTree');
    return t === undefined ? undefined : (t.spec as RouteSpec);
  };
  const trees = { before: tree(old), after: tree(now) };
  const reach: Reach = (labels, side) => {
    const root = trees[side];
    if (root === undefined) return undefined;
    const text = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
    return receiversFor(root, text).join(', ');
  };
  const ruleFiles = [...new Set([...before.files.keys(), ...after.files.keys()])]
    .filter((p) => /^(prometheus|loki)\/.*\.yml$/.test(p))
    .sort();
  for (const path of ruleFiles) {
    const group = path.replace(/^\w+\//, '').replace(/\.yml$/, '');
    const source = now.get(`AlertRuleGroup/${group}`)?.source ?? old.get(`AlertRuleGroup/${group}`)?.source;
    for (const text of ruleFileChanges(before.files.get(path), after.files.get(path), reach)) {
      out.push({ ref: `AlertRuleGroup/${group}`, ...(source === undefined ? {} : { source }), text });
    }
  }
  return out;
}

/** Markdown for a pull-request comment. */
export function semanticMarkdown(changes: readonly SemanticChange[], base: string): string {
  if (changes.length === 0)
    return `### Rendered changes against \`${base}\`\n\nNo change to what is published.\n`;
  const lines = [
    `### Rendered changes against \`${base}\``,
    '',
    `${changes.length} change${changes.length === 1 ? '' : 's'}:`,
    '',
  ];
  let current = '';
  for (const c of changes) {
    if (c.ref !== current) {
      if (current !== '') lines.push('');
      current = c.ref;
      lines.push(`**${c.ref}**${c.source === undefined ? '' : ` (\`${c.source}\`)`}`, '');
    }
    lines.push(`- ${c.text}`);
  }
  return `${lines.join('\n')}\n`;
}
