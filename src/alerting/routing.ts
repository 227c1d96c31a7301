import type { SeverityTable } from '../config/base.ts';
import type { NotificationPolicyTreeSpec, RouteSpec } from '../core/specs.ts';

/** The label every alert carries and every severity route matches on. */
export const SEVERITY_LABEL = 'severity';

export interface PolicyTreeOptions {
  /** Receiver of alerts no severity route matches (should never happen: validation requires a severity). */
  readonly defaultReceiver: string;
  /** Root grouping; Grafana's own default is `grafana_folder, alertname`. */
  readonly groupBy?: readonly string[];
  /** Routes placed before the severity routes (a heartbeat route, for instance). */
  readonly before?: readonly RouteSpec[];
}

/** One child route per severity of the table, in the table's order: severity routing as data. */
export function severityRoutes(severities: SeverityTable): RouteSpec[] {
  return Object.entries(severities).map(([severity, route]) => {
    const spec: RouteSpec = {
      receiver: route.receiver,
      object_matchers: [[SEVERITY_LABEL, '=', severity]],
      group_by: [...route.groupBy],
      group_wait: route.groupWait,
      group_interval: route.groupInterval,
      repeat_interval: route.repeatInterval,
    };
    if (route.muteTimings !== undefined && route.muteTimings.length > 0) {
      spec.mute_time_intervals = [...route.muteTimings];
    }
    return spec;
  });
}

/** The notification policy tree generated from the severity table. */
export function policyTreeFromSeverities(
  severities: SeverityTable,
  options: PolicyTreeOptions,
): NotificationPolicyTreeSpec {
  return {
    receiver: options.defaultReceiver,
    group_by: [...(options.groupBy ?? ['grafana_folder', 'alertname'])],
    routes: [...(options.before ?? []), ...severityRoutes(severities)],
  };
}
