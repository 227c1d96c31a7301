import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, metric } from '../src/index.ts';

/** Alloy, the telemetry hub: if it is down or starved, every signal of the stack is at risk. */
export default defineAlertRuleGroup((cfg: StackConfig) => {
  const up = metric('up', cfg.selectors.alloy);
  const rss = metric('alloy_resources_process_resident_memory_bytes', cfg.selectors.alloy);
  return {
    uid: 'alloy',
    folderUid: cfg.folders.pipeline.uid,
    name: 'alloy',
    interval: '1m',
    datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
    rules: [
      {
        record: 'instance:alloy_resident_memory_bytes:max',
        expr: `max by (instance) (${rss})`,
      },
      {
        name: 'AlloyDown',
        // absent() covers the case where every Alloy target disappeared from discovery, not only failed scrapes.
        expr: `${up} == 0 or absent(${up})`,
        for: '5m',
        severity: 'critical',
        summary: 'Alloy {{ $labels.instance }} is down: telemetry from its targets is not collected',
        description: 'Prometheus has failed to scrape Alloy for 5 minutes, or no Alloy target exists at all.',
        runbookUrl: `${cfg.runbookBaseUrl}/alloy-down.md`,
      },
      {
        name: 'AlloyMemoryHigh',
        expr: `max by (instance) (${rss}) > ${cfg.thresholds.alloyMemoryBytes}`,
        for: '15m',
        severity: 'warning',
        summary: 'Alloy {{ $labels.instance }} uses {{ $value | humanize1024 }}B, above its 512 MiB budget',
        description:
          'Resident memory has been above the budget for 15 minutes; the memory limiter will start refusing data.',
        runbookUrl: `${cfg.runbookBaseUrl}/alloy-memory-high.md`,
      },
    ],
  };
});
