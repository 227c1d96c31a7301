/**
 * npm run bench: figures as JSON on stdout.
 *
 * publishAndDrift: see bench/publish.ts.
 *
 * render: for 250, 500 and 1,000 generated dashboards of 20 panels, the time to build (define), validate and
 * serialize them to canonical files, next to the floor measured in the same run: building the same dashboards
 * with the SDK builders and JSON.stringify alone. Also the render command over the repository, start-up included,
 * writing into a fresh scratch folder (`--out`), never into the repository's rendered/. And what the PromQL type
 * checks and the metric catalogue add to validation (render.contentChecks: bench/content-checks.ts).
 *
 * `npm run --silent bench` prints the JSON alone (without --silent, npm prints its own header lines first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { defineConfig } from '../src/config/define-config.ts';
import { withSource } from '../src/define/definition.ts';
import { defineDashboard, defineDataSource, defineFolder } from '../src/index.ts';
import type { Definition } from '../src/define/definition.ts';
import { buildProject } from '../src/project/project.ts';
import type { Project } from '../src/project/project.ts';
import { renderAll } from '../src/render/render.ts';
import { writeRendered } from '../src/render/write.ts';
import { validate } from '../src/validate/validate.ts';
import { forgetShapes } from '../src/promql/types.ts';
import { BENCH_METRICS, PANELS_PER_DASHBOARD, generatedDashboard } from './generate.ts';
import { publishBench } from './publish.ts';
import { repositoryRender } from './repository-render.ts';
import { USAGE, wantsHelp } from '../src/cli/usage.ts';
import { contentChecks } from './content-checks.ts';
import { loadProject } from '../src/project/load.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [250, 500, 1000];
const RUNS = 7;

const repository = await loadProject(root);
const configSet = defineConfig({
  defaultEnvironment: 'bench',
  base: { severities: {}, catalogue: { metrics: BENCH_METRICS } },
});

function project(count: number): Project {
  const definitions: Definition[] = [
    defineFolder({ uid: 'bench', title: 'Bench' }),
    defineDataSource({ uid: 'prometheus', name: 'Prometheus', type: 'prometheus', url: 'http://p:9090' }),
  ];
  for (let d = 0; d < count; d += 1) {
    // The function form, as content is written: the builder exists only while the dashboard is built.
    definitions.push(
      defineDashboard(() => ({ uid: `gen-${d}`, folderUid: 'bench', dashboard: generatedDashboard(d) })),
    );
  }
  return {
    root,
    configSet,
    definitions: definitions.map((definition) => ({
      definition: withSource(definition, join(root, 'bench/generate.ts')),
      index: 'bench',
    })),
    loadProblems: [],
  };
}

/**
 * The floor: the same dashboards built with the same builder calls and serialised by JSON.stringify alone. Like
 * render, it ends holding every file's text (the bytes that would be written); it keeps no built object.
 */
function floor(count: number): number {
  const start = performance.now();
  const texts: string[] = [];
  for (let d = 0; d < count; d += 1)
    texts.push(`${JSON.stringify(generatedDashboard(d).build(), null, 2)}\n`);
  const ms = performance.now() - start;
  if (texts.length !== count) throw new Error('nothing serialized');
  return ms;
}

interface Phases {
  build: number;
  validate: number;
  serialize: number;
  write: number;
}

function measured(count: number, outDir: string): Phases {
  let t = performance.now();
  const built = buildProject(project(count));
  const build = performance.now() - t;
  forgetShapes();
  t = performance.now();
  const problems = validate(built.registry, built.config);
  const validateMs = performance.now() - t;
  if (problems.length > 0) throw new Error(`generated content is invalid: ${problems[0]?.problem}`);
  t = performance.now();
  const files = renderAll(built.registry, built.config);
  const serialize = performance.now() - t;
  t = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  writeRendered(outDir, files);
  const write = performance.now() - t;
  return { build, validate: validateMs, serialize, write };
}

/** Collects garbage before a timed section (node --expose-gc), so that no run pays for the previous one. */
const collect = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run the benchmark with node --expose-gc (npm run bench does)');
  gc();
};

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

