/**
 * Contact point settings Grafana stores encrypted and reads back as "[REDACTED]", per integration type, under
 * Grafana's type names (grafana/alerting receivers/schema/known_types.go: `prometheus-alertmanager`, `LINE`;
 * pkg/services/ngalert/notifier/channels_config/available_channels.go). The simulator's own copy, kept apart from
 * the SDK's; `startSimulator({ secureSettings })` overrides entries.
 */
export const DEFAULT_SECURE_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  'prometheus-alertmanager': ['basicAuthPassword'],
  dingding: ['url'],
  discord: ['url'],
  email: [],
  googlechat: ['url'],
  kafka: ['password'],
  LINE: ['token'],
  opsgenie: ['apiKey'],
  pagerduty: ['integrationKey'],
  pushover: ['userKey', 'apiToken'],
  sensugo: ['apikey'],
  slack: ['url', 'token'],
  teams: [],
  telegram: ['bottoken'],
  threema: ['api_secret'],
  victorops: ['url'],
  webhook: ['password', 'authorization_credentials'],
  wecom: ['url', 'secret'],
};

/** Integration types every profile accepts (grafana/alerting `notify/receivers.go` of early 2024). */
export const CONTACT_POINT_TYPES: readonly string[] = [
  ...Object.keys(DEFAULT_SECURE_SETTINGS),
  'oncall',
  'webex',
];

/**
 * Whether a type is known: grafana/alerting matches it case-insensitively (`switch strings.ToLower(receiver.Type)`
 * in notify/receivers.go), so `LINE` and `line` both build. Later types come with the profile.
 */
export function knownType(type: string, extra: readonly string[]): boolean {
  const lower = type.toLowerCase();
  return [...CONTACT_POINT_TYPES, ...extra].some((t) => t.toLowerCase() === lower);
}

/** The secure settings of a type, found as grafana/alerting finds types: whatever the case. */
export function secureSettingsFor(
  table: Readonly<Record<string, readonly string[]>>,
  type: string,
): readonly string[] {
  const direct = table[type];
  if (direct !== undefined) return direct;
  const lower = type.toLowerCase();
  return Object.entries(table).find(([t]) => t.toLowerCase() === lower)?.[1] ?? [];
}

/** Settings an integration cannot do without (one of each inner list), with Grafana's wording (assumed: see README.md). */
export const REQUIRED_SETTINGS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  email: [['addresses']],
  slack: [['url', 'token']],
  pagerduty: [['integrationKey']],
  webhook: [['url']],
  teams: [['url']],
  discord: [['url']],
  googlechat: [['url']],
  opsgenie: [['apiKey']],
  telegram: [['bottoken'], ['chatid']],
};

export const REDACTED = '[REDACTED]';
