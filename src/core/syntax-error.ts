/**
 * The first error of a lezer parse tree, as every query language's check reports it: the column it starts at and
 * the text from there. Shared by validation and the PromQL analysis (src/promql), which must not depend on it.
 */
import type { Tree } from '@lezer/common';

export interface SyntaxError {
  /** 1-based column of the first error. */
  readonly column: number;
  /** The text from that column on (at most 30 characters); empty when the error is at the end of the query. */
  readonly near: string;
}

/** The first error node of a parse tree of `text`, or undefined when there is none. */
export function syntaxErrorIn(tree: Tree, text: string): SyntaxError | undefined {
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      const from = cursor.from;
      return { column: from + 1, near: text.slice(from, from + 30) };
    }
  } while (cursor.next());
  return undefined;
}
