/**
 * Alertmanager time intervals as Grafana parses and re-renders them (`MuteTimeInterval.Validate` marshals and
 * unmarshals them; the vendored `timeinterval` package of grafana/prometheus-alertmanager renders them, unchanged
 * since 2022): weekdays as lower-case names (`WeekdayRange.MarshalText`), months, days of month and years as
 * numbers (`InclusiveRange.MarshalText`: months given by name come back as numbers since alertmanager commit
 * adf94c316 removed `MonthRange.MarshalYAML`), a single-value range `a:a` as `a`, times `HH:MM`
 * (`TimeRange.MarshalJSON`), the location as given. A problem is returned as text for the endpoint's error. Its
 * name lists are its own, apart from the SDK's (src/alerting/time-interval-names.ts), like every table of the
 * simulator.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export class TimeIntervalProblem extends Error {}

function strings(value: JsonValue | undefined, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TimeIntervalProblem(`${key} must be a list`);
  return value.map((v) => {
    if (typeof v !== 'string') throw new TimeIntervalProblem(`${key} must be a list of strings`);
    return v.trim().toLowerCase();
  });
}

function range(
  text: string,
  parse: (part: string) => number,
  render: (n: number) => string,
  what: string,
): string {
  const parts = text.split(':');
  if (parts.length > 2 || parts.some((p) => p === ''))
    throw new TimeIntervalProblem(`invalid ${what} range: ${text}`);
  const [a = '', b = a] = parts;
  const start = parse(a);
  const end = parse(b);
  if (start > end)
    throw new TimeIntervalProblem(`start day cannot be before end day in ${what} range: ${text}`);
  return start === end ? render(start) : `${render(start)}:${render(end)}`;
}

function named(names: readonly string[], offset: number, what: string): (part: string) => number {
  return (part) => {
    const byName = names.indexOf(part);
    if (byName >= 0) return byName + offset;
    if (what === 'month' && /^\d+$/.test(part)) {
      const n = Number(part);
      if (n >= 1 && n <= 12) return n;
    }
    throw new TimeIntervalProblem(`${part} is not a valid ${what}`);
  };
}

function minutes(text: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (m === null) throw new TimeIntervalProblem(`couldn't parse timestamp ${text}, invalid format`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  const total = h * 60 + min;
  if (min > 59 || total > 24 * 60) throw new TimeIntervalProblem(`timestamp ${text} out of range`);
  return total;
}

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function interval(value: JsonValue): JsonObject {
  if (!isJsonObject(value)) throw new TimeIntervalProblem('a time interval must be an object');
  const out: JsonObject = {};
  const times = value['times'];
  if (times !== undefined && times !== null) {
    if (!Array.isArray(times)) throw new TimeIntervalProblem('times must be a list');
    const rendered = times.map((t) => {
      if (!isJsonObject(t) || typeof t['start_time'] !== 'string' || typeof t['end_time'] !== 'string')
        throw new TimeIntervalProblem('a time range needs start_time and end_time');
      const start = minutes(t['start_time']);
      const end = minutes(t['end_time']);
      if (start >= end) throw new TimeIntervalProblem('start time cannot be equal or greater than end time');
      return { start_time: clock(start), end_time: clock(end) };
    });
    if (rendered.length > 0) out['times'] = rendered;
  }
  const weekdays = strings(value['weekdays'], 'weekdays').map((w) =>
    range(w, named(WEEKDAYS, 0, 'weekday'), (n) => WEEKDAYS[n] ?? '', 'weekday'),
  );
  if (weekdays.length > 0) out['weekdays'] = weekdays;
  const days = strings(value['days_of_month'], 'days_of_month').map((d) =>
    range(
      d.replace(/^-/, 'm'),
      (p) => {
        const n = Number(p.replace(/^m/, '-'));
        if (!Number.isInteger(n) || n === 0 || n < -31 || n > 31)
          throw new TimeIntervalProblem(`${p.replace(/^m/, '-')} is not a valid day of the month`);
        return n;
      },
      String,
      'day of month',
    ),
  );
  if (days.length > 0) out['days_of_month'] = days;
  const months = strings(value['months'], 'months').map((m) =>
    range(m, named(MONTHS, 1, 'month'), String, 'month'),
  );
  if (months.length > 0) out['months'] = months;
  const years = strings(value['years'], 'years').map((y) =>
    range(
      y,
      (p) => {
        if (!/^\d{4}$/.test(p)) throw new TimeIntervalProblem(`${p} is not a valid year`);
        return Number(p);
      },
      String,
      'year',
    ),
  );
  if (years.length > 0) out['years'] = years;
  const location = value['location'];
  if (location !== undefined && location !== null && location !== '') {
    if (typeof location !== 'string') throw new TimeIntervalProblem('location must be a string');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: location });
    } catch {
      throw new TimeIntervalProblem(`unknown time zone ${location}`);
    }
    out['location'] = location;
  }
  return out;
}

/** The time intervals as stored and returned; throws TimeIntervalProblem. */
export function normaliseTimeIntervals(value: JsonValue | undefined): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new TimeIntervalProblem('time_intervals must be a list');
  return value.map(interval);
}
