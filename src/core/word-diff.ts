/**
 * The part of a long text that changed, with enough around it to find it: the two texts cut to the words from the
 * first that differs to the last that differs, plus a few words of context each side, `…` where they were cut. A
 * threshold changed inside a long LogQL expression then shows as `… [10m])) > 0.01` → `… [10m])) > 0.05`, not as two
 * identical truncated strings.
 */

/** Words and the separators between them, so that joining the pieces gives the text back. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_.:$]+|\s+|[^A-Za-z0-9_.:$\s]/g) ?? [];
}

export interface ChangedPart {
  readonly before: string;
  readonly after: string;
}

export function changedPart(before: string, after: string, context = 6): ChangedPart {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const from = Math.max(0, start - context);
  const cut = (list: string[], end: number): string => {
    const to = Math.min(list.length, end + context);
    return `${from > 0 ? '…' : ''}${list.slice(from, to).join('')}${to < list.length ? '…' : ''}`;
  };
  return { before: cut(a, endA), after: cut(b, endB) };
}
