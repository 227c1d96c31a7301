import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MissingToolError, aptGetCommand, onPath, provisionTools } from '../../src/tools/provision.ts';

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
});
