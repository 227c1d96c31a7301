/**
 * Provenance: alerting objects are published locked (provenance "api") unless --editable; Grafana refuses to turn
 * a locked object editable, and publish explains what to do instead of just relaying a 500.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PartialApplyError } from '../../src/grafana/errors.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { CANARIES, connection, fastClient, repository } from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('provenance', () => {
  it('locks alerting objects by default and leaves them editable with --editable', async () => {
    sim = await startSimulator({ profile: '11.6' });
    await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
    expect(
      sim
        .state()
        .integrations.filter((i) => i.name !== 'grafana-default-email')
        .every((i) => i.provenance === 'api'),
    ).toBe(true);
    expect(sim.state().rules.every((r) => r.provenance === 'api')).toBe(true);

    const editable = await startSimulator({ profile: '11.6' });
    try {
      await publishProject(
        await repository(),
        connection(editable),
        CANARIES,
        { editable: true },
        {},
        undefined,
        fastClient,
      );
      expect(editable.state().integrations.every((i) => i.provenance === '')).toBe(true);
      expect(editable.state().rules.every((r) => r.provenance === '')).toBe(true);
    } finally {
      await editable.close();
    }
  });

  it('explains a refused change of a locked contact point to editable', async () => {
    sim = await startSimulator({ profile: '11.6' });
    await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
    sim.ui.editContactPointSettings('stack-slack-warnings', { recipient: '#elsewhere' });
    sim.requests.clear();
    const error = await publishProject(
      await repository(),
      connection(sim),
      CANARIES,
      { editable: true },
      {},
      undefined,
      fastClient,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialApplyError);
    const message = (error as PartialApplyError).message;
    expect(message).toContain('ContactPoint/stack-slack-warnings');
    expect(message).toMatch(/provenance/);
    expect(message).toContain('Publish without --editable, or delete them in Grafana first.');
    // A refusal is permanent: sent once, not retried like a 500 that lost the database lock.
    expect(
      sim.requests
        .writes({ pathPrefix: '/api/v1/provisioning/contact-points/stack-slack-warnings' })
        .map((e) => e.status),
    ).toEqual([500]);
  });
});
