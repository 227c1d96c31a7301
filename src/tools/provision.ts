import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { StackError } from '../core/errors.ts';

/** A command the tests run, and the Debian package that provides it. */
export interface RequiredTool {
  readonly command: string;
  readonly debianPackage: string;
  readonly why: string;
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
];

/** A required tool is missing and could not be installed here. */
export class MissingToolError extends StackError {
  readonly code = 'missing-tool';
}

export function onPath(command: string, path = ''): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
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
 * Makes sure every required tool is on the PATH. On Debian it installs the missing packages with apt-get (as root,
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
