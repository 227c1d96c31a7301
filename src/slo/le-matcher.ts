/**
 * The `le` matcher of a latency SLI, written to select the bucket on Prometheus 2 and 3 alike.
 *
 * `le` is a label, so it is matched as text. Prometheus 2 keeps the text the exporter wrote: client libraries
 * write Go's shortest form (`0.2`, `1`). Prometheus 3 normalises `le` (and `quantile`) of classic histograms to the
 * OpenMetrics float form while scraping, which adds `.0` to whole numbers: `le="1"` becomes `le="1.0"`, so a
 * matcher `le="1"` written for Prometheus 2 selects nothing on Prometheus 3, and the SLI silently disappears.
 * Some exporters pad with zeros (`0.20`). The regex below accepts the bound's shortest form followed by any
 * number of trailing zeros after the point: `0\.20*` for 0.2, `1(\.0*)?` for 1 — and nothing else (`0.25` and
 * `10` do not match).
 */

/** The regex (unquoted) that matches every text form of the bound. */
export function leRegex(bound: number): string {
  if (!Number.isFinite(bound)) return bound > 0 ? '\\+Inf' : '-Inf';
  const shortest = String(bound);
  if (/e/i.test(shortest)) {
    // 1e-7 and below: Go writes 1e-07, JavaScript 1e-7. Match the mantissa and any two-digit exponent form.
    const [mantissa = '', exponent = ''] = shortest.split(/e/i);
    const sign = exponent.startsWith('-') ? '-' : '\\+?';
    const digits = exponent.replace(/^[+-]/, '').replace(/^0+/, '');
    return `${mantissa.replace('.', '\\.')}[eE]${sign}0*${digits}`;
  }
  return shortest.includes('.') ? `${shortest.replace('.', '\\.')}0*` : `${shortest}(\\.0*)?`;
}
