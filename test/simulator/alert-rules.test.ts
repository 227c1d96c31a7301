import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileName, Simulator } from '../../src/simulator/index.ts';
import { alertRule, arr, client, NO_PROVENANCE, obj, simulator, str } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const RULES = '/api/v1/provisioning/alert-rules';

async function start(profile: ProfileName = '11.6', recordingRules?: boolean): Promise<Simulator> {
  sim = await simulator({ profile, recordingRules });
  await client(sim).post('/api/folders', { uid: 'alerts', title: 'Alerts' });
  return sim;
}

describe('POST /api/v1/provisioning/alert-rules', () => {
  it('answers 201 with the stored rule, normalised as Grafana saves it', async () => {
    await start();
    const r = await client(sim).post(
      RULES,
      alertRule({ uid: 'err', folderUID: 'alerts', ruleGroup: 'api', for: '60s' }),
    );
    expect(r.status).toBe(201);
    const rule = obj(r.json);
    expect(rule).toMatchObject({
      id: 1,
      uid: 'err',
      orgID: 1,
      folderUID: 'alerts',
      ruleGroup: 'api',
      for: '1m',
      keep_firing_for: '0s',
      provenance: 'api',
      isPaused: false,
      notification_settings: null,
      record: null,
    });
    expect(Object.keys(rule)).toEqual([
      'id',
      'uid',
      'orgID',
      'folderUID',
      'ruleGroup',
      'title',
      'condition',
      'data',
      'updated',
      'noDataState',
      'execErrState',
      'for',
      'keep_firing_for',
      'annotations',
      'labels',
      'provenance',
      'isPaused',
      'notification_settings',
      'record',
    ]);
    const [query, math] = arr(rule['data']).map(obj);
    expect(query?.['model']).toEqual({
      expr: 'sum(rate(errors_total[5m])) > 0',
      intervalMs: 1000,
      maxDataPoints: 43200,
      refId: 'A',
    });
    expect(Object.keys(obj(math?.['model']))).toEqual([
      'expression',
      'intervalMs',
      'maxDataPoints',
      'refId',
      'type',
    ]);
    expect(str(rule['updated'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('copies the model queryType to the top level and keeps non-zero intervalMs/maxDataPoints', async () => {
    await start();
    const rule = alertRule({ folderUID: 'alerts', ruleGroup: 'g' });
    const data = arr(rule['data']);
    data[0] = {
      ...obj(data[0]),
      model: { expr: 'up', queryType: 'instant', intervalMs: 30000, maxDataPoints: 0 },
    };
    const r = obj((await client(sim).post(RULES, rule)).json);
    const q = obj(arr(r['data'])[0]);
    expect(q['queryType']).toBe('instant');
    expect(q['model']).toEqual({ expr: 'up', intervalMs: 30000, maxDataPoints: 43200, queryType: 'instant' });
  });

  it('ignores the client interval: the group interval, or 60 s for a new group', async () => {
    await start();
    const api = client(sim);
    await api.put('/api/v1/provisioning/folder/alerts/rule-groups/g', {
      interval: 30,
      rules: [alertRule({ title: 'one' })],
    });
    await api.post(RULES, alertRule({ title: 'two', folderUID: 'alerts', ruleGroup: 'g', interval: 600 }));
    await api.post(RULES, alertRule({ title: 'three', folderUID: 'alerts', ruleGroup: 'new' }));
    const g = obj((await api.get('/api/v1/provisioning/folder/alerts/rule-groups/g')).json);
    expect(g['interval']).toBe(30);
    expect(arr(g['rules']).map((r) => obj(r)['title'])).toEqual(['one', 'two']);
    expect(obj((await api.get('/api/v1/provisioning/folder/alerts/rule-groups/new')).json)['interval']).toBe(
      60,
    );
  });

  it.each([
    ['no folderUID', { folderUID: '' }, 'invalid alert rule: folderUID must be set'],
    ['an unknown folder', { folderUID: 'nope' }, 'invalid alert rule: folder does not exist'],
    ['no data', { data: [] }, 'invalid alert rule: no queries or expressions are found'],
    ['an empty title', { title: '' }, 'invalid alert rule: title is empty'],
    ['a bad noDataState', { noDataState: 'Maybe' }, 'invalid alert rule: unknown NoData state option Maybe'],
    ['a bad execErrState', { execErrState: 'Boom' }, 'invalid alert rule: unknown Error state option Boom'],
    [
      'a reserved label',
      { labels: { __alert_rule_uid__: 'x' } },
      'invalid alert rule: system reserved label __alert_rule_uid__ cannot be defined',
    ],
    [
      'a panel id without dashboard',
      { annotations: { __panelId__: '3' } },
      'invalid alert rule: both annotations __dashboardUid__ and __panelId__ must be specified',
    ],
    [
      'a dashboard uid without panel id',
      { annotations: { __dashboardUid__: 'service-red' } },
      'invalid alert rule: both annotations __dashboardUid__ and __panelId__ must be specified',
    ],
    [
      'a dashboard uid with an empty panel id',
      { annotations: { __dashboardUid__: 'service-red', __panelId__: '' } },
      'invalid alert rule: both annotations __dashboardUid__ and __panelId__ must be specified',
    ],
    [
      'a panel id that is not an integer',
      { annotations: { __dashboardUid__: 'service-red', __panelId__: 'p3' } },
      'invalid alert rule: annotation __panelId__ must be a valid integer Panel ID',
    ],
  ])('rejects a rule with %s (400)', async (_what, overrides, message) => {
    await start();
    const r = await client(sim).post(RULES, alertRule({ folderUID: 'alerts', ruleGroup: 'g', ...overrides }));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ message });
  });

  it('rejects a condition that is not a refId with the errutil conditionNotExist body', async () => {
    await start();
    const r = await client(sim).post(
      RULES,
      alertRule({ folderUID: 'alerts', ruleGroup: 'g', condition: 'C' }),
    );
    expect(r.status).toBe(400);
    expect(obj(r.json)).toMatchObject({
      statusCode: 400,
      messageId: 'alerting.alert-rule.conditionNotExist',
      message: 'Condition C does not exist, must be one of [A B]',
    });
  });

  it('rejects a data query with from <= to as invalidRelativeTime', async () => {
    await start();
    const rule = alertRule({ folderUID: 'alerts', ruleGroup: 'g' });
    const data = arr(rule['data']);
    data[0] = { ...obj(data[0]), relativeTimeRange: { from: 0, to: 0 } };
    const r = await client(sim).post(RULES, rule);
    expect(obj(r.json)).toMatchObject({
      messageId: 'alerting.alert-rule.invalidRelativeTime',
      message: 'Invalid alert rule query A: invalid relative time range [From: 0s, To: 0s]',
    });
  });

  it('answers "bad request data" for an unparsable duration', async () => {
    await start();
    const r = await client(sim).post(
      RULES,
      alertRule({ folderUID: 'alerts', ruleGroup: 'g', for: '5 minutes' }),
    );
    expect(r.json).toEqual({ message: 'bad request data' });
  });

  it('validates notification settings against the Alertmanager configuration', async () => {
    await start();
    const ok = alertRule({
      folderUID: 'alerts',
      ruleGroup: 'g',
      notification_settings: { receiver: 'grafana-default-email', group_wait: '30s' },
    });
    const r = await client(sim).post(RULES, ok);
    expect(obj(r.json)['notification_settings']).toEqual({
      receiver: 'grafana-default-email',
      group_wait: '30s',
    });
    const bad = await client(sim).post(
      RULES,
      alertRule({
        title: 'x',
        folderUID: 'alerts',
        ruleGroup: 'g',
        notification_settings: { receiver: 'nobody' },
      }),
    );
    expect(bad.json).toEqual({
      message: "invalid alert rule: invalid notification settings: receiver 'nobody' does not exist",
    });
  });

  it('answers 409 alerting.alert-rule.conflict for an existing uid (no upsert)', async () => {
    await start();
    const api = client(sim);
    await api.post(RULES, alertRule({ uid: 'same', folderUID: 'alerts', ruleGroup: 'g' }));
    const r = await api.post(
      RULES,
      alertRule({ uid: 'same', title: 'Other', folderUID: 'alerts', ruleGroup: 'g' }),
    );
    expect(r.status).toBe(409);
    expect(obj(r.json)['messageId']).toBe('alerting.alert-rule.conflict');
  });

  it('rejects an invalid client uid', async () => {
    await start();
    const r = await client(sim).post(
      RULES,
      alertRule({ uid: 'bad uid!', folderUID: 'alerts', ruleGroup: 'g' }),
    );
    expect(r.status).toBe(400);
    expect(str(obj(r.json)['message'])).toContain("cannot create rule with UID 'bad uid!'");
  });
});

describe('rule title uniqueness per version', () => {
  it.each([
    [
      '10.4',
      'a conflicting alert rule is found: rule title under the same organisation and folder should be unique',
    ],
    [
      '11.6',
      '[alerting.alert-rule.conflict] a conflicting alert rule is found: rule title under the same organisation and folder should be unique',
    ],
  ] as const)('on %s a duplicate title in the folder is a 400', async (profile, message) => {
    await start(profile);
    const api = client(sim);
    await api.post(RULES, alertRule({ folderUID: 'alerts', ruleGroup: 'a' }));
    const r = await api.post(RULES, alertRule({ folderUID: 'alerts', ruleGroup: 'b' }));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ message });
  });

  it('on 12.x duplicate titles are allowed', async () => {
    await start('12.x');
    const api = client(sim);
    await api.post(RULES, alertRule({ folderUID: 'alerts', ruleGroup: 'a' }));
    expect((await api.post(RULES, alertRule({ folderUID: 'alerts', ruleGroup: 'a' }))).status).toBe(201);
  });
});

describe('recording rules per version', () => {
  const recording = {
    title: 'job:errors:rate5m',
    record: { metric: 'job:errors:rate5m', from: 'A', target_datasource_uid: 'prometheus' },
    condition: 'A',
    noDataState: 'OK',
    execErrState: 'Error',
    for: '5m',
    data: [
      {
        refId: 'A',
        relativeTimeRange: { from: 600, to: 0 },
        datasourceUid: 'prometheus',
        model: { expr: 'sum(rate(errors_total[5m]))' },
      },
    ],
  };

  it('on 12.x creates them and clears the fields Grafana ignores for them', async () => {
    await start('12.x');
    const r = await client(sim).post(RULES, { ...recording, folderUID: 'alerts', ruleGroup: 'rec' });
    expect(r.status).toBe(201);
    expect(obj(r.json)).toMatchObject({
      condition: '',
      noDataState: '',
      execErrState: '',
      for: '0s',
      record: { metric: 'job:errors:rate5m', from: 'A', target_datasource_uid: 'prometheus' },
    });
  });

  it('on 11.6 refuses them unless enabled', async () => {
    await start('11.6');
    const r = await client(sim).post(RULES, { ...recording, folderUID: 'alerts', ruleGroup: 'rec' });
    expect(r.json).toEqual({
      message: 'invalid alert rule: recording rules cannot be created on this instance',
    });
    await sim.close();
    await start('11.6', true);
    expect(
      (await client(sim).post(RULES, { ...recording, folderUID: 'alerts', ruleGroup: 'rec' })).status,
    ).toBe(201);
  });

  it('on 10.4 does not know the record field (it is ignored, the rule is an alerting rule)', async () => {
    await start('10.4');
    const r = await client(sim).post(RULES, { ...recording, folderUID: 'alerts', ruleGroup: 'rec' });
    expect(r.status).toBe(201);
    expect(obj(r.json)['record']).toBeUndefined();
    expect(obj(r.json)['keep_firing_for']).toBeUndefined();
    expect(obj(r.json)['condition']).toBe('A');
  });

  it('on 12.x rejects an invalid metric name', async () => {
    await start('12.x');
    const r = await client(sim).post(RULES, {
      ...recording,
      record: { metric: 'not a metric', from: 'A' },
      folderUID: 'alerts',
      ruleGroup: 'rec',
    });
    expect(r.json).toEqual({
      message: 'invalid alert rule: metric name for recording rule must be a valid Prometheus metric name',
    });
  });
});

describe('GET, PUT and DELETE /api/v1/provisioning/alert-rules/:uid', () => {
  it('answers 404 with an empty body for an unknown uid (GET and PUT)', async () => {
    await start();
    const get = await client(sim).get(`${RULES}/nope`);
    expect(get.status).toBe(404);
    expect(get.text).toBe('');
    const put = await client(sim).put(`${RULES}/nope`, alertRule({ folderUID: 'alerts', ruleGroup: 'g' }));
    expect(put.status).toBe(404);
    expect(put.text).toBe('');
  });

  it('replaces the whole rule on PUT (200) keeping the group interval, and DELETE is 204 and idempotent', async () => {
    await start();
    const api = client(sim);
    await api.post(RULES, alertRule({ uid: 'r', folderUID: 'alerts', ruleGroup: 'g' }));
    const GROUP = '/api/v1/provisioning/folder/alerts/rule-groups/g';
    expect((await api.put(GROUP, { interval: 120 })).status).toBe(200);
    expect(obj((await api.get(GROUP)).json)['interval']).toBe(120);
    const put = await api.put(
      `${RULES}/r`,
      alertRule({ folderUID: 'alerts', ruleGroup: 'g', title: 'Renamed', labels: {} }),
    );
    expect(put.status).toBe(200);
    expect(obj(put.json)).toMatchObject({ uid: 'r', title: 'Renamed' });
    expect(obj(put.json)['labels']).toBeUndefined();
    const group = obj((await api.get(GROUP)).json);
    expect(group['interval']).toBe(120);
    expect(arr(group['rules']).map((rule) => obj(rule)['title'])).toEqual(['Renamed']);
    expect((await api.del(`${RULES}/r`)).status).toBe(204);
    expect((await api.del(`${RULES}/r`)).status).toBe(204);
  });
});

describe('alert rule provenance', () => {
  it('omits provenance when created with X-Disable-Provenance and then allows both ways', async () => {
    await start();
    const api = client(sim);
    const r = await api.post(
      RULES,
      alertRule({ uid: 'r', folderUID: 'alerts', ruleGroup: 'g' }),
      NO_PROVENANCE,
    );
    expect(obj(r.json)['provenance']).toBeUndefined();
    const put = await api.put(`${RULES}/r`, alertRule({ folderUID: 'alerts', ruleGroup: 'g' }));
    expect(obj(put.json)['provenance']).toBe('api');
  });

  it('answers 500 when an api rule is changed or deleted with X-Disable-Provenance', async () => {
    await start();
    const api = client(sim);
    await api.post(RULES, alertRule({ uid: 'r', folderUID: 'alerts', ruleGroup: 'g' }));
    const put = await api.put(`${RULES}/r`, alertRule({ folderUID: 'alerts', ruleGroup: 'g' }), {
      'x-disable-provenance': '',
    });
    expect(put.status).toBe(500);
    expect(put.json).toEqual({ message: "cannot change provenance from 'api' to ''" });
    const del = await api.del(`${RULES}/r`, NO_PROVENANCE);
    expect(del.status).toBe(409);
    expect(del.json).toEqual({
      statusCode: 409,
      messageId: 'alerting.provenanceMismatch',
      message: "cannot delete with provided provenance '', needs 'api'",
      extra: { Operation: 'delete', ProvidedProvenance: '', StoredProvenance: 'api' },
    });
  });
});
