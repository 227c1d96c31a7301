/**
 * Publish and drift over the wire: 500 generated dashboards, 20 rule groups and their folders into the Grafana
 * API simulator with 20 ms of latency on every request. Each figure (a median of several runs) sits next to its
 * floor: the requests the run needed divided by the concurrency allowed, times the latency (what a perfect
 * scheduler would take over a wire and a server that cost nothing), and next to a bare loop replaying the very
 * same requests at the same concurrency through the same transport (what this wire and this simulator cost by
 * themselves on this machine; `bareVsFloor` says how far that is from the floor already).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defineConfig } from '../src/config/define-config.ts';
import { withSource } from '../src/define/definition.ts';
import type { Definition } from '../src/define/definition.ts';
import { defineAlertRuleGroup, defineDashboard, defineDataSource, defineFolder } from '../src/index.ts';
import { DEFAULTS, GrafanaClient } from '../src/grafana/client.ts';
import { createHttpTransport } from '../src/grafana/http-transport.ts';
import { mapLimited } from '../src/grafana/semaphore.ts';
import type { GrafanaConnection } from '../src/grafana/client.ts';
import type { Project } from '../src/project/project.ts';
import { publishProject } from '../src/publish/publish.ts';
import { driftCheck } from '../src/drift/run.ts';
import { renderProject } from '../src/commands/render.ts';
import { BENCH_METRICS, generatedDashboard } from './generate.ts';

const LATENCY_MS = 20;
const DASHBOARDS = 500;
const GROUPS = 20;
const FOLDERS = 10;

const configSet = defineConfig({
  defaultEnvironment: 'bench',
  base: {
    severities: {
      warning: {
        receiver: 'grafana-default-email',
        groupBy: [],
        groupWait: '1m',
        groupInterval: '5m',
        repeatInterval: '4h',
      },
    },
    catalogue: { metrics: BENCH_METRICS },
  },
});

export function benchProject(root: string): Project {
  const definitions: Definition[] = [
    defineDataSource({ uid: 'prometheus', name: 'Prometheus', type: 'prometheus', url: 'http://p:9090' }),
  ];
  for (let f = 0; f < FOLDERS; f += 1)
    definitions.push(defineFolder({ uid: `bench-${f}`, title: `Bench ${f}` }));
  for (let d = 0; d < DASHBOARDS; d += 1) {
    definitions.push(
      defineDashboard(() => ({
        uid: `gen-${d}`,
        folderUid: `bench-${d % FOLDERS}`,
        dashboard: generatedDashboard(d),
      })),
    );
  }
  for (let g = 0; g < GROUPS; g += 1) {
    definitions.push(
      defineAlertRuleGroup({
        uid: `group-${g}`,
        folderUid: `bench-${g % FOLDERS}`,
        name: `group-${g}`,
        interval: '1m',
        datasource: { uid: 'prometheus', type: 'prometheus' },
        rules: Array.from({ length: 5 }, (_, r) => ({
          name: `BenchAlert${g}x${r}`,
          expr: `sum(rate(http_requests_total{job="svc-${g}", code=~"5.."}[5m])) > ${r + 1}`,
          for: '5m',
          severity: 'warning',
          summary: 'bench',
          runbookUrl: 'https://runbooks.example.com/bench',
        })),
      }),
    );
  }
  return {
    root,
    configSet,
    definitions: definitions.map((d) => ({
      definition: withSource(d, join(root, 'bench/publish.ts')),
      index: 'bench',
    })),
    loadProblems: [],
  };
}

const round = (x: number): number => Math.round(x * 10) / 10;

function floorMs(reads: number, writes: number, c: GrafanaConnection): number {
  const readConcurrency = c.readConcurrency ?? DEFAULTS.readConcurrency;
  const writeConcurrency = c.writeConcurrency ?? DEFAULTS.writeConcurrency;
  return (Math.ceil(reads / readConcurrency) + Math.ceil(writes / writeConcurrency)) * LATENCY_MS;
}

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The simulator in its own process, as Grafana would be: its CPU work does not share our event loop. */
async function simulatorProcess(root: string, profile: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/sim.ts',
      '--port',
      String(port),
      '--latency-ms',
      String(LATENCY_MS),
      '--profile',
      profile,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the simulator exited with ${String(code)}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly body: string | undefined;
}

/**
 * The same requests, replayed by a bare loop (no validation, planning, comparison or phases) with the same
 * concurrency: what the wire and the simulator cost by themselves on this machine.
 */
async function replay(
  url: string,
  requests: readonly Recorded[],
  connection: GrafanaConnection,
): Promise<number> {
  const headers = { Authorization: 'Bearer bench', 'Content-Type': 'application/json' };
  // The client's own transport, so that the control differs from the client by everything but the wire.
  const transport = createHttpTransport();
  const send = async (r: Recorded): Promise<void> => {
    const response = await transport(`${url}${r.path}`, {
      method: r.method,
      headers,
      body: r.body,
      signal: new AbortController().signal,
    });
    await response.text();
  };
  const writes = requests.filter((r) => r.method !== 'GET');
  const reads = requests.filter((r) => r.method === 'GET');
  const start = performance.now();
  await mapLimited(writes, connection.writeConcurrency ?? DEFAULTS.writeConcurrency, send);
  await mapLimited(reads, connection.readConcurrency ?? DEFAULTS.readConcurrency, send);
  return performance.now() - start;
}

