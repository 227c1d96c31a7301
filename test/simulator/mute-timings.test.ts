import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/index.ts';
import { alertRule, client, NO_PROVENANCE, obj, simulator, str } from './helpers.ts';

let sim: Simulator;
afterEach(async () => sim.close());

const MT = '/api/v1/provisioning/mute-timings';
const weekends = {
  name: 'weekends',
  time_intervals: [{ weekdays: ['Saturday', 'sunday'], times: [{ start_time: '00:00', end_time: '24:00' }] }],
};

describe('mute timings', () => {
  it('POST answers 201 with the normalised object, a version and provenance', async () => {
    sim = await simulator();
    const r = await client(sim).post(MT, {
      name: 'maintenance',
      time_intervals: [
        {
          weekdays: ['Monday:Monday', 'friday'],
          months: ['January:march', 'december:december'],
          days_of_month: ['1', '-3:-1'],
          location: 'Europe/Berlin',
        },
      ],
    });
    expect(r.status).toBe(201);
    const body = obj(r.json);
    expect(body['time_intervals']).toEqual([
      {
        weekdays: ['monday', 'friday'],
        days_of_month: ['1', '-3:-1'],
        // Months as numbers: InclusiveRange.MarshalText (alertmanager removed the month names in 2020).
        months: ['1:3', '12'],
        location: 'Europe/Berlin',
      },
    ]);
    expect(str(body['version'])).toMatch(/^[0-9a-f]{16}$/);
    expect(body['provenance']).toBe('api');
  });

  it('has no version field on 10.4', async () => {
    sim = await simulator({ profile: '10.4' });
    expect(obj((await client(sim).post(MT, weekends)).json)['version']).toBeUndefined();
  });

  it('POST of a duplicate name is 400 nameExists, an invalid interval 400 invalidFormat', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(MT, weekends);
    const dup = await api.post(MT, weekends);
    expect(dup.status).toBe(400);
    expect(obj(dup.json)['messageId']).toBe('alerting.notifications.time-intervals.nameExists');
    const bad = await api.post(MT, {
      name: 'bad',
      time_intervals: [{ times: [{ start_time: '10:00', end_time: '09:00' }] }],
    });
    expect(obj(bad.json)['messageId']).toBe('alerting.notifications.time-intervals.invalidFormat');
  });

  it('GET one answers 404 notFound for an unknown name', async () => {
    sim = await simulator();
    const r = await client(sim).get(`${MT}/nope`);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({
      statusCode: 404,
      messageId: 'alerting.notifications.time-intervals.notFound',
      message: 'Not found',
    });
  });

  it('PUT answers 202, 404 when missing, 409 for a stale version', async () => {
    sim = await simulator();
    const api = client(sim);
    const created = obj((await api.post(MT, weekends)).json);
    const r = await api.put(`${MT}/weekends`, {
      ...weekends,
      time_intervals: [{ weekdays: ['sunday'] }],
      version: created['version'],
    });
    expect(r.status).toBe(202);
    expect(obj(r.json)['time_intervals']).toEqual([{ weekdays: ['sunday'] }]);
    expect((await api.put(`${MT}/nope`, weekends)).status).toBe(404);
    const stale = await api.put(`${MT}/weekends`, { ...weekends, version: created['version'] });
    expect(stale.status).toBe(409);
    expect(obj(stale.json)['messageId']).toBe('alerting.notifications.conflict');
  });

  it('PUT with another body name renames and follows the policy references', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(MT, weekends, NO_PROVENANCE);
    await api.put(
      '/api/v1/provisioning/policies',
      { receiver: 'grafana-default-email', routes: [{ mute_time_intervals: ['weekends'] }] },
      NO_PROVENANCE,
    );
    const r = await api.put(`${MT}/weekends`, { ...weekends, name: 'weekend' }, NO_PROVENANCE);
    expect(r.status).toBe(202);
    expect((await api.get(`${MT}/weekend`)).status).toBe(200);
    expect(JSON.stringify((await api.get('/api/v1/provisioning/policies')).json)).toContain('"weekend"');
  });

  it('a rename follows nested routes and the mute and active intervals of rule notification settings', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(MT, weekends, NO_PROVENANCE);
    await api.post(MT, { ...weekends, name: 'other' }, NO_PROVENANCE);
    await api.post('/api/folders', { uid: 'f', title: 'F' });
    await api.put(
      '/api/v1/provisioning/policies',
      {
        receiver: 'grafana-default-email',
        routes: [{ routes: [{ mute_time_intervals: ['other', 'weekends'] }] }],
      },
      NO_PROVENANCE,
    );
    const rule = alertRule({
      uid: 'r',
      folderUID: 'f',
      ruleGroup: 'g',
      notification_settings: {
        receiver: 'grafana-default-email',
        mute_time_intervals: ['weekends'],
        active_time_intervals: ['other', 'weekends'],
      },
    });
    expect((await api.post('/api/v1/provisioning/alert-rules', rule)).status).toBe(201);
    expect((await api.put(`${MT}/weekends`, { ...weekends, name: 'weekend' }, NO_PROVENANCE)).status).toBe(
      202,
    );
    const tree = obj((await api.get('/api/v1/provisioning/policies')).json);
    expect(tree['routes']).toEqual([{ routes: [{ mute_time_intervals: ['other', 'weekend'] }] }]);
    const settings = sim.state().rules[0]?.notificationSettings;
    expect(settings?.['mute_time_intervals']).toEqual(['weekend']);
    expect(settings?.['active_time_intervals']).toEqual(['other', 'weekend']);
    expect(settings?.['receiver']).toBe('grafana-default-email');
  });

  it('DELETE with a stale ?version= is 409, with the current one 204', async () => {
    sim = await simulator();
    const api = client(sim);
    const v1 = String(obj((await api.post(MT, weekends)).json)['version']);
    const changed = { ...weekends, time_intervals: [{ weekdays: ['monday'] }] };
    const v2 = String(obj((await api.put(`${MT}/weekends`, changed)).json)['version']);
    expect(v2).not.toBe(v1);
    const stale = await api.del(`${MT}/weekends?version=${v1}`);
    expect(stale.status).toBe(409);
    expect(obj(stale.json)['messageId']).toBe('alerting.notifications.conflict');
    expect((await api.del(`${MT}/weekends?version=${v2}`)).status).toBe(204);
  });

  it('DELETE answers 204, 409 while a policy uses it, and 403 for api → none', async () => {
    sim = await simulator();
    const api = client(sim);
    await api.post(MT, weekends);
    await api.put('/api/v1/provisioning/policies', {
      receiver: 'grafana-default-email',
      routes: [{ mute_time_intervals: ['weekends'] }],
    });
    const used = await api.del(`${MT}/weekends`);
    expect(used.status).toBe(409);
    expect(obj(used.json)['messageId']).toBe('alerting.notifications.time-intervals.used');
    await api.del('/api/v1/provisioning/policies');
    expect((await api.del(`${MT}/weekends`, NO_PROVENANCE)).status).toBe(403);
    const del = await api.del(`${MT}/weekends`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
  });
});

describe('time interval parsing', () => {
  it('refuses a weekday range that runs backwards, as Alertmanager does', async () => {
    sim = await simulator();
    const r = await client(sim).post(MT, { name: 'x', time_intervals: [{ weekdays: ['saturday:sunday'] }] });
    expect(r.status).toBe(400);
  });
});
