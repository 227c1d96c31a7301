import { describe, expect, it } from 'vitest';
import { normalizeTemplateText, templateTextProblem } from '../../src/alerting/template-text.ts';

describe('notification template text as Grafana stores it (NotificationTemplate.Validate)', () => {
  it.each([
    [
      'a text without define is trimmed, indented and wrapped',
      '\n a\nb \n',
      '{{ define "n" }}\n  a\n  b\n{{ end }}',
    ],
    ['a "{{ define" block is kept, trimmed', ' {{ define "x" }}a{{ end }} ', '{{ define "x" }}a{{ end }}'],
    ['"{{define" (no blank) is a define', '{{define "x"}}a{{end}}', '{{define "x"}}a{{end}}'],
    ['"{{  define" (two blanks) is a define', '{{  define "x" }}a{{ end }}', '{{  define "x" }}a{{ end }}'],
    [
      '"{{- define" is not: it is wrapped again',
      '{{- define "x" }}a{{- end }}',
      '{{ define "n" }}\n  {{- define "x" }}a{{- end }}\n{{ end }}',
    ],
  ])('%s', (_what, text, stored) => {
    expect(normalizeTemplateText('n', text)).toBe(stored);
  });

  it('names the {{- define that Grafana would refuse, and nothing in a valid text', () => {
    expect(templateTextProblem('{{- define "x" }}a{{- end }}')).toContain('"{{-"');
    expect(templateTextProblem('{{ define "x" -}}\na\n{{- end }}')).toBeUndefined();
    expect(templateTextProblem('plain {{ .Status }}')).toBeUndefined();
    expect(templateTextProblem('{{ define "x" }}{{ .Status ')).toContain('never closed');
  });
});
