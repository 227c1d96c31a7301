// npm run sim [-- --port <n>] [--profile 11.6] [--token <t>] [--viewer-token <t>] [--state <file>] [--latency-ms <n>]
import { USAGE } from '../src/cli/usage.ts';
import { parseSimFlags } from '../src/simulator/cli-flags.ts';
import { TEST_DOUBLE_NOTICE, startSimulator } from '../src/simulator/index.ts';

/** The process that started this one, taken first: it may be gone before the simulator is up. */
const parent = process.ppid;
const parsed = parseSimFlags(process.argv.slice(2));
if (!parsed.ok) {
  if (parsed.help === true) process.stdout.write(`${USAGE.sim}\n`);
  else process.stderr.write(`${parsed.message}\n\n${USAGE.sim}\n`);
  process.exit(parsed.help === true ? 0 : 1);
}
const sim = await startSimulator(parsed.options);
const { token, viewerToken } = parsed.options;
process.stdout.write(
  [
    `Grafana API simulator (profile ${sim.profile.name}, Grafana ${sim.profile.version}) listening on ${sim.url}`,
    `Credentials it accepts: ${token === undefined ? 'any non-empty Bearer token' : `the Bearer token ${token}`} and Basic admin:admin${viewerToken === undefined ? '' : `; the Viewer token ${viewerToken} (reads only)`}.`,
    `Publish into it: GRAFANA_URL=${sim.url} GRAFANA_TOKEN=${token ?? 'any'} npm run publish`,
    TEST_DOUBLE_NOTICE,
    '',
  ].join('\n'),
);
// Stopped by Ctrl-C, by SIGTERM (npm forwards it), or when the terminal goes away.
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  // A client that keeps its connection open must not keep the simulator up: out after a second in any case.
  setTimeout(() => process.exit(0), 1000);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
// npm does not pass a SIGTERM it receives on to the script: when the process that started the simulator is gone
// (this process's parent changed since it started), the simulator stops too.
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 250).unref();
