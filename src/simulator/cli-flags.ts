/** Flags of `scripts/sim.ts` → SimulatorOptions. */
import type { SimulatorOptions } from './index.ts';
import { PROFILE_NAMES, isProfileName } from './profiles.ts';

export const SIM_USAGE = `usage: npm run sim -- [--port <n>] [--host <h>] [--profile ${PROFILE_NAMES.join('|')}] [--token <t>] [--viewer-token <t>] [--state <file>] [--latency-ms <n>]`;

export type ParsedSimFlags =
  | { readonly ok: true; readonly options: SimulatorOptions }
  /** `help`: the usage was asked for (exit 0); otherwise the flags are wrong (exit 1, as every command's). */
  | { readonly ok: false; readonly message: string; readonly help?: true };

export function parseSimFlags(argv: readonly string[]): ParsedSimFlags {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { ok: false, message: SIM_USAGE, help: true };
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (
      !['--port', '--host', '--profile', '--token', '--viewer-token', '--state', '--latency-ms'].includes(
        name,
      )
    )
      return { ok: false, message: `unknown flag ${arg}\n${SIM_USAGE}` };
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '')
      return { ok: false, message: `${name} needs a value\n${SIM_USAGE}` };
    values.set(name, value);
  }
  const int = (name: string): number | undefined | string => {
    const raw = values.get(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= 0
      ? n
      : `${name} must be a non-negative integer, not ${JSON.stringify(raw)}`;
  };
  const port = int('--port');
  const latency = int('--latency-ms');
  if (typeof port === 'string') return { ok: false, message: port };
  if (typeof latency === 'string') return { ok: false, message: latency };
  const profile = values.get('--profile') ?? '11.6';
  if (!isProfileName(profile))
    return {
      ok: false,
      message: `--profile must be one of ${PROFILE_NAMES.join(', ')}, not ${JSON.stringify(profile)}`,
    };
  return {
    ok: true,
    options: {
      port: port ?? 0,
      host: values.get('--host'),
      profile,
      token: values.get('--token'),
      viewerToken: values.get('--viewer-token'),
      stateFile: values.get('--state'),
      faults: latency === undefined ? undefined : { latencyMs: latency },
    },
  };
}
