/**
 * The recording rules of an SLO, in evaluation order (Prometheus evaluates a group's rules one after the other,
 * each seeing the previous ones' results at the same timestamp):
 *
 * 1. `slo:requests:rate<W>`, `slo:errors:rate<W>` from the raw series (sli-rates.ts), for the 5m building block
 *    and every alert window (5m to 3d with the Workbook's tiers): each holds exactly the window's events, so an
 *    alert fires at the first evaluation after the exact window ratio crosses its threshold. (The average of
 *    5-minute rates over 1 h spans 65 minutes and ramps up over its first five: a total outage paged at the third
 *    one-minute evaluation instead of the first, and a 1d or 3d average lags a few minutes.) This is what Sloth
 *    and Pyrra record too; a 3d window reads 4,320 samples per raw series at a one-minute scrape.
 * 2. For the period (30d), which no alert reads: the average of the 5m rates over it, one `avg_over_time` of one
 *    recorded series per group instead of a month of raw samples per series.
 * 3. `slo:sli_error:ratio_rate<W>` = errors / requests over the same W (rounded to 1e-12, see RATIO_STEP).
 *
 * Both forms divide two sums over the same samples, so (3) is Σ errors / Σ requests: request-weighted. A busy
 * hour counts as much as its requests, a quiet one as little as its requests; Sloth's period SLI instead averages
 * the 5m *ratios*, so one bad request in a quiet night weighs as much as a busy day. Zero traffic gives a request
 * rate of 0 (or no sample at all once the exporter drops idle series): the ratio is then absent rather than NaN
 * (`> 0` guard), and the averages of (2) are not poisoned, since a 0 adds nothing to either sum.
 *
 * 4. `slo:burn_rate:ratio_rate<W>` = error ratio / error budget.
 * 5. `slo:objective:ratio`, `slo:error_budget:ratio`, `slo:error_budget_remaining:ratio` (over the period).
 *
 * Constants are written into each expression (no join against a label-less constant series, which breaks with
 * extra labels: Sloth issues #602, #153).
 */
import type { PrometheusRecordingRule } from '../alerting/rule-model.ts';
import { decimalText } from './burn-rate.ts';
import { HUNDRED, div } from './decimal.ts';
import type { Slo } from './model.ts';
import { BASE_WINDOW, SLO_RULES } from './naming.ts';
import { ownSeries } from './series.ts';
import { baseRates } from './sli-rates.ts';

/**
 * Error ratios are rounded to 12 decimal places. rate() and the window averages leave noise in the 16th digit
 * (1000 req/s at 0.1% errors reads 0.0009999999999999998 over 3 days in promtool), and a ratio one ulp above an
 * exactly reached threshold would fire. Rounded to a multiple of 1e-12, a ratio exactly at 0.001 becomes the same
 * double as the threshold literal `0.001` (round() divides an integer by 1e12), so `> 0.001` is false, as it is
 * in exact arithmetic; a real excess of more than 1e-12 (a millionth of a 0.1% budget) still counts. Every
 * threshold has at most 15 significant digits, rounded up, so none falls between two steps to its disadvantage.
 */
const RATIO_STEP = '1e-12';

export function recordingRules(slo: Slo): PrometheusRecordingRule[] {
  const labels = slo.labels;
  const own = (record: string): string => ownSeries(slo, record);
  const budget = decimalText(slo.budget);
  const rules: PrometheusRecordingRule[] = [];
  for (const w of slo.windows) {
    if (w.name !== slo.period.name || w.name === BASE_WINDOW) {
      const raw = baseRates(slo, w.name, w.seconds);
      rules.push(
        { record: SLO_RULES.requests(w.name), expr: raw.requests, labels },
        { record: SLO_RULES.errors(w.name), expr: raw.errors, labels },
      );
      continue;
    }
    for (const rate of [SLO_RULES.requests, SLO_RULES.errors]) {
      rules.push({
        record: rate(w.name),
        expr: `avg_over_time(${own(rate(BASE_WINDOW))}[${w.name}])`,
        labels,
      });
    }
  }
  for (const w of slo.windows) {
    rules.push({
      record: SLO_RULES.errorRatio(w.name),
      expr: `round(${own(SLO_RULES.errors(w.name))} / (${own(SLO_RULES.requests(w.name))} > 0), ${RATIO_STEP})`,
      labels,
    });
  }
  for (const w of slo.windows) {
    rules.push({
      record: SLO_RULES.burnRate(w.name),
      expr: `${own(SLO_RULES.errorRatio(w.name))} / ${budget}`,
      labels,
    });
  }
  rules.push(
    { record: SLO_RULES.objective, expr: `vector(${decimalText(div(slo.objective, HUNDRED))})`, labels },
    { record: SLO_RULES.errorBudget, expr: `vector(${budget})`, labels },
    {
      record: SLO_RULES.budgetRemaining,
      expr: `1 - ${own(SLO_RULES.errorRatio(slo.period.name))} / ${budget}`,
      labels,
    },
  );
  return rules;
}
