/**
 * The stack's knobs, kept apart from content: data sources, label selectors, thresholds, folders and the
 * severity table. Content is a function of this Config; environments override it and never touch content.
 */
import type { BaseConfig, Selector, TiersInput } from './src/index.ts';
import { WORKBOOK_TIERS, defineConfig, ne, schema as s } from './src/index.ts';

export interface DataSourceConfig {
  readonly uid: string;
  readonly name: string;
  readonly url: string;
}

export interface FolderConfig {
  readonly uid: string;
  readonly title: string;
}

export interface StackConfig extends BaseConfig {
  readonly datasources: {
    readonly prometheus: DataSourceConfig & { readonly basicAuthUser: string };
    // Loki and Tempo tenants are no Config: Grafana only takes header values as secrets, so the data sources read
    // them from LOKI_TENANT / TEMPO_TENANT at publish time, the variables Alloy writes with.
    readonly loki: DataSourceConfig;
    readonly tempo: DataSourceConfig;
    readonly alertmanager: DataSourceConfig;
  };
  readonly folders: {
    readonly overview: FolderConfig;
    readonly services: FolderConfig;
    readonly frontend: FolderConfig;
    readonly pipeline: FolderConfig;
    readonly backends: FolderConfig;
    readonly infrastructure: FolderConfig;
    readonly data: FolderConfig;
    readonly edge: FolderConfig;
    readonly alerting: FolderConfig;
    readonly slos: FolderConfig;
  };
  /** Label selectors per component: the `job` names the Alloy configuration gives each scrape. */
  readonly selectors: {
    readonly beyla: Selector;
    readonly alloy: Selector;
    readonly prometheus: Selector;
    readonly loki: Selector;
    readonly tempo: Selector;
    readonly alertmanager: Selector;
    readonly grafana: Selector;
    readonly node: Selector;
    /** Loki streams of Faro's frontend events (labels set by Alloy's faro pipeline). */
    readonly faro: Selector;
    readonly kubeStateMetrics: Selector;
    readonly cadvisor: Selector;
    readonly postgres: Selector;
    readonly redis: Selector;
    readonly kafka: Selector;
    readonly nginx: Selector;
    readonly haproxy: Selector;
  };
  /** Alerting thresholds; ratios are fractions (0.001 = 0.1%). */
  readonly thresholds: {
    /** Availability below which services page (over one hour). */
    readonly availabilityRatio: number;
    /** HTTP 5xx share above which the error-rate alert warns (over five minutes). */
    readonly httpErrorRatio: number;
    /** Share of telemetry lost anywhere in the pipeline above which it pages. */
    readonly dataLossRatio: number;
    /** Backend (HTTP server) P95 latency, seconds. */
    readonly backendP95Seconds: number;
    /** Database query (Beyla database client) P95 latency, seconds. */
    readonly queryP95Seconds: number;
    readonly memoryRatio: number;
    readonly diskRatio: number;
    /** Days ahead in which a filesystem predicted to fill up raises an info alert. */
    readonly diskFullDays: number;
    /** Week-over-week growth of the ingestion rate that raises an info alert (0.2 = +20%). */
    readonly ingestionGrowthRatio: number;
    /** Alloy's memory budget, bytes. */
    readonly alloyMemoryBytes: number;
    /** Alloy's OTLP processing P95 latency, seconds. */
    readonly alloyLatencyP95Seconds: number;
    /** JavaScript exceptions per page load above which the frontend alert warns. */
    readonly jsErrorRatio: number;
    /** Largest Contentful Paint p75 target, milliseconds (web-vitals "good" is 2.5 s). */
    readonly lcpP75Ms: number;
    /** Interaction to Next Paint p75 target, milliseconds (web-vitals "good" is 200 ms). */
    readonly inpP75Ms: number;
    /** Cumulative Layout Shift p75 target, unitless (web-vitals "good" is 0.1). */
    readonly clsP75: number;
    /** First Contentful Paint p75 target, milliseconds (web-vitals "good" is 1.8 s). */
    readonly fcpP75Ms: number;
    /** Time to First Byte p75 target, milliseconds (web-vitals "good" is 800 ms). */
    readonly ttfbP75Ms: number;
  };
  /** Contact point settings per receiver; secrets are named by their environment variables. */
  readonly receivers: {
    readonly pagerduty: { readonly name: string; readonly integrationKeyEnv: string };
    readonly slack: { readonly name: string; readonly webhookUrlEnv: string; readonly channel: string };
    readonly email: { readonly name: string; readonly addresses: readonly string[] };
    /** The dead man's switch: receives the always-firing Watchdog; silence there means alerting is down. */
    readonly heartbeat: { readonly name: string; readonly url: string; readonly tokenEnv: string };
  };
  /** The public URL of Grafana, for links in notifications. */
  readonly grafanaUrl: string;
  /** Where `docs/runbooks/<name>.md` is served from. */
  readonly runbookBaseUrl: string;
  /** Maintenance window during which non-critical notifications are muted. */
  readonly maintenance: {
    readonly weekdays: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
  };
  /** Service level objectives (slos/): what every SLO shares unless it says otherwise. */
  readonly slo: {
    /** Rolling period over which objectives are measured and budgets spent. */
    readonly period: string;
    /** Evaluation interval of the SLO rule groups. */
    readonly interval: string;
    /** Burn-rate alert tiers: window pairs, the share of the budget each lets burn, severities (SRE Workbook). */
    readonly tiers: TiersInput;
    /**
     * Bounds of Beyla's HTTP duration histogram, seconds, that every path exporting it has: the standalone Beyla
     * (configs/beyla/beyla-config.yml, prometheus_export.buckets.duration_histogram) and Alloy's embedded
     * beyla.ebpf (configs/alloy/config.alloy, metrics.buckets.duration_histogram). npm run validate checks that
     * both files set exactly these bounds; a latency SLO's threshold must be one of them, or its good events
     * would select no series.
     */
    readonly beylaDurationBuckets: readonly number[];
  };
}

