/**
 * Real processes for tests: free loopback ports, a temporary directory, a Prometheus scraping every second with
 * the given rule files, and `startRealStack`, the Prometheus, Alertmanager and node exporter scraping each other.
 * Everything is stopped (and the directory removed) by `stop()`.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const BINARIES = {
  prometheus: '/usr/bin/prometheus',
  alertmanager: '/usr/bin/prometheus-alertmanager',
  nodeExporter: '/usr/bin/prometheus-node-exporter',
} as const;

export interface StackJobs {
  readonly prometheus: string;
  readonly alertmanager: string;
  readonly nodeExporter: string;
}

export interface RealStack {
  /** Base URL of Prometheus' HTTP API, e.g. `http://127.0.0.1:41234`. */
  readonly prometheusUrl: string;
  query(expr: string): Promise<QueryResult>;
  /** What the processes wrote to stderr, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

export interface QueryResult {
  readonly ok: boolean;
  readonly series: number;
  readonly error?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Distinct free ports, one per name. */
export async function freePorts<K extends string>(names: readonly K[]): Promise<Record<K, number>> {
  const ports = new Map<K, number>();
  const taken = new Set<number>();
  for (const name of names) {
    let port = await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    ports.set(name, port);
  }
  return Object.fromEntries(ports) as Record<K, number>;
}

