/**
 * The Prometheus rule groups once more, for the rule engines a team grows into (`ruleEngines` in the Config):
 *
 * - the Prometheus Operator: one `PrometheusRule` (`monitoring.coreos.com/v1`) per rule file, under
 *   `kubernetes/<uid>.yaml`, with the Config's namespace and labels (what the Prometheus resource's
 *   `ruleSelector` selects); its `spec.groups` are the rule file's groups (prometheus-operator
 *   pkg/apis/monitoring/v1/prometheusrule_types.go: `PrometheusRuleSpec.Groups []RuleGroup`);
 * - a Mimir or Cortex ruler: one namespace file per rule file, `mimir/<tenant>/<uid>.yml`, holding `namespace`
 *   and `groups` as `mimirtool rules load` reads them (`RuleNamespace{Namespace, Filepath, Groups}`, grafana/mimir
 *   pkg/mimirtool/rules/rules.go); the tenant is the folder, given to `mimirtool --id`;
 * - a Loki ruler, for the LogQL groups: the same namespace files under `loki/<tenant>/<uid>.yml`, as
 *   `lokitool rules load` reads them (`RuleNamespace`, grafana/loki pkg/tool/rules/rules.go).
 *
 * The groups are the very objects the Prometheus and Loki rule files are written from, so every form holds the
 * same rules.
 */
import { ruleFileYaml } from '../alerting/prometheus-file.ts';
import type { BaseConfig } from '../config/base.ts';
import { refOf } from '../core/resource.ts';
import type { Registry } from '../project/registry.ts';
import type { RenderedFile } from './rendered-file.ts';
import { yamlFile } from './yaml-file.ts';

export function renderRuleEngineFiles(registry: Registry, config: BaseConfig): RenderedFile[] {
  const engines = config.ruleEngines;
  if (engines === undefined) return [];
  const files: RenderedFile[] = [];
  for (const group of registry.byKind('AlertRuleGroup')) {
    if (group.origin === undefined) continue;
    const groups = ruleFileYaml(group.origin.group).groups;
    const refs = [refOf(group)];
    if (group.origin.datasourceType === 'loki') {
      if (engines.loki !== undefined)
        files.push({
          path: `loki/${engines.loki.tenant}/${group.uid}.yml`,
          content: yamlFile({ namespace: group.uid, groups }, [group.source]),
          refs,
        });
      continue;
    }
    if (engines.kubernetes !== undefined) {
      const labels = engines.kubernetes.labels ?? {};
      files.push({
        path: `kubernetes/${group.uid}.yaml`,
        content: yamlFile(
          {
            apiVersion: 'monitoring.coreos.com/v1',
            kind: 'PrometheusRule',
            metadata: {
              name: group.uid,
              namespace: engines.kubernetes.namespace,
              ...(Object.keys(labels).length === 0 ? {} : { labels }),
            },
            spec: { groups },
          },
          [group.source],
        ),
        refs,
      });
    }
    if (engines.mimir !== undefined) {
      files.push({
        path: `mimir/${engines.mimir.tenant}/${group.uid}.yml`,
        content: yamlFile({ namespace: group.uid, groups }, [group.source]),
        refs,
      });
    }
  }
  return files;
}
