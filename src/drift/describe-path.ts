import type { Resource } from '../core/resource.ts';
import { asArray, asRecord, asString } from '../handlers/shared.ts';

/**
 * A field path made readable for a person: in dashboards, `spec.panels[3].targets[0].expr` becomes
 * `panel "p95 latency" › query A › expr`, using the panel title and target refId of the rendered dashboard.
 */
export function describePath(resource: Resource, path: string): string {
  if (resource.kind !== 'Dashboard') return path;
  const match = /^spec\.panels\[(\d+)\](?:\.panels\[(\d+)\])?(?:\.(.*))?$/.exec(path);
  if (match === null) return path.replace(/^spec\./, '');
  const outer = asArray(asRecord(resource.spec).panels)[Number(match[1])];
  const panel = match[2] === undefined ? outer : asArray(asRecord(outer).panels)[Number(match[2])];
  const title = asString(asRecord(panel).title);
  const name = title === undefined || title === '' ? `panel ${match[1]}` : `panel ${JSON.stringify(title)}`;
  const rest = match[3];
  if (rest === undefined) return name;
  const target = /^targets\[(\d+)\](?:\.(.*))?$/.exec(rest);
  if (target !== null) {
    const refId = asString(asRecord(asArray(asRecord(panel).targets)[Number(target[1])]).refId);
    const query = `query ${refId ?? target[1]}`;
    return target[2] === undefined ? `${name} › ${query}` : `${name} › ${query} › ${target[2]}`;
  }
  return `${name} › ${rest.replace(/^fieldConfig\.defaults\./, '')}`;
}
