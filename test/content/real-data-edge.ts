/**
 * The data layer and the edge for real: PostgreSQL, Redis, NGINX (with stub_status) and HAProxy (its built-in
 * Prometheus exporter, and a proxy to the NGINX), the postgres, redis and nginx exporters, and a Prometheus
 * scraping the exporters and HAProxy every second; all from Debian's packages, on free loopback ports, in a
 * temporary directory, as the current user, never touching the system's own services. PostgreSQL refuses to run
 * as root: as root, initdb and postgres run as the `postgres` system user (setpriv), which then owns the
 * directory. A little traffic goes to each while the test runs: SQL transactions (some rolled back), Redis
 * SET/GET (hits and misses), and HTTP requests through HAProxy to NGINX (some 404 and 500).
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool, postgresBin } from '../../src/tools/provision.ts';
import type { RealStack, Running } from './real-stack.ts';
import {
  BINARIES,
  freePorts,
  logsOf,
  realStack,
  requireBinaries,
  startProcess,
  startPrometheus,
  stopAll,
  waitForPort,
} from './real-stack.ts';

/** Debian's packages: `postgresql`, `redis-server`, `nginx`, `haproxy`, `prometheus-{postgres,redis,nginx}-exporter`. */
export const DATA_EDGE_BINARIES = {
  redis: '/usr/bin/redis-server',
  nginx: '/usr/sbin/nginx',
  haproxy: '/usr/sbin/haproxy',
  postgresExporter: '/usr/bin/prometheus-postgres-exporter',
  redisExporter: '/usr/bin/prometheus-redis-exporter',
  nginxExporter: '/usr/bin/prometheus-nginx-exporter',
} as const;

const INSTALL =
  'postgresql redis-server nginx haproxy prometheus-postgres-exporter prometheus-redis-exporter prometheus-nginx-exporter prometheus';

/** The job names Prometheus scrapes them under (the Config's selectors). */
export interface DataEdgeJobs {
  readonly postgres: string;
  readonly redis: string;
  readonly nginx: string;
  readonly haproxy: string;
}

function postgresProgram(program: string): string {
  const path = findTool(postgresBin(program));
  if (path === undefined)
    throw new Error(
      `${postgresBin(program)} not found: run npm run ensure-tools (apt-get install ${INSTALL})`,
    );
  return path;
}

/**
 * How PostgreSQL's programs are run: as the current user, or, as root (which they refuse), as the `postgres`
 * system user the `postgresql` package creates.
 */
function postgresUser(): {
  readonly prefix: readonly string[];
  readonly owner?: { uid: number; gid: number };
} {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const id = (flag: string): number =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  let owner: { uid: number; gid: number };
  try {
    owner = { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      'running as root, and there is no postgres user to run PostgreSQL as (apt-get install postgresql)',
    );
  }
  return { prefix: ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--'], owner };
}

function nginxConfig(dir: string, port: number): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(dir, `nginx-${kind}`)};`)
    .join('\n');
  return `daemon off;
master_process on;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 64; }
http {
  access_log off;
${temp}
  server {
    listen 127.0.0.1:${port};
    location = /stub_status { stub_status; }
    location = / { return 200 "ok\\n"; }
    location = /error { return 500; }
    location / { return 404; }
  }
}
`;
}

function haproxyConfig(metricsPort: number, webPort: number, nginxPort: number): string {
  return `global
  maxconn 200
defaults
  mode http
  timeout connect 1s
  timeout client 5s
  timeout server 5s
frontend prometheus
  bind 127.0.0.1:${metricsPort}
  http-request use-service prometheus-exporter if { path /metrics }
frontend web
  bind 127.0.0.1:${webPort}
  default_backend nginx
backend nginx
  server nginx1 127.0.0.1:${nginxPort} check inter 1s
