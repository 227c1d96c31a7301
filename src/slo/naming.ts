/**
 * Every name the SLO generator gives: recording rules, labels, rule groups, alerts and dashboards. Dashboards and
 * other teams' queries rely on these (the executive overview reads `slo:error_budget_remaining:ratio` and
 * `1 - slo:sli_error:ratio_rate30d` by `slo`), so they live here and nowhere else.
 */

/** Label naming the SLO on every generated series and alert. */
export const SLO_LABEL = 'slo';
/** Label naming the service the SLO belongs to. */
export const SERVICE_LABEL = 'service';
/** Label naming the alerting tier (`page`, `ticket`, or its new name). */
export const TIER_LABEL = 'tier';

/** Label that keeps the rates of several counters of one side of a ratio SLI apart until they are summed. */
export const COUNTER_LABEL = 'slo_counter';

/** Labels the generator sets itself: grouping labels and extra labels may not use them. */
export const RESERVED_LABELS: readonly string[] = [
  SLO_LABEL,
  SERVICE_LABEL,
  TIER_LABEL,
  'severity',
  'le',
  COUNTER_LABEL,
];

/**
 * Annotations the generator writes on every SLO alert (alert-rules.ts): what fired, what it costs, where to look.
 * `alerting.annotations` may not use them, or the generator would overwrite them without a word.
 */
export const RESERVED_ANNOTATIONS: readonly string[] = [
  'summary',
  'description',
  'burn_rate',
  'windows',
  'burn_rate_thresholds',
  'error_ratio_thresholds',
  'budget_consumed',
  'exhaustion',
  'objective',
  'runbook_url',
  'dashboard_url',
  '__dashboardUid__',
  '__panelId__',
];

/** The window every other window is derived from; the only one read from raw data. */
export const BASE_WINDOW = '5m';

export const SLO_RULES = {
  /** Per-second rate of all events over the window. */
  requests: (window: string): string => `slo:requests:rate${window}`,
  /** Per-second rate of bad events over the window. */
  errors: (window: string): string => `slo:errors:rate${window}`,
  /** Error ratio over the window: errors / requests, so request-weighted. */
  errorRatio: (window: string): string => `slo:sli_error:ratio_rate${window}`,
  /** Error ratio divided by the error budget: 1 spends exactly the budget over the period. */
  burnRate: (window: string): string => `slo:burn_rate:ratio_rate${window}`,
  /** The objective as a ratio (0.999). */
  objective: 'slo:objective:ratio',
  /** The error budget as a ratio (0.001). */
  errorBudget: 'slo:error_budget:ratio',
  /** Share of the period's error budget left: 1 untouched, 0 spent, negative overspent. */
  budgetRemaining: 'slo:error_budget_remaining:ratio',
} as const;

/** Resource uid and name of an SLO's rule group. */
export function ruleGroupUid(sloName: string): string {
  return `slo-${sloName}`;
}

/** uid of a service's error-budget dashboard. */
export function serviceDashboardUid(service: string): string {
  return `slo-${service}`;
}

/** uid of the dashboard of every SLO. */
export const OVERVIEW_DASHBOARD_UID = 'slo-overview';

/** `backend-availability` → `BackendAvailability`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => `${part[0]?.toUpperCase() ?? ''}${part.slice(1)}`)
    .join('');
}

/** `BackendAvailabilityErrorBudgetBurnPage`: one alert per tier, so page and ticket never share a name. */
export function alertName(prefix: string, tierName: string): string {
  return `${prefix}ErrorBudgetBurn${pascalCase(tierName)}`;
}

/**
 * Title of a recording rule in Grafana. Grafana 10 and 11 want rule titles unique within a folder, and every SLO
 * records the same metric names, so the title adds the SLO; the metric written stays the rule's name.
 */
export function grafanaRecordingTitle(record: string, sloName: string): string {
  return `${record} (${sloName})`;
}
