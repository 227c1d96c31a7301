import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests against a real Grafana run only when GRAFANA_URL is set (test/integration/).
    testTimeout: 30_000,
    pool: 'forks',
  },
});
