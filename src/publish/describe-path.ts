import type { Resource } from '../core/resource.ts';
import { asArray, asRecord, asString } from '../handlers/shared.ts';

/** A panel or rule named as a person calls it: by its title, else by its place. */
function named(kind: 'panel' | 'rule', item: unknown, place: string): string {
  const title = asString(asRecord(item).title);
  if (title === undefined || title === '') return `${kind} ${place}`;
  if (kind === 'panel') return `panel ${JSON.stringify(title)}`;
  // A Grafana recording rule has `record`; the diff names Prometheus's the same way.
  return asRecord(item).record === undefined ? `rule ${title}` : `recording rule ${title}`;
}

/**
 * A field path made readable for a person, the same in plans, drift reports and diffs: in dashboards
 * `spec.panels[3].targets[0].expr` becomes `panel "p95 latency" › query A › expr` (the panel's title and the
 * target's refId, the index only when a panel has no title), in rule groups `spec.rules[2].annotations.summary`
 * becomes `rule ApiDown › annotations.summary`. `element` is the value of an element only one side has (added or
 * removed, `[-<index>]` when only Grafana has it): it is named by its own title.
 */
export function describePath(resource: Resource, path: string, element?: unknown): string {
  const list =
    resource.kind === 'Dashboard' ? 'panels' : resource.kind === 'AlertRuleGroup' ? 'rules' : undefined;
  const kind = resource.kind === 'Dashboard' ? 'panel' : 'rule';
  if (list === undefined) return path;
  if (path === `spec.${list} (order)`) return `${kind} order`;
  const match = new RegExp(`^spec\\.${list}\\[(-?)(\\d+)\\](?:\\.panels\\[(-?)(\\d+)\\])?(?:\\.(.*))?$`).exec(
    path,
  );
  if (match === null) return path.replace(/^spec\./, '');
  const [, outerGone, outerIndex = '0', innerGone, innerIndex, rest] = match;
  const outer = outerGone === '-' ? element : asArray(asRecord(resource.spec)[list])[Number(outerIndex)];
  const item =
    innerIndex === undefined
      ? outer
      : innerGone === '-'
        ? element
        : asArray(asRecord(outer).panels)[Number(innerIndex)];
  const name = named(kind, item, innerIndex ?? outerIndex);
  if (rest === undefined) return name;
  const target = /^targets\[(-?)(\d+)\](?:\.(.*))?$/.exec(rest);
  if (kind === 'panel' && target !== null) {
    const refId = asString(asRecord(asArray(asRecord(item).targets)[Number(target[2])]).refId);
    const query = `query ${refId ?? target[2]}`;
    return target[3] === undefined ? `${name} › ${query}` : `${name} › ${query} › ${target[3]}`;
  }
  return `${name} › ${rest.replace(/^fieldConfig\.defaults\./, '')}`;
}
