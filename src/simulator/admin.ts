/**
 * The simulator's own control endpoints under `/__sim` (real Grafana has no such prefix): no latency or faults,
 * never counted as writes. They mirror the programmatic API so that a test in another process can drive the
 * simulator. With a configured `token` they need it (`Bearer`), except `GET /__sim`; see `server.ts`.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import type { FaultConfig } from './faults.ts';
import { parseFaultConfig } from './faults.ts';
import type { Profile } from './profiles.ts';
import type { RequestLog } from './request-log.ts';
import type { RoutePattern } from './router.ts';
import type { AdminHandler } from './server.ts';
import { matchRoute } from './router.ts';
import type { SimResponse } from './responses.ts';
import { json, messageError } from './responses.ts';
import type { StateData } from './state.ts';
import type { RuleGroupEdit, UiHelpers } from './ui.ts';
import { UiEditError } from './ui.ts';

export const TEST_DOUBLE_NOTICE = "This is a test double of Grafana's HTTP API, not Grafana.";

export interface MarkRequest {
  readonly kind: 'dashboard' | 'datasource' | 'rule';
  readonly uid: string;
  /** dashboard: file-provisioned, UI updates disallowed. */
  readonly provisioned?: boolean;
  /** dashboard: installed by this plugin. */
  readonly pluginId?: string;
  /** datasource: provisioned read-only. */
  readonly readOnly?: boolean;
  /** rule (by uid): provisioned from a file (`file`) or by another path, as Grafana records it. */
  readonly provenance?: string;
}

export interface AdminControls {
  readonly profile: () => Profile;
  readonly requests: RequestLog;
  readonly ui: UiHelpers;
  readonly faults: () => FaultConfig;
  readonly setFaults: (faults: FaultConfig) => void;
  readonly reset: () => void;
  readonly state: () => StateData;
  /** Applies a mark; returns false when the object does not exist. */
  readonly mark: (request: MarkRequest) => boolean;
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isJsonObject(value)) {
      const current = target[key];
      const base: JsonObject = isJsonObject(current) ? current : {};
      mergePatch(base, value);
      target[key] = base;
    } else target[key] = structuredClone(value);
  }
}

