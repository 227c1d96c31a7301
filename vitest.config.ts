import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The opt-in suite against a real Grafana (npm run test:integration, with GRAFANA_URL set) is not part of
    // npm test: this machine has no Grafana, and the simulator suites cover the same scenarios.
    exclude: [...configDefaults.exclude, 'test/integration/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
