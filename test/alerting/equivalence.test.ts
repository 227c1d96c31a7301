/**
 * One rule definition, two faithful outputs: for every rule group of the repository, the Prometheus (or Loki)
 * rule file and the Grafana-managed rule group say the same thing. The Grafana form is read back independently
 * (prometheusRulesOf checks it has exactly the shape Grafana's converter gives) and compared with the YAML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { prometheusRulesOf } from '../../src/alerting/from-grafana.ts';
import { grafanaRecordingRules } from '../../src/config/base.ts';
import { parseDuration } from '../../src/core/duration.ts';
import type { AlertRuleGroupSpec } from '../../src/core/specs.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { loadProject } from '../../src/project/load.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = buildValidated(await loadProject(root));
const groups = built.registry.byKind('AlertRuleGroup');

interface RuleFile {
  groups: { name: string; interval: string; rules: Record<string, unknown>[] }[];
}

describe('Prometheus and Grafana forms of every rule group', () => {
  it('covers every group of the repository', () => {
    expect(groups.length).toBeGreaterThanOrEqual(6);
  });

  it.each(groups.map((g) => [g.uid, g] as const))(
    '%s: the rendered files agree rule by rule',
    (uid, group) => {
      const folder = group.origin?.datasourceType === 'loki' ? 'loki' : 'prometheus';
      const yaml = parse(readFileSync(join(root, 'rendered', folder, `${uid}.yml`), 'utf8')) as RuleFile;
      const envelope = JSON.parse(
        readFileSync(join(root, 'rendered/grafana/alert-rule-groups', `${uid}.json`), 'utf8'),
      ) as {
        spec: AlertRuleGroupSpec;
      };
      const [fileGroup] = yaml.groups;
      expect(fileGroup?.name).toBe(envelope.spec.title);
      expect(envelope.spec.interval * 1000).toBe(parseDuration(fileGroup?.interval ?? ''));
      const fromGrafana = prometheusRulesOf(envelope.spec).map((rule) => {
        // Grafana keeps no distinction between group and rule labels, and Prometheus files carry none at group
        // level: both hold the merged set. Empty maps are left out in both.
        const out: Record<string, unknown> = { ...rule };
        if (Object.keys(rule.labels).length === 0) delete out.labels;
        if ('annotations' in rule && Object.keys(rule.annotations).length === 0) delete out.annotations;
        return out;
      });
      // Recording rules reach Grafana only when the Config asks for Grafana-managed recording rules.
      const expected = grafanaRecordingRules(built.config)
        ? fileGroup?.rules
        : fileGroup?.rules.filter((r) => 'alert' in r);
      expect(fromGrafana).toEqual(expected);
      for (const rule of envelope.spec.rules) {
        expect(rule.folderUID).toBe(group.folderUid);
        expect(rule.ruleGroup).toBe(fileGroup?.name);
      }
    },
  );
});
