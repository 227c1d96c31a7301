// npm run test:integration: the publish and drift scenarios against the real Grafana at GRAFANA_URL.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withDotEnv } from '../src/cli/environment.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = withDotEnv(root, process.env);
if (env.GRAFANA_URL === undefined || env.GRAFANA_URL === '') {
  process.stderr.write(
    'test:integration needs a Grafana: set GRAFANA_URL (and GRAFANA_TOKEN, or GRAFANA_USER and GRAFANA_PASSWORD); npm test covers the same scenarios on the simulator.\n',
  );
  process.exitCode = 1;
} else {
  const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.integration.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  process.exitCode = run.status ?? 1;
}
