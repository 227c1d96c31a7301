import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { StackError } from '../core/errors.ts';

/**
 * A command the tests run, and the Debian package that provides it. `command` is a name looked up on the PATH, or
 * an absolute path for what Debian keeps off a user's PATH (`/usr/sbin/nginx`; PostgreSQL's server binaries under
 * `/usr/lib/postgresql/<major>/bin/`), whose segments may hold `*` for any run of characters (the major version).
 */
export interface RequiredTool {
  readonly command: string;
  readonly debianPackage: string;
  readonly why: string;
}

/** Where Debian installs a PostgreSQL server program, for any major version (`postgresql` depends on the current one). */
export function postgresBin(program: string): string {
  return `/usr/lib/postgresql/*/bin/${program}`;
}

/** Everything `npm test` needs from outside npm. */
export const REQUIRED_TOOLS: readonly RequiredTool[] = [
  { command: 'promtool', debianPackage: 'prometheus', why: 'checks and unit-tests the rendered rule files' },
  {
    command: 'prometheus',
    debianPackage: 'prometheus',
    why: 'evaluates dashboard and alert queries against real data',
  },
  {
    command: 'amtool',
    debianPackage: 'prometheus-alertmanager',
    why: 'checks the Alertmanager twin and tests routing',
  },
  {
    command: 'prometheus-alertmanager',
    debianPackage: 'prometheus-alertmanager',
    why: 'a real Alertmanager to scrape',
  },
  {
    command: 'prometheus-node-exporter',
    debianPackage: 'prometheus-node-exporter',
    why: 'a real node exporter to scrape',
  },
  { command: postgresBin('postgres'), debianPackage: 'postgresql', why: 'a real PostgreSQL to export' },
  {
    command: postgresBin('initdb'),
    debianPackage: 'postgresql',
    why: "creates the test's PostgreSQL cluster",
  },
  { command: postgresBin('psql'), debianPackage: 'postgresql', why: 'sends SQL to the test PostgreSQL' },
  { command: 'redis-server', debianPackage: 'redis-server', why: 'a real Redis to export' },
  { command: '/usr/sbin/nginx', debianPackage: 'nginx', why: 'a real NGINX (stub_status) to export' },
  {
    command: '/usr/sbin/haproxy',
    debianPackage: 'haproxy',
    why: 'a real HAProxy with its built-in Prometheus exporter',
  },
  {
    command: 'prometheus-postgres-exporter',
    debianPackage: 'prometheus-postgres-exporter',
    why: 'a real postgres_exporter to scrape',
  },
  {
    command: 'prometheus-redis-exporter',
    debianPackage: 'prometheus-redis-exporter',
    why: 'a real redis_exporter to scrape',
  },
  {
    command: 'prometheus-nginx-exporter',
    debianPackage: 'prometheus-nginx-exporter',
    why: 'a real nginx-prometheus-exporter to scrape',
  },
];

/** A required tool is missing and could not be installed here. */
export class MissingToolError extends StackError {
  readonly code = 'missing-tool';
}

function isExecutableFile(file: string): boolean {
  try {
    const stat = statSync(file);
    return stat.isFile() && (stat.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** `*` in one path segment: any run of characters but `/`; everything else literally. */
function segmentPattern(segment: string): RegExp {
  const parts = segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]*')}$`);
}

/** Sorts `9` before `15`, as versions. */
const byVersion = new Intl.Collator('en', { numeric: true });

function expand(dirs: readonly string[], segment: string): string[] {
  if (!segment.includes('*')) return dirs.map((dir) => join(dir, segment));
  const pattern = segmentPattern(segment);
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((name) => pattern.test(name))
        .sort(byVersion.compare)
        .map((name) => join(dir, name));
    } catch {
      return [];
    }
  });
}

/**
 * The executable a required command names: the first match of an absolute path (its `*` segments expanded, the
 * highest version first, so the newest PostgreSQL major wins), or the first PATH entry holding a bare name.
 */
export function findTool(command: string, path = ''): string | undefined {
  if (isAbsolute(command)) {
    const segments = command.split('/').filter((segment) => segment !== '');
    const matches = segments.reduce<string[]>((dirs, segment) => expand(dirs, segment), ['/']);
    return matches.reverse().find(isExecutableFile);
  }
  for (const dir of path.split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** Whether the command is there: on the PATH for a bare name, at the (possibly wildcarded) absolute path otherwise. */
export function onPath(command: string, path = ''): boolean {
  return findTool(command, path) !== undefined;
}

export interface ProvisionEnvironment {
  readonly path: string;
  /** The environment the installer runs with. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isRoot: boolean;
  readonly log: (line: string) => void;
}

/**
 * The command line of one apt-get call, non-interactive either way: sudo resets the environment it was given, so
 * through sudo the variable goes on the command line (`sudo DEBIAN_FRONTEND=noninteractive apt-get …`); as root
 * it is set in apt-get's environment.
 */
export function aptGetCommand(
  args: readonly string[],
  sudo: boolean,
): { readonly command: string; readonly args: readonly string[] } {
  return sudo
    ? { command: 'sudo', args: ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args] }
    : { command: 'apt-get', args };
}

function run(
  command: { readonly command: string; readonly args: readonly string[] },
  env: ProvisionEnvironment['env'],
  log: (line: string) => void,
): boolean {
  log(`$ ${command.command} ${command.args.join(' ')}`);
  const result = spawnSync(command.command, [...command.args], {
    stdio: 'inherit',
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/**
 * Makes sure every required tool is on the PATH (or at its absolute path). On Debian it installs the missing packages with apt-get (as root,
 * or through sudo); elsewhere it stops with the command to run.
 */
export function provisionTools(
  env: ProvisionEnvironment,
  tools: readonly RequiredTool[] = REQUIRED_TOOLS,
): void {
  const missing = tools.filter((t) => !onPath(t.command, env.path));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((t) => t.debianPackage))].sort();
  const install = `apt-get install -y ${packages.join(' ')}`;
  const names = missing.map((t) => `${t.command} (${t.why})`).join(', ');
  const debian = existsSync('/etc/debian_version') && onPath('apt-get', env.path);
  const viaSudo = env.isRoot ? false : onPath('sudo', env.path) ? true : undefined;
  if (!debian || viaSudo === undefined) {
    throw new MissingToolError(
      `missing: ${names}. Install them and run again: on Debian or Ubuntu, sudo ${install}.`,
    );
  }
  env.log(`Installing ${packages.join(', ')} for: ${names}`);
  const aptGet = (args: readonly string[]): boolean => run(aptGetCommand(args, viaSudo), env.env, env.log);
  const installed =
    aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const still = tools.filter((t) => !onPath(t.command, env.path));
  if (!installed || still.length > 0) {
    throw new MissingToolError(`could not install ${packages.join(', ')}. Run: sudo ${install}.`);
  }
}
