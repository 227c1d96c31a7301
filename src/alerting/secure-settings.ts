/**
 * What Grafana knows of each contact point type: the settings it stores encrypted and reads back as "[REDACTED]",
 * and the settings it cannot do without (Grafana's notifiers, grafana/alerting receivers/<type>/config.go, refuse a
 * contact point lacking one). One table: validation, publish and tests read it from here.
 *
 * Secure settings must be given as `secret('ENV')` references; validation rejects literals (and a secret() in any
 * other setting, which Grafana would store and show in clear text), render writes `${ENV}`, drift never compares
 * them.
 */
export interface ContactPointType {
  /** Settings Grafana stores encrypted. */
  readonly secure: readonly string[];
  /** Settings the integration needs: one of each inner list (`[['url', 'token']]`: a url or a token). */
  readonly required: readonly (readonly string[])[];
  /**
   * Settings needed when another one is absent (`{ url: ['recipient'] }`: without a url, a recipient), as the
   * notifier checks them: Slack without a webhook url posts through the chat API, which needs a channel; WeCom
   * without a webhook url sends as an app, which needs its agent and corporation ids.
   */
  readonly requiredWithout?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Under Grafana's own type names: `prometheus-alertmanager` and `LINE` (grafana/alerting
 * receivers/schema/known_types.go; pkg/services/ngalert/notifier/channels_config/available_channels.go).
 */
export const CONTACT_POINT_TYPES: Readonly<Record<string, ContactPointType>> = {
  'prometheus-alertmanager': { secure: ['basicAuthPassword'], required: [['url']] },
  dingding: { secure: ['url'], required: [['url']] },
  discord: { secure: ['url'], required: [['url']] },
  email: { secure: [], required: [['addresses']] },
  googlechat: { secure: ['url'], required: [['url']] },
  kafka: { secure: ['password'], required: [['kafkaRestProxy'], ['kafkaTopic']] },
  LINE: { secure: ['token'], required: [['token']] },
  opsgenie: { secure: ['apiKey'], required: [['apiKey']] },
  pagerduty: { secure: ['integrationKey'], required: [['integrationKey']] },
  pushover: { secure: ['userKey', 'apiToken'], required: [['userKey'], ['apiToken']] },
  sensugo: { secure: ['apikey'], required: [['url'], ['apikey']] },
  slack: {
    secure: ['url', 'token'],
    required: [['url', 'token']],
    requiredWithout: { url: ['recipient', 'token'] },
  },
  teams: { secure: [], required: [['url']] },
  telegram: { secure: ['bottoken'], required: [['bottoken'], ['chatid']] },
  threema: { secure: ['api_secret'], required: [['gateway_id'], ['recipient_id'], ['api_secret']] },
  victorops: { secure: ['url'], required: [['url']] },
  webhook: { secure: ['password', 'authorization_credentials'], required: [['url']] },
  wecom: {
    secure: ['url', 'secret'],
    required: [['url', 'secret']],
    requiredWithout: { url: ['agent_id', 'corp_id'] },
  },
};

/**
 * The entry of a type, found whatever its case: grafana/alerting builds integrations by
 * `strings.ToLower(receiver.Type)` (notify/receivers.go), so `line` works as `LINE` does.
 */
function typeOf(type: string): ContactPointType | undefined {
  const lower = type.toLowerCase();
  for (const [name, entry] of Object.entries(CONTACT_POINT_TYPES))
    if (name.toLowerCase() === lower) return entry;
  return undefined;
}

export function isContactPointType(type: string): boolean {
  return typeOf(type) !== undefined;
}

/** Grafana's spelling of a type (`LINE` for `line`), or undefined when it knows no such type. */
export function canonicalContactPointType(type: string): string | undefined {
  const lower = type.toLowerCase();
  return Object.keys(CONTACT_POINT_TYPES).find((name) => name.toLowerCase() === lower);
}

/** The settings of a type Grafana keeps encrypted (none for an unknown type). */
export function secureSettingsOf(type: string): readonly string[] {
  return typeOf(type)?.secure ?? [];
}

/** The settings a type needs when another setting is absent (none for an unknown type). */
export function settingsRequiredWithout(type: string): Readonly<Record<string, readonly string[]>> {
  return typeOf(type)?.requiredWithout ?? {};
}

/** The settings a type cannot do without, one of each inner list (none for an unknown type). */
export function requiredSettingsOf(type: string): readonly (readonly string[])[] {
  return typeOf(type)?.required ?? [];
}
