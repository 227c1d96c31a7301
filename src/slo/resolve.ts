/**
 * From what a person wrote to the SLO model: defaults filled in, numbers made exact, windows parsed, tiers merged
 * with the Workbook policy; every problem collected (never only the first), each with its field path and a fix.
 */
import { parseDuration } from '../core/duration.ts';
import { DEFAULT_PERIOD, errorBudget } from './burn-rate.ts';
import type { Rational } from './decimal.ts';
import { HUNDRED, ZERO, compare, parseDecimal } from './decimal.ts';
import { checkAnnotations, checkGroupBy, checkLabels, checkName } from './check-fields.ts';
import { checkSli } from './check-sli.ts';
import type { SloInput } from './input.ts';
import { Issues } from './issues.ts';
import type { Slo, SloIssue } from './model.ts';
import { SERVICE_LABEL, SLO_LABEL, ruleGroupUid, serviceDashboardUid } from './naming.ts';
import { recordedWindows, resolveTiers } from './resolve-tiers.ts';
import { parseWindow } from './window.ts';

const DEFAULT_INTERVAL = '1m';
const GRAFANA_TICK_MS = 10_000;

function parseObjective(issues: Issues, objective: number | string): Rational | undefined {
  const value = parseDecimal(objective);
  if (value === undefined) {
    issues.add(
      'objective',
      `${JSON.stringify(objective)} is not a decimal number`,
      'Write the objective as a percentage, e.g. 99.9',
    );
    return undefined;
  }
  if (compare(value, ZERO) <= 0 || compare(value, HUNDRED) >= 0) {
    issues.add(
      'objective',
      `${String(objective)}% is not strictly between 0 and 100`,
      compare(value, HUNDRED) >= 0
        ? 'An objective of 100% leaves no error budget to alert on; use 99.99 or another value below 100'
        : 'Write the objective as a percentage of good events, e.g. 99.9',
    );
    return undefined;
  }
  return value;
}

/** The SLO model, or every problem of the input. */
export function resolveSlo(input: SloInput): { slo?: Slo; issues: readonly SloIssue[] } {
  const issues = new Issues();
  checkName(issues, 'name', input.name, ruleGroupUid(input.name), 'SLO');
  checkName(issues, 'service', input.service, serviceDashboardUid(input.service), 'service');
  if (input.service === 'overview') {
    issues.add(
      'service',
      'the service name overview is taken by the dashboard of every SLO',
      'Rename the service',
    );
  }
  if (input.description.trim() === '') {
    issues.add(
      'description',
      'the SLO has no description',
      'Say in one sentence what the objective promises',
    );
  }
  for (const field of ['runbookUrl', 'folderUid', 'datasourceUid'] as const) {
    if (input[field].trim() === '') issues.add(field, `${field} is empty`, `Give the SLO its ${field}`);
  }
  const objective = parseObjective(issues, input.objective);
  const budget = objective === undefined ? undefined : errorBudget(objective);
  const periodText = input.period ?? DEFAULT_PERIOD;
  const period = parseWindow(periodText);
  if (period === undefined) {
    issues.add(
      'period',
      `${JSON.stringify(periodText)} is not a duration of whole seconds`,
      'Write the rolling period as a duration, e.g. 30d, 28d or 7d',
    );
  }
  const interval = input.interval ?? DEFAULT_INTERVAL;
  const intervalMs = parseDuration(interval);
  if (intervalMs === undefined || intervalMs <= 0 || intervalMs % GRAFANA_TICK_MS !== 0) {
    issues.add(
      'interval',
      `${JSON.stringify(interval)} is not a positive multiple of 10s`,
      'Use an evaluation interval such as 30s or 1m (Grafana evaluates in 10-second ticks)',
    );
  }
  const groupBy = checkGroupBy(issues, input.groupBy);
  const labels = checkLabels(issues, 'labels', input.labels);
  const alertLabels = checkLabels(issues, 'alerting.labels', input.alerting?.labels);
  const alertAnnotations = checkAnnotations(issues, 'alerting.annotations', input.alerting?.annotations);
  checkSli(issues, input.sli);
  const tiers = resolveTiers(issues, input, period, budget);
  if (issues.list.length > 0 || objective === undefined || budget === undefined || period === undefined) {
    return { issues: issues.list };
  }
  return {
    slo: {
      name: input.name,
      service: input.service,
      description: input.description,
      objective,
      budget,
      period,
      sli: input.sli,
      groupBy,
      tiers,
      windows: recordedWindows(period, tiers),
      labels: { [SLO_LABEL]: input.name, [SERVICE_LABEL]: input.service, ...labels },
      alertLabels,
      alertAnnotations,
      runbookUrl: input.runbookUrl,
      folderUid: input.folderUid,
      datasourceUid: input.datasourceUid,
      interval,
      ...(input.grafanaUrl === undefined ? {} : { grafanaUrl: input.grafanaUrl }),
    },
    issues: [],
  };
}
