import type { StackConfig } from '../stack.config.ts';
import { beylaHttpServer, defineSlo, metricOf } from '../src/index.ts';
import { sloDefaults } from './common.ts';

/**
 * Availability of the HTTP services Beyla instruments: 99.9% of requests over 30 days are answered without a
 * server error. Per service (`service_name`), so one noisy service cannot hide behind a busy healthy one.
 */
export default defineSlo((cfg: StackConfig) => {
  const { requests, errors } = beylaHttpServer(metricOf(cfg.selectors.beyla));
  return {
    ...sloDefaults(cfg),
    service: 'backend',
    name: 'availability',
    description: 'HTTP requests to the backend services are answered without a server error (5xx).',
    objective: 99.9,
    sli: { kind: 'ratio', errors, total: requests },
    groupBy: ['service_name'],
    runbookUrl: `${cfg.runbookBaseUrl}/slo-availability.md`,
  };
});
