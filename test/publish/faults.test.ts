/**
 * Publish under faults: with 10% of requests failing by each fault type it still converges to the rendered
 * state, and with 30% it converges on rerun; with a permanent fault it stops with exit 4 naming the failed refs, and the next run completes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-codes.ts';
import { PartialApplyError } from '../../src/grafana/errors.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { FaultRule, Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import {
  CANARIES,
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

const FAULTS: readonly [string, FaultRule][] = [
  ['database is locked (500) on writes', { type: 'dbLocked', probability: 0.1 }],
  ['429 with Retry-After', { type: 'status', status: 429, retryAfterSeconds: 1, probability: 0.1 }],
  ['502 from a proxy', { type: 'status', status: 502, probability: 0.1 }],
  ['503 with Retry-After', { type: 'status', status: 503, retryAfterSeconds: 2, probability: 0.1 }],
  ['connection reset before the request is handled', { type: 'reset', phase: 'before', probability: 0.1 }],
  ['connection reset after the change was applied', { type: 'reset', phase: 'after', probability: 0.1 }],
  ['requests that time out', { type: 'timeout', holdMs: 2_000, probability: 0.1 }],
];

// The legacy API (11.6) and the App Platform (12.x, 13.x).
describe.each(['11.6', '12.x', '13.x'] as const)('publish on %s with 10%% of requests failing', (profile) => {
  it.each(FAULTS)('converges to the rendered state: %s', async (_name, rule) => {
    sim = await startSimulator({ profile, faults: { seed: 7, faults: [rule] } });
    const project = await repository();
    // Client timeout well under the fault's hold time, so that timeouts are seen and retried quickly.
    const c = connection(sim, { timeoutMs: 250 });
    await publishProject(project, c, CANARIES, {}, {}, undefined, fastClient);
    expect(sim.requests.api().some((e) => e.fault !== undefined)).toBe(true);
    sim.setFaults({});
    expect(await differencesFromRendered(sim)).toEqual([]);
    sim.requests.clear();
    await publishProject(project, c, CANARIES, {}, {}, undefined, fastClient);
    expect(sim.requests.countWrites()).toBe(0);
  });
});

describe('publish with 30% of requests failing', () => {
  it.each(FAULTS.map(([name, rule]) => [name, { ...rule, probability: 0.3 }] as const))(
    'converges on rerun: %s',
    async (_name, rule) => {
      sim = await startSimulator({ profile: '11.6', faults: { seed: 11, faults: [rule] } });
      const project = await repository();
      const c = connection(sim, { timeoutMs: 250 });
      // A run may end with some actions failed (or, rarely, Grafana unreachable); the next one goes on from there.
      let runs = 0;
      for (; runs < 6; runs += 1) {
        const outcome = await publishProject(project, c, CANARIES, {}, {}, undefined, fastClient).then(
          () => 'done',
          (error: unknown) => error,
        );
        if (outcome === 'done') break;
        expect([3, 4]).toContain(exitCodeFor(outcome));
      }
      expect(runs).toBeLessThan(6);
      expect(sim.requests.api().filter((e) => e.fault !== undefined).length).toBeGreaterThan(5);
      sim.setFaults({});
      expect(await differencesFromRendered(sim)).toEqual([]);
      sim.requests.clear();
      await publishProject(project, c, CANARIES, {}, {}, undefined, fastClient);
      expect(sim.requests.countWrites()).toBe(0);
    },
  );
});

describe('publish with a permanent fault', () => {
  it('exits 4 listing the failed refs, applies the rest, and the next run completes', async () => {
    sim = await startSimulator({
      profile: '11.6',
      faults: {
        faults: [
          {
            type: 'status',
            status: 500,
            always: true,
            method: 'PUT',
            pathPrefix: '/api/v1/provisioning/folder/stack-pipeline/',
          },
        ],
      },
    });
    const project = await repository();
    let caught: unknown;
    try {
      await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PartialApplyError);
    expect(exitCodeFor(caught)).toBe(4);
    expect((caught as PartialApplyError).failed.map((f) => f.ref)).toEqual([
      'AlertRuleGroup/telemetry-pipeline',
    ]);
    expect((caught as PartialApplyError).message).toMatch(
      /AlertRuleGroup\/telemetry-pipeline: PUT .* answered 500/,
    );
    expect(await differencesFromRendered(sim)).toEqual(['AlertRuleGroup/telemetry-pipeline: missing']);

    sim.setFaults({});
    const rerun = await publishProject(project, connection(sim), CANARIES, {}, {}, undefined, fastClient);
    expect(rerun.events.filter((e) => e.status === 'created').map((e) => e.ref)).toEqual([
      'AlertRuleGroup/telemetry-pipeline',
    ]);
    expect(await differencesFromRendered(sim)).toEqual([]);
  });
});
