/**
 * Notification templates (reference §6.7): PUT-only upsert answering 202 with the stored object; the text is
 * trimmed and wrapped in `{{ define "<name>" }}` when it has no define block; GET 404; DELETE 204.
 */
import type { JsonObject } from '../core/json.ts';
import type { SimContext } from './context.ts';
import { contentVersion } from './content-version.ts';
import { optString } from './json-input.ts';
import { notificationChangeCheck, withProvenance } from './provenance.ts';
import { bind, bodyObject } from './request-body.ts';
import type { RequestInput, Route } from './router.ts';
import { ALERTMANAGER_WRITE, PROVISIONING_READ } from './router.ts';
import type { SimResponse } from './responses.ts';
import { alertingError, empty, errutilError, json } from './responses.ts';
import type { TemplateRecord } from './state.ts';

/**
 * Grafana's `NotificationTemplate.Validate` normalisation (grafana/grafana
 * pkg/services/ngalert/api/tooling/definitions/provisioning_templates.go, the same from 10.4 to 13.x): the text
 * is trimmed; unless it matches `\{\{\s*define` (only whitespace between `{{` and `define`, so `{{- define` does
 * not), every line is indented by two spaces and the whole wrapped in `{{ define "<name>" }}` … `{{ end }}`.
 */
export function normaliseTemplate(name: string, text: string): string {
  const content = text.trim();
  if (/\{\{\s*define/.test(content)) return content;
  const indented = content
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `{{ define "${name}" }}\n${indented}\n{{ end }}`;
}

const BLOCK = /^-?\s*(define|if|range|with|block)\b/;
const END = /^-?\s*end\s*-?$/;

/**
 * A light stand-in for Go's template parser: balanced actions and block/end pairs, and `define` only at the top
 * level (text/template parses a `define` inside a list as a command and refuses it: what a `{{- define` text
 * wrapped by normaliseTemplate meets). The messages imitate Go's; their exact wording is assumed.
 */
export function templateProblem(name: string, text: string): string | undefined {
  let depth = 0;
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) break;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) return 'template: unclosed action';
    const action = rest.slice(open + 2, close).trim();
    if (depth > 0 && /^-?\s*define\b/.test(action))
      return `template: ${name}:1: unexpected <define> in command`;
    if (BLOCK.test(action)) depth += 1;
    else if (END.test(action)) {
      depth -= 1;
      if (depth < 0) return 'template: unexpected {{end}}';
    }
    rest = rest.slice(close + 2);
  }
  if (rest.includes('}}') && !rest.includes('{{')) return 'template: unexpected "}}"';
  return depth === 0 ? undefined : 'template: unexpected EOF';
}

function versionOf(t: TemplateRecord): string {
  return contentVersion({ name: t.name, template: t.template });
}

function output(sim: SimContext, t: TemplateRecord): JsonObject {
  const out = withProvenance({ name: t.name, template: t.template }, t.provenance);
  if (sim.profile.notificationVersions) out['version'] = versionOf(t);
  return out;
}

function find(sim: SimContext, name: string): TemplateRecord | undefined {
  return sim.state.templates.find((t) => t.name === name);
}

function invalid(sim: SimContext, reason: string): SimResponse {
  return sim.profile.templateErrors === 'legacy'
    ? alertingError(400, `invalid object specification: ${reason}`)
    : errutilError(
        400,
        'alerting.notifications.templates.invalidFormat',
        'Template is in invalid format. Correct the payload and try again.',
        { Error: reason },
      );
}

function list(sim: SimContext): SimResponse {
  const sorted = [...sim.state.templates].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return json(
    200,
    sorted.map((t) => output(sim, t)),
  );
}

function getOne(sim: SimContext, req: RequestInput): SimResponse {
  const t = find(sim, req.params['name'] ?? '');
  if (t !== undefined) return json(200, output(sim, t));
  return sim.profile.templateNotFound === 'empty'
    ? empty(404)
    : errutilError(404, 'alerting.notifications.templates.notFound');
}

function put(sim: SimContext, req: RequestInput): SimResponse {
  const name = req.params['name'] ?? '';
  const body = bodyObject(req);
  const { template, version } = bind(() => ({
    template: optString(body, 'template'),
    version: optString(body, 'version'),
  }));
  // `t.Template == ""` is checked before trimming: a template of blanks passes and is stored wrapped.
  if (template === '') return invalid(sim, 'template must have content');
  const normalised = normaliseTemplate(name, template);
  const problem = templateProblem(name, normalised);
  if (problem !== undefined) return invalid(sim, problem);
  const stored = find(sim, name);
  if (stored !== undefined) {
    const denied = notificationChangeCheck(
      sim,
      { version: versionOf(stored), provenance: stored.provenance },
      { version, provenance: req.provenance },
    );
    if (denied !== undefined) return denied;
    stored.template = normalised;
    stored.provenance = req.provenance;
    sim.alertmanagerChanged();
    return json(202, output(sim, stored));
  }
  const record: TemplateRecord = { name, template: normalised, provenance: req.provenance };
  sim.state.templates.push(record);
  sim.alertmanagerChanged();
  return json(202, output(sim, record));
}

function remove(sim: SimContext, req: RequestInput): SimResponse {
  const stored = find(sim, req.params['name'] ?? '');
  if (stored === undefined) return empty(204);
  const denied = notificationChangeCheck(
    sim,
    { version: versionOf(stored), provenance: stored.provenance },
    { version: req.query.get('version') ?? '', provenance: req.provenance },
  );
  if (denied !== undefined) return denied;
  sim.state.templates = sim.state.templates.filter((t) => t !== stored);
  sim.alertmanagerChanged();
  return empty(204);
}

export const templateRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/templates',
    handler: list,
    readPermission: PROVISIONING_READ,
  },
  {
    method: 'GET',
    pattern: '/api/v1/provisioning/templates/:name',
    handler: getOne,
    readPermission: PROVISIONING_READ,
  },
  { method: 'PUT', pattern: '/api/v1/provisioning/templates/:name', handler: put, write: ALERTMANAGER_WRITE },
  {
    method: 'DELETE',
    pattern: '/api/v1/provisioning/templates/:name',
    handler: remove,
    write: ALERTMANAGER_WRITE,
  },
];
