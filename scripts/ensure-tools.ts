// Provisions the tools `npm test` needs from outside npm (promtool, amtool, Prometheus, Alertmanager, node exporter,
// and PostgreSQL, Redis, NGINX, HAProxy with the postgres, redis and nginx exporters): src/tools/provision.ts.
import { runCommand } from '../src/cli/run.ts';
import { provisionTools } from '../src/tools/provision.ts';

process.exitCode = await runCommand('test', (output) => {
  provisionTools({
    path: process.env.PATH ?? '',
    env: process.env,
    isRoot: process.getuid?.() === 0,
    log: output.err,
  });
});
