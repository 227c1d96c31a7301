/**
 * The kinds of Grafana object this project manages, in dependency order: a kind may only refer to kinds that
 * come before it (folders first, dashboards last). Publish applies creations and updates in this order and
 * deletions in reverse where references allow (ARCHITECTURE.md, "Execution phases differ from display order").
 */
export const KINDS = [
  'Folder',
  'DataSource',
  'NotificationTemplate',
  'MuteTiming',
  'ContactPoint',
  'NotificationPolicyTree',
  'AlertRuleGroup',
  'Dashboard',
] as const;

export type Kind = (typeof KINDS)[number];

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** Position of a kind in dependency order; lower comes first. */
export function kindOrder(kind: Kind): number {
  return KINDS.indexOf(kind);
}

/** Folder of `rendered/grafana/` that holds a kind's files. */
export const KIND_DIRECTORY: Readonly<Record<Kind, string>> = {
  Folder: 'folders',
  DataSource: 'datasources',
  NotificationTemplate: 'notification-templates',
  MuteTiming: 'mute-timings',
  ContactPoint: 'contact-points',
  NotificationPolicyTree: 'notification-policies',
  AlertRuleGroup: 'alert-rule-groups',
  Dashboard: 'dashboards',
};
