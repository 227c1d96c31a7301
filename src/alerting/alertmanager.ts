import { isSecretRef } from '../core/secret.ts';
import type {
  ContactPointSetting,
  ContactPointSpec,
  MuteTimingSpec,
  NotificationTemplateSpec,
  RouteSpec,
} from '../core/specs.ts';

/** Settings of the Alertmanager twin that Grafana has no equivalent for. */
export interface AlertmanagerTwinConfig {
  /** Folder the secret files live in on the Alertmanager host: one file per environment variable name. */
  readonly secretsDir: string;
  readonly smtpSmarthost: string;
  readonly smtpFrom: string;
  readonly resolveTimeout: string;
}

export const DEFAULT_TWIN: AlertmanagerTwinConfig = {
  secretsDir: '/etc/alertmanager/secrets',
  smtpSmarthost: 'smtp.example.com:587',
  smtpFrom: 'alertmanager@example.com',
  resolveTimeout: '5m',
};

/** Thrown when a contact point cannot be expressed in Alertmanager's configuration. */
export class TwinError extends Error {
  constructor(
    message: string,
    /** A secret written literally: validation reports that on its own, as a secret problem. */
    readonly literalSecret = false,
  ) {
    super(message);
  }
}

/** Why a contact point has no Alertmanager twin, or undefined when it has one. */
export function twinProblem(cp: ContactPointSpec): string | undefined {
  try {
    integration(cp, DEFAULT_TWIN);
    return undefined;
  } catch (error) {
    if (error instanceof TwinError) {
      return error.literalSecret ? undefined : error.message.replace(/^contact point [^:]+: /, '');
    }
    throw error;
  }
}

type Yaml = Record<string, unknown>;

function route(spec: RouteSpec): Yaml {
  const out: Yaml = {};
  if (spec.receiver !== undefined && spec.receiver !== '') out.receiver = spec.receiver;
  if (spec.group_by !== undefined && spec.group_by.length > 0) out.group_by = [...spec.group_by];
  if (spec.object_matchers !== undefined && spec.object_matchers.length > 0) {
    out.matchers = spec.object_matchers.map(([name, op, value]) => `${name}${op}${JSON.stringify(value)}`);
  }
  if (spec.continue === true) out.continue = true;
  if (spec.group_wait !== undefined) out.group_wait = spec.group_wait;
  if (spec.group_interval !== undefined) out.group_interval = spec.group_interval;
  if (spec.repeat_interval !== undefined) out.repeat_interval = spec.repeat_interval;
  if (spec.mute_time_intervals !== undefined && spec.mute_time_intervals.length > 0) {
    out.mute_time_intervals = [...spec.mute_time_intervals];
  }
  if (spec.active_time_intervals !== undefined && spec.active_time_intervals.length > 0) {
    out.active_time_intervals = [...spec.active_time_intervals];
  }
  if (spec.routes !== undefined && spec.routes.length > 0) out.routes = spec.routes.map(route);
  return out;
}

function text(value: ContactPointSetting | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A secret setting becomes a `*_file` path; the secret itself never enters the file. */
function secretFile(cp: ContactPointSpec, key: string, twin: AlertmanagerTwinConfig): string {
  const value = cp.settings[key];
  if (!isSecretRef(value)) {
    throw new TwinError(`contact point ${cp.uid}: settings.${key} must be a secret('ENV') reference`, true);
  }
  return `${twin.secretsDir}/${value.env}`;
}

function withOptional(out: Yaml, key: string, value: unknown): Yaml {
  if (value !== undefined && value !== '') out[key] = value;
  return out;
}

function integration(cp: ContactPointSpec, twin: AlertmanagerTwinConfig): [string, Yaml] {
  const s = cp.settings;
  const sendResolved = cp.disableResolveMessage !== true;
  switch (cp.type) {
    case 'pagerduty': {
      const out: Yaml = {
        send_resolved: sendResolved,
        routing_key_file: secretFile(cp, 'integrationKey', twin),
      };
      withOptional(out, 'severity', text(s.severity));
      withOptional(out, 'class', text(s.class));
      withOptional(out, 'component', text(s.component));
      withOptional(out, 'group', text(s.group));
      withOptional(out, 'description', text(s.summary));
      return ['pagerduty_configs', out];
    }
    case 'slack': {
      // A url written literally is a secret problem (secretFile says so, and validation reports it as one).
      if (s.url === undefined || s.url === '')
        throw new TwinError(`contact point ${cp.uid}: the twin needs a Slack webhook url`);
      const out: Yaml = { send_resolved: sendResolved, api_url_file: secretFile(cp, 'url', twin) };
      withOptional(out, 'channel', text(s.recipient));
      withOptional(out, 'username', text(s.username));
      withOptional(out, 'icon_emoji', text(s.icon_emoji));
      withOptional(out, 'title', text(s.title));
      withOptional(out, 'text', text(s.text));
      return ['slack_configs', out];
    }
    case 'email': {
      const out: Yaml = { send_resolved: sendResolved, to: (text(s.addresses) ?? '').split(';').join(', ') };
      const subject = text(s.subject);
      if (subject !== undefined) out.headers = { Subject: subject };
      withOptional(out, 'text', text(s.message));
      return ['email_configs', out];
    }
    case 'webhook': {
      const url = text(s.url);
      if (url === undefined) {
        throw new TwinError(
          `contact point ${cp.uid}: Alertmanager 0.25 has no url_file for webhooks; give the URL literally and the token as authorization_credentials`,
        );
      }
      const out: Yaml = { send_resolved: sendResolved, url };
      const maxAlerts = s.maxAlerts;
      if (typeof maxAlerts === 'number') out.max_alerts = maxAlerts;
      if (isSecretRef(s.authorization_credentials)) {
        out.http_config = {
          authorization: {
            type: text(s.authorization_scheme) ?? 'Bearer',
            credentials_file: secretFile(cp, 'authorization_credentials', twin),
          },
        };
      }
      return ['webhook_configs', out];
    }
    default:
      throw new TwinError(`contact point ${cp.uid}: type ${cp.type} has no Alertmanager twin here`);
  }
}

export interface TwinInput {
  readonly tree: RouteSpec;
  readonly contactPoints: readonly ContactPointSpec[];
  readonly muteTimings: readonly MuteTimingSpec[];
  readonly templates: readonly NotificationTemplateSpec[];
  readonly twin: AlertmanagerTwinConfig;
}

/**
 * The Alertmanager configuration twin of Grafana's notification setup: the same route tree, receivers with the
 * same integrations (secrets as `*_file` paths), the same time intervals and templates. amtool tests it.
 */
export function alertmanagerConfig(input: TwinInput): Yaml {
  const byName = new Map<string, Yaml>();
  for (const cp of input.contactPoints) {
    const receiver = byName.get(cp.name) ?? { name: cp.name };
    const [key, config] = integration(cp, input.twin);
    const list = (receiver[key] as Yaml[] | undefined) ?? [];
    list.push(config);
    receiver[key] = list;
    byName.set(cp.name, receiver);
  }
  const receivers = [...byName.values()].sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  const out: Yaml = {
    global: {
      resolve_timeout: input.twin.resolveTimeout,
      smtp_smarthost: input.twin.smtpSmarthost,
      smtp_from: input.twin.smtpFrom,
    },
  };
  if (input.templates.length > 0) out.templates = ['templates/*.tmpl'];
  out.route = route(input.tree);
  out.receivers = receivers;
  if (input.muteTimings.length > 0) {
    out.time_intervals = input.muteTimings.map((m) => ({ name: m.name, time_intervals: m.time_intervals }));
  }
  return out;
}
