import { createHash } from 'node:crypto';

/**
 * A stable short id derived from its parts: the same parts give the same id on every machine. Used for uids the
 * repository does not choose by hand (rules inside a group, generated panels). Result: `[a-z0-9]`, `length` chars.
 */
export function stableId(parts: readonly string[], length = 12): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  let out = '';
  for (const byte of digest) {
    out += (byte % 36).toString(36);
    if (out.length === length) break;
  }
  return out;
}

/** A uid that keeps a readable prefix and stays within Grafana's 40-character limit. */
export function derivedUid(prefix: string, parts: readonly string[]): string {
  const suffix = stableId([prefix, ...parts], 8);
  const head = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40 - suffix.length - 1);
  return head.length > 0 ? `${head}-${suffix}` : suffix;
}
