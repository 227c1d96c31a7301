/**
 * `defineSloDashboards([availability, performance, …], cfg => ({ folderUid, datasourceUid }))`: one error-budget
 * dashboard per service (`slo-<service>`) and the overview of every SLO (`slo-overview`), from the same
 * definitions that make the rules, so a changed objective changes both.
 */
import type { Definition, FromConfig } from '../define/definition.ts';
import { makeDefinition, resolveInput } from '../define/definition.ts';
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import type { Resource } from '../core/resource.ts';
import { defineDashboard } from '../define/dashboard.ts';
import type { BuildContext } from '../define/definition.ts';
import { buildSlo, sloInputOf } from './define-slo.ts';
import type { Slo } from './model.ts';
import { OVERVIEW_DASHBOARD_UID, serviceDashboardUid } from './naming.ts';
import { overviewDashboard } from './overview-dashboard.ts';
import { SloDefinitionError } from './problems.ts';
import type { SloDashboardOptions } from './service-dashboard.ts';
import { serviceDashboard } from './service-dashboard.ts';
import type { Problem } from '../validate/problem.ts';

export interface SloDashboardsInput extends SloDashboardOptions {
  /** Folder of the dashboards (the Config's SLO folder). */
  readonly folderUid: string;
}

/** A dashboard resource, normalised exactly as `defineDashboard` does it (panel ids, refIds, uid). */
function dashboardResources<C>(
  context: BuildContext<C>,
  uid: string,
  folderUid: string,
  dashboard: DashboardBuilder,
): readonly Resource[] {
  return defineDashboard<C>({ uid, folderUid, dashboard }).build(context);
}

/** Error-budget dashboards of a list of `defineSlo` definitions. */
export function defineSloDashboards<C>(
  slos: readonly Definition<C>[],
  input: FromConfig<C, SloDashboardsInput>,
): Definition<C> {
  return makeDefinition<C>('Dashboard', (context) => {
    const { config, source, relative } = context;
    const options = resolveInput(input, config);
    const problems: Problem[] = [];
    const first = new Map<string, string>();
    const resolved: Slo[] = [];
    slos.forEach((definition, i) => {
      const file = definition.sourcePath === undefined ? source : relative(definition.sourcePath);
      const sloInput = sloInputOf(definition, config);
      if (sloInput === undefined) {
        problems.push({
          file: source,
          ref: `Dashboard/${OVERVIEW_DASHBOARD_UID}`,
          path: `slos[${i}]`,
          problem: `element ${i} is a ${definition.kind ?? 'group of definitions'}, not an SLO`,
          fix: 'List only values returned by defineSlo()',
        });
        return;
      }
      const earlier = first.get(sloInput.name);
      if (earlier !== undefined) {
        problems.push({
          file,
          ref: `Dashboard/${OVERVIEW_DASHBOARD_UID}`,
          path: `slos[${i}].name`,
          problem: `SLO name ${sloInput.name} is also the name of the SLO defined in ${earlier}; the slo label, rule group and alerts would collide`,
          fix: 'Give every SLO of the stack its own name',
        });
        return;
      }
      first.set(sloInput.name, file);
      try {
        resolved.push(buildSlo(sloInput, file));
      } catch (error) {
        // The SLO's own definition reports its problems; its dashboards wait for it to be fixed.
        if (!(error instanceof SloDefinitionError)) throw error;
      }
    });
    if (problems.length > 0) throw new SloDefinitionError(problems);
    if (resolved.length === 0) return [];
    const services = [...new Set(resolved.map((s) => s.service))].sort();
    return [
      ...services.flatMap((service) =>
        dashboardResources(
          context,
          serviceDashboardUid(service),
          options.folderUid,
          serviceDashboard(
            service,
            resolved.filter((s) => s.service === service),
            options,
          ),
        ),
      ),
      ...dashboardResources(
        context,
        OVERVIEW_DASHBOARD_UID,
        options.folderUid,
        overviewDashboard(resolved, options),
      ),
    ];
  });
}