`;
}

/** A Redis client as small as can be: inline commands, answers read and dropped. */
function redisClient(port: number): Socket {
  const socket = connect(port, '127.0.0.1');
  socket.on('data', () => {});
  socket.on('error', () => {});
  return socket;
}

/** A psql reading SQL from its standard input, one connection for the whole test. */
function psqlSession(psql: string, port: number, cwd: string): ChildProcess {
  const child = spawn(
    psql,
    ['-X', '-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres'],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
      cwd,
    },
  );
  child.on('error', () => {});
  child.stdin?.on('error', () => {});
  return child;
}

/**
 * Traffic every 200 ms until stopped, for at most a minute: a committed and (every third tick) a rolled-back
 * transaction, Redis hits and misses, and HTTP requests through HAProxy answered 200, 404 and (every fifth
 * tick) 500.
 */
function startTraffic(
  ports: { postgres: number; redis: number; web: number },
  psql: string,
  cwd: string,
): () => Promise<void> {
  const sql = psqlSession(psql, ports.postgres, cwd);
  sql.stdin?.write('CREATE TABLE IF NOT EXISTS visits (n integer);\n');
  // One transaction left open, so the longest transaction has an age.
  const idle = psqlSession(psql, ports.postgres, cwd);
  idle.stdin?.write('BEGIN; SELECT txid_current();\n');
  const redis = redisClient(ports.redis);
  let stopped = false;
  const loop = (async (): Promise<void> => {
    for (let tick = 0; tick < 300 && !stopped; tick++) {
      sql.stdin?.write(`BEGIN; INSERT INTO visits VALUES (${tick}); COMMIT;\n`);
      if (tick % 3 === 0) sql.stdin?.write(`BEGIN; INSERT INTO visits VALUES (-1); ROLLBACK;\n`);
      sql.stdin?.write('SELECT count(*) FROM visits;\n');
      redis.write(`SET key:${tick % 10} ${tick}\r\nGET key:${tick % 10}\r\nGET missing:${tick}\r\n`);
      const paths = ['/', '/', '/missing', ...(tick % 5 === 0 ? ['/error'] : [])];
      await Promise.all(
        paths.map(async (path) => {
          try {
            const response = await fetch(`http://127.0.0.1:${ports.web}${path}`, {
              signal: AbortSignal.timeout(1000),
            });
            await response.arrayBuffer();
          } catch {
            // A request the stop cut short, or one before HAProxy saw its server up.
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    redis.destroy();
    for (const session of [sql, idle]) {
      session.stdin?.end();
      if (session.exitCode === null && session.signalCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            session.kill('SIGKILL');
          }, 2000);
          session.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  };
}

/** Starts them all and the traffic; resolves once every server listens. */
export async function startDataEdgeStack(
  jobs: DataEdgeJobs,
  ruleFiles: ReadonlyMap<string, string>,
): Promise<RealStack> {
  requireBinaries([...Object.values(DATA_EDGE_BINARIES), BINARIES.prometheus], INSTALL);
  const programs = {
    initdb: postgresProgram('initdb'),
    postgres: postgresProgram('postgres'),
    psql: postgresProgram('psql'),
  };
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'gsac-real-data-edge-'));
  const processes: Running[] = [];
  try {
    if (user.owner !== undefined) chownSync(dir, user.owner.uid, user.owner.gid);
    return await startIn(dir, jobs, ruleFiles, programs, user.prefix, processes);
  } catch (error) {
    await stopAll(processes, [dir]);
    throw error;
  }
}

