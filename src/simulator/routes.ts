/** Every Grafana endpoint the simulator answers, for a profile. */
import { alertRuleRoutes } from './alert-rules.ts';
import { contactPointRoutes } from './contact-points.ts';
import { dashboardRoutes } from './dashboards.ts';
import { dataSourceRoutes } from './datasources.ts';
import { exportRoutes } from './exports.ts';
import { folderRoutes } from './folders.ts';
import { instanceRoutes } from './instance.ts';
import { kubernetesRoutes } from './k8s-apis.ts';
import { muteTimingRoutes } from './mute-timings.ts';
import { policyRoutes } from './policies.ts';
import type { Profile } from './profiles.ts';
import type { Route } from './router.ts';
import { ruleGroupRoutes } from './rule-groups.ts';
import { searchRoutes } from './search.ts';
import { templateRoutes } from './templates.ts';

export function apiRoutes(profile: Profile): Route[] {
  return [
    ...instanceRoutes,
    ...folderRoutes,
    ...dashboardRoutes,
    ...searchRoutes,
    ...dataSourceRoutes,
    ...alertRuleRoutes,
    ...ruleGroupRoutes(profile.ruleGroupDelete),
    ...contactPointRoutes,
    ...policyRoutes,
    ...muteTimingRoutes,
    ...templateRoutes,
    ...exportRoutes,
    ...(profile.kubernetesApis ? kubernetesRoutes : []),
  ];
}