/** Waits until something accepts connections on the loopback port; fails past the deadline with the logs. */
export async function waitForPort(
  name: string,
  port: number,
  deadline: number,
  logs: () => string,
): Promise<void> {
  const accepts = (): Promise<boolean> =>
    new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        resolve(false);
      });
    });
  while (!(await accepts())) {
    if (Date.now() > deadline) throw new Error(`${name} did not listen on 127.0.0.1:${port}\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A process a test started, and the tail of its stderr. */
export interface Running {
  readonly name: string;
  readonly child: ChildProcess;
  /** The signal that stops it quickly (PostgreSQL's fast shutdown is SIGINT; SIGTERM waits for its clients). */
  readonly stopSignal: NodeJS.Signals;
  stderr: string;
}

export interface StartOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly stopSignal?: NodeJS.Signals;
  /** Also keep what it writes to stdout (some programs log there). */
  readonly stdout?: boolean;
  readonly cwd?: string;
}

export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: StartOptions = {},
): Running {
  const child = spawn(command, [...args], {
    stdio: ['ignore', options.stdout === true ? 'pipe' : 'ignore', 'pipe'],
    env: { ...process.env, ...options.env },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  const running: Running = { name, child, stopSignal: options.stopSignal ?? 'SIGTERM', stderr: '' };
  const keep = (chunk: Buffer): void => {
    // Keep the tail only: enough to explain a failure.
    running.stderr = (running.stderr + chunk.toString('utf8')).slice(-4000);
  };
  child.stderr?.on('data', keep);
  child.stdout?.on('data', keep);
  child.on('error', (error) => {
    running.stderr += `\n${name} could not start: ${error.message}`;
  });
  return running;
}

export async function stopProcess(running: Running): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(running.stopSignal);
  });
}

/** The stderr tails of the processes, for failure messages. */
export function logsOf(processes: readonly Running[]): string {
  return processes
    .map(
      (p) => `--- ${p.name}${p.child.exitCode === null ? '' : ` (exited ${p.child.exitCode})`}\n${p.stderr}`,
    )
    .join('\n');
}

export async function queryPrometheus(baseUrl: string, expr: string): Promise<QueryResult> {
  const url = `${baseUrl}/api/v1/query?${new URLSearchParams({ query: expr }).toString()}`;
  try {
    const response = await fetch(url);
    const body = (await response.json()) as {
      status?: string;
      error?: string;
      data?: { resultType?: string; result?: unknown };
    };
    if (body.status !== 'success')
      return { ok: false, series: 0, error: body.error ?? `HTTP ${response.status}` };
    const result = body.data?.result;
    const series = body.data?.resultType === 'scalar' ? 1 : Array.isArray(result) ? result.length : 0;
    return { ok: true, series };
  } catch (error) {
    return { ok: false, series: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Stops with the install command when a binary the test runs is not there. */
export function requireBinaries(paths: readonly string[], install: string): void {
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0)
    throw new Error(`${missing.join(', ')} not found: run npm run ensure-tools (apt-get install ${install})`);
}

export interface PrometheusOptions {
  /** The temporary directory: the configuration, rules and data go there. */
  readonly dir: string;
  readonly port: number;
  /** Scrape jobs: each job name scrapes the given loopback ports. */
  readonly jobs: ReadonlyMap<string, readonly number[]>;
  readonly ruleFiles: ReadonlyMap<string, string>;
  readonly alertmanagerPort?: number;
}

/**
 * A Prometheus scraping every job every second (timeout 1 s) and evaluating the rule files every second; its API
 * at `http://127.0.0.1:<port>`.
 */
export function startPrometheus(options: PrometheusOptions): Running {
  const { dir, port } = options;
  const rulesDir = join(dir, 'rules');
  mkdirSync(rulesDir);
  for (const [name, content] of options.ruleFiles) writeFileSync(join(rulesDir, name), content);
  const targets = (ports: readonly number[]): { targets: string[] } => ({
    targets: ports.map((p) => `127.0.0.1:${p}`),
  });
  writeFileSync(
    join(dir, 'prometheus.yml'),
    stringify({
      global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
      ...(options.alertmanagerPort === undefined
        ? {}
        : { alerting: { alertmanagers: [{ static_configs: [targets([options.alertmanagerPort])] }] } }),
      rule_files: [join(rulesDir, '*.yml')],
      scrape_configs: [...options.jobs].map(([job, ports]) => ({
        job_name: job,
        static_configs: [targets(ports)],
      })),
    }),
  );
  return startProcess('prometheus', BINARIES.prometheus, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'prometheus-data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ]);
}

/** Stops the processes together, then removes the directories. */
export async function stopAll(processes: readonly Running[], dirs: readonly string[]): Promise<void> {
  await Promise.all(processes.map(stopProcess));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** A RealStack over a Prometheus at the port and the processes (stopped together, then the directories removed). */
export function realStack(
  promPort: number,
  processes: readonly Running[],
  dirs: readonly string[],
  beforeStop: () => Promise<void> = async () => {},
): RealStack {
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  return {
    prometheusUrl,
    query: (expr) => queryPrometheus(prometheusUrl, expr),
    logs: () => logsOf(processes),
    async stop() {
      await beforeStop();
      await stopAll(processes, dirs);
    },
  };
}

/** Starts the three, scraping each other with the given job names, with the rule files given by name. */
export async function startRealStack(
  jobs: StackJobs,
  ruleFiles: ReadonlyMap<string, string>,
): Promise<RealStack> {
  requireBinaries(Object.values(BINARIES), 'prometheus prometheus-alertmanager prometheus-node-exporter');
  const dir = mkdtempSync(join(tmpdir(), 'gsac-real-prometheus-'));
  const ports = await freePorts(['prometheus', 'alertmanager', 'node'] as const);
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    stringify({ route: { receiver: 'blackhole' }, receivers: [{ name: 'blackhole' }] }),
  );
  const processes = [
    startProcess('node exporter', BINARIES.nodeExporter, [`--web.listen-address=127.0.0.1:${ports.node}`]),
    startProcess('alertmanager', BINARIES.alertmanager, [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'alertmanager-data')}`,
      `--web.listen-address=127.0.0.1:${ports.alertmanager}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ]),
    startPrometheus({
      dir,
      port: ports.prometheus,
      alertmanagerPort: ports.alertmanager,
      ruleFiles,
      jobs: new Map([
        [jobs.prometheus, [ports.prometheus]],
        [jobs.alertmanager, [ports.alertmanager]],
        [jobs.nodeExporter, [ports.node]],
      ]),
    }),
  ];
  return realStack(ports.prometheus, processes, [dir]);
}
