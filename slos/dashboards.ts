import type { StackConfig } from '../stack.config.ts';
import { defineSloDashboards } from '../src/index.ts';
import availability from './availability.ts';
import dataQuality from './data-quality.ts';
import performance from './performance.ts';

/** One error-budget dashboard per service (slo-backend, slo-telemetry-pipeline) and the overview of every SLO. */
export default defineSloDashboards([availability, performance, dataQuality], (cfg: StackConfig) => ({
  folderUid: cfg.folders.slos.uid,
  datasourceUid: cfg.datasources.prometheus.uid,
}));
