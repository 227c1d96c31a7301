/**
 * A mute timing written the way people write them (month names, capitals, `x:x` ranges) reads back from Grafana
 * in Alertmanager's canonical form; publish must take the two for the same, or it shows false drift forever.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OWNERSHIP } from '../../src/core/ownership.ts';
import { defineMuteTiming } from '../../src/index.ts';
import { buildProject } from '../../src/project/project.ts';
import { muteTimingHandler } from '../../src/handlers/mute-timing.ts';
import { listContextFor } from '../../src/publish/live-state.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { PROFILE_NAMES, startSimulator } from '../../src/simulator/index.ts';
import { at, baseDefinitions, fixtureProject } from '../fixtures/project.ts';
import { connection, fastClient } from '../fixtures/grafana.ts';
import { LEGACY_API } from '../../src/grafana/app-platform.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe.each(PROFILE_NAMES)('mute timing read back from Grafana %s', (profile) => {
  it('compares equal to the code that wrote it', async () => {
    sim = await startSimulator({ profile });
    const built = buildProject(
      fixtureProject({
        ...baseDefinitions(),
        mute: at(
          'alerts/mute-timings.ts',
          defineMuteTiming({
            name: 'quiet-hours',
            timeIntervals: [
              {
                weekdays: ['Monday:Friday', 'saturday:saturday'],
                months: ['January:March', 'december'],
                days_of_month: ['1:1', '-3:-1'],
                years: ['2026:2026'],
                times: [{ start_time: '02:00', end_time: '04:00' }],
                location: 'Europe/Berlin',
              },
            ],
          }),
        ),
      }),
    );
    const resource = built.registry.byKind('MuteTiming').find((m) => m.uid === 'quiet-hours');
    expect(resource).toBeDefined();
    if (resource === undefined) return;
    const context = {
      client: fastClient(connection(sim)),
      editable: false,
      ownedFolders: new Set<string>(),
      ownership: DEFAULT_OWNERSHIP,
      resendSecrets: false,
      api: LEGACY_API,
      dashboardSchema: 'v1' as const,
      secrets: new Map(),
    };
    await muteTimingHandler.create(context, resource);
    const [live] = (await muteTimingHandler.list(listContextFor(context, [resource]))).filter(
      (m) => m.uid === 'quiet-hours',
    );
    expect(live).toBeDefined();
    if (live === undefined) return;
    // Grafana's form is not the code's...
    expect(JSON.stringify(live.body), JSON.stringify(live.body)).toContain('"1:3"');
    // ...and yet nothing differs.
    expect(muteTimingHandler.live(live, resource)).toEqual(muteTimingHandler.desired(resource));
  });
});
