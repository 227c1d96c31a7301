/**
 * The names the Alertmanager time interval parser knows (the vendored `timeinterval` package of
 * grafana/prometheus-alertmanager: `daysOfWeek`, `months`), in order: weekday 0 is sunday, month 1 is january.
 */
export const WEEKDAYS: readonly string[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

export const MONTHS: readonly string[] = [
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
