import { MONTHS } from '../alerting/time-interval-names.ts';
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

/**
 * A list of ranges in the form Grafana answers with (the vendored alertmanager `timeinterval` marshalling, see
 * src/simulator/time-intervals.ts for the citation): lower case (weekday names), `a:a` collapsed to `a`, and
 * months as numbers.
 * A value that does not parse is kept as written, so that a difference still shows.
 */
function canonicalRanges(values: unknown, months = false): unknown {
  if (!Array.isArray(values)) return values;
  return values.map((value) => {
    if (typeof value !== 'string') return value;
    const parts = value.trim().toLowerCase().split(':');
    const mapped = months
      ? parts.map((p) => (MONTHS.includes(p) ? String(MONTHS.indexOf(p) + 1) : p))
      : parts;
    const [start, end] = mapped;
    return mapped.length === 2 && start === end ? (start ?? '') : mapped.join(':');
  });
}

function comparableInterval(interval: unknown): unknown {
  const i = asRecord(interval);
  const location = asString(i.location);
  return withoutEmpty({
    times: asArray(i.times).map((t) => ({
      start_time: asRecord(t).start_time,
      end_time: asRecord(t).end_time,
    })),
    weekdays: canonicalRanges(i.weekdays),
    days_of_month: canonicalRanges(i.days_of_month),
    months: canonicalRanges(i.months, true),
    years: canonicalRanges(i.years),
    location: location === 'UTC' ? undefined : location,
  });
}

function comparable(timing: Record<string, unknown>): Comparable {
  return {
    spec: { name: timing.name, time_intervals: asArray(timing.time_intervals).map(comparableInterval) },
  };
}

/** Mute timings, by name. Owned when the name carries the owner's prefix. */
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
