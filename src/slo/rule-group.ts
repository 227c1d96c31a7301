/**
 * An SLO's rule group in both forms: the Prometheus rule group (rendered to `prometheus/slo-<name>.yml`, tested by
 * promtool) and the Grafana-managed group built from it by the same conversion as every other rule group
 * (`toGrafanaRuleGroup`, as Grafana's own Prometheus converter does it). Recording rules reach Grafana only when
 * the Config asks for Grafana-managed recording rules; their titles then name the SLO (see naming.ts).
 */
import type { PrometheusRuleGroup } from '../alerting/rule-model.ts';
import { toGrafanaRuleGroup } from '../alerting/to-grafana.ts';
import type { ResourceOf } from '../core/resource.ts';
import { sealResource } from '../define/definition.ts';
import { alertRules } from './alert-rules.ts';
import type { Slo } from './model.ts';
import { grafanaRecordingTitle, ruleGroupUid } from './naming.ts';
import { recordingRules } from './recording-rules.ts';

/** The Prometheus form: recording rules first (alerts read them at the same evaluation), then the alerts. */
export function sloRuleGroup(slo: Slo): PrometheusRuleGroup {
  return {
    name: ruleGroupUid(slo.name),
    interval: slo.interval,
    labels: {},
    rules: [...recordingRules(slo), ...alertRules(slo)],
  };
}

export function sloRuleGroupResource(
  slo: Slo,
  source: string,
  grafanaRecordingRules: boolean,
): ResourceOf<'AlertRuleGroup'> {
  const uid = ruleGroupUid(slo.name);
  const group = sloRuleGroup(slo);
  const spec = toGrafanaRuleGroup(group, {
    folderUid: slo.folderUid,
    datasource: { uid: slo.datasourceUid, type: 'prometheus' },
    targetDatasourceUid: slo.datasourceUid,
    uidPrefix: uid,
    recordingRules: grafanaRecordingRules,
    recordingTitle: (record) => grafanaRecordingTitle(record, slo.name),
  });
  return sealResource({
    kind: 'AlertRuleGroup',
    uid,
    title: group.name,
    folderUid: slo.folderUid,
    spec,
    source,
    origin: { group, datasourceType: 'prometheus' },
  });
}
