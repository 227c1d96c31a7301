import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MissingToolError,
  REQUIRED_TOOLS,
  aptGetCommand,
  findTool,
  onPath,
  postgresBin,
  provisionTools,
} from '../../src/tools/provision.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function binDir(commands: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsac-bin-'));
  dirs.push(dir);
  for (const c of commands) writeFileSync(join(dir, c), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

const tool = { command: 'promtool', debianPackage: 'prometheus', why: 'checks rules' };

describe('provisioning the tools npm test needs', () => {
  it('does nothing when every tool is on the PATH', () => {
    const lines: string[] = [];
    provisionTools({ path: binDir(['promtool']), isRoot: false, env: {}, log: (l) => lines.push(l) }, [tool]);
    expect(lines).toEqual([]);
  });

  it('stops with the install command where it cannot install (no apt-get, no sudo)', () => {
    const run = (): void =>
      provisionTools({ path: binDir([]), isRoot: false, env: {}, log: () => {} }, [tool]);
    expect(run).toThrow(MissingToolError);
    expect(run).toThrow(
      'missing: promtool (checks rules). Install them and run again: on Debian or Ubuntu, sudo apt-get install -y prometheus.',
    );
  });

  it('runs apt-get non-interactively through sudo, which drops the environment it is given', () => {
    expect(aptGetCommand(['update', '-qq'], true)).toEqual({
      command: 'sudo',
      args: ['DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
    });
    expect(aptGetCommand(['update', '-qq'], false)).toEqual({ command: 'apt-get', args: ['update', '-qq'] });
  });

  it.skipIf(!existsSync('/etc/debian_version'))(
    'installs through sudo with DEBIAN_FRONTEND reaching apt-get',
    () => {
      // A sudo that resets the environment as the real one does (env_reset), and an apt-get that records what it
      // sees and "installs" promtool.
      const bin = binDir([]);
      const log = join(bin, 'apt-get.log');
      writeFileSync(join(bin, 'sudo'), `#!/bin/sh\nexec /usr/bin/env -i PATH="$PATH" "$@"\n`, {
        mode: 0o755,
      });
      writeFileSync(
        join(bin, 'apt-get'),
        `#!/bin/sh\necho "DEBIAN_FRONTEND=$DEBIAN_FRONTEND $*" >> ${log}\n` +
          `if [ "$1" = install ]; then printf '#!/bin/sh\\n' > ${join(bin, 'promtool')}; chmod +x ${join(bin, 'promtool')}; fi\n`,
        { mode: 0o755 },
      );
      const lines: string[] = [];
      provisionTools(
        {
          path: bin,
          isRoot: false,
          env: { PATH: `${bin}:/usr/bin:/bin`, HOME: '/nonexistent' },
          log: (l) => lines.push(l),
        },
        [tool],
      );
      expect(readFileSync(log, 'utf8')).toBe(
        'DEBIAN_FRONTEND=noninteractive update -qq\n' +
          'DEBIAN_FRONTEND=noninteractive install -y -qq --no-install-recommends prometheus\n',
      );
      expect(lines).toEqual([
        'Installing prometheus for: promtool (checks rules)',
        '$ sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq',
        '$ sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus',
      ]);
    },
  );

  it('looks commands up in every PATH entry', () => {
    const path = [binDir([]), binDir(['amtool'])].join(':');
    expect(onPath('amtool', path)).toBe(true);
    expect(onPath('promtool', path)).toBe(false);
  });

  it('finds an absolute path whatever the PATH, and only an executable file there', () => {
    const dir = binDir(['nginx']);
    writeFileSync(join(dir, 'notes'), 'not a program\n', { mode: 0o644 });
    expect(findTool(join(dir, 'nginx'), '')).toBe(join(dir, 'nginx'));
    expect(onPath(join(dir, 'nginx'), binDir([]))).toBe(true);
    expect(onPath(join(dir, 'notes'), dir)).toBe(false);
    expect(onPath(join(dir, 'haproxy'), dir)).toBe(false);
    // A bare name is never looked up in the current directory or as a path.
    expect(onPath('nginx', '')).toBe(false);
  });

  it('expands * in an absolute path, preferring the highest version', () => {
    const dir = binDir([]);
    for (const major of ['9', '13', '15']) {
      mkdirSync(join(dir, major, 'bin'), { recursive: true });
      writeFileSync(join(dir, major, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 });
    }
    mkdirSync(join(dir, '16', 'bin'), { recursive: true }); // a newer major without the program
    expect(findTool(join(dir, '*', 'bin', 'postgres'))).toBe(join(dir, '15', 'bin', 'postgres'));
    expect(findTool(join(dir, '1*', 'bin', 'postgres'))).toBe(join(dir, '15', 'bin', 'postgres'));
    expect(findTool(join(dir, '9*', 'bin', 'postgres'))).toBe(join(dir, '9', 'bin', 'postgres'));
    expect(findTool(join(dir, '*', 'bin', 'initdb'))).toBeUndefined();
    // `*` stays within one segment and other characters are literal.
    expect(findTool(join(dir, '*', 'postgres'))).toBeUndefined();
    expect(findTool(join(dir, '1.', 'bin', 'postgres'))).toBeUndefined();
    expect(findTool(join(dir, 'missing', '*', 'postgres'))).toBeUndefined();
  });

  it('installs the package of a tool missing at its wildcard path, and checks it there afterwards', () => {
    const bin = binDir([]);
    const root = binDir([]);
    const log = join(bin, 'apt-get.log');
    const server = join(root, '15', 'bin', 'postgres');
    writeFileSync(
      join(bin, 'apt-get'),
      `#!/bin/sh\necho "$*" >> ${log}\n` +
        `if [ "$1" = install ]; then mkdir -p ${join(root, '15', 'bin')}; printf '#!/bin/sh\\n' > ${server}; chmod +x ${server}; fi\n`,
      { mode: 0o755 },
    );
    const tools = [
      { command: join(root, '*', 'bin', 'postgres'), debianPackage: 'postgresql', why: 'a server' },
    ];
    const run = (): void =>
      provisionTools(
        { path: bin, isRoot: true, env: { PATH: `${bin}:/usr/bin:/bin` }, log: () => {} },
        tools,
      );
    if (!existsSync('/etc/debian_version')) {
      expect(run).toThrow(`missing: ${join(root, '*', 'bin', 'postgres')} (a server).`);
      return;
    }
    run();
    expect(readFileSync(log, 'utf8')).toBe('update -qq\ninstall -y -qq --no-install-recommends postgresql\n');
    expect(findTool(tools[0]?.command ?? '')).toBe(server);
    // Installed: a second run does nothing.
    rmSync(log);
    run();
    expect(existsSync(log)).toBe(false);
  });

  it('requires the data layer and edge servers and exporters, PostgreSQL off the PATH', () => {
    const commands = REQUIRED_TOOLS.map((t) => t.command);
    expect(commands).toEqual(
      expect.arrayContaining([
        postgresBin('postgres'),
        postgresBin('initdb'),
        'redis-server',
        '/usr/sbin/nginx',
        '/usr/sbin/haproxy',
        'prometheus-postgres-exporter',
        'prometheus-redis-exporter',
        'prometheus-nginx-exporter',
      ]),
    );
    expect(postgresBin('postgres')).toBe('/usr/lib/postgresql/*/bin/postgres');
  });
});
