import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTelemetryConfigs } from '../../src/crosscheck/telemetry-configs.ts';
import { formatProblem } from '../../src/validate/problem.ts';
import { ROOT, repository } from '../fixtures/grafana.ts';

let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/**
 * The repository's project, its configs/ copied to a scratch root and changed by `edit` (its content files stay
 * where they are, so they are named relative to the scratch root).
 */
async function withConfigs(edit: (root: string) => void) {
  const project = await repository();
  scratch = mkdtempSync(join(tmpdir(), 'gsac-configs-'));
  cpSync(join(ROOT, 'configs'), join(scratch, 'configs'), { recursive: true });
  edit(scratch);
  const moved = { ...project, root: scratch };
  return checkTelemetryConfigs(moved, moved.configSet.resolve()).map(formatProblem);
}

describe('the telemetry configurations', () => {
  it('of the repository agree: both Beyla paths export the same bounds, 0.2 s among them', async () => {
    const project = await repository();
    expect(checkTelemetryConfigs(project, project.configSet.resolve())).toEqual([]);
  });

  it('name a path that lacks an SLO threshold, and bounds that differ between paths', async () => {
    const problems = await withConfigs((root) => {
      const file = join(root, 'configs/beyla/beyla-config.yml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('0.1, 0.2, 0.25', '0.1, 0.25'));
    });
    expect(problems).toEqual([
      expect.stringContaining(
        'configs/beyla/beyla-config.yml prometheus_export.buckets.duration_histogram: the duration bounds are [0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25,',
      ),
      expect.stringMatching(
        /^configs\/beyla\/beyla-config\.yml prometheus_export\.buckets\.duration_histogram: has no bound at 0\.2 s, the threshold of the performance SLO \(.*slos\/performance\.ts\)/,
      ),
    ]);
  });

  it('name an SLO given bounds the configurations do not export', async () => {
    const problems = await withConfigs((root) => {
      for (const [path, from, to] of [
        ['configs/beyla/beyla-config.yml', '7.5, 10]', '7.5, 10, 20]'],
        ['configs/alloy/config.alloy', '7.5, 10]', '7.5, 10, 20]'],
      ] as const) {
        const file = join(root, path);
        writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
      }
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /slos\/performance\.ts sli\.buckets: the performance SLO is given the bounds \[.*, 10\], but configs\/alloy\/config\.alloy exports \[.*, 10, 20\]/,
      ),
    ]);
  });
});