function parse(rawBody: string): JsonValue | undefined {
  try {
    const parsed: unknown = JSON.parse(rawBody === '' ? 'null' : rawBody);
    return isJsonValue(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isJsonValue(value: unknown): value is JsonValue {
  return value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);
}

type AdminRoute = RoutePattern & {
  readonly handler: (
    params: Record<string, string>,
    body: JsonValue | undefined,
    query: URLSearchParams,
  ) => SimResponse;
};

export function createAdminHandler(controls: AdminControls): AdminHandler {
  const ok = (message: string): SimResponse => json(200, { message });
  const objectBody = (body: JsonValue | undefined): JsonObject | undefined =>
    isJsonObject(body) ? body : undefined;
  const routes: AdminRoute[] = [
    {
      method: 'GET',
      pattern: '/__sim',
      handler: () =>
        json(200, {
          notice: TEST_DOUBLE_NOTICE,
          profile: controls.profile().name,
          version: controls.profile().version,
        }),
    },
    {
      method: 'GET',
      pattern: '/__sim/requests',
      handler: () =>
        json(200, {
          entries: controls.requests.entries.map((e) => ({ ...e })),
          writes: controls.requests.countWrites(),
        }),
    },
    {
      method: 'DELETE',
      pattern: '/__sim/requests',
      handler: () => {
        controls.requests.clear();
        return ok('request log cleared');
      },
    },
    { method: 'GET', pattern: '/__sim/faults', handler: () => json(200, toJson(controls.faults())) },
    {
      method: 'POST',
      pattern: '/__sim/faults',
      handler: (_p, body) => {
        const parsed = parseFaultConfig(body ?? {});
        if (!parsed.ok)
          return json(400, { message: 'invalid fault configuration', problems: [...parsed.problems] });
        controls.setFaults(parsed.config);
        return json(200, { message: 'faults set', faults: toJson(parsed.config) });
      },
    },
    {
      method: 'POST',
      pattern: '/__sim/reset',
      handler: () => {
        controls.reset();
        return ok('state reset');
      },
    },
    { method: 'GET', pattern: '/__sim/state', handler: () => json(200, toJson(controls.state())) },
    {
      method: 'POST',
      pattern: '/__sim/mark',
      handler: (_p, body) => {
        const b = objectBody(body);
        const kind = b?.['kind'];
        const uid = b?.['uid'];
        if (
          b === undefined ||
          (kind !== 'dashboard' && kind !== 'datasource' && kind !== 'rule') ||
          typeof uid !== 'string'
        )
          return messageError(400, 'expected {"kind":"dashboard"|"datasource"|"rule","uid":…}');
        const request: MarkRequest = {
          kind,
          uid,
          provisioned: typeof b['provisioned'] === 'boolean' ? b['provisioned'] : undefined,
          pluginId: typeof b['pluginId'] === 'string' ? b['pluginId'] : undefined,
          readOnly: typeof b['readOnly'] === 'boolean' ? b['readOnly'] : undefined,
          provenance: typeof b['provenance'] === 'string' ? b['provenance'] : undefined,
        };
        return controls.mark(request) ? ok('marked') : messageError(404, `${kind} ${uid} not found`);
      },
    },
    {
      method: 'POST',
      pattern: '/__sim/ui/dashboards/:uid',
      handler: (p, body) => {
        const b = objectBody(body);
        const patch = objectBody(b?.['patch']);
        if (b === undefined || patch === undefined) return messageError(400, 'expected {"patch":{…}}');
        const version = controls.ui.editDashboard(p['uid'] ?? '', (d) => mergePatch(d, patch), {
          message: typeof b['message'] === 'string' ? b['message'] : undefined,
          uiSave: b['uiSave'] === true,
        });
        return json(200, { message: 'dashboard saved', version });
      },
    },
    {
      method: 'POST',
      pattern: '/__sim/ui/datasources/:uid',
      handler: (p, body) => {
        const patch = objectBody(body);
        if (patch === undefined) return messageError(400, 'expected a JSON merge patch');
        controls.ui.editDataSource(p['uid'] ?? '', (ds) => mergePatch(ds, patch));
        return ok('data source saved');
      },
    },
    {
      method: 'POST',
      pattern: '/__sim/ui/contact-points/:uid',
      handler: (p, body) => {
        const patch = objectBody(body);
        if (patch === undefined) return messageError(400, 'expected settings to merge');
        controls.ui.editContactPointSettings(p['uid'] ?? '', patch);
        return ok('contact point saved');
      },
    },
    {
      method: 'PUT',
      pattern: '/__sim/ui/policies',
      handler: (_p, body) => {
        const tree = objectBody(body);
        if (tree === undefined) return messageError(400, 'expected a policy tree');
        controls.ui.editPolicyTree((t) => {
          for (const key of Object.keys(t)) delete t[key];
          Object.assign(t, tree);
        });
        return ok('policies saved');
      },
    },
    {
      method: 'PUT',
      pattern: '/__sim/ui/rule-groups/:folderUid/:group',
      handler: (p, body) => {
        const b = objectBody(body);
        const interval = b?.['interval'];
        const rules = b?.['rules'];
        if (typeof interval !== 'number' || !Array.isArray(rules) || !rules.every(isJsonObject))
          return messageError(400, 'expected {"interval":<seconds>,"rules":[…]}');
        controls.ui.editRuleGroup(p['folderUid'] ?? '', p['group'] ?? '', (g: RuleGroupEdit) => {
          g.interval = interval;
          g.rules = rules.filter(isJsonObject);
        });
        return ok('rule group saved');
      },
    },
  ];
  return (method: string, path: string, query: URLSearchParams, rawBody: string): SimResponse => {
    const match = matchRoute(routes, method, path);
    if (match === undefined) return messageError(404, `no simulator endpoint ${method} ${path}`);
    const body = parse(rawBody);
    if (rawBody !== '' && body === undefined) return messageError(400, 'the body is not JSON');
    try {
      return match.route.handler(match.params, body, query);
    } catch (error) {
      if (error instanceof UiEditError || error instanceof Error) return messageError(400, error.message);
      throw error;
    }
  };
}

function toJson(value: object): JsonValue {
  const parsed: unknown = JSON.parse(JSON.stringify(value));
  return isJsonValue(parsed) ? parsed : null;
}