// The fields above, checked at run time as well (a typo such as `weekdays: 'sunday'` or `url: 9090` is then a
// problem at its field, not wrong content or a refusal from Grafana half-way through a publish).
const dataSource = s.object({ uid: s.string(), name: s.string(), url: s.string() });
export const STACK_CONFIG_SCHEMA = s.object({
  datasources: s.object({
    prometheus: s.object({ uid: s.string(), name: s.string(), url: s.string(), basicAuthUser: s.string() }),
    loki: dataSource,
    tempo: dataSource,
    alertmanager: dataSource,
  }),
  folders: s.record(s.object({ uid: s.string(), title: s.string() })),
  selectors: s.record(s.record(s.any())),
  thresholds: s.record(s.number()),
  receivers: s.object({
    pagerduty: s.object({ name: s.string(), integrationKeyEnv: s.string() }),
    slack: s.object({ name: s.string(), webhookUrlEnv: s.string(), channel: s.string() }),
    email: s.object({ name: s.string(), addresses: s.list(s.string()) }),
    heartbeat: s.object({ name: s.string(), url: s.string(), tokenEnv: s.string() }),
  }),
  grafanaUrl: s.string(),
  runbookBaseUrl: s.string(),
  maintenance: s.object({
    weekdays: s.list(s.oneOf(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])),
    startTime: s.matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day HH:MM'),
    endTime: s.matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day HH:MM'),
  }),
  slo: s.object({
    period: s.duration(),
    interval: s.duration(),
    tiers: s.any(),
    beylaDurationBuckets: s.list(s.number()),
  }),
});

