/**
 * Service level objectives: one definition → request-weighted recording rules, multi-window multi-burn-rate
 * alerts (Prometheus and Grafana forms) and error-budget dashboards. The public part; tests reach the rest.
 */
export type {
  AlertingInput,
  AvailabilitySliInput,
  BurnWindowInput,
  EventsInput,
  LatencySliInput,
  RatioSliInput,
  SliInput,
  SloInput,
  TierInput,
  TiersInput,
} from './input.ts';
export { defineSlo } from './define-slo.ts';
export type { SloDashboardsInput } from './define-dashboards.ts';
export { defineSloDashboards } from './define-dashboards.ts';
export { DEFAULT_PERIOD, WORKBOOK_TIERS } from './burn-rate.ts';
export type { BurnRateRow } from './threshold-table.ts';
export { burnRateTable } from './threshold-table.ts';
export { leRegex } from './le-matcher.ts';
export {
  OVERVIEW_DASHBOARD_UID,
  SERVICE_LABEL,
  SLO_LABEL,
  SLO_RULES,
  TIER_LABEL,
  ruleGroupUid,
  serviceDashboardUid,
} from './naming.ts';
export { SloDefinitionError } from './problems.ts';
