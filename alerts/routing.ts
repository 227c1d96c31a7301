import type { StackConfig } from '../stack.config.ts';
import { defineNotificationPolicyTree, policyTreeFromSeverities } from '../src/index.ts';

/** critical → PagerDuty, warning → Slack, info → email: generated from the Config's severity table. */
export default defineNotificationPolicyTree((cfg: StackConfig) =>
  policyTreeFromSeverities(cfg.severities, { defaultReceiver: cfg.receivers.email.name }),
);