async function startIn(
  dir: string,
  jobs: DataEdgeJobs,
  ruleFiles: ReadonlyMap<string, string>,
  programs: { readonly initdb: string; readonly postgres: string; readonly psql: string },
  prefix: readonly string[],
  processes: Running[],
): Promise<RealStack> {
  const ports = await freePorts([
    'prometheus',
    'postgres',
    'redis',
    'nginx',
    'haproxyMetrics',
    'web',
    'postgresExporter',
    'redisExporter',
    'nginxExporter',
  ] as const);

  const pgdata = join(dir, 'pgdata');
  const [asPostgres, ...prefixArgs] = prefix;
  const pgCommand = (program: string, args: readonly string[]): [string, string[]] =>
    asPostgres === undefined ? [program, [...args]] : [asPostgres, [...prefixArgs, program, ...args]];
  const [initCommand, initArgs] = pgCommand(programs.initdb, [
    `--pgdata=${pgdata}`,
    '--username=postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const init = spawnSync(initCommand, initArgs, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  if (init.status !== 0)
    throw new Error(
      `initdb failed (${init.error?.message ?? `exit ${init.status}`}):\n${init.stderr}${init.stdout}`,
    );

  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, ports.nginx));
  writeFileSync(join(dir, 'haproxy.cfg'), haproxyConfig(ports.haproxyMetrics, ports.web, ports.nginx));
  const [pgServer, pgArgs] = pgCommand(programs.postgres, [
    '-D',
    pgdata,
    '-p',
    String(ports.postgres),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'shared_buffers=16MB',
  ]);
  processes.push(
    startProcess('postgres', pgServer, pgArgs, { stopSignal: 'SIGINT', cwd: dir }),
    startProcess(
      'redis',
      DATA_EDGE_BINARIES.redis,
      [
        '--port',
        String(ports.redis),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        // The memory panel reads servers that set a maxmemory.
        '--maxmemory',
        '64mb',
        '--loglevel',
        'warning',
      ],
      { stdout: true },
    ),
    startProcess('nginx', DATA_EDGE_BINARIES.nginx, [
      '-e',
      'stderr',
      '-p',
      dir,
      '-c',
      join(dir, 'nginx.conf'),
    ]),
    startProcess('haproxy', DATA_EDGE_BINARIES.haproxy, ['-db', '-f', join(dir, 'haproxy.cfg')]),
  );
  const logs = (): string => logsOf(processes);
  const deadline = Date.now() + 20_000;
  await Promise.all([
    waitForPort('postgres', ports.postgres, deadline, logs),
    waitForPort('redis', ports.redis, deadline, logs),
    waitForPort('nginx', ports.nginx, deadline, logs),
    waitForPort('haproxy', ports.web, deadline, logs),
  ]);
  processes.push(
    startProcess(
      'postgres exporter',
      DATA_EDGE_BINARIES.postgresExporter,
      [`--web.listen-address=127.0.0.1:${ports.postgresExporter}`, '--log.level=warn'],
      {
        env: {
          DATA_SOURCE_NAME: `postgresql://postgres@127.0.0.1:${ports.postgres}/postgres?sslmode=disable`,
        },
      },
    ),
    startProcess('redis exporter', DATA_EDGE_BINARIES.redisExporter, [
      `-redis.addr=redis://127.0.0.1:${ports.redis}`,
      `-web.listen-address=127.0.0.1:${ports.redisExporter}`,
    ]),
    startProcess('nginx exporter', DATA_EDGE_BINARIES.nginxExporter, [
      `-nginx.scrape-uri=http://127.0.0.1:${ports.nginx}/stub_status`,
      `-web.listen-address=127.0.0.1:${ports.nginxExporter}`,
    ]),
    startPrometheus({
      dir,
      port: ports.prometheus,
      ruleFiles,
      jobs: new Map([
        [jobs.postgres, [ports.postgresExporter]],
        [jobs.redis, [ports.redisExporter]],
        [jobs.nginx, [ports.nginxExporter]],
        [jobs.haproxy, [ports.haproxyMetrics]],
      ]),
    }),
  );
  const stopTraffic = startTraffic(
    { postgres: ports.postgres, redis: ports.redis, web: ports.web },
    programs.psql,
    dir,
  );
  return realStack(ports.prometheus, processes, [dir], stopTraffic);
}
