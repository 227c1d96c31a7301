/**
 * Which objects in Grafana belong to this repository (and environment): the one rule that prune deletes by and
 * drift reports "unmanaged" by. It is read only from what every supported Grafana returns:
 *
 * - a uid (or, for mute timings and templates, a name) starting with `uidPrefix`: folders, contact points, mute
 *   timings, templates and dashboards. The legacy folder API has no place for a marker that reads back (the
 *   description is write-only: `dtos.Folder` has no description, grafana/grafana `pkg/api/dtos/folder.go`,
 *   `newToFolderDto` in `pkg/api/folder.go`), and the alerting objects carry no free-form field at all;
 * - dashboards and rule groups inside a folder the repository owns (defined in code, or carrying the prefix);
 * - data sources whose `jsonData.managedBy` names this owner: Grafana stores `jsonData` whole and returns it
 *   (`AddDataSourceCommand.JsonData`, `pkg/services/datasources/models.go`).
 *
 * Provenance is not ownership: any API client (Terraform, another repository) provisions with provenance `api`.
 */

/** The tool that writes the data source marker, before the owner's name. */
export const TOOL = 'grafana-stack-as-code';

export interface OwnershipConfig {
  /**
   * Who owns the objects: this repository and environment (`platform-stack`, `platform-stack-staging`). Written
   * into data sources as `jsonData.managedBy = "grafana-stack-as-code/<owner>"`.
   */
  readonly owner: string;
  /**
   * The uid prefix of the folders, contact points and dashboards this repository creates, and the name prefix of
   * its mute timings and templates (`stack-`). Objects carrying it are ours even once removed from code, so prune
   * deletes them and drift reports them. Without a prefix, only dashboards and rule groups in folders defined in
   * code and marked data sources are known as ours.
   */
  readonly uidPrefix?: string;
}

export interface Ownership {
  readonly owner: string;
  readonly uidPrefix: string | undefined;
}

/** Ownership when the Config declares none: no prefix, the default owner name. */
export const DEFAULT_OWNERSHIP: Ownership = { owner: 'default', uidPrefix: undefined };

export function ownershipOf(config: { readonly ownership?: OwnershipConfig } | undefined): Ownership {
  const declared = config?.ownership;
  if (declared === undefined) return DEFAULT_OWNERSHIP;
  const prefix = declared.uidPrefix;
  return { owner: declared.owner, uidPrefix: prefix === undefined || prefix === '' ? undefined : prefix };
}

/** Whether a uid or name carries the owner's prefix. */
export function hasOwnerPrefix(ownership: Ownership, uidOrName: string): boolean {
  return ownership.uidPrefix !== undefined && uidOrName.startsWith(ownership.uidPrefix);
}

/** The value of `jsonData.managedBy` in the data sources this owner publishes. */
export function dataSourceMarker(ownership: Ownership): string {
  return `${TOOL}/${ownership.owner}`;
}
