import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { alertRule, client, obj, simulator } from './helpers.ts';

let sim: Simulator;
beforeEach(async () => {
  sim = await simulator();
  const api = client(sim);
  await api.post('/api/folders', { uid: 'f', title: 'Platform' });
  await api.put('/api/v1/provisioning/folder/f/rule-groups/g', {
    interval: 60,
    rules: [alertRule({ uid: 'r' })],
  });
  await api.post('/api/v1/provisioning/contact-points', {
    uid: 'pd',
    name: 'pd',
    type: 'pagerduty',
    settings: { integrationKey: 'k' },
  });
});
afterEach(async () => sim.close());

describe('exports', () => {
  it('are YAML in the file-provisioning schema by default', async () => {
    const r = await client(sim).get('/api/v1/provisioning/alert-rules/export');
    expect(r.headers.get('content-type')).toBe('text/yaml');
    const doc: unknown = parse(r.text);
    expect(doc).toMatchObject({
      apiVersion: 1,
      groups: [
        {
          orgId: 1,
          name: 'g',
          folder: 'Platform',
          interval: '1m',
          rules: [{ uid: 'r', for: '5m', isPaused: false }],
        },
      ],
    });
  });

  it('are JSON with format=json or Accept: application/json, with download headers', async () => {
    const r = await client(sim).get(
      '/api/v1/provisioning/folder/f/rule-groups/g/export?format=json&download=true',
    );
    expect(r.headers.get('content-disposition')).toBe('attachment;filename=export.json');
    expect(obj(r.json)['apiVersion']).toBe(1);
    const accept = await client(sim).get('/api/v1/provisioning/policies/export', {
      accept: 'application/json',
    });
    expect(accept.json).toEqual({
      apiVersion: 1,
      policies: [{ orgId: 1, receiver: 'grafana-default-email', group_by: ['grafana_folder', 'alertname'] }],
    });
  });

  it('redact contact point secrets unless decrypt=true', async () => {
    const redacted = await client(sim).get('/api/v1/provisioning/contact-points/export?format=json&name=pd');
    expect(JSON.stringify(redacted.json)).toContain('[REDACTED]');
    const clear = await client(sim).get(
      '/api/v1/provisioning/contact-points/export?format=json&name=pd&decrypt=true',
    );
    expect(JSON.stringify(clear.json)).toContain('"integrationKey":"k"');
  });

  it('refuse decrypt=true to a non-admin with the RBAC 403, without the secret in the answer', async () => {
    await sim.close();
    sim = await simulator({ viewerToken: 'viewer-token' });
    await client(sim).post('/api/v1/provisioning/contact-points', {
      uid: 'pd',
      name: 'pd',
      type: 'pagerduty',
      settings: { integrationKey: 'viewer-must-not-see' },
    });
    const viewer = client(sim, 'Bearer viewer-token');
    const path = '/api/v1/provisioning/contact-points/export?format=json&name=pd';
    const redacted = await viewer.get(path);
    expect(redacted.status).toBe(200);
    expect(JSON.stringify(redacted.json)).toContain('[REDACTED]');
    const clear = await viewer.get(`${path}&decrypt=true`);
    expect(clear.status).toBe(403);
    expect(obj(clear.json)).toMatchObject({
      title: 'Access denied',
      message:
        "You'll need additional permissions to perform this action. Permissions needed: alert.provisioning.secrets:read",
    });
    expect(clear.text).not.toContain('viewer-must-not-see');
    const admin = await client(sim).get(`${path}&decrypt=true`);
    expect(admin.text).toContain('viewer-must-not-see');
  });

  it('answer 404 when nothing matches and 400 for contradictory filters', async () => {
    expect((await client(sim).get('/api/v1/provisioning/alert-rules/export?ruleUid=nope')).status).toBe(404);
    expect(
      (await client(sim).get('/api/v1/provisioning/alert-rules/export?ruleUid=r&folderUid=f')).status,
    ).toBe(400);
    expect((await client(sim).get('/api/v1/provisioning/alert-rules/export?group=g')).status).toBe(400);
  });
});
