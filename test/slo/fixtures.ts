/**
 * SLO fixtures: one SLO of each SLI kind (covering groupBy, other periods, renamed, re-severitied and disabled
 * tiers) inside the valid fixture project, with a Config that turns Grafana-managed recording rules on or off.
 */
import type { BaseConfig } from '../../src/config/base.ts';
import { defineConfig } from '../../src/config/define-config.ts';
import type { Definition } from '../../src/define/definition.ts';
import type { SloInput } from '../../src/index.ts';
import { defineSlo, defineSloDashboards, metric, re } from '../../src/index.ts';
import type { BuiltProject, Project } from '../../src/project/project.ts';
import { buildProject } from '../../src/project/project.ts';
import { renderAll } from '../../src/render/render.ts';
import type { Problem } from '../../src/validate/problem.ts';
import { validate } from '../../src/validate/validate.ts';
import { ROOT, SEVERITIES, at, baseDefinitions } from '../fixtures/project.ts';

/** The fixture project's folder and Prometheus data source. */
export const FOLDER = 'services';
export const DATASOURCE = 'prom';

const common = {
  folderUid: FOLDER,
  datasourceUid: DATASOURCE,
  grafanaUrl: 'https://grafana.example.com',
} as const;

/** Ratio SLI over 30 days, per route. */
export function ratioSlo(objective: number | string = 99.9): SloInput {
  return {
    ...common,
    service: 'checkout',
    name: 'checkout-availability',
    description: 'Checkout requests succeed.',
    objective,
    sli: {
      kind: 'ratio',
      errors: metric('http_requests_total', { job: 'checkout', code: re('5..') }),
      total: metric('http_requests_total', { job: 'checkout' }),
    },
    groupBy: ['route'],
    labels: { team: 'payments' },
    runbookUrl: 'https://runbooks.example.com/slo-checkout-availability.md',
  };
}

/** Latency SLI over 28 days, its page tier sent as a warning. */
export function latencySlo(): SloInput {
  return {
    ...common,
    service: 'checkout',
    name: 'checkout-latency',
    description: 'Checkout requests answer within 500 ms.',
    objective: '99',
    period: '28d',
    sli: {
      kind: 'latency',
      histogram: 'http_request_duration_seconds',
      selector: { job: 'checkout' },
      thresholdSeconds: 0.5,
      buckets: [0.1, 0.25, 0.5, 1, 2.5],
    },
    alerting: { tiers: { page: { severity: 'warning' } } },
    runbookUrl: 'https://runbooks.example.com/slo-checkout-latency.md',
  };
}

/** 0/1 gauge over 7 days: the page tier renamed, the ticket tier disabled. */
export function gaugeSlo(): SloInput {
  return {
    ...common,
    service: 'payments',
    name: 'payments-up',
    description: 'The payments API answers its scrapes.',
    objective: 99.5,
    period: '7d',
    sli: { kind: 'availability', gauge: metric('up', { job: 'payments' }) },
    alerting: { name: 'PaymentsUp', tiers: { page: { name: 'urgent' }, ticket: false } },
    runbookUrl: 'https://runbooks.example.com/slo-payments-up.md',
  };
}

export interface SloFixture {
  readonly project: Project<BaseConfig>;
  readonly built: BuiltProject<BaseConfig>;
  readonly problems: readonly Problem[];
  /** Rendered files by path (`prometheus/slo-….yml`, `grafana/…`). */
  readonly files: ReadonlyMap<string, string>;
}

/** The valid fixture project plus the given SLOs and their dashboards, built and validated. */
export function sloFixture(
  slos: readonly SloInput[] = [ratioSlo(), latencySlo(), gaugeSlo()],
  options: { readonly recordingRules?: boolean } = {},
): SloFixture {
  const configSet = defineConfig<BaseConfig>({
    defaultEnvironment: 'production',
    base: { severities: SEVERITIES, grafana: { recordingRules: options.recordingRules ?? false } },
  });
  const definitions: Definition[] = slos.map((slo) => at(`slos/${slo.name}.ts`, defineSlo(slo)));
  const dashboards = at(
    'slos/dashboards.ts',
    defineSloDashboards(definitions, { folderUid: FOLDER, datasourceUid: DATASOURCE }),
  );
  const project: Project<BaseConfig> = {
    root: ROOT,
    configSet,
    definitions: [...Object.values(baseDefinitions()), ...definitions, dashboards].map((definition) => ({
      definition,
      index: 'index.ts',
    })),
    loadProblems: [],
  };
  const built = buildProject(project);
  const problems = [...built.problems, ...validate(built.registry, built.config)];
  const files = new Map<string, string>();
  if (problems.length === 0) {
    for (const [path, file] of renderAll(built.registry, built.config)) files.set(path, file.content);
  }
  return { project, built, problems, files };
}
