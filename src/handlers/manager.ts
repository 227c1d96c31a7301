/**
 * Grafana's own ownership marks on App Platform objects (12.0 on): the manager annotations
 * (`AnnoKeyManagerKind`, `AnnoKeyManagerIdentity`, `AnnoKeyManagerAllowsEdits`, grafana/grafana
 * pkg/apimachinery/utils/meta.go; kinds in pkg/apimachinery/utils/manager.go `ManagerKind`).
 *
 * - What an API client may write: `enforceManagerProperties` (pkg/storage/unified/apistore/managed.go) lets any
 *   caller set `terraform`, `kubectl`, `plugin` and `grafana`; `repo` only the provisioning service (Git Sync and
 *   file provisioning), whose writes to a repo-managed object are turned into commits to the repository. We write
 *   `kubectl` (the generic kind for manifests applied by a client, Grafana's "Manage resources" docs) with our
 *   owner as `managerId`.
 * - What the UI does: a managed object is read-only in the UI unless `managerAllowsEdits` is `"true"`
 *   (`isManagedResourceReadOnly`, public/app/features/apiserver/utils.ts); a `repo` one is saved through the Git
 *   Sync flow. We set `managerAllowsEdits` from `--editable`, like the provenance of alerting objects.
 * - A manager cannot be changed by another client (`NewForbiddenManagerKindChangeError`, "Cannot change resource
 *   manager identity; remove the existing manager first, then add the new one"): an object another manager holds
 *   is never taken over, updated or pruned; publish refuses and names that manager.
 */
import type { Ownership } from '../core/ownership.ts';
import { TOOL } from '../core/ownership.ts';
import { asRecord } from './shared.ts';

export const ANNOTATIONS = {
  managedBy: 'grafana.app/managedBy',
  managerId: 'grafana.app/managerId',
  allowsEdits: 'grafana.app/managerAllowsEdits',
  folder: 'grafana.app/folder',
  sourcePath: 'grafana.app/sourcePath',
  message: 'grafana.app/message',
} as const;

/** The manager kind this tool writes. */
export const MANAGER_KIND = 'kubectl';

export interface Manager {
  readonly kind: string;
  readonly id: string;
  readonly allowsEdits: boolean;
}

/** The string annotations of an App Platform object. */
export function annotationsOf(object: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(asRecord(asRecord(object).metadata).annotations)))
    if (typeof value === 'string') out[key] = value;
  return out;
}

/** The manager an object's annotations name; undefined when it has none. */
export function managerOf(annotations: Readonly<Record<string, string>>): Manager | undefined {
  const kind = annotations[ANNOTATIONS.managedBy] ?? '';
  if (kind === '') return undefined;
  return {
    kind,
    id: annotations[ANNOTATIONS.managerId] ?? '',
    allowsEdits: annotations[ANNOTATIONS.allowsEdits] === 'true',
  };
}

/** Our manager identity: the same name as the data source marker. */
export function ourManagerId(ownership: Ownership): string {
  return `${TOOL}/${ownership.owner}`;
}

/** The manager annotations publish writes. */
export function ourManagerAnnotations(ownership: Ownership, editable: boolean): Record<string, string> {
  return {
    [ANNOTATIONS.managedBy]: MANAGER_KIND,
    [ANNOTATIONS.managerId]: ourManagerId(ownership),
    [ANNOTATIONS.allowsEdits]: String(editable),
  };
}

/** `repo "team-dashboards" (Git Sync)`, `terraform "grafana-terraform-provider"`. */
export function describeManager(manager: Manager): string {
  const id = manager.id === '' ? '' : ` ${JSON.stringify(manager.id)}`;
  const what =
    manager.kind === 'repo'
      ? ' (a Git Sync or file provisioning repository)'
      : manager.kind === 'plugin'
        ? ' (a plugin)'
        : '';
  return `${manager.kind}${id}${what}`;
}

/** How an object's manager annotations stand against ours. */
export type ManagerClaim =
  /**
   * Our kind and identity. `managerAllowsEdits` is not compared (like the provenance of alerting objects: drift
   * runs without `--editable`, and a publish with it is no drift); publish writes it whenever it writes.
   */
  | { readonly state: 'ours'; readonly because: string }
  /** No manager: ours or not by the uid and folder rule; publish adds our annotations. */
  | { readonly state: 'none' }
  /** Another manager's: never updated, taken over or pruned. */
  | { readonly state: 'foreign'; readonly manager: string };

export function managerClaim(
  ownership: Ownership,
  annotations: Readonly<Record<string, string>>,
): ManagerClaim {
  const manager = managerOf(annotations);
  if (manager === undefined) return { state: 'none' };
  if (manager.kind !== MANAGER_KIND || manager.id !== ourManagerId(ownership))
    return { state: 'foreign', manager: describeManager(manager) };
  return {
    state: 'ours',
    because: `its ${ANNOTATIONS.managedBy} and ${ANNOTATIONS.managerId} annotations (${MANAGER_KIND}, ${manager.id})`,
  };
}

/** What the comparable form says about the manager: nothing when it is exactly ours. */
export function managerDifference(claim: ManagerClaim): string | undefined {
  switch (claim.state) {
    case 'ours':
      return undefined;
    case 'none':
      return 'no manager annotations';
    case 'foreign':
      return `managed by ${claim.manager}`;
  }
}
