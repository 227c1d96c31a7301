/**
 * The JSON text of a value that is already canonical (a resource spec, see `canonicalize`), in its property
 * order: 2-space indent, a trailing newline, secret references as their `${ENV}` placeholder. No copy, no sort.
 */
export function jsonOfCanonical(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
