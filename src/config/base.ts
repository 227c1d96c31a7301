import type { AlertmanagerTwinConfig } from '../alerting/alertmanager.ts';
import type { OwnershipConfig } from '../core/ownership.ts';

/**
 * The part of the Config every project has, whatever its stack: the severity table that drives routing and
 * validation. A project's own Config (stack.config.ts) extends it with its data sources, selectors, thresholds
 * and folders; content receives the whole of it.
 */

/** How alerts of one severity are routed and grouped (Alertmanager route timers). */
export interface SeverityRoute {
  /** Receiver (contact point name) that gets alerts of this severity. */
  readonly receiver: string;
  readonly groupBy: readonly string[];
  readonly groupWait: string;
  readonly groupInterval: string;
  readonly repeatInterval: string;
  /** Mute timings applied to this severity's route (names). */
  readonly muteTimings?: readonly string[];
}

export type SeverityTable = Readonly<Record<string, SeverityRoute>>;

export interface BaseConfig {
  /** Name of the environment this Config was resolved for (`production`, `staging`, …). */
  readonly environment: string;
  readonly severities: SeverityTable;
  /**
   * How this repository recognises its objects in Grafana, for `publish --prune` and drift (src/core/ownership.ts).
   * Two environments publishing into one Grafana organisation need different owners and prefixes.
   */
  readonly ownership?: OwnershipConfig;
  /**
   * The rule engines that run the Prometheus rule groups besides one Prometheus (`rendered/prometheus/`): the
   * Prometheus Operator (`PrometheusRule` resources under `rendered/kubernetes/`) and a Mimir or Cortex ruler
   * (namespace files under `rendered/mimir/<tenant>/`, as `mimirtool rules load` reads them), and for the LogQL
   * groups a Loki ruler (`rendered/loki/<tenant>/`, as `lokitool rules load` reads them). Each is rendered only
   * when configured.
   */
  readonly ruleEngines?: RuleEngines;
  /**
   * Metrics the team's own content reads besides those of the kit's catalogue (src/catalogue/metrics.ts): what
   * its applications or its own exporters emit. Every query is checked against both: an unknown metric, or a
   * label matched that the metric does not carry, is a problem.
   */
  readonly catalogue?: { readonly metrics?: readonly DeclaredMetric[] };
  /** Settings of the Alertmanager twin (`rendered/alertmanager/`) that Grafana has no equivalent for. */
  readonly alertmanager?: Partial<AlertmanagerTwinConfig>;
  readonly grafana?: {
    /**
     * Publish recording rules as Grafana-managed recording rules (Grafana 12 with the
     * `grafanaManagedRecordingRules` feature, or 11.x with the experimental flag). Off by default: recording
     * rules are then evaluated by Prometheus from `rendered/prometheus/`, and Grafana's alerts read their series.
     */
    readonly recordingRules?: boolean;
    /**
     * Levels of subfolders the target Grafana allows below a top-level folder: 4 (`MaxNestedFolderDepth`, 10.3
     * and later); Grafana 13 reads `[folder] max_nested_folder_depth`, at most 7.
     */
    readonly maxNestedFolderDepth?: number;
    /**
     * The schema dashboards are rendered and published in: the classic JSON model (`v1`, every release) or the
     * v2 schema (`v2`: elements and layouts, Grafana 13 on, through `dashboard.grafana.app/v2`). Default `v1`.
     */
    readonly dashboardSchema?: 'v1' | 'v2';
  };
}

/** A metric the team's content reads on purpose, declared in the Config. */
export interface DeclaredMetric {
  /** The name as queries write it; a histogram or summary by its family (`_bucket`, `_count`, `_sum` come with it). */
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary';
  /** Labels the series carry besides `job`, `instance` and `cluster` (selectors may match only these). */
  readonly labels?: readonly string[];
  /** What emits it, so that a reader can check: `our-org/billing: internal/metrics.go`. */
  readonly source: string;
  readonly help?: string;
}

export interface RuleEngines {
  readonly kubernetes?: {
    /** The namespace of the `PrometheusRule` resources. */
    readonly namespace: string;
    /** Labels of every resource: what the Prometheus resource's `ruleSelector` selects (`release: …`). */
    readonly labels?: Readonly<Record<string, string>>;
  };
  readonly mimir?: {
    /** The tenant (`X-Scope-OrgID`, `mimirtool --id`) the rules are loaded for: one per environment. */
    readonly tenant: string;
  };
  /** The Loki ruler's tenant, for the LogQL groups (`lokitool rules load --id`). */
  readonly loki?: {
    readonly tenant: string;
  };
}

/** The dashboard schema a Config asks for (read from any Config, typed or not). */
export function dashboardSchemaOf(config: unknown): 'v1' | 'v2' {
  if (typeof config !== 'object' || config === null) return 'v1';
  const grafana = (config as { grafana?: { dashboardSchema?: unknown } }).grafana;
  return grafana?.dashboardSchema === 'v2' ? 'v2' : 'v1';
}

/** Whether a Config asks for Grafana-managed recording rules (read from any Config, typed or not). */
export function grafanaRecordingRules(config: unknown): boolean {
  if (typeof config !== 'object' || config === null) return false;
  const grafana = (config as { grafana?: { recordingRules?: unknown } }).grafana;
  return grafana?.recordingRules === true;
}