function renderBench(): unknown {
  const out = mkdtempSync(join(tmpdir(), 'gsac-bench-'));
  measured(50, out); // warm up the JIT and module caches
  floor(50);
  const rows = SIZES.map((count) => {
    const floors: number[] = [];
    const runs: Phases[] = [];
    let peakHeap = 0;
    for (let i = 0; i < RUNS; i += 1) {
      collect();
      floors.push(floor(count));
      collect();
      runs.push(measured(count, out));
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    const phase = (k: keyof Phases): number => median(runs.map((r) => r[k]));
    const floorMs = median(floors);
    const build = phase('build');
    const validateMs = phase('validate');
    const serialize = phase('serialize');
    const total = build + validateMs + serialize;
    return {
      dashboards: count,
      panels: count * PANELS_PER_DASHBOARD,
      floorMs: round(floorMs),
      buildMs: round(build),
      validateMs: round(validateMs),
      serializeMs: round(serialize),
      totalMs: round(total),
      writeToDiskMs: round(phase('write')),
      share: {
        build: round(build / total, 3),
        validate: round(validateMs / total, 3),
        serialize: round(serialize / total, 3),
      },
      withoutValidationVsFloor: round((build + serialize) / floorMs, 2),
      withValidationVsFloor: round(total / floorMs, 2),
      msPerDashboard: round(total / count, 3),
      peakHeapMB: round(peakHeap / 2 ** 20),
    };
  });
  rmSync(out, { recursive: true, force: true });
  const first = rows[0];
  const checks = {
    repository: contentChecks(repository, { runs: RUNS, catalogue: true, collect }),
    generated1000: contentChecks(project(1000), { runs: 3, catalogue: true, collect }),
  };
  const last = rows[rows.length - 1];
  return {
    rows,
    targets: { withoutValidationVsFloor: 2, withValidationVsFloor: 6 },
    // What the PromQL type checks and the metric catalogue add to validation (bench/content-checks.ts).
    contentChecks: checks,
    // 1.0 means perfectly linear: the cost per dashboard at 1,000 divided by the cost per dashboard at 250.
    linearity:
      first !== undefined && last !== undefined ? round(last.msPerDashboard / first.msPerDashboard, 2) : null,
  };
}

/**
 * Publish and drift on the 11.x profile (the legacy API) and the 13.x profile (the App Platform), in the same
 * run, with the ratios the targets are stated in.
 */
async function publishAndDrift(scratch: string): Promise<unknown> {
  const legacy = await publishBench(root, join(scratch, 'publish-11'), '11.6');
  const app = await publishBench(root, join(scratch, 'publish-13'), '13.x');
  const ratio = (a: number, b: number): number => round(a / b, 2);
  return {
    '11.x': legacy,
    '13.x': app,
    '13.x vs 11.x': {
      noopPublishRequests: app.noopPublish.reads + app.noopPublish.writes,
      driftRequests: app.drift.reads + app.drift.writes,
      noopPublishTime: ratio(app.noopPublish.ms, legacy.noopPublish.ms),
      driftTime: ratio(app.drift.ms, legacy.drift.ms),
      targets: { requests: 10, time: 0.5 },
    },
  };
}

// `npm run bench -- publish`: the publish and drift part alone; `--help` says so; anything else is refused.
const args = process.argv.slice(2);
if (wantsHelp(args)) {
  process.stdout.write(`${USAGE.bench}\n`);
  process.exit(0);
}
if (args.length > 1 || (args[0] !== undefined && args[0] !== 'publish')) {
  process.stderr.write(`bench takes publish or nothing, not ${args.join(' ')}.\n\n${USAGE.bench}\n`);
  process.exit(1);
}
const only = args[0];
const scratch = mkdtempSync(join(tmpdir(), 'gsac-bench-rendered-'));
const result =
  only === 'publish'
    ? { node: process.version, publishAndDrift: await publishAndDrift(scratch) }
    : {
        node: process.version,
        render: renderBench(),
        repositoryRender: repositoryRender(root, scratch),
        publishAndDrift: await publishAndDrift(scratch),
      };
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
