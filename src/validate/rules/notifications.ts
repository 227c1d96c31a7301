import { MONTHS, WEEKDAYS } from '../../alerting/time-interval-names.ts';
import { templateTextProblem } from '../../alerting/template-text.ts';
import { parseDuration } from '../../core/duration.ts';
import type { ResourceOf } from '../../core/resource.ts';
import { isSecretRef } from '../../core/secret.ts';
import type { RouteSpec } from '../../core/specs.ts';
import { LABEL_NAME } from '../../promql/names.ts';
import {
  CONTACT_POINT_TYPES,
  isContactPointType,
  requiredSettingsOf,
  settingsRequiredWithout,
  secureSettingsOf,
} from '../../alerting/secure-settings.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at, show } from '../context.ts';

function checkContactPoint(context: ValidationContext, cp: ResourceOf<'ContactPoint'>): void {
  const { type, settings } = cp.spec;
  if (!isContactPointType(type)) {
    context.report(
      cp,
      'type',
      `unknown contact point type ${show(type)}`,
      `Use one of: ${Object.keys(CONTACT_POINT_TYPES).join(', ')}`,
    );
  }
  for (const key of secureSettingsOf(type)) {
    const value = settings[key];
    if (value !== undefined && !isSecretRef(value)) {
      context.report(
        cp,
        at('settings', key),
        `${key} is a secret but is written literally, so it would be committed and rendered`,
        `Use secret('ENV_NAME') and set that variable where publish runs`,
      );
    }
  }
  const isSet = (key: string): boolean => {
    const value = settings[key];
    return value !== undefined && value !== '' && value !== null;
  };
  const missing = new Set<string>();
  for (const alternatives of requiredSettingsOf(type)) {
    if (!alternatives.some(isSet)) {
      alternatives.forEach((key) => missing.add(key));
      context.report(
        cp,
        at('settings', alternatives[0] ?? ''),
        `a ${type} contact point needs ${alternatives.join(' or ')}; Grafana refuses it without`,
        'Set it',
      );
    }
  }
  for (const [absent, needed] of Object.entries(settingsRequiredWithout(type))) {
    if (isSet(absent)) continue;
    for (const key of needed) {
      if (isSet(key) || missing.has(key)) continue;
      context.report(
        cp,
        at('settings', key),
        `a ${type} contact point without ${absent} needs ${key}; Grafana refuses it without`,
        `Set ${key}, or set ${absent}`,
      );
    }
  }
}

const OPS = new Set(['=', '!=', '=~', '!~']);

function checkRoute(
  context: ValidationContext,
  tree: ResourceOf<'NotificationPolicyTree'>,
  route: RouteSpec,
  path: string,
  receivers: ReadonlySet<string>,
  timings: ReadonlySet<string>,
): void {
  if (route.receiver !== undefined && route.receiver !== '' && !receivers.has(route.receiver)) {
    context.report(
      tree,
      at(path, 'receiver'),
      `receiver ${show(route.receiver)} is not a contact point`,
      `Define a contact point of that name or use one of: ${[...receivers].sort().join(', ') || 'none defined'}`,
    );
  }
  for (const key of ['group_wait', 'group_interval', 'repeat_interval'] as const) {
    const value = route[key];
    if (value !== undefined && parseDuration(value) === undefined) {
      context.report(
        tree,
        at(path, key),
        `${show(value)} is not a duration`,
        'Write a duration such as 30s, 5m or 4h',
      );
    }
  }
  for (const key of ['mute_time_intervals', 'active_time_intervals'] as const) {
    (route[key] ?? []).forEach((name, i) => {
      if (!timings.has(name)) {
        context.report(
          tree,
          at(at(path, key), i),
          `time interval ${show(name)} is not defined`,
          'Define it with defineMuteTiming() or remove it',
        );
      }
    });
  }
  (route.object_matchers ?? []).forEach(([name, op], i) => {
    const matcherPath = at(at(path, 'object_matchers'), i);
    if (!LABEL_NAME.test(name))
      context.report(tree, matcherPath, `${show(name)} is not a label name`, 'Match on a valid label name');
    if (!OPS.has(op))
      context.report(tree, matcherPath, `${show(op)} is not a matcher operator`, 'Use =, !=, =~ or !~');
  });
  (route.routes ?? []).forEach((child, i) =>
    checkRoute(context, tree, child, at(at(path, 'routes'), i), receivers, timings),
  );
}

function checkTree(context: ValidationContext, tree: ResourceOf<'NotificationPolicyTree'>): void {
  const receivers = new Set(context.registry.byKind('ContactPoint').map((c) => c.spec.name));
  const timings = new Set(context.registry.byKind('MuteTiming').map((m) => m.spec.name));
  const root = tree.spec;
  if (root.receiver === '') {
    context.report(
      tree,
      'receiver',
      'the root policy has no receiver',
      'Set the default receiver for alerts no route matches',
    );
  }
  if ((root.object_matchers ?? []).length > 0) {
    context.report(
      tree,
      'object_matchers',
      'the root policy cannot have matchers',
      'Move them to a child route',
    );
  }
  if ((root.mute_time_intervals ?? []).length > 0) {
    context.report(
      tree,
      'mute_time_intervals',
      'the root policy cannot have mute timings',
      'Move them to a child route',
    );
  }
  checkRoute(context, tree, root, '', receivers, timings);
}

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * How the Alertmanager time interval parser reads one `a` or `a:b` range (the vendored `timeinterval` package of
 * grafana/prometheus-alertmanager: `stringableRangeFromString`, names lower-cased, start not after end):
 * undefined when it parses, else why not.
 */
