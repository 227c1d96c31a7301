import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, metric, ne, nre } from '../src/index.ts';
import { runbook } from './links.ts';

/** Hosts (node exporter) and capacity planning: memory and disk warn; trends inform. */
export default defineAlertRuleGroup((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const node = cfg.selectors.node;
  // Real, writable filesystems only: tmpfs and overlay come and go with containers.
  const fs = { ...node, fstype: nre('tmpfs|overlay|squashfs'), mountpoint: ne('') };
  const avail = metric('node_filesystem_avail_bytes', fs);
  const size = metric('node_filesystem_size_bytes', fs);
  const readonlyFs = metric('node_filesystem_readonly', fs);
  const appended = metric('prometheus_tsdb_head_samples_appended_total', cfg.selectors.prometheus);
  return {
    uid: 'infrastructure',
    folderUid: cfg.folders.infrastructure.uid,
    name: 'infrastructure',
    interval: '1m',
    datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
    rules: [
      {
        name: 'NodeMemoryHigh',
        expr: `1 - ${metric('node_memory_MemAvailable_bytes', node)} / ${metric('node_memory_MemTotal_bytes', node)} > ${t.memoryRatio}`,
        for: '15m',
        severity: 'warning',
        summary: 'Node {{ $labels.instance }} uses {{ $value | humanizePercentage }} of its memory',
        description: `Less than ${Math.round((1 - t.memoryRatio) * 100)}% of memory has been available for 15 minutes.`,
        runbookUrl: runbook(cfg, 'node-memory-high'),
      },
      {
        name: 'NodeDiskHigh',
        expr: `(1 - ${avail} / ${size} > ${t.diskRatio}) and ${readonlyFs} == 0`,
        for: '15m',
        severity: 'warning',
        summary:
          'Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} is {{ $value | humanizePercentage }} full',
        description: `The filesystem has been more than ${t.diskRatio * 100}% full for 15 minutes.`,
        runbookUrl: runbook(cfg, 'node-disk-high'),
      },
      {
        name: 'NodeDiskFullSoon',
        // A linear fit over 6 hours, projected ahead; only filesystems already half full, to avoid noise.
        expr: `(predict_linear(${avail}[6h], ${t.diskFullDays * 86400}) < 0) and (${avail} / ${size} < 0.5) and ${readonlyFs} == 0`,
        for: '1h',
        severity: 'info',
        summary: `Filesystem {{ $labels.mountpoint }} on {{ $labels.instance }} will be full within ${t.diskFullDays} days at the current rate`,
        description: 'Plan more space or clean up before it becomes an outage.',
        runbookUrl: runbook(cfg, 'node-disk-full-soon'),
      },
      {
        name: 'IngestionRateGrowing',
        expr: `sum(rate(${appended}[1h])) > ${1 + t.ingestionGrowthRatio} * sum(rate(${appended}[1h] offset 1w))`,
        for: '6h',
        severity: 'info',
        summary: `Prometheus ingests {{ $value | humanize }} samples/s, more than ${t.ingestionGrowthRatio * 100}% above a week ago`,
        description: `The sample ingestion rate has been more than ${t.ingestionGrowthRatio * 100}% above the same hour last week for 6 hours: review capacity (memory, disk, remote write) before it runs out.`,
        runbookUrl: runbook(cfg, 'ingestion-rate-growing'),
      },
    ],
  };
});
