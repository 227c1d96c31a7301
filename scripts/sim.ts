// npm run sim [-- --port <n>] [--profile 11.6] [--token <t>] [--viewer-token <t>] [--state <file>] [--latency-ms <n>]
import { parseSimFlags } from '../src/simulator/cli-flags.ts';
import { TEST_DOUBLE_NOTICE, startSimulator } from '../src/simulator/index.ts';

const parsed = parseSimFlags(process.argv.slice(2));
if (!parsed.ok) {
  if (parsed.help === true) console.log(parsed.message);
  else console.error(parsed.message);
  process.exit(parsed.help === true ? 0 : 1);
}
const sim = await startSimulator(parsed.options);
console.log(
  `Grafana API simulator (profile ${sim.profile.name}, Grafana ${sim.profile.version}) listening on ${sim.url}`,
);
console.log(TEST_DOUBLE_NOTICE);
const stop = (): void => {
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
