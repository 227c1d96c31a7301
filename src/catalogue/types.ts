import type { StackComponent } from '../kit/components.ts';

/**
 * How the name and labels of an entry are known:
 * - `observed`: seen on the real binary's /metrics by test/content/real-prometheus.test.ts (Prometheus 2.42,
 *   Alertmanager 0.25, node exporter 1.5, the Debian packages the tests run);
 * - `code`: read in the emitting project's source at the version given;
 * - `docs`: read in the project's documentation;
 * - `mixin`: used by the project's own monitoring mixin (its dashboards or alerts).
 */
export type Evidence = 'observed' | 'code' | 'docs' | 'mixin';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';

/**
 * One metric the repository's queries read. A histogram or summary is one entry named by its family; its
 * `_bucket`, `_count` and `_sum` series (and `le` / `quantile` labels) come with it.
 */
export interface MetricEntry {
  readonly name: string;
  readonly type: MetricType;
  /**
   * What emits it: a component; `scrape` for the series the scraper adds to every target (`up`: its `job` says
   * which component); `rules` for the series of rule evaluation (`ALERTS`), which are about the alert, not about
   * the evaluator.
   */
  readonly component: StackComponent | 'scrape' | 'rules';
  /** The versions the name and labels hold for, e.g. `Beyla 3.23+ (Alloy v1.18+)`. */
  readonly versions: string;
  /**
   * Labels the series carry besides `job`, `instance` and the `cluster` external label, which every scraped
   * series has. Selectors may match only these.
   */
  readonly labels: readonly string[];
  /** The series carry labels that vary (ALERTS carries each alert's labels): any label may be matched. */
  readonly openLabels?: true;
  readonly evidence: Evidence;
  /** Where: the project and file, document or mixin. */
  readonly source: string;
  readonly help: string;
}

/** Labels every scraped series may carry: the target's, and the external label Alloy's remote write adds. */
export const TARGET_LABELS: readonly string[] = ['job', 'instance', 'cluster'];
