/** Checks of an SLO's identity and labels: names that make uids, grouping labels, extra labels. */
import { LABEL_NAME } from '../promql/names.ts';
import { at } from '../validate/context.ts';
import { MAX_UID_LENGTH } from '../validate/rules/uids.ts';
import type { Issues } from './issues.ts';
import { RESERVED_ANNOTATIONS, RESERVED_LABELS } from './naming.ts';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkName(issues: Issues, path: string, value: string, uid: string, what: string): void {
  if (!NAME.test(value)) {
    issues.add(
      path,
      `${JSON.stringify(value)} is not a valid ${what} name`,
      'Use lower-case letters, digits and single hyphens, as in backend-availability',
    );
  } else if (uid.length > MAX_UID_LENGTH) {
    issues.add(
      path,
      `${JSON.stringify(value)} makes the uid ${JSON.stringify(uid)} ${uid.length} characters long; Grafana allows ${MAX_UID_LENGTH}`,
      `Shorten the ${what} name`,
    );
  }
}

export function checkLabels(
  issues: Issues,
  path: string,
  labels: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels ?? {})) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) {
      issues.add(
        at(path, name),
        `${JSON.stringify(name)} is not a label name you can set`,
        'Use letters, digits and _, not starting with a digit or __',
      );
    } else if (RESERVED_LABELS.includes(name)) {
      issues.add(
        at(path, name),
        `label ${name} is set by the SLO generator`,
        `Remove it; the generator sets ${RESERVED_LABELS.join(', ')} itself`,
      );
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** The alerts' own annotations, without those the generator writes itself (each reported). */
export function checkAnnotations(
  issues: Issues,
  path: string,
  annotations: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(annotations ?? {})) {
    if (RESERVED_ANNOTATIONS.includes(name)) {
      issues.add(
        at(path, name),
        `annotation ${name} is written by the SLO generator, which would overwrite this value`,
        `Remove it or give it another name; the generator sets ${RESERVED_ANNOTATIONS.join(', ')} itself (the runbook comes from runbookUrl)`,
      );
    } else {
      out[name] = value;
    }
  }
  return out;
}

export function checkGroupBy(issues: Issues, groupBy: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  (groupBy ?? []).forEach((label, i) => {
    const path = at('groupBy', i);
    if (!LABEL_NAME.test(label) || label.startsWith('__')) {
      issues.add(path, `${JSON.stringify(label)} is not a label name`, 'Use a label the SLI series carry');
    } else if (RESERVED_LABELS.includes(label)) {
      issues.add(
        path,
        `the SLI cannot be grouped by ${label}: the generator sets that label itself`,
        `Group by other labels; ${RESERVED_LABELS.join(', ')} are reserved`,
      );
    } else if (seen.has(label)) {
      issues.add(path, `${label} is listed twice`, 'List each grouping label once');
    }
    seen.add(label);
  });
  return [...seen];
}
