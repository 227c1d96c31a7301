import { defineConfig } from 'vitest/config';

/** `npm run test:integration`: the publish and drift scenarios against the real Grafana at GRAFANA_URL. */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    testTimeout: 120_000,
    fileParallelism: false,
  },
});
