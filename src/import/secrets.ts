/**
 * Secrets an import meets: Grafana never returns a secure value (it answers that one is set), so each becomes
 * `secret('<NAME>')`, the value to be given in the environment where publish runs. The name is the one the
 * committed rendered/ state already uses for the same field of the same resource (a repository re-importing what
 * it published keeps its names), else one derived from the resource and the field:
 * `CONTACT_POINT_SLACK_URL`, `DATASOURCE_PROMETHEUS_BASIC_AUTH_PASSWORD`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind } from '../core/kinds.ts';
import { KIND_DIRECTORY } from '../core/kinds.ts';
import { SECRET_SET } from '../handlers/secrets.ts';
import type { Code } from './code.ts';
import { call, value } from './code.ts';

export { SECRET_SET };

const PLACEHOLDER = /^\$\{([A-Z_][A-Z0-9_]*)\}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `basicAuthPassword` → `BASIC_AUTH_PASSWORD`. */
function constantCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

const KIND_PREFIX: Readonly<Record<Kind, string>> = {
  Folder: 'FOLDER',
  DataSource: 'DATASOURCE',
  NotificationTemplate: 'TEMPLATE',
  MuteTiming: 'MUTE_TIMING',
  ContactPoint: 'CONTACT_POINT',
  NotificationPolicyTree: 'POLICY',
  AlertRuleGroup: 'RULE_GROUP',
  Dashboard: 'DASHBOARD',
};

/** The secrets one import names, each once, with where it is used. */
export class SecretNames {
  private readonly used = new Map<string, string>();

  constructor(private readonly renderedDir: string | undefined) {}

  /** The spec of the resource in rendered/, when there is one. */
  private rendered(kind: Kind, uid: string): unknown {
    if (this.renderedDir === undefined) return undefined;
    const path = join(this.renderedDir, 'grafana', KIND_DIRECTORY[kind], `${uid}.json`);
    if (!existsSync(path)) return undefined;
    try {
      return (JSON.parse(readFileSync(path, 'utf8')) as { spec?: unknown }).spec;
    } catch {
      return undefined;
    }
  }

  /** The name for the secure field at `path` (keys from the spec's root) of a resource. */
  name(kind: Kind, uid: string, name: string, path: readonly string[]): string {
    let node: unknown = this.rendered(kind, uid);
    for (const key of path) node = isRecord(node) ? node[key] : undefined;
    const known = typeof node === 'string' ? PLACEHOLDER.exec(node)?.[1] : undefined;
    let chosen =
      known ?? `${KIND_PREFIX[kind]}_${constantCase(name)}_${constantCase(path[path.length - 1] ?? '')}`;
    if (/^[0-9]/.test(chosen)) chosen = `S_${chosen}`;
    const where = `${kind}/${uid} ${path.join('.')}`;
    const taken = this.used.get(chosen);
    if (taken !== undefined && taken !== where && known === undefined) {
      let n = 2;
      while (this.used.has(`${chosen}_${n}`)) n += 1;
      chosen = `${chosen}_${n}`;
    }
    if (!this.used.has(chosen)) this.used.set(chosen, where);
    return chosen;
  }

  /** Every name given, sorted, with where it is used. */
  all(): readonly (readonly [string, string])[] {
    return [...this.used.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
}

/** `secret('NAME')` code for a field Grafana says is set. */
export function secretCode(name: string): Code {
  return call('secret', [value(name)]);
}

/** The `.env.example` text with the names it lacks added under a heading; undefined when it has them all. */
export function envExampleWith(
  current: string,
  names: readonly (readonly [string, string])[],
): string | undefined {
  const present = new Set([...current.matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]));
  const missing = names.filter(([name]) => !present.has(name));
  if (missing.length === 0) return undefined;
  const block = missing.map(([name, where]) => `# ${where}\n${name}=`).join('\n');
  const base = current === '' || current.endsWith('\n') ? current : `${current}\n`;
  return `${base}\n# Secrets of imported resources (npm run import): Grafana never returns them; set each here.\n${block}\n`;
}
