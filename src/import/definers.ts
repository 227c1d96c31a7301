/** The `define*` functions written files call, by the name they are called by (one table for every kind). */
import { defineAlertRuleGroup, defineGrafanaAlertRuleGroup } from '../define/alert-rule-group.ts';
import { defineContactPoint } from '../define/contact-point.ts';
import { defineDashboard } from '../define/dashboard.ts';
import { defineDataSource } from '../define/data-source.ts';
import type { Definition } from '../define/definition.ts';
import { defineFolder } from '../define/folder.ts';
import {
  defineMuteTiming,
  defineNotificationPolicyTree,
  defineNotificationTemplate,
} from '../define/notification.ts';

export const DEFINERS = {
  defineFolder,
  defineDashboard,
  defineDataSource,
  defineContactPoint,
  defineMuteTiming,
  defineNotificationTemplate,
  defineNotificationPolicyTree,
  defineAlertRuleGroup,
  defineGrafanaAlertRuleGroup,
} as const;

export type DefinerName = keyof typeof DEFINERS;

/** The definer of a name, typed loosely: its input is the code the import evaluated. */
export function definerOf(name: string): ((input: never) => Definition) | undefined {
  return (DEFINERS as Readonly<Record<string, (input: never) => Definition>>)[name];
}
