import { canonicalize } from '../core/canonical.ts';

/**
 * Canonical JSON: keys sorted (see `canonicalize`), arrays in their order, 2-space indent, a trailing newline,
 * secret references as their `${ENV}` placeholder. Same input, same bytes. `topLevelOrder` puts some keys of
 * the outermost object first, in that order (identity before content in rendered files).
 */
export function canonicalJson(value: unknown, topLevelOrder: readonly string[] = []): string {
  const canonical = canonicalize(value);
  if (
    topLevelOrder.length === 0 ||
    typeof canonical !== 'object' ||
    canonical === null ||
    Array.isArray(canonical)
  ) {
    return jsonOfCanonical(canonical);
  }
  const source = canonical as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of topLevelOrder) if (key in source) ordered[key] = source[key];
  for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key];
  return jsonOfCanonical(ordered);
}

/** The JSON text of a value that is already canonical (a resource spec): no copy, no sort. */
export function jsonOfCanonical(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
