import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import type { Resource, ResourceOf } from '../../core/resource.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at } from '../context.ts';
import type { VariableJson } from '../dashboard-walk.ts';
import { panelsOf, variablesByName, variablesOf } from '../dashboard-walk.ts';
import { BUILTIN_DATASOURCES, resolveDatasource } from '../datasource-resolution.ts';

function checkRef(
  context: ValidationContext,
  resource: Resource,
  path: string,
  ref: DataSourceRef | string | undefined,
  variables: ReadonlyMap<string, VariableJson>,
): void {
  if (ref === undefined) return;
  const resolution = resolveDatasource(ref, context.registry, variables);
  if (!resolution.ok) context.report(resource, path, resolution.problem, resolution.fix);
}

function checkDashboard(context: ValidationContext, dashboard: ResourceOf<'Dashboard'>): void {
  const variables = variablesByName(dashboard.spec);
  for (const { variable, path } of variablesOf(dashboard.spec)) {
    if (variable.type === 'query')
      checkRef(context, dashboard, at(path, 'datasource'), variable.datasource, variables);
    if (variable.type === 'datasource') {
      const current = variable.current?.value;
      if (typeof current === 'string' && current !== '' && !current.startsWith('$')) {
        const ds = context.registry.find('DataSource', current);
        const pluginType = typeof variable.query === 'string' ? variable.query : undefined;
        if (ds === undefined && !BUILTIN_DATASOURCES.has(current)) {
          checkRef(context, dashboard, at(at(path, 'current'), 'value'), current, variables);
        } else if (ds !== undefined && pluginType !== undefined && ds.spec.type !== pluginType) {
          context.report(
            dashboard,
            at(at(path, 'current'), 'value'),
            `default data source ${JSON.stringify(current)} is of type ${ds.spec.type}, but the variable offers ${pluginType}`,
            `Default it to a ${pluginType} data source`,
          );
        }
      }
    }
  }
  for (const { panel, path } of panelsOf(dashboard.spec)) {
    checkRef(context, dashboard, at(path, 'datasource'), panel.datasource, variables);
    (panel.targets ?? []).forEach((target, j) => {
      checkRef(
        context,
        dashboard,
        at(at(at(path, 'targets'), j), 'datasource'),
        target.datasource,
        variables,
      );
    });
  }
}

const NO_VARIABLES: ReadonlyMap<string, VariableJson> = new Map();

/**
 * Rule groups query one data source, given once for the group; a problem with it is reported once, at the
 * group's `datasource.uid` / `targetDatasourceUid`, not for every rule.
 */
function checkRuleGroup(context: ValidationContext, group: ResourceOf<'AlertRuleGroup'>): void {
  const queried = new Set<string>();
  const targets = new Set<string>();
  for (const rule of group.spec.rules) {
    for (const query of rule.data) queried.add(query.datasourceUid);
    if (rule.record?.target_datasource_uid !== undefined) targets.add(rule.record.target_datasource_uid);
  }
  for (const uid of queried) {
    checkRef(context, group, 'datasource.uid', uid, NO_VARIABLES);
    const ds = context.registry.find('DataSource', uid);
    const declared = group.origin?.datasourceType;
    if (ds !== undefined && declared !== undefined && ds.spec.type !== declared) {
      context.report(
        group,
        'datasource.type',
        `the group says its rules are ${declared} rules, but data source ${JSON.stringify(uid)} is ${ds.spec.type}`,
        `Set datasource.type to ${ds.spec.type} or query a ${declared} data source`,
      );
    }
  }
  for (const uid of targets) {
    if (queried.has(uid)) {
      // The default target is the queried data source, already checked above; check only its type here.
      const ds = context.registry.find('DataSource', uid);
      if (ds === undefined || ds.spec.type === 'prometheus') continue;
    }
    const ds = context.registry.find('DataSource', uid);
    if (ds === undefined) checkRef(context, group, 'targetDatasourceUid', uid, NO_VARIABLES);
    else if (ds.spec.type !== 'prometheus') {
      context.report(
        group,
        'targetDatasourceUid',
        `recording rules write to ${JSON.stringify(uid)}, a ${ds.spec.type} data source; Grafana writes only to Prometheus`,
        'Point targetDatasourceUid at a Prometheus data source with remote write enabled',
      );
    }
  }
}

/** Data sources pointing at others (traces to logs, derived fields, exemplars) by `datasourceUid`. */
function checkDataSourceLinks(context: ValidationContext, ds: ResourceOf<'DataSource'>): void {
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v: unknown, i) => visit(v, at(path, i)));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'datasourceUid' && typeof v === 'string')
          checkRef(context, ds, at(path, key), v, NO_VARIABLES);
        else visit(v, at(path, key));
      }
    }
  };
  visit(ds.spec.jsonData, 'jsonData');
}

/** Every data source a panel, variable, rule or data source refers to exists (or is a variable or built-in). */
export const datasourceReferences: ValidationRule = {
  name: 'unknown-datasource',
  *check(context) {
    for (const r of context.registry.resources) {
      if (r.kind === 'Dashboard') checkDashboard(context, r);
      else if (r.kind === 'AlertRuleGroup') checkRuleGroup(context, r);
      else if (r.kind === 'DataSource') checkDataSourceLinks(context, r);
      yield;
    }
  },
};
