import type { StackConfig } from '../stack.config.ts';
import { defineNotificationPolicyTree, policyTreeFromSeverities } from '../src/index.ts';
import { WATCHDOG } from './watchdog.ts';

/**
 * critical → PagerDuty, warning → Slack, info → email: generated from the Config's severity table. The Watchdog
 * route comes first and stops there, so the always-firing heartbeat reaches only its receiver, every minute.
 */
export default defineNotificationPolicyTree((cfg: StackConfig) =>
  policyTreeFromSeverities(cfg.severities, {
    defaultReceiver: cfg.receivers.email.name,
    before: [
      {
        receiver: cfg.receivers.heartbeat.name,
        object_matchers: [['alertname', '=', WATCHDOG]],
        group_wait: '0s',
        group_interval: '1m',
        repeat_interval: '1m',
      },
    ],
  }),
);
