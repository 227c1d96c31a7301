/**
 * Killing publish midway (SIGKILL, in a separate process, while writes are in flight) and running it again
 * converges: the second run finishes the job from whatever state the first one left.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import {
  CANARIES,
  ROOT,
  TOKEN,
  connection,
  differencesFromRendered,
  fastClient,
  repository,
} from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe.each(['11.6', '12.x', '13.x'] as const)('an interrupted publish on %s', (profile) => {
  it('is finished by the next run', async () => {
    const s = await startSimulator({ profile, faults: { latencyMs: 40 } });
    sim = s;
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/publish.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        GRAFANA_URL: s.url,
        GRAFANA_TOKEN: TOKEN,
        NO_COLOR: '1',
        ...CANARIES,
      },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    for (let waited = 0; s.requests.countWrites({ successfulOnly: true }) < 8; waited += 20) {
      if (waited > 20_000) throw new Error('publish did not start writing');
      await sleep(20);
    }
    child.kill('SIGKILL');
    await exited;
    const partial = await differencesFromRendered(s);
    expect(partial.length).toBeGreaterThan(0);

    s.setFaults({});
    await publishProject(await repository(), connection(s), CANARIES, {}, {}, undefined, fastClient);
    expect(await differencesFromRendered(s)).toEqual([]);
    s.requests.clear();
    await publishProject(await repository(), connection(s), CANARIES, {}, {}, undefined, fastClient);
    expect(s.requests.countWrites()).toBe(0);
  });
});
