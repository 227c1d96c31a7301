/**
 * Settings Grafana stores encrypted and reads back as "[REDACTED]", per contact point type. They must be given as
 * `secret('ENV')` references; validation rejects literals, render writes `${ENV}`, drift never compares them.
 */
export const SECURE_SETTINGS: Readonly<Record<string, readonly string[]>> = {
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

export function secureSettingsOf(type: string): readonly string[] {
  return SECURE_SETTINGS[type] ?? [];
}
