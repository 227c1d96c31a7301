import type { JsonValue } from '../core/json.ts';
import type { SecretRef } from '../core/secret.ts';
import type { ContactPointSetting, ContactPointSpec } from '../core/specs.ts';
import type { Definition, FromConfig } from './definition.ts';
import { makeDefinition, resolveInput, sealResource } from './definition.ts';

/** PagerDuty (Events API v2). The integration key is a secret. */
export interface PagerDutySettings {
  readonly integrationKey: SecretRef;
  /** PagerDuty severity: critical, error, warning or info (templates allowed). */
  readonly severity?: string;
  readonly class?: string;
  readonly component?: string;
  readonly group?: string;
  readonly summary?: string;
  readonly source?: string;
  readonly client?: string;
  readonly client_url?: string;
}

/** Slack, by incoming webhook (`url`) or bot token (`token` + `recipient`). Both are secrets. */
export interface SlackSettings {
  readonly url?: SecretRef;
  readonly token?: SecretRef;
  readonly recipient?: string;
  readonly username?: string;
  readonly icon_emoji?: string;
  readonly mentionChannel?: '' | 'here' | 'channel';
  readonly title?: string;
  readonly text?: string;
}

export interface EmailSettings {
  readonly addresses: readonly string[];
  readonly singleEmail?: boolean;
  readonly subject?: string;
  readonly message?: string;
}

/**
 * A generic webhook. Grafana stores its URL in clear (only `password` and `authorization_credentials` are
 * encrypted), so the URL is plain text: put a token in `authorization_credentials`, never in the URL.
 */
export interface WebhookSettings {
  readonly url: string;
  readonly httpMethod?: 'POST' | 'PUT';
  readonly username?: string;
  readonly password?: SecretRef;
  readonly authorization_scheme?: string;
  readonly authorization_credentials?: SecretRef;
  readonly maxAlerts?: number;
  readonly title?: string;
  readonly message?: string;
}

interface Common {
  /** uid of this integration (Grafana allows several integrations under one `name`). */
  readonly uid: string;
  /** Receiver name, as policies refer to it. */
  readonly name: string;
  readonly disableResolveMessage?: boolean;
}

/** The other types Grafana knows (src/alerting/secure-settings.ts), written with their settings as Grafana names them. */
export type OtherContactPointType =
  | 'prometheus-alertmanager'
  | 'dingding'
  | 'discord'
  | 'googlechat'
  | 'kafka'
  | 'LINE'
  | 'opsgenie'
  | 'pushover'
  | 'sensugo'
  | 'teams'
  | 'telegram'
  | 'threema'
  | 'victorops'
  | 'wecom';

export type ContactPointInput = Common &
  (
    | { readonly type: 'pagerduty'; readonly settings: PagerDutySettings }
    | { readonly type: 'slack'; readonly settings: SlackSettings }
    | { readonly type: 'email'; readonly settings: EmailSettings }
    | { readonly type: 'webhook'; readonly settings: WebhookSettings }
    | {
        readonly type: OtherContactPointType;
        /** Secure settings (secure-settings.ts) only as `secret('ENV')`, as for the types above. */
        readonly settings: Readonly<Record<string, JsonValue | SecretRef>>;
      }
  );

function settingsOf(input: ContactPointInput): Record<string, ContactPointSetting> {
  const out: Record<string, ContactPointSetting> = {};
  for (const [key, value] of Object.entries(input.settings) as [string, unknown][]) {
    if (value === undefined) continue;
    // Grafana's email integration takes one string of addresses separated by semicolons.
    if (input.type === 'email' && key === 'addresses' && Array.isArray(value)) {
      out[key] = value.join(';');
      continue;
    }
    out[key] = value as ContactPointSetting | JsonValue;
  }
  return out;
}

/** One integration of a contact point (receiver). Secure settings only as `secret('ENV')`. */
export function defineContactPoint<C>(input: FromConfig<C, ContactPointInput>): Definition<C> {
  return makeDefinition<C>('ContactPoint', ({ config, source }) => {
    const c = resolveInput(input, config);
    const spec: ContactPointSpec = { uid: c.uid, name: c.name, type: c.type, settings: settingsOf(c) };
    if (c.disableResolveMessage !== undefined) spec.disableResolveMessage = c.disableResolveMessage;
    return [sealResource({ kind: 'ContactPoint', uid: c.uid, title: c.name, spec, source })];
  });
}