export default defineConfig<StackConfig>({
  schema: STACK_CONFIG_SCHEMA,
  defaultEnvironment: 'production',
  base: {
    datasources: {
      prometheus: {
        uid: 'prometheus',
        name: 'Prometheus',
        url: 'http://prometheus:9090',
        basicAuthUser: 'grafana',
      },
      loki: { uid: 'loki', name: 'Loki', url: 'http://loki:3100' },
      tempo: { uid: 'tempo', name: 'Tempo', url: 'http://tempo:3200' },
      alertmanager: { uid: 'alertmanager', name: 'Alertmanager', url: 'http://alertmanager:9093' },
    },
    folders: {
      // Not 'stack-overview': that is the overview dashboard's, and folders and dashboards share uids in Grafana.
      overview: { uid: 'stack-overview-folder', title: 'Overview' },
      services: { uid: 'stack-services', title: 'Services' },
      frontend: { uid: 'stack-frontend', title: 'Frontend' },
      pipeline: { uid: 'stack-pipeline', title: 'Telemetry pipeline' },
      backends: { uid: 'stack-backends', title: 'Storage backends' },
      infrastructure: { uid: 'stack-infrastructure', title: 'Infrastructure' },
      data: { uid: 'stack-data', title: 'Data layer' },
      edge: { uid: 'stack-edge', title: 'Edge' },
      alerting: { uid: 'stack-alerting', title: 'Alerting' },
      slos: { uid: 'stack-slos', title: 'SLOs' },
    },
    selectors: {
      // Beyla is scraped with honor_labels, so its job is "<namespace>/<service>": select by service_name. Series of
      // OTLP SDKs through Alloy's otelcol.exporter.prometheus share Beyla's metric names but carry service.name as
      // job only (no service_name label): requiring service_name keeps them out of service_name="".
      beyla: { service_name: ne('') },
      alloy: { job: 'alloy' },
      prometheus: { job: 'prometheus' },
      loki: { job: 'loki' },
      tempo: { job: 'tempo' },
      alertmanager: { job: 'alertmanager' },
      grafana: { job: 'grafana' },
      node: { job: 'node-exporter' },
      faro: { app: /.+/ },
      kubeStateMetrics: { job: 'kube-state-metrics' },
      cadvisor: { job: 'cadvisor' },
      postgres: { job: 'postgres-exporter' },
      redis: { job: 'redis-exporter' },
      kafka: { job: 'kafka-exporter' },
      nginx: { job: 'nginx-exporter' },
      haproxy: { job: 'haproxy' },
    },
    thresholds: {
      availabilityRatio: 0.999,
      httpErrorRatio: 0.001,
      dataLossRatio: 0.0001,
      backendP95Seconds: 0.5,
      queryP95Seconds: 0.2,
      memoryRatio: 0.8,
      diskRatio: 0.85,
      diskFullDays: 7,
      ingestionGrowthRatio: 0.2,
      alloyMemoryBytes: 512 * 1024 * 1024,
      alloyLatencyP95Seconds: 0.1,
      jsErrorRatio: 0.01,
      lcpP75Ms: 2500,
      inpP75Ms: 200,
      clsP75: 0.1,
      fcpP75Ms: 1800,
      ttfbP75Ms: 800,
    },
    // How this repository knows its objects in Grafana (publish --prune and drift): folders, contact points and
    // dashboards whose uid, and mute timings and templates whose name, start with `stack-` are ours, and so is
    // everything in those folders; data sources carry `jsonData.managedBy = "grafana-stack-as-code/platform-stack"`.
    ownership: { owner: 'platform-stack', uidPrefix: 'stack-' },
    // The same rule groups for the engines beyond one Prometheus: PrometheusRule resources the Prometheus
    // Operator of kube-prometheus-stack selects (its default ruleSelector is `release: <release name>`), and ruler
    // namespaces for Mimir (PromQL groups) and Loki (LogQL groups), one tenant per environment.
    ruleEngines: {
      kubernetes: { namespace: 'monitoring', labels: { release: 'kube-prometheus-stack' } },
      mimir: { tenant: 'platform' },
      loki: { tenant: 'platform' },
    },
    severities: {
      critical: {
        receiver: 'pagerduty-critical',
        groupBy: ['alertname', 'service_name', 'job'],
        groupWait: '30s',
        groupInterval: '5m',
        repeatInterval: '4h',
      },
      warning: {
        receiver: 'slack-warnings',
        groupBy: ['alertname', 'job'],
        groupWait: '1m',
        groupInterval: '10m',
        repeatInterval: '12h',
        muteTimings: ['stack-maintenance-window'],
      },
      info: {
        receiver: 'email-info',
        groupBy: ['alertname'],
        groupWait: '5m',
        groupInterval: '1h',
        repeatInterval: '24h',
        muteTimings: ['stack-maintenance-window'],
      },
    },
    receivers: {
      pagerduty: { name: 'pagerduty-critical', integrationKeyEnv: 'PAGERDUTY_INTEGRATION_KEY' },
      slack: { name: 'slack-warnings', webhookUrlEnv: 'SLACK_WEBHOOK_URL', channel: '#stack-alerts' },
      email: { name: 'email-info', addresses: ['sre-team@example.com'] },
      heartbeat: {
        name: 'heartbeat',
        url: 'https://heartbeat.example.com/ping/stack',
        tokenEnv: 'HEARTBEAT_TOKEN',
      },
    },
    grafanaUrl: 'https://grafana.example.com',
    // Recording rules stay with Prometheus (rendered/prometheus/): Grafana-managed recording rules need a feature
    // flag before Grafana 12. Turn this on where Grafana should evaluate them too.
    grafana: { recordingRules: false },
    alertmanager: {
      secretsDir: '/etc/alertmanager/secrets',
      smtpSmarthost: 'smtp.example.com:587',
      smtpFrom: 'alertmanager@example.com',
    },
    runbookBaseUrl: 'https://github.com/example-org/grafana-stack-as-code/blob/main/docs/runbooks',
    maintenance: { weekdays: ['sunday'], startTime: '02:00', endTime: '04:00' },
    slo: {
      period: '30d',
      interval: '1m',
      // The SRE Workbook's policy: page on 2% of the period's budget spent in 1h or 5% in 6h; ticket on 10% in 1d
      // or in 3d. Factors are recomputed for the period: 14.4, 6, 3 and 1 at 30 days.
      tiers: WORKBOOK_TIERS,
      // Beyla's default bounds plus 0.2 (the performance SLO's 200 ms), set alike in configs/alloy/config.alloy
      // (beyla.ebpf metrics.buckets) and configs/beyla/beyla-config.yml (prometheus_export.buckets).
      beylaDurationBuckets: [
        0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
      ],
    },
  },
  environments: {
    staging: {
      ruleEngines: { mimir: { tenant: 'platform-staging' }, loki: { tenant: 'platform-staging' } },
      datasources: {
        prometheus: { url: 'http://prometheus.staging:9090' },
        loki: { url: 'http://loki.staging:3100' },
        tempo: { url: 'http://tempo.staging:3200' },
        alertmanager: { url: 'http://alertmanager.staging:9093' },
      },
      receivers: {
        slack: { channel: '#stack-alerts-staging' },
        email: { addresses: ['sre-staging@example.com'] },
      },
    },
  },
});
