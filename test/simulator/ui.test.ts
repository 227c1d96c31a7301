import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { UiEditError } from '../../src/simulator/index.ts';
import { alertRule, arr, client, NO_PROVENANCE, obj, simulator } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

describe('ui helpers', () => {
  it('editDashboard saves a new version with a history entry, like the UI save', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await api.post('/api/dashboards/db', {
      dashboard: { uid: 'd', title: 'D', panels: [{ id: 1, type: 'stat' }] },
      folderUid: 'f',
    });
    const version = sim.ui.editDashboard(
      'd',
      (d) => {
        d['title'] = 'Edited by hand';
      },
      { message: 'tweak' },
    );
    expect(version).toBe(2);
    const body = obj((await api.get('/api/dashboards/uid/d')).json);
    expect(obj(body['dashboard'])['title']).toBe('Edited by hand');
    expect(obj(body['meta'])['folderUid']).toBe('f');
    expect(sim.state().dashboards[0]?.history.map((h) => h.message)).toEqual(['', 'tweak']);
    expect(sim.requests.countWrites()).toBe(2);
  });

  it('editDashboard can add what the frontend adds on save', async () => {
    sim = await simulator({ profile: '11.6' });
    await client(sim).post('/api/dashboards/db', {
      dashboard: { uid: 'd', title: 'D', schemaVersion: 39, panels: [{ id: 1 }] },
    });
    sim.ui.editDashboard('d', () => undefined, { frontendDefaults: true });
    const d = obj(obj((await client(sim).get('/api/dashboards/uid/d')).json)['dashboard']);
    expect(d).toMatchObject({
      schemaVersion: 41,
      graphTooltip: 0,
      fiscalYearStartMonth: 0,
      links: [],
      weekStart: '',
    });
    expect(obj(arr(d['panels'])[0])['pluginVersion']).toBe('11.6.4');
    expect(obj(arr(obj(d['annotations'])['list'])[0])['builtIn']).toBe(1);
  });

  it('editContactPointSettings changes a provisioned contact point and keeps its provenance', async () => {
    sim = await simulator();
    await client(sim).post('/api/v1/provisioning/contact-points', {
      uid: 'mail',
      name: 'mail',
      type: 'email',
      settings: { addresses: 'a@x' },
    });
    sim.ui.editContactPointSettings('mail', { addresses: 'b@x' });
    const cp = obj(arr((await client(sim).get('/api/v1/provisioning/contact-points?name=mail')).json)[0]);
    expect(cp).toMatchObject({ settings: { addresses: 'b@x' }, provenance: 'api' });
  });

  it('editPolicyTree changes the tree and keeps provenance', async () => {
    sim = await simulator();
    await client(sim).put('/api/v1/provisioning/policies', { receiver: 'grafana-default-email' });
    sim.ui.editPolicyTree((tree) => {
      tree['group_wait'] = '45s';
    });
    expect((await client(sim).get('/api/v1/provisioning/policies')).json).toEqual({
      receiver: 'grafana-default-email',
      group_wait: '45s',
      provenance: 'api',
    });
  });

  it('editRuleGroup keeps the provenance of existing rules and gives new ones none', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await api.put('/api/v1/provisioning/folder/f/rule-groups/g', {
      interval: 60,
      rules: [alertRule({ uid: 'r' })],
    });
    sim.ui.editRuleGroup('f', 'g', (group) => {
      const first = group.rules[0];
      if (first !== undefined) first['for'] = '10m';
      group.rules.push(alertRule({ title: 'Added in the UI' }));
    });
    const rules = arr(obj((await api.get('/api/v1/provisioning/folder/f/rule-groups/g')).json)['rules']).map(
      obj,
    );
    expect(rules.map((r) => [r['for'], r['provenance']])).toEqual([
      ['10m', 'api'],
      ['5m', undefined],
    ]);
  });

  it('edits through the UI never pass provenance checks a client would face', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post('/api/v1/provisioning/mute-timings', {
      name: 'nights',
      time_intervals: [{ times: [{ start_time: '00:00', end_time: '06:00' }] }],
    });
    sim.ui.editMuteTiming('nights', (intervals) => {
      intervals.push({ weekdays: ['sunday'] });
    });
    await api.put('/api/v1/provisioning/templates/t', { template: '{{ define "t" }}before{{ end }}' });
    sim.ui.editTemplate('t', 'hello');
    const template = obj((await api.get('/api/v1/provisioning/templates/t')).json);
    expect(template['template']).toBe('{{ define "t" }}\n  hello\n{{ end }}');
    expect(template['provenance']).toBe('api');
    sim.ui.editTemplate('fresh', 'made in the UI');
    const fresh = obj((await api.get('/api/v1/provisioning/templates/fresh')).json);
    expect(fresh['template']).toBe('{{ define "fresh" }}\n  made in the UI\n{{ end }}');
    expect(fresh['provenance']).toBeUndefined();
    expect(sim.state().templates.find((t) => t.name === 'fresh')?.provenance).toBe('');
    const mt = obj((await api.get('/api/v1/provisioning/mute-timings/nights')).json);
    expect(arr(mt['time_intervals'])).toHaveLength(2);
    expect((await api.put('/api/v1/provisioning/mute-timings/nights', mt, NO_PROVENANCE)).status).toBe(403);
  });

  it('throws UiEditError for unknown objects', async () => {
    sim = await simulator();
    expect(() => sim.ui.editDashboard('nope', () => undefined)).toThrow(UiEditError);
    expect(() => sim.ui.editContactPointSettings('nope', {})).toThrow(UiEditError);
  });
});
