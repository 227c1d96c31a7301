/**
 * A real Prometheus, Alertmanager and node exporter for tests: free ports, a temporary directory, a 1 s scrape
 * and evaluation interval, the given rule files; stopped (and the directory removed) by `stop()`.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

async function freePort(): Promise<number> {
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

interface Running {
  readonly name: string;
  readonly child: ChildProcess;
  stderr: string;
}

function start(name: string, command: string, args: readonly string[]): Running {
  const child = spawn(command, [...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const running: Running = { name, child, stderr: '' };
  child.stderr?.on('data', (chunk: Buffer) => {
    // Keep the tail only: enough to explain a failure.
    running.stderr = (running.stderr + chunk.toString('utf8')).slice(-4000);
  });
  child.on('error', (error) => {
    running.stderr += `\n${name} could not start: ${error.message}`;
  });
  return running;
}

async function stopProcess(running: Running): Promise<void> {
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
    child.kill('SIGTERM');
  });
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

/** Starts the three, scraping each other with the given job names, with the rule files given by name. */
export async function startRealStack(
  jobs: StackJobs,
  ruleFiles: ReadonlyMap<string, string>,
): Promise<RealStack> {
  const missing = Object.values(BINARIES).filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not found: run npm run ensure-tools (apt-get install prometheus prometheus-alertmanager prometheus-node-exporter)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'gsac-real-prometheus-'));
  const [promPort, amPort, nodePort] = [await freePort(), await freePort(), await freePort()];
  const rulesDir = join(dir, 'rules');
  mkdirSync(rulesDir);
  for (const [name, content] of ruleFiles) writeFileSync(join(rulesDir, name), content);
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    stringify({ route: { receiver: 'blackhole' }, receivers: [{ name: 'blackhole' }] }),
  );
  const target = (port: number): { targets: string[] } => ({ targets: [`127.0.0.1:${port}`] });
  writeFileSync(
    join(dir, 'prometheus.yml'),
    stringify({
      global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
      alerting: { alertmanagers: [{ static_configs: [target(amPort)] }] },
      rule_files: [join(rulesDir, '*.yml')],
      scrape_configs: [
        { job_name: jobs.prometheus, static_configs: [target(promPort)] },
        { job_name: jobs.alertmanager, static_configs: [target(amPort)] },
        { job_name: jobs.nodeExporter, static_configs: [target(nodePort)] },
      ],
    }),
  );
  const processes = [
    start('node exporter', BINARIES.nodeExporter, [`--web.listen-address=127.0.0.1:${nodePort}`]),
    start('alertmanager', BINARIES.alertmanager, [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'alertmanager-data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ]),
    start('prometheus', BINARIES.prometheus, [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'prometheus-data')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--log.level=warn',
    ]),
  ];
  const prometheusUrl = `http://127.0.0.1:${promPort}`;
  return {
    prometheusUrl,
    query: (expr) => queryPrometheus(prometheusUrl, expr),
    logs: () => processes.map((p) => `--- ${p.name}\n${p.stderr}`).join('\n'),
    async stop() {
      await Promise.all(processes.map(stopProcess));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
