/**
 * Grafana replaces `$__…` macros and template variables before a query reaches the data source; to parse a
 * query as the data source will see it, we do the same with representative values.
 */

/** Values for Grafana's global macros, chosen so that every position they may take still parses. */
const MACROS: Readonly<Record<string, string>> = {
  __interval: '1m',
  __rate_interval: '5m',
  __range: '6h',
  __auto: '1m',
  __interval_ms: '60000',
  __range_ms: '21600000',
  __range_s: '21600',
  __rate_interval_ms: '300000',
  __from: '1700000000000',
  __to: '1700021600000',
  __dashboard: 'dashboard',
  __org: '1',
  __user: 'user',
  __name: 'series',
  __timeFilter: 'true',
};

/** Same shapes Grafana's template service recognises: `$name`, `${name}`, `${name:format}`, `[[name]]`. */
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

export interface Interpolation {
  readonly text: string;
  /** Variables the text uses that are neither macros nor defined on the dashboard. */
  readonly unknown: readonly string[];
}

/** Substitutes macros and the given variables; `values` maps variable names to a representative value. */
export function interpolate(text: string, values: ReadonlyMap<string, string>): Interpolation {
  const unknown: string[] = [];
  const out = text.replace(
    VARIABLE,
    (_match: string, plain?: string, bracket?: string, _f?: string, braced?: string) => {
      const name = plain ?? bracket ?? braced ?? '';
      // `$1`, `$2`: a regex group of label_replace or a legend, which Grafana leaves as it is (no variable name is
      // a number).
      if (/^\d+$/.test(name)) return _match;
      const value = MACROS[name] ?? values.get(name);
      if (value !== undefined) return value;
      if (!name.startsWith('__')) unknown.push(name);
      return 'x';
    },
  );
  return { text: out, unknown: [...new Set(unknown)] };
}
