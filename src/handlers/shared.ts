import { formatDuration, parseDuration } from '../core/duration.ts';
import type { Kind } from '../core/kinds.ts';
import type { Ownership } from '../core/ownership.ts';
import { hasOwnerPrefix } from '../core/ownership.ts';
import type { ResourceRef } from '../core/resource.ts';
import type { HandlerContext, LiveObject } from './types.ts';

/** `"60s"` → `"1m"`; a value that is not a duration is kept as it is (so that a difference still shows). */
export function canonicalDuration(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const ms = parseDuration(value);
  return ms === undefined ? value : formatDuration(ms);
}

/** Zero durations are Grafana's default: `"0s"`, `"0"` and absent are the same. */
export function isZeroDuration(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && parseDuration(value) === 0);
}

/** A copy without keys whose value is undefined, null, '', false, [] or {} (Grafana's absent forms). */
export function withoutEmpty(
  record: Record<string, unknown>,
  keep: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!keep.includes(key)) {
      if (value === undefined || value === null || value === '' || value === false) continue;
      if (Array.isArray(value) && value.length === 0) continue;
      if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    }
    out[key] = value;
  }
  return out;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function ref(kind: Kind, uid: string): ResourceRef {
  return `${kind}/${uid}`;
}

/**
 * An object identified by a uid or name we choose (folders, contact points, mute timings, templates): ours (prune
 * may delete it, drift reports it unmanaged) exactly when it carries the owner's prefix. Provenance says only that
 * some API client provisioned it (Terraform does too), so it is no claim of ours.
 */
export function ownedByPrefix(
  ownership: Ownership,
  uidOrName: string,
): Pick<LiveObject, 'owned' | 'ownedBecause'> {
  return hasOwnerPrefix(ownership, uidOrName)
    ? {
        owned: true,
        ownedBecause: `its ${JSON.stringify(ownership.uidPrefix)} prefix (stack.config.ts ownership.uidPrefix)`,
      }
    : { owned: false };
}

/** Dashboards and rule groups: ours when they sit in a folder we own (defined in code, or with our prefix). */
export function ownedByFolder(
  ownedFolders: ReadonlySet<string>,
  folderUid: string | undefined,
): Pick<LiveObject, 'owned' | 'ownedBecause'> {
  return folderUid !== undefined && ownedFolders.has(folderUid)
    ? { owned: true, ownedBecause: `it sits in Folder/${folderUid}, which the repository owns` }
    : { owned: false };
}

/** Dashboards: ours by their uid prefix, or else by the folder they sit in. */
export function ownedByPrefixOrFolder(
  ownership: Ownership,
  uid: string,
  ownedFolders: ReadonlySet<string>,
  folderUid: string | undefined,
): Pick<LiveObject, 'owned' | 'ownedBecause'> {
  return hasOwnerPrefix(ownership, uid)
    ? ownedByPrefix(ownership, uid)
    : ownedByFolder(ownedFolders, folderUid);
}

/** An alerting object read from the provisioning API, with its provenance ('' when none) and our claim on it. */
export function provisionedObject<K extends Kind>(
  kind: K,
  uid: string,
  body: unknown,
  ownership: Ownership,
): LiveObject<K> {
  const provenance = asString(asRecord(body).provenance) ?? '';
  return { kind, uid, ref: ref(kind, uid), body, ...ownedByPrefix(ownership, uid), provenance };
}

/** Headers of alerting writes: `X-Disable-Provenance` publishes them editable in the UI. */
export function provenanceHeaders(context: HandlerContext): Record<string, string> {
  return context.editable ? { 'X-Disable-Provenance': 'true' } : {};
}

export function encode(segment: string): string {
  return encodeURIComponent(segment);
}
