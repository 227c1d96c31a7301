import type { StackConfig } from '../stack.config.ts';
import {
  datasourceVariable,
  defineDashboard,
  higherIsWorse,
  labelVariable,
  metric,
  metricOf,
  ne,
  nre,
  promQuery,
  re,
  row,
  stackDashboard,
  statPanel,
  sumIncrease,
  sumRate,
  tablePanel,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

/** Hosts (node exporter) and Kubernetes (kube-state-metrics, cAdvisor): CPU, memory, disk, network, pods. */
export default defineDashboard((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const s = cfg.selectors;
  const node = { ...s.node, instance: re('$instance') };
  const n = metricOf(node);
  // Real, writable filesystems only, as the disk alerts select them.
  const fs = { fstype: nre('tmpfs|overlay|squashfs'), mountpoint: ne('') };
  const ksm = { ...s.kubeStateMetrics, namespace: re('$namespace') };
  // cAdvisor's per-container series; the pod-level and machine-level ones have an empty container label.
  const containers = { ...s.cadvisor, namespace: re('$namespace'), container: ne('') };
  const byContainer = ['namespace', 'pod', 'container'];
  const limits = (resource: string): string =>
    `sum by (namespace, pod, container) (${metric('kube_pod_container_resource_limits', ksm, { resource })})`;

  return {
    uid: DASHBOARD_UIDS.infrastructure,
    folderUid: cfg.folders.infrastructure.uid,
    dashboard: stackDashboard({
      title: 'Infrastructure and Kubernetes',
      description:
        'Nodes (CPU, memory, disk, network from the node exporter) and Kubernetes workloads (pod restarts and states from kube-state-metrics, container usage against limits from cAdvisor).',
      tags: ['infrastructure', 'kubernetes', 'node'],
    })
      .links(linksTo('overview', 'services', 'backends', 'data'))
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withVariable(
        labelVariable({
          name: 'instance',
          label: 'Node',
          labelName: 'instance',
          series: metric('node_uname_info', s.node),
        }),
      )
      .withVariable(
        labelVariable({
          name: 'namespace',
          label: 'Namespace',
          labelName: 'namespace',
          series: metric('kube_pod_info', s.kubeStateMetrics),
        }),
      )
      .withRow(row('Nodes'))
      .withPanel(
        statPanel({
          title: 'Nodes up',
          description: 'Node exporters Prometheus can scrape (one per node).',
          unit: 'short',
          sparkline: false,
          component: 'node-exporter',
          queries: [promQuery(`sum(${n('up')})`)],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'Highest CPU use',
          description: 'CPU use of the busiest selected node (share of all its cores, not idle).',
          unit: 'percentunit',
          max: 1,
          thresholds: higherIsWorse(0.7, 0.9),
          component: 'node-exporter',
          queries: [
            promQuery(
              `max(1 - avg by (instance) (rate(${n('node_cpu_seconds_total', { mode: 'idle' })}[$__rate_interval])))`,
            ),
          ],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'Highest memory use',
          description: `Memory use of the fullest selected node. Above ${t.memoryRatio * 100}% the memory alert warns.`,
          unit: 'percentunit',
          max: 1,
          thresholds: higherIsWorse(t.memoryRatio * 0.9, t.memoryRatio),
          component: 'node-exporter',
          queries: [
            promQuery(`max(1 - ${n('node_memory_MemAvailable_bytes')} / ${n('node_memory_MemTotal_bytes')})`),
          ],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'Fullest filesystem',
          description: `Use of the fullest writable filesystem on the selected nodes. Above ${t.diskRatio * 100}% the disk alert warns.`,
          unit: 'percentunit',
          max: 1,
          thresholds: higherIsWorse(t.diskRatio * 0.9, t.diskRatio),
          component: 'node-exporter',
          queries: [
            promQuery(
              `max(1 - ${n('node_filesystem_avail_bytes', fs)} / ${n('node_filesystem_size_bytes', fs)})`,
            ),
          ],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        timeseriesPanel({
          title: 'CPU use',
          description: 'Share of each node’s CPU time not idle.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          component: 'node-exporter',
          queries: [
            promQuery(
              `1 - avg by (instance) (rate(${n('node_cpu_seconds_total', { mode: 'idle' })}[$__rate_interval]))`,
              { legend: '{{instance}}' },
            ),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Load per core',
          description:
            'One-minute load average divided by the number of cores: above 1, work waits for a CPU.',
          unit: 'short',
          min: 0,
          thresholds: higherIsWorse(1, 2),
          showThresholds: true,
          component: 'node-exporter',
          queries: [
            promQuery(
              `max by (instance) (${n('node_load1')}) / count by (instance) (${n('node_cpu_seconds_total', { mode: 'idle' })})`,
              { legend: '{{instance}}' },
            ),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Memory use',
          description: `Share of each node’s memory not available to new work. The dashed line is the alert threshold (${t.memoryRatio * 100}%).`,
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: higherIsWorse(t.memoryRatio * 0.9, t.memoryRatio),
          showThresholds: true,
          component: 'node-exporter',
          queries: [
            promQuery(`1 - ${n('node_memory_MemAvailable_bytes')} / ${n('node_memory_MemTotal_bytes')}`, {
              legend: '{{instance}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Filesystem use',
          description: `Share of each writable filesystem in use. The dashed line is the alert threshold (${t.diskRatio * 100}%).`,
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: higherIsWorse(t.diskRatio * 0.9, t.diskRatio),
          showThresholds: true,
          component: 'node-exporter',
          queries: [
            promQuery(
              `1 - max by (instance, mountpoint) (${n('node_filesystem_avail_bytes', fs)}) / max by (instance, mountpoint) (${n('node_filesystem_size_bytes', fs)})`,
              { legend: '{{instance}} {{mountpoint}}' },
            ),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Disk busy',
          description: 'Share of time each disk was busy with I/O; near 100% the disk is saturated.',
          unit: 'percentunit',
          min: 0,
          component: 'node-exporter',
          queries: [
            promQuery(
              `max by (instance, device) (rate(${n('node_disk_io_time_seconds_total')}[$__rate_interval]))`,
              {
                legend: '{{instance}} {{device}}',
              },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Network traffic',
          description: 'Bytes per second received (positive) and sent, per node, loopback excluded.',
          unit: 'Bps',
          component: 'node-exporter',
          queries: [
            promQuery(sumRate(n('node_network_receive_bytes_total', { device: ne('lo') }), 'instance'), {
              legend: 'received {{instance}}',
            }),
            promQuery(sumRate(n('node_network_transmit_bytes_total', { device: ne('lo') }), 'instance'), {
              legend: 'sent {{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Network errors',
          description: 'Packets per second that failed to be received or sent, per node.',
          unit: 'pps',
          min: 0,
          component: 'node-exporter',
          queries: [
            promQuery(sumRate(n('node_network_receive_errs_total'), 'instance'), {
              legend: 'receive {{instance}}',
            }),
            promQuery(sumRate(n('node_network_transmit_errs_total'), 'instance'), {
              legend: 'transmit {{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Kubernetes workloads'))
      .withPanel(
        tablePanel({
          title: 'Pod restarts',
          description: 'Pods whose containers restarted over the selected range, most restarts first.',
          unit: 'short',
          component: 'kube-state-metrics',
          queries: [
            promQuery(
              `topk(20, ${sumIncrease(metric('kube_pod_container_status_restarts_total', ksm), ['namespace', 'pod'])} > 0)`,
              { instant: true, format: 'table' },
            ),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Container restarts',
          description: 'Container restarts per namespace over time; a steady climb is a crash loop.',
          unit: 'short',
          min: 0,
          component: 'kube-state-metrics',
          queries: [
            promQuery(
              `sum by (namespace) (increase(${metric('kube_pod_container_status_restarts_total', ksm)}[$__rate_interval]))`,
              { legend: '{{namespace}}' },
            ),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Pods not running',
          description: 'Pods pending, failed or in an unknown phase, per namespace and phase.',
          unit: 'short',
          min: 0,
          component: 'kube-state-metrics',
          queries: [
            promQuery(
              `sum by (namespace, phase) (${metric('kube_pod_status_phase', ksm, { phase: re('Pending|Failed|Unknown') })})`,
              { legend: '{{namespace}} {{phase}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Containers waiting',
          description: 'Containers waiting to run, by reason (CrashLoopBackOff, ImagePullBackOff, …).',
          unit: 'short',
          min: 0,
          component: 'kube-state-metrics',
          queries: [
            promQuery(
              `sum by (namespace, reason) (${metric('kube_pod_container_status_waiting_reason', ksm)})`,
              { legend: '{{namespace}} {{reason}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Deployments short of replicas',
          description: 'Replicas wanted but not available, per deployment.',
          unit: 'short',
          min: 0,
          component: 'kube-state-metrics',
          queries: [
            promQuery(
              `sum by (namespace, deployment) (${metric('kube_deployment_spec_replicas', ksm)}) - sum by (namespace, deployment) (${metric('kube_deployment_status_replicas_available', ksm)}) > 0`,
              { legend: '{{namespace}}/{{deployment}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Containers against their limits'))
      .withPanel(
        timeseriesPanel({
          title: 'CPU against limit',
          description:
            'CPU used by the ten busiest containers as a share of their CPU limit; at 100% they are throttled. Containers without a limit are not shown.',
          unit: 'percentunit',
          min: 0,
          thresholds: higherIsWorse(0.8, 1),
          showThresholds: true,
          component: ['cadvisor', 'kube-state-metrics'],
          queries: [
            promQuery(
              `topk(10, ${sumRate(metric('container_cpu_usage_seconds_total', containers), byContainer)} / ${limits('cpu')})`,
              { legend: '{{namespace}}/{{pod}} {{container}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Memory against limit',
          description: `Working-set memory of the ten fullest containers as a share of their memory limit; at 100% they are OOM-killed. Above ${t.memoryRatio * 100}% is a warning sign.`,
          unit: 'percentunit',
          min: 0,
          thresholds: higherIsWorse(t.memoryRatio, 1),
          showThresholds: true,
          component: ['cadvisor', 'kube-state-metrics'],
          queries: [
            promQuery(
              `topk(10, sum by (namespace, pod, container) (${metric('container_memory_working_set_bytes', containers)}) / ${limits('memory')})`,
              { legend: '{{namespace}}/{{pod}} {{container}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'CPU throttling',
          description:
            'Share of CFS periods in which the ten most throttled containers were throttled; above 25% latency suffers.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: higherIsWorse(0.1, 0.25),
          component: 'cadvisor',
          queries: [
            promQuery(
              `topk(10, ${sumRate(metric('container_cpu_cfs_throttled_periods_total', containers), byContainer)} / ${sumRate(metric('container_cpu_cfs_periods_total', containers), byContainer)})`,
              { legend: '{{namespace}}/{{pod}} {{container}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      ),
  };
});
