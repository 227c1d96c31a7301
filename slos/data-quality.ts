import type { StackConfig } from '../stack.config.ts';
import { defineSlo, metric } from '../src/index.ts';
import { TELEMETRY_STAGES } from '../alerts/telemetry-stages.ts';
import { sloDefaults } from './common.ts';

/**
 * Data quality of the telemetry pipeline: 99.99% of what the pipeline handles over 30 days is accepted, not
 * dropped, refused or failed, across every stage (an entry handled at three stages counts three times, as it
 * could be lost at each).
 */
export default defineSlo((cfg: StackConfig) => {
  const counters = (side: 'lost' | 'handled'): string[] =>
    TELEMETRY_STAGES.flatMap((s) => s[side].map((name) => metric(name, cfg.selectors[s.job])));
  return {
    ...sloDefaults(cfg),
    service: 'telemetry-pipeline',
    name: 'data-quality',
    description:
      'Telemetry handled by the pipeline reaches the stores: it is not dropped, refused or failed.',
    objective: 99.99,
    sli: { kind: 'ratio', errors: counters('lost'), total: counters('handled') },
    runbookUrl: `${cfg.runbookBaseUrl}/slo-data-quality.md`,
  };
});
