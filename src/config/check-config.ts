import { parseDuration } from '../core/duration.ts';

/**
 * The Config checked at run time, where TypeScript cannot see (a plain-JavaScript config, a cast, a value read
 * from elsewhere): the fields every project has (the severity table, ownership, Grafana settings) against their
 * type, and every environment override against the type of the base value it replaces. A typo there would render
 * wrong content (`weekdays: 'sunday'` becomes seven one-letter days) or be refused by Grafana half-way through a
 * publish; each is a problem naming stack.config.ts and the field.
 */

/** A problem of the Config: the field (in `stack.config.ts`), what is wrong, what to do. */
export interface ConfigProblem {
  readonly path: string;
  readonly problem: string;
  readonly fix: string;
}

type Problem = ConfigProblem;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (value instanceof RegExp) return 'regular expression';
  return typeof value === 'object' ? 'object' : typeof value;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function problem(path: string, what: string, fix: string): Problem {
  return { path, problem: what, fix };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RegExp);
}

function stringList(value: unknown, path: string, out: Problem[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    out.push(
      problem(
        path,
        `must be a list of strings, not ${shown(value)}`,
        `Write ${path.split('.').pop() ?? path}: ['…']`,
      ),
    );
}

function duration(value: unknown, path: string, out: Problem[]): void {
  if (typeof value !== 'string' || parseDuration(value) === undefined)
    out.push(problem(path, `${shown(value)} is not a duration`, 'Write a duration such as 30s, 5m or 4h'));
}

/** The fields of BaseConfig. */
export function checkBaseConfig(config: unknown, prefix = ''): Problem[] {
  const out: Problem[] = [];
  if (!isRecord(config))
    return [problem(prefix, 'the Config is not an object', 'Export defineConfig({ … })')];
  const at = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
  const severities = config.severities;
  if (!isRecord(severities)) {
    out.push(
      problem(
        at('severities'),
        `must be a table of severities, not ${shown(severities)}`,
        'Map each severity to its route',
      ),
    );
  } else {
    for (const [name, route] of Object.entries(severities)) {
      const path = at(`severities.${name}`);
      if (!isRecord(route)) {
        out.push(
          problem(
            path,
            `must be a route, not ${shown(route)}`,
            'Give receiver, groupBy and the three intervals',
          ),
        );
        continue;
      }
      if (typeof route.receiver !== 'string' || route.receiver === '')
        out.push(
          problem(
            `${path}.receiver`,
            `must name a contact point, not ${shown(route.receiver)}`,
            'Name a contact point',
          ),
        );
      stringList(route.groupBy, `${path}.groupBy`, out);
      if (route.groupBy === undefined)
        out.push(problem(`${path}.groupBy`, 'is missing', "Write groupBy: ['alertname']"));
      for (const key of ['groupWait', 'groupInterval', 'repeatInterval'])
        duration(route[key], `${path}.${key}`, out);
      stringList(route.muteTimings, `${path}.muteTimings`, out);
    }
  }
  const ownership = config.ownership;
  if (ownership !== undefined) {
    if (!isRecord(ownership) || typeof ownership.owner !== 'string' || ownership.owner === '')
      out.push(
        problem(
          at('ownership.owner'),
          'must name the owner',
          "Write ownership: { owner: 'my-stack', uidPrefix: 'stack-' }",
        ),
      );
    else if (ownership.uidPrefix !== undefined && typeof ownership.uidPrefix !== 'string')
      out.push(
        problem(
          at('ownership.uidPrefix'),
          `must be a string, not ${shown(ownership.uidPrefix)}`,
          "Write uidPrefix: 'stack-'",
        ),
      );
  }
  const engines = config.ruleEngines;
  if (engines !== undefined) {
    if (!isRecord(engines)) {
      out.push(
        problem(at('ruleEngines'), `must be an object, not ${shown(engines)}`, 'Write ruleEngines: { … }'),
      );
    } else {
      const kubernetes = engines.kubernetes;
      if (kubernetes !== undefined) {
        const namespace = isRecord(kubernetes) ? kubernetes.namespace : undefined;
        if (typeof namespace !== 'string' || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace))
          out.push(
            problem(
              at('ruleEngines.kubernetes.namespace'),
              `must be a Kubernetes namespace name, not ${shown(namespace)}`,
              "Write namespace: 'monitoring' (lower-case letters, digits and '-')",
            ),
          );
        const labels = isRecord(kubernetes) ? kubernetes.labels : undefined;
        if (
          labels !== undefined &&
          (!isRecord(labels) || !Object.values(labels).every((v) => typeof v === 'string'))
        )
          out.push(
            problem(
              at('ruleEngines.kubernetes.labels'),
              `must map label names to strings, not ${shown(labels)}`,
              "Write labels: { release: 'kube-prometheus-stack' }",
            ),
          );
      }
      for (const engine of ['mimir', 'loki'] as const) {
        const settings = engines[engine];
        if (settings === undefined) continue;
        const tenant = isRecord(settings) ? settings.tenant : undefined;
        if (
          typeof tenant !== 'string' ||
          !/^[A-Za-z0-9!._*'()-]{1,150}$/.test(tenant) ||
          tenant === '.' ||
          tenant === '..'
        )
          out.push(
            problem(
              at(`ruleEngines.${engine}.tenant`),
              `must be a tenant id, not ${shown(tenant)}`,
              "Write tenant: 'platform' (letters, digits and !-_.*'(), at most 150)",
            ),
          );
      }
    }
  }
  checkCatalogueExtension(config.catalogue, at, out);
  const grafana = config.grafana;
  if (grafana !== undefined && isRecord(grafana)) {
    if (grafana.recordingRules !== undefined && typeof grafana.recordingRules !== 'boolean')
      out.push(
        problem(
          at('grafana.recordingRules'),
          `must be true or false, not ${shown(grafana.recordingRules)}`,
          'Write true or false',
        ),
      );
    const depth = grafana.maxNestedFolderDepth;
    if (
      depth !== undefined &&
      (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1 || depth > 7)
    )
      out.push(
        problem(
          at('grafana.maxNestedFolderDepth'),
          `must be a whole number from 1 to 7, not ${shown(depth)}`,
          'Grafana allows 4 by default, up to 7 on Grafana 13',
        ),
      );
    const schema = grafana.dashboardSchema;
    if (schema !== undefined && schema !== 'v1' && schema !== 'v2')
      out.push(
        problem(
          at('grafana.dashboardSchema'),
          `must be 'v1' or 'v2', not ${shown(schema)}`,
          "Write 'v1' (the classic JSON model, every Grafana) or 'v2' (Grafana 13 and later)",
        ),
      );
  }
  return out;
}

const METRIC_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'summary'];

