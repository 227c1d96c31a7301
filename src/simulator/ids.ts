/** Identifiers, slugs, timestamps and Go-style formatting the way Grafana produces them. */
import { randomBytes } from 'node:crypto';

const LETTERS = 'abcdef';
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new short uid like Grafana 10+ generates (14 characters, starting with a letter). */
export function shortUid(): string {
  const bytes = randomBytes(14);
  let out = LETTERS[(bytes[0] ?? 0) % LETTERS.length] ?? 'a';
  for (let i = 1; i < 14; i++) out += ALNUM[(bytes[i] ?? 0) % ALNUM.length] ?? 'a';
  return out;
}

const UID_CHARS = /^[a-zA-Z0-9_-]*$/;

/** Grafana's `util.IsValidShortUID`: letters, digits, `-` and `_`. */
export function isValidUid(uid: string): boolean {
  return UID_CHARS.test(uid);
}

export function isUidTooLong(uid: string): boolean {
  return uid.length > 40;
}

/** Grafana's slugify for ASCII titles: lower case, runs of other characters become `-`. */
export function slugify(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** RFC 3339 with seconds, as Go prints `time.Time` in JSON for UTC. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Go's `time.Duration.String()` for whole seconds: `15s`, `1m30s`, `10m0s`, `1h0m0s`. */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}

/** Go's `%v` of a string slice: `[A B]`. */
export function goSlice(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}
