/**
 * Which of Grafana's APIs dashboards and folders go through: the legacy `/api/dashboards` and `/api/folders`
 * (10.4 to 13.x; deprecated from 13.0 but served), or the App Platform's Kubernetes-style `/apis` (12.0 on), chosen
 * from the release Grafana reports unless forced.
 *
 * - `dashboard.grafana.app`: `v1beta1` in 12.x (PR grafana/grafana#104009, "For G12: v1 = beta, v2 = alpha"),
 *   `v1` from 13.0 (PR #120748 "Dashboards: Graduate to V1"; v1beta1 stays as a thin wrapper), the v2 schema as
 *   `v2` from 13.0 (terraform-provider-grafana PR #2633: the v2 resource "Requires Grafana >=13.0.0").
 * - `folder.grafana.app`: `v1beta1` in 12.x, `v1` from 13.0 (Grafana's HTTP API docs per release).
 * - The namespace of an organisation: `default` for org 1, `org-<id>` for the others, `stacks-<id>` on Grafana
 *   Cloud (`GetNamespaceMapper`, grafana/grafana pkg/services/apiserver/endpoints/request/namespace.go); a Cloud
 *   stack's namespace is given with GRAFANA_NAMESPACE.
 */
import { UsageError } from '../core/errors.ts';

export type ApiPreference = 'auto' | 'legacy' | 'apis';

export const API_PREFERENCES: readonly ApiPreference[] = ['auto', 'legacy', 'apis'];

export interface AppPlatformApi {
  readonly kind: 'apis';
  readonly namespace: string;
  /** The classic-schema version of `dashboard.grafana.app`. */
  readonly dashboards: 'v1beta1' | 'v1';
  /** The v2-schema version of `dashboard.grafana.app`, where Grafana serves one we can write. */
  readonly dashboardsV2: 'v2' | undefined;
  readonly folders: 'v1beta1' | 'v1';
}

export type GrafanaApi = { readonly kind: 'legacy' } | AppPlatformApi;

export const LEGACY_API: GrafanaApi = { kind: 'legacy' };

/** The major release of a version string (`12.3.0` → 12); undefined when unreadable. */
export function majorOf(version: string): number | undefined {
  const major = Number(/^(\d+)\./.exec(version)?.[1]);
  return Number.isInteger(major) ? major : undefined;
}

/** The namespace of an organisation (`GetNamespaceMapper` for an on-premise Grafana). */
export function namespaceOfOrg(orgId: number): string {
  return orgId === 1 ? 'default' : `org-${orgId}`;
}

/** Whether the App Platform would be used for this release, before the organisation is known. */
export function wantsAppPlatform(version: string | undefined, preference: ApiPreference): boolean {
  if (preference !== 'auto') return preference === 'apis';
  const major = version === undefined ? undefined : majorOf(version);
  return major !== undefined && major >= 12;
}

/**
 * The API for a release: `/apis` from 12.0 on (auto), `/api` before; `apis` forced on a release before 12 is
 * refused (its `/apis` dashboards are v0alpha1 behind feature flags).
 */
export function chooseApi(
  version: string,
  preference: ApiPreference,
  namespace: string,
  url: string,
): GrafanaApi {
  if (!wantsAppPlatform(version, preference)) return LEGACY_API;
  const major = majorOf(version) ?? 0;
  if (major < 12) {
    throw new UsageError(
      `--api apis needs Grafana 12 or later; ${url} runs ${version}. Use --api auto (or legacy) for this Grafana.`,
    );
  }
  return {
    kind: 'apis',
    namespace,
    dashboards: major >= 13 ? 'v1' : 'v1beta1',
    dashboardsV2: major >= 13 ? 'v2' : undefined,
    folders: major >= 13 ? 'v1' : 'v1beta1',
  };
}

/** `/apis/<group>/<version>/namespaces/<namespace>/<resource>[/<name>]`. */
export function appPath(
  api: AppPlatformApi,
  group: 'dashboard.grafana.app' | 'folder.grafana.app',
  version: string,
  resource: 'dashboards' | 'folders',
  name?: string,
): string {
  const base = `/apis/${group}/${version}/namespaces/${encodeURIComponent(api.namespace)}/${resource}`;
  return name === undefined ? base : `${base}/${encodeURIComponent(name)}`;
}