const COLD_RUNS = 3;
const WARM_RUNS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Run {
  readonly ms: number;
  readonly bareMs: number;
  readonly reads: number;
  readonly writes: number;
}

/** Medians of the runs, each next to the floor of its requests and to the bare replay of the same requests. */
function summary(runs: readonly Run[], connection: GrafanaConnection) {
  const ms = median(runs.map((r) => r.ms));
  const bare = median(runs.map((r) => r.bareMs));
  const first = runs[0];
  const reads = first?.reads ?? 0;
  const writes = first?.writes ?? 0;
  if (runs.some((r) => r.reads !== reads || r.writes !== writes))
    throw new Error('the runs made different requests; their median would mean nothing');
  const floor = floorMs(reads, writes, connection);
  return {
    runs: runs.length,
    ms: round(ms),
    reads,
    writes,
    floorMs: floor,
    vsFloor: Math.round((ms / floor) * 100) / 100,
    bareReplayMs: round(bare),
    vsBareReplay: Math.round((ms / bare) * 100) / 100,
    bareVsFloor: Math.round((bare / floor) * 100) / 100,
    allMs: runs.map((r) => round(r.ms)),
  };
}

type Figures = {
  readonly profile: string;
  readonly coldPublish: ReturnType<typeof summary>;
  readonly noopPublish: ReturnType<typeof summary>;
  readonly drift: ReturnType<typeof summary>;
} & Record<string, unknown>;

/**
 * Drift alone in a process of its own (bench/drift-alone.ts), against the published simulator: its wall time,
 * requests and peak resident memory (`process.resourceUsage().maxRSS`), with nothing else of the benchmark in
 * the heap.
 */
async function driftAlone(
  root: string,
  url: string,
  renderedDir: string,
): Promise<{ ms: number; requests: number; peakRssMB: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/drift-alone.ts', url, renderedDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`bench/drift-alone.ts exited with ${String(code)}`);
  return JSON.parse(out) as { ms: number; requests: number; peakRssMB: number };
}

/**
 * Cold publish (each run into a new simulator), no-op publish and drift (against the published one), as medians
 * of several runs: one run on a shared 2-core machine varies by ±15 %.
 */
export async function publishBench(root: string, renderedDir: string, profile: string): Promise<Figures> {
  const p = benchProject(root);
  let recorded: Recorded[] = [];
  const recording = (c: GrafanaConnection): GrafanaClient => {
    const transport = createHttpTransport();
    return new GrafanaClient(c, {
      fetch: (input, init) => {
        const url = new URL(input);
        recorded.push({ method: init.method, path: `${url.pathname}${url.search}`, body: init.body });
        return transport(input, init);
      },
    });
  };
  const connectionTo = (url: string): GrafanaConnection => ({ url, auth: { kind: 'token', token: 'bench' } });
  const measure = async (
    url: string,
    run: (c: GrafanaConnection) => Promise<{ requests: { reads: number; writes: number } }>,
  ): Promise<Run> => {
    recorded = [];
    const connection = connectionTo(url);
    const start = performance.now();
    const result = await run(connection);
    const ms = performance.now() - start;
    const made = recorded;
    // Writes replay into a fresh simulator; a read-only run replays against the very state it read.
    const readOnly = made.every((r) => r.method === 'GET');
    const target = readOnly ? undefined : await simulatorProcess(root, profile);
    const bareMs = await replay(target?.url ?? url, made, connection).finally(() => target?.stop());
    return { ms, bareMs, reads: result.requests.reads, writes: result.requests.writes };
  };
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const publish = (c: GrafanaConnection) => publishProject(p, c, {}, {}, {}, undefined, recording);
  try {
    const cold: Run[] = [];
    for (let i = 0; i < COLD_RUNS; i += 1) {
      const fresh = await simulatorProcess(root, profile);
      try {
        cold.push(await measure(fresh.url, publish));
      } finally {
        fresh.stop();
      }
    }
    const sim = await simulatorProcess(root, profile);
    try {
      await publish(connectionTo(sim.url));
      const noop: Run[] = [];
      for (let i = 0; i < WARM_RUNS; i += 1) noop.push(await measure(sim.url, publish));
      // Drift reads the committed rendered state: render the generated project into a scratch folder first.
      renderProject(p, { outDir: renderedDir });
      const drift: Run[] = [];
      for (let i = 0; i < WARM_RUNS; i += 1)
        drift.push(await measure(sim.url, (c) => driftCheck(renderedDir, c, undefined, recording)));
      const connection = connectionTo(sim.url);
      const alone = await driftAlone(root, sim.url, renderedDir);
      return {
        profile,
        setup: {
          dashboards: DASHBOARDS,
          ruleGroups: GROUPS,
          folders: FOLDERS,
          latencyMs: LATENCY_MS,
          writeConcurrency: DEFAULTS.writeConcurrency,
          readConcurrency: DEFAULTS.readConcurrency,
        },
        coldPublish: summary(cold, connection),
        noopPublish: summary(noop, connection),
        drift: summary(drift, connection),
        target: 1.15,
        peakRssMB: round(peakRss / 2 ** 20),
        driftAlone: alone,
      };
    } finally {
      sim.stop();
    }
  } finally {
    clearInterval(sample);
  }
}
