import type { StackConfig } from '../stack.config.ts';
import { defineContactPoint, fromConfig, secret } from '../src/index.ts';

/**
 * The receivers of the severity table (PagerDuty pages, Slack warns, email informs) and the heartbeat receiver of
 * the Watchdog.
 */
export default fromConfig((cfg: StackConfig) => [
  defineContactPoint({
    uid: 'stack-pagerduty-critical',
    name: cfg.receivers.pagerduty.name,
    type: 'pagerduty',
    settings: {
      integrationKey: secret(cfg.receivers.pagerduty.integrationKeyEnv),
      severity: 'critical',
      summary: '{{ template "stack.title" . }}',
    },
  }),
  defineContactPoint({
    uid: 'stack-slack-warnings',
    name: cfg.receivers.slack.name,
    type: 'slack',
    settings: {
      url: secret(cfg.receivers.slack.webhookUrlEnv),
      recipient: cfg.receivers.slack.channel,
      title: '{{ template "stack.title" . }}',
      text: '{{ template "stack.body" . }}',
    },
  }),
  defineContactPoint({
    uid: 'stack-email-info',
    name: cfg.receivers.email.name,
    type: 'email',
    settings: {
      addresses: cfg.receivers.email.addresses,
      singleEmail: true,
      subject: '{{ template "stack.title" . }}',
      message: '{{ template "stack.body" . }}',
    },
  }),
  defineContactPoint({
    uid: 'stack-heartbeat',
    name: cfg.receivers.heartbeat.name,
    type: 'webhook',
    settings: {
      url: cfg.receivers.heartbeat.url,
      httpMethod: 'POST',
      authorization_scheme: 'Bearer',
      authorization_credentials: secret(cfg.receivers.heartbeat.tokenEnv),
    },
  }),
]);
