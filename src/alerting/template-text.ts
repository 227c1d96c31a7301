/**
 * What Grafana does with the text of a notification template, as its `NotificationTemplate.Validate` does it
 * (grafana/grafana pkg/services/ngalert/api/tooling/definitions/provisioning_templates.go, the same from 10.4 to
 * 13.x): the text is trimmed; unless it matches `\{\{\s*define` (only blanks between `{{` and `define`), every line
 * is indented by two spaces and the whole wrapped in `{{ define "<name>" }}` … `{{ end }}`. Go's text/template
 * then refuses a `define` inside that wrapper, which is where a text starting `{{- define` ends up.
 */

/** Grafana's test for "the text already has a define block". */
export const HAS_DEFINE = /\{\{\s*define/;

/** The text as Grafana stores it under `name`. */
export function normalizeTemplateText(name: string, text: string): string {
  const trimmed = text.trim();
  if (HAS_DEFINE.test(trimmed)) return trimmed;
  const body = trimmed
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `{{ define "${name}" }}\n${body}\n{{ end }}`;
}

/**
 * Why Grafana refuses the text once wrapped: a define block it did not recognise as one (`{{- define`,
 * `{{-define`), which lands inside the wrapper, or an action left open. Undefined when neither.
 */
export function templateTextProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!HAS_DEFINE.test(trimmed) && /\{\{-?\s*define\b/.test(trimmed))
    return 'its define block starts with "{{-", which Grafana does not take for one (it looks for "{{ define" with only blanks between): it wraps the text in a define of its own and then refuses the nested define';
  return hasUnclosedAction(trimmed) ? 'an action opened with "{{" is never closed with "}}"' : undefined;
}

/** A Go template text with a `{{` that no `}}` follows (Go's parser refuses it: "unclosed action"). */
export function hasUnclosedAction(text: string): boolean {
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) return false;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) return true;
    rest = rest.slice(close + 2);
  }
}