/** `catalogue: { metrics: [{ name, type, labels?, source, help? }] }`. */
function checkCatalogueExtension(catalogue: unknown, at: (path: string) => string, out: Problem[]): void {
  if (catalogue === undefined) return;
  const metrics = isRecord(catalogue) ? catalogue.metrics : undefined;
  if (!isRecord(catalogue) || (metrics !== undefined && !Array.isArray(metrics))) {
    out.push(
      problem(
        at('catalogue'),
        `must be { metrics: [...] }, not ${shown(catalogue)}`,
        "Write catalogue: { metrics: [{ name: 'billing_invoices_total', type: 'counter', labels: ['plan'], source: 'our-org/billing: internal/metrics.go' }] }",
      ),
    );
    return;
  }
  const seen = new Set<string>();
  (Array.isArray(metrics) ? (metrics as unknown[]) : []).forEach((metric, i) => {
    const path = at(`catalogue.metrics[${i}]`);
    if (!isRecord(metric)) {
      out.push(
        problem(path, `must be an object, not ${shown(metric)}`, 'Write { name, type, labels, source }'),
      );
      return;
    }
    const { name, type, labels, source } = metric;
    if (typeof name !== 'string' || !METRIC_NAME.test(name))
      out.push(
        problem(
          `${path}.name`,
          `must be a metric name, not ${shown(name)}`,
          'Letters, digits and underscores, not starting with a digit (recording rules are not declared: they are recorded)',
        ),
      );
    else if (seen.has(name))
      out.push(problem(`${path}.name`, `declares ${name} a second time`, 'Declare each metric once'));
    else seen.add(name);
    if (typeof type !== 'string' || !METRIC_TYPES.includes(type))
      out.push(
        problem(
          `${path}.type`,
          `must be one of ${METRIC_TYPES.join(', ')}, not ${shown(type)}`,
          'Give its type',
        ),
      );
    if (
      labels !== undefined &&
      (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string' && LABEL_NAME.test(l)))
    )
      out.push(
        problem(
          `${path}.labels`,
          `must be a list of label names, not ${shown(labels)}`,
          "Write labels: ['plan', 'region']",
        ),
      );
    if (typeof source !== 'string' || source.trim() === '')
      out.push(
        problem(
          `${path}.source`,
          'is missing: say what emits the metric',
          "Write source: 'our-org/billing: internal/metrics.go' (the repository and file that define it)",
        ),
      );
  });
}

/**
 * An environment override against the base it changes: a value of another type than the base's (a string for a
 * list, a number for a string) is a problem at its path.
 */
export function checkOverride(base: unknown, override: unknown, path: string): Problem[] {
  if (override === undefined) return [];
  if (base === undefined) return [];
  if (isRecord(base) && isRecord(override)) {
    return Object.entries(override).flatMap(([key, value]) =>
      checkOverride(base[key], value, path === '' ? key : `${path}.${key}`),
    );
  }
  if (kindOf(base) !== kindOf(override))
    return [
      problem(
        path,
        `is ${kindOf(override)} ${shown(override)} where the base Config has a ${kindOf(base)}`,
        `Give a ${kindOf(base)}, as the base does (${shown(base)})`,
      ),
    ];
  return [];
}
