import type { Kind } from '../core/kinds.ts';
import { alertRuleGroupHandler } from './alert-rule-group.ts';
import { contactPointHandler } from './contact-point.ts';
import { dashboardHandler } from './dashboard.ts';
import { dataSourceHandler } from './data-source.ts';
import { folderHandler } from './folder.ts';
import { muteTimingHandler } from './mute-timing.ts';
import { notificationTemplateHandler } from './notification-template.ts';
import { policyTreeHandler } from './policy-tree.ts';
import type { KindHandler } from './types.ts';

/** One handler per kind: diff and apply are written once, for every kind. */
export const HANDLERS: { readonly [K in Kind]: KindHandler<K> } = {
  Folder: folderHandler,
  DataSource: dataSourceHandler,
  NotificationTemplate: notificationTemplateHandler,
  MuteTiming: muteTimingHandler,
  ContactPoint: contactPointHandler,
  NotificationPolicyTree: policyTreeHandler,
  AlertRuleGroup: alertRuleGroupHandler,
  Dashboard: dashboardHandler,
};
