import type { ResourceOf } from '../core/resource.ts';
import {
  asArray,
  asRecord,
  asString,
  encode,
  provenanceHeaders,
  provisionedObject,
  withoutEmpty,
} from './shared.ts';
import type { Comparable, HandlerContext, KindHandler } from './types.ts';

function lower(values: unknown): unknown {
  return Array.isArray(values) ? values.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)) : values;
}

function comparableInterval(interval: unknown): unknown {
  const i = asRecord(interval);
  const location = asString(i.location);
  return withoutEmpty({
    times: asArray(i.times).map((t) => ({
      start_time: asRecord(t).start_time,
      end_time: asRecord(t).end_time,
    })),
    weekdays: lower(i.weekdays),
    days_of_month: i.days_of_month,
    months: lower(i.months),
    years: i.years,
    location: location === 'UTC' ? undefined : location,
  });
}

function comparable(timing: Record<string, unknown>): Comparable {
  return {
    spec: { name: timing.name, time_intervals: asArray(timing.time_intervals).map(comparableInterval) },
  };
}

/** Mute timings, by name. Owned when provisioned through the API. */
export const muteTimingHandler: KindHandler<'MuteTiming'> = {
  kind: 'MuteTiming',

  async list(context) {
    const list = asArray((await context.client.get('/api/v1/provisioning/mute-timings')).body).map(asRecord);
    return list.map((m) => provisionedObject('MuteTiming', asString(m.name) ?? '', m, context.ownership));
  },

  desired(resource: ResourceOf<'MuteTiming'>) {
    return comparable({ ...resource.spec });
  },

  live(object) {
    return comparable(asRecord(object.body));
  },

  async create(context: HandlerContext, resource) {
    await context.client.post('/api/v1/provisioning/mute-timings', resource.spec, {
      headers: provenanceHeaders(context),
    });
  },

  async update(context, resource, live) {
    const version = asRecord(live.body).version;
    await context.client.put(
      `/api/v1/provisioning/mute-timings/${encode(resource.uid)}`,
      { ...resource.spec, ...(version === undefined ? {} : { version }) },
      { headers: provenanceHeaders(context) },
    );
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    await context.client.delete(`/api/v1/provisioning/mute-timings/${encode(live.uid)}`, {
      headers: provenanceHeaders(context),
      allow: [404],
    });
  },
};
