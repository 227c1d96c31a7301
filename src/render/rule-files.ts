import { ruleFileYaml } from '../alerting/prometheus-file.ts';
import { refOf } from '../core/resource.ts';
import type { Registry } from '../project/registry.ts';
import type { RenderedFile } from './rendered-file.ts';
import { yamlFile } from './yaml-file.ts';

/**
 * The second output of every rule group: a Prometheus rule file (`prometheus/<uid>.yml`, for promtool and any
 * Prometheus or Mimir ruler) or a Loki ruler file (`loki/<uid>.yml`) for LogQL groups.
 */
export function renderRuleFiles(registry: Registry): RenderedFile[] {
  const files: RenderedFile[] = [];
  for (const group of registry.byKind('AlertRuleGroup')) {
    if (group.origin === undefined) continue;
    const folder = group.origin.datasourceType === 'loki' ? 'loki' : 'prometheus';
    files.push({
      path: `${folder}/${group.uid}.yml`,
      content: yamlFile(ruleFileYaml(group.origin.group), [group.source]),
      refs: [refOf(group)],
    });
  }
  return files;
}