function rangeProblem(
  text: unknown,
  member: (part: string) => number | undefined,
  what: string,
): string | undefined {
  if (typeof text !== 'string') return `${show(text)} is not a ${what} range (a string such as "a" or "a:b")`;
  const parts = text.toLowerCase().split(':');
  if (parts.length > 2) return `${show(text)} is not a ${what} range`;
  const values = parts.map((p) => member(p.trim()));
  if (values.some((v) => v === undefined)) return `${show(text)} is not a valid ${what} range`;
  const [start = 0, end = start] = values as number[];
  if (start > end) return `${show(text)}: the range ends before it starts`;
  return undefined;
}

const weekday = (p: string): number | undefined => (WEEKDAYS.includes(p) ? WEEKDAYS.indexOf(p) : undefined);
const month = (p: string): number | undefined => {
  if (MONTHS.includes(p)) return MONTHS.indexOf(p) + 1;
  const n = /^\d+$/.test(p) ? Number(p) : NaN;
  return n >= 1 && n <= 12 ? n : undefined;
};
const dayOfMonth = (p: string): number | undefined => {
  const n = /^-?\d+$/.test(p) ? Number(p) : NaN;
  return n !== 0 && n >= -31 && n <= 31 ? n : undefined;
};
const year = (p: string): number | undefined => (/^\d+$/.test(p) ? Number(p) : undefined);

/** A location Go's `time.LoadLocation` knows: an IANA zone name, "UTC" or "Local". */
function knownZone(zone: string): boolean {
  if (zone === 'Local' || zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkMuteTiming(context: ValidationContext, timing: ResourceOf<'MuteTiming'>): void {
  timing.spec.time_intervals.forEach((interval, i) => {
    const base = at('time_intervals', i);
    const lists: [string, (p: string) => number | undefined, string, string][] = [
      ['weekdays', weekday, 'weekday', 'Use sunday to saturday, or a range such as monday:friday'],
      ['months', month, 'month', 'Use january to december or 1 to 12, or a range such as 1:3'],
      ['days_of_month', dayOfMonth, 'day of month', 'Use 1 to 31, or -31 to -1 counting from the end'],
      ['years', year, 'year', 'Use years such as 2026, or a range such as 2026:2027'],
    ];
    for (const [key, member, what, fix] of lists) {
      const values: unknown = (interval as Record<string, unknown>)[key];
      if (values === undefined) continue;
      if (!Array.isArray(values)) {
        context.report(
          timing,
          at(base, key),
          `${key} must be a list, not ${show(values)}`,
          `Write ${key}: [...]`,
        );
        continue;
      }
      values.forEach((value: unknown, j) => {
        const problem = rangeProblem(value, member, what);
        if (problem !== undefined) context.report(timing, at(at(base, key), j), problem, fix);
      });
    }
    const location: unknown = (interval as Record<string, unknown>).location;
    if (location !== undefined && (typeof location !== 'string' || !knownZone(location)))
      context.report(
        timing,
        at(base, 'location'),
        `${show(location)} is not a time zone Grafana knows`,
        'Use an IANA zone name such as Europe/Berlin, or UTC',
      );
    (interval.times ?? []).forEach((range, j) => {
      const path = at(at(at('time_intervals', i), 'times'), j);
      for (const key of ['start_time', 'end_time'] as const) {
        if (!TIME.test(range[key]))
          context.report(
            timing,
            at(path, key),
            `${show(range[key])} is not a time of day`,
            'Write HH:MM, 00:00 to 24:00',
          );
      }
      if (TIME.test(range.start_time) && TIME.test(range.end_time) && range.start_time >= range.end_time) {
        context.report(
          timing,
          path,
          `start ${range.start_time} is not before end ${range.end_time}`,
          'Split ranges that cross midnight in two',
        );
      }
    });
  });
}

/** Contact points, the policy tree, mute timings and templates are complete and refer to each other correctly. */
export const notificationRules: ValidationRule = {
  name: 'notifications',
  check(context) {
    const trees = context.registry.byKind('NotificationPolicyTree');
    trees.slice(1).forEach((tree) => {
      context.report(
        tree,
        '',
        `a second notification policy tree; Grafana has one per organisation (the first is in ${trees[0]?.source ?? '?'})`,
        'Keep one defineNotificationPolicyTree()',
      );
    });
    for (const cp of context.registry.byKind('ContactPoint')) checkContactPoint(context, cp);
    for (const tree of trees) checkTree(context, tree);
    for (const timing of context.registry.byKind('MuteTiming')) checkMuteTiming(context, timing);
    for (const template of context.registry.byKind('NotificationTemplate')) {
      const text = template.spec.template;
      const problem = text.trim() === '' ? 'template is empty' : templateTextProblem(text);
      if (problem !== undefined) {
        context.report(
          template,
          'template',
          problem,
          'Write each block as {{ define "name" }} … {{ end }} (a "-" may trim after define, as in {{ define "name" -}})',
        );
      }
    }
  },
};
