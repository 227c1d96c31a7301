import { defineNotificationTemplate } from '../src/index.ts';

/**
 * The shared notification text: a title with severity and alert name; a body with summary, description,
 * runbook, dashboard link and labels. Contact points use it through {{ template "stack.title" . }}.
 */
export default defineNotificationTemplate({
  name: 'stack',
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
{{ with .DashboardURL }}Dashboard: {{ . }}
{{ end -}}
{{ with .PanelURL }}Panel: {{ . }}
{{ end -}}
Labels: {{ range .Labels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}
{{ end -}}
{{- end }}
`,
});
