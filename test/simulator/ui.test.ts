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

  const saved = {
    uid: 'd',
    title: 'D',
    schemaVersion: 42,
    editable: false,
    preload: false,
    templating: {
      list: [
        {
          type: 'datasource',
          name: 'ds',
          query: 'prometheus',
          multi: false,
          auto: false,
          current: { selected: true, text: 'p', value: 'p' },
        },
      ],
    },
    panels: [
      { id: 0, type: 'row', title: 'R', collapsed: false, panels: [], gridPos: { x: 3, y: 0, w: 10, h: 2 } },
      {
        id: 1,
        type: 'stat',
        title: 'S',
        transparent: false,
        repeatDirection: 'h',
        gridPos: { x: 0, y: 1, w: 6, h: 4 },
        fieldConfig: {
          defaults: { thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }] } },
        },
      },
    ],
  };

  it('editDashboard saves through the classic UI model on 10.4 (DashboardModel / PanelModel.getSaveModel)', async () => {
    sim = await simulator({ profile: '10.4' });
    await client(sim).post('/api/dashboards/db', { dashboard: saved });
    sim.ui.editDashboard('d', () => undefined, { uiSave: true });
    const d = obj(obj((await client(sim).get('/api/dashboards/uid/d')).json)['dashboard']);
    expect(d).toMatchObject({
      schemaVersion: 39,
      editable: true,
      weekStart: '',
      timepicker: {},
      graphTooltip: 0,
    });
    // The classic model has no preload; the row id 0 is renumbered; transparent false goes, repeatDirection stays.
    expect(d['preload']).toBeUndefined();
    const [row, stat] = arr(d['panels']).map(obj);
    expect(row?.['id']).toBe(2);
    expect(stat).toMatchObject({ repeatDirection: 'h', pluginVersion: '10.4.18' });
    expect(stat?.['transparent']).toBeUndefined();
    // A loaded panel: -Infinity base saved as null, plugin defaults merged in.
    const fd = obj(obj(stat?.['fieldConfig'])['defaults']);
    expect(arr(obj(fd['thresholds'])['steps'])[0]).toEqual({ color: 'green', value: null });
    expect(fd['mappings']).toEqual([]);
    const ds = obj(arr(obj(d['templating'])['list'])[0]);
    expect(ds).toMatchObject({ hide: 0, regex: '', refresh: 1, auto: false, multi: false });
    expect(obj(arr(obj(d['annotations'])['list'])[0])['builtIn']).toBe(1);
  });

  it('editDashboard saves through the Scenes model on 12.x (transformSceneToSaveModel), panels unloaded when asked', async () => {
    sim = await simulator({ profile: '12.x' });
    await client(sim).post('/api/dashboards/db', { dashboard: saved });
    sim.ui.editDashboard('d', () => undefined, { uiSave: { loaded: 'none' } });
    const d = obj(obj((await client(sim).get('/api/dashboards/uid/d')).json)['dashboard']);
    expect(d).toMatchObject({ schemaVersion: 41, editable: true, preload: false, weekStart: '' });
    const [row, stat] = arr(d['panels']).map(obj);
    expect(row).toEqual({
      type: 'row',
      id: 2,
      title: 'R',
      collapsed: false,
      panels: [],
      gridPos: { x: 0, y: 0, w: 24, h: 1 },
    });
    expect(stat?.['repeatDirection']).toBeUndefined();
    expect(stat?.['pluginVersion']).toBeUndefined();
    // Not loaded: the null base value is dropped with every other null.
    const fd = obj(obj(stat?.['fieldConfig'])['defaults']);
    expect(arr(obj(fd['thresholds'])['steps'])[0]).toEqual({ color: 'green' });
    const ds = obj(arr(obj(d['templating'])['list'])[0]);
    expect(ds).toEqual({
      type: 'datasource',
      name: 'ds',
      query: 'prometheus',
      refresh: 1,
      current: { text: 'p', value: 'p' },
    });
  });

  it('saves a loaded threshold base as 0 on 12.x (convertInfinity, 12.1+)', async () => {
    sim = await simulator({ profile: '12.x' });
    await client(sim).post('/api/dashboards/db', { dashboard: saved });
    sim.ui.editDashboard('d', () => undefined, { uiSave: true });
    const d = obj(obj((await client(sim).get('/api/dashboards/uid/d')).json)['dashboard']);
    const stat = obj(arr(d['panels'])[1]);
    const fd = obj(obj(stat['fieldConfig'])['defaults']);
    expect(arr(obj(fd['thresholds'])['steps'])[0]).toEqual({ color: 'green', value: 0 });
    expect(stat['pluginVersion']).toBe('12.1.1');
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
