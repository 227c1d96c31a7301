import type { OtelSignal } from '../alloy/facts.ts';
import type { StackComponent } from '../kit/components.ts';

/**
 * How the name and labels of an entry are known:
 * - `observed`: seen on the real binary's /metrics by the real-stack tests (test/content/real-*.test.ts: the
 *   Debian packages of Prometheus, Alertmanager, the node exporter, and the PostgreSQL, Redis and NGINX exporters
 *   and HAProxy), and read in its source at the version cited;
 * - `code`: read in the emitting project's source at the version cited, and not run here;
 * - `declared`: a metric of the team's own, declared in the Config (`catalogue.metrics`) with its source.
 * Documentation and monitoring mixins are no evidence: both have named series their own code no longer emits.
 */
export type Evidence = 'observed' | 'code' | 'declared';

/** Where a name and its labels are defined: a file of a repository at a release tag or a commit. */
export interface SourceRef {
  /** `owner/name` on GitHub. */
  readonly repo: string;
  /** A release tag (`v1.18.0`) or a full commit hash: never a branch, which moves. */
  readonly ref: string;
  /** The file that defines the name (or builds it from its parts), from the repository's root. */
  readonly path: string;
}

/** A source shared by a group of entries, with the entries defined elsewhere named in `of`. */
export interface GroupSource extends SourceRef {
  readonly of?: Readonly<Record<string, SourceRef>>;
}

/**
 * Which Alloy components emit a series, when only some do: a query reading it is checked against the committed
 * Alloy configuration (configs/alloy), which must hold such a component, and route the signal through it when one
 * is given (an exporter counts spans only when spans are sent to it).
 */
export interface AlloyProducer {
  /** Component names (`loki.write`), or families ending in `.*` (`otelcol.receiver.*`). */
  readonly components: readonly string[];
  /** Names the families leave out. */
  readonly except?: readonly string[];
  readonly signal?: OtelSignal;
  /** Why only these: what someone reading a failure needs to know. */
  readonly why: string;
}

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
   * the evaluator; `declared` for the Config's own.
   */
  readonly component: StackComponent | 'scrape' | 'rules' | 'declared';
  /**
   * The versions the name and labels hold for, e.g. `Beyla 3.23+ (Alloy v1.18+)`. The labels are those every one
   * of these versions attaches: a label only some have is named in `help`, never matched on.
   */
  readonly versions: string;
  /**
   * Labels the series carry besides `job`, `instance` and the `cluster` external label, which every scraped
   * series has. Selectors may match only these.
   */
  readonly labels: readonly string[];
  /** The series carry labels that vary (ALERTS carries each alert's labels): any label may be matched. */
  readonly openLabels?: true;
  readonly evidence: Evidence;
  /** Where the name and labels are defined: a file at a version, or what a Config declaration says. */
  readonly source: SourceRef | { readonly declared: string };
  /** The Alloy components that emit it, when only some do. */
  readonly producedBy?: AlloyProducer;
  readonly help: string;
}

/** Labels every scraped series may carry: the target's, and the external label Alloy's remote write adds. */
export const TARGET_LABELS: readonly string[] = ['job', 'instance', 'cluster'];
