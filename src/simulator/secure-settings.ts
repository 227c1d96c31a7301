/**
 * Contact point settings Grafana stores encrypted and reads back as "[REDACTED]", per integration type. The
 * simulator's own copy of the reference table (§6.4, [M]); `startSimulator({ secureSettings })` overrides entries.
 */
export const DEFAULT_SECURE_SETTINGS: Readonly<Record<string, readonly string[]>> = {
  alertmanager: ['basicAuthPassword'],
  dingding: ['url'],
  discord: ['url'],
  email: [],
  googlechat: ['url'],
  kafka: ['password'],
  line: ['token'],
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

/** Integration types the provisioning API accepts. */
export const CONTACT_POINT_TYPES: readonly string[] = [
  ...Object.keys(DEFAULT_SECURE_SETTINGS),
  'oncall',
  'sns',
  'webex',
  'mqtt',
  'jira',
];

/** Settings an integration cannot do without (one of each inner list), with Grafana's wording. [M] */
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
