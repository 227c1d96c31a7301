import { changedPart } from '../core/word-diff.ts';
import type { DriftEntry, DriftReport } from './drift.ts';

const TITLE: Readonly<Record<DriftEntry['type'], string>> = {
  changed: 'changed in Grafana',
  unpublished: 'defined in code but not yet published (Grafana holds an earlier commit’s rendered state)',
  missing: 'missing from Grafana',
  unmanaged:
    'unmanaged (owned by the repository, by the ownership rule of stack.config.ts; not defined in code)',
};

function value(v: unknown): string {
  if (v === undefined) return '(absent)';
  const text = JSON.stringify(v);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** Both values as shown: a long text by the part that changed (src/core/word-diff.ts). */
function values(before: unknown, after: unknown, verbose = false): [string, string] {
  if (verbose) return [JSON.stringify(before) ?? '(absent)', JSON.stringify(after) ?? '(absent)'];
  if (
    typeof before === 'string' &&
    typeof after === 'string' &&
    Math.max(before.length, after.length) > 100
  ) {
    const part = changedPart(before, after);
    return [JSON.stringify(part.before), JSON.stringify(part.after)];
  }
  return [value(before), value(after)];
}

function adopt(entry: DriftEntry): string {
  return entry.source === undefined
    ? ''
    : `to keep Grafana's version instead, change ${entry.source} to match, then npm run render and commit`;
}

export function driftText(
  report: DriftReport,
  grafana: string,
  options: { verbose?: boolean } = {},
): string[] {
  if (report.entries.length === 0)
    return [`No drift: Grafana at ${grafana} matches rendered/ (${report.checked} resources).`];
  const lines = [
    `Drift: ${report.entries.length} resource${report.entries.length === 1 ? '' : 's'} of Grafana at ${grafana} differ from rendered/.`,
  ];
  for (const e of report.entries) {
    lines.push('', `${e.ref}${e.source === undefined ? '' : ` (${e.source})`}: ${TITLE[e.type]}`);
    for (const c of e.changes) {
      const [before, after] = values(c.before, c.after, options.verbose);
      lines.push(`    ${c.field}: ${before} in code, ${after} in Grafana`);
    }
    if (e.publishedAt !== undefined)
      lines.push(`    Grafana holds what commit ${e.publishedAt} rendered: publishing brings it up to date`);
    lines.push(`    restore: ${e.restore}`);
    const a = adopt(e);
    if (a !== '' && e.type === 'changed') lines.push(`    or ${a}`);
  }
  return lines;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function driftMarkdown(
  report: DriftReport,
  grafana: string,
  options: { verbose?: boolean } = {},
): string {
  if (report.entries.length === 0)
    return `### No drift\n\nGrafana at ${grafana} matches \`rendered/\` (${report.checked} resources).\n`;
  const out = [
    `### Drift: ${report.entries.length} resource${report.entries.length === 1 ? '' : 's'} changed by hand`,
    '',
    `Grafana at ${grafana} differs from \`rendered/\`.`,
    '',
  ];
  for (const e of report.entries) {
    out.push(`#### \`${e.ref}\` — ${TITLE[e.type]}`, '');
    if (e.source !== undefined) out.push(`Defined in \`${e.source}\`.`, '');
    if (e.changes.length > 0) {
      out.push('| field | in code | in Grafana |', '|---|---|---|');
      for (const c of e.changes) {
        const [before, after] = values(c.before, c.after, options.verbose);
        out.push(`| ${cell(c.field)} | \`${cell(before)}\` | \`${cell(after)}\` |`);
      }
      out.push('');
    }
    out.push(`Restore: \`${e.restore}\``);
    const a = adopt(e);
    if (a !== '' && e.type === 'changed') out.push(`, or ${a}.`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export function driftJson(report: DriftReport, grafana: string): string {
  return `${JSON.stringify({ grafana, drift: report.entries.length > 0, checked: report.checked, entries: report.entries.map((e) => ({ type: e.type, ref: e.ref, source: e.source, restore: e.restore, changes: e.changes.map((c) => ({ field: c.field, path: c.path, code: c.before, grafana: c.after })) })) }, null, 2)}\n`;
}
