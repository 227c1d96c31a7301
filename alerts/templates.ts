import { defineNotificationTemplate } from '../src/index.ts';

/**
 * The shared notification text: a title with severity and alert name; a body with summary, description,
 * runbook, dashboard link and labels. Contact points use it through {{ template "stack.title" . }}. It uses only
 * what Grafana and Alertmanager templates both have (the dashboard link comes from the `dashboard_url`
 * annotation), so the Alertmanager twin renders the same text.
 */
export default defineNotificationTemplate({
  name: 'stack-notifications',
  template: `{{ define "stack.title" -}}
[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.severity | toUpper }} {{ .CommonLabels.alertname }}
{{- end }}

{{ define "stack.body" -}}
{{ range .Alerts -}}
*{{ .Annotations.summary }}*
{{ with .Annotations.description }}{{ . }}
{{ end -}}
{{ with .Annotations.runbook_url }}Runbook: {{ . }}
{{ end -}}
{{ with .Annotations.dashboard_url }}Dashboard: {{ . }}
{{ end -}}
Labels: {{ range .Labels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}
{{ end -}}
{{- end }}
`,
});
