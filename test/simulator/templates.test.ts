import { afterEach, describe, expect, it } from 'vitest';
import { SimContext } from '../../src/simulator/context.ts';
import type { Profile, Simulator } from '../../src/simulator/index.ts';
import { PROFILES } from '../../src/simulator/index.ts';
import type { SimResponse } from '../../src/simulator/responses.ts';
import { initialState } from '../../src/simulator/state.ts';
import { templateRoutes } from '../../src/simulator/templates.ts';
import { arr, client, NO_PROVENANCE, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const T = '/api/v1/provisioning/templates';

describe('notification templates', () => {
  it('PUT upserts with 202 and wraps text without a define block, trimmed and indented', async () => {
    sim = await simulator();
    const r = await client(sim).put(`${T}/slack.title`, {
      template: '\n[{{ .Status }}]\n{{ .CommonLabels.alertname }}\n',
    });
    expect(r.status).toBe(202);
    expect(obj(r.json)).toMatchObject({
      name: 'slack.title',
      template: '{{ define "slack.title" }}\n  [{{ .Status }}]\n  {{ .CommonLabels.alertname }}\n{{ end }}',
      provenance: 'api',
    });
    expect((await client(sim).get(`${T}/slack.title`)).json).toEqual(r.json);
  });

  it('keeps text that already has a define block, only trimmed', async () => {
    sim = await simulator();
    const text = '{{ define "x" }}hello{{ end }}';
    expect(obj((await client(sim).put(`${T}/x`, { template: `  ${text}\n` })).json)['template']).toBe(text);
  });

  it('rejects empty and unbalanced templates with 400; a template of blanks passes (checked before trimming)', async () => {
    sim = await simulator();
    const empty = await client(sim).put(`${T}/x`, { template: '' });
    expect(empty.status).toBe(400);
    expect(obj(empty.json)['messageId']).toBe('alerting.notifications.templates.invalidFormat');
    expect((await client(sim).put(`${T}/x`, { template: '{{ if .X }}open' })).status).toBe(400);
    const blanks = await client(sim).put(`${T}/x`, { template: '  ' });
    expect(blanks.status).toBe(202);
    expect(obj(blanks.json)['template']).toBe('{{ define "x" }}\n  \n{{ end }}');
  });

  it('wraps a `{{- define` text again (the regex wants only blanks after {{) and refuses the nested define; `{{  define` is kept', async () => {
    sim = await simulator();
    const dashed = await client(sim).put(`${T}/x`, { template: '{{- define "x" }}hi{{- end }}' });
    expect(dashed.status).toBe(400);
    expect(obj(obj(dashed.json)['extra'])['Error']).toContain('unexpected <define> in command');
    const spaced = await client(sim).put(`${T}/y`, { template: '{{  define "y" }}hi{{ end }}' });
    expect(spaced.status).toBe(202);
    expect(obj(spaced.json)['template']).toBe('{{  define "y" }}hi{{ end }}');
  });

  it('answers validation errors with the legacy body on 10.4', async () => {
    sim = await simulator({ profile: '10.4' });
    const r = await client(sim).put(`${T}/x`, { template: '' });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ message: 'invalid object specification: template must have content' });
  });

  it('chooses the 400 body from the template-error setting of the profile, not from the 404 one', () => {
    const put = templateRoutes.find((r) => r.method === 'PUT');
    const invalidPut = (profile: Profile): SimResponse | undefined => {
      const context = new SimContext(initialState(), profile, {
        recordingRules: false,
        minRefreshIntervalMs: 5000,
        secureSettings: {},
        defaultRuleIntervalSeconds: 60,
        baseIntervalSeconds: 10,
        maxNestedFolderDepth: 4,
        legacyStorage: false,
      });
      return put?.handler(context, {
        method: 'PUT',
        path: `${T}/x`,
        params: { name: 'x' },
        query: new URLSearchParams(),
        headers: {},
        rawBody: JSON.stringify({ template: '' }),
        identity: { kind: 'user', login: 'admin', name: '', id: 1, uid: 'u', orgId: 1, role: 'Admin' },
        provenance: 'api',
      });
    };
    const errutil = invalidPut({ ...PROFILES['11.6'], templateNotFound: 'empty' });
    expect(obj(errutil?.body)['messageId']).toBe('alerting.notifications.templates.invalidFormat');
    const legacy = invalidPut({ ...PROFILES['10.4'], templateNotFound: 'errutil' });
    expect(legacy?.body).toEqual({ message: 'invalid object specification: template must have content' });
  });

  it('GET of an unknown template is errutil 404, empty 404 on 10.4', async () => {
    sim = await simulator();
    expect(obj((await client(sim).get(`${T}/nope`)).json)['messageId']).toBe(
      'alerting.notifications.templates.notFound',
    );
    await sim.close();
    sim = await simulator({ profile: '10.4' });
    const r = await client(sim).get(`${T}/nope`);
    expect(r.status).toBe(404);
    expect(r.text).toBe('');
  });

  it('lists templates by name and deletes with 204 (also when missing)', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.put(`${T}/b`, { template: 'b' });
    await api.put(`${T}/a`, { template: 'a' });
    expect(arr((await api.get(T)).json).map((t) => obj(t)['name'])).toEqual(['a', 'b']);
    expect((await api.del(`${T}/a`)).status).toBe(204);
    expect((await api.del(`${T}/a`)).status).toBe(204);
  });

  it('answers 409 for a stale version and 403 when an api template is changed with the header', async () => {
    sim = await simulator();
    const api = client(sim);
    const v1 = obj((await api.put(`${T}/a`, { template: 'one' })).json)['version'];
    await api.put(`${T}/a`, { template: 'two', version: v1 });
    expect((await api.put(`${T}/a`, { template: 'three', version: v1 })).status).toBe(409);
    expect((await api.put(`${T}/a`, { template: 'three' }, NO_PROVENANCE)).status).toBe(403);
    expect((await api.del(`${T}/a`, NO_PROVENANCE)).status).toBe(403);
  });

  it('DELETE with a stale ?version= is 409, with the current one 204; 10.4 ignores versions', async () => {
    sim = await simulator();
    const api = client(sim);
    const v1 = String(obj((await api.put(`${T}/a`, { template: 'one' })).json)['version']);
    const v2 = String(obj((await api.put(`${T}/a`, { template: 'two' })).json)['version']);
    const stale = await api.del(`${T}/a?version=${v1}`);
    expect(stale.status).toBe(409);
    expect(obj(stale.json)['messageId']).toBe('alerting.notifications.conflict');
    expect((await api.del(`${T}/a?version=${v2}`)).status).toBe(204);
    await sim.close();
    sim = await simulator({ profile: '10.4' });
    await client(sim).put(`${T}/a`, { template: 'one' });
    expect((await client(sim).del(`${T}/a?version=whatever`, NO_PROVENANCE)).status).toBe(204);
  });
});
