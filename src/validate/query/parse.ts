import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import type { Parser, Tree } from '@lezer/common';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { quickPromQL } from './promql-quick.ts';

export type QueryLanguage = 'PromQL' | 'LogQL' | 'TraceQL';

const PARSERS: Readonly<Record<QueryLanguage, Parser>> = {
  PromQL: promqlParser,
  LogQL: logqlParser,
  TraceQL: traceqlParser,
};

export interface SyntaxError {
  /** 1-based column of the first error. */
  readonly column: number;
  /** The text around it. */
  readonly near: string;
}

/** The first error node of a parse tree of `text`, or undefined when there is none. */
export function syntaxErrorIn(tree: Tree, text: string): SyntaxError | undefined {
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      const from = cursor.from;
      return { column: from + 1, near: text.slice(Math.max(0, from - 15), from + 15) };
    }
  } while (cursor.next());
  return undefined;
}

/** The first syntax error of a query according to the reference (lezer) parser, or undefined when it parses. */
export function findSyntaxError(language: QueryLanguage, text: string): SyntaxError | undefined {
  if (text.trim() === '') return { column: 1, near: '' };
  return syntaxErrorIn(PARSERS[language].parse(text), text);
}

/**
 * The first syntax error of a query, as the reference parser reports it, answering quickly for the everyday
 * PromQL the quick recogniser knows to be valid.
 */
export function syntaxErrorOf(language: QueryLanguage, text: string): SyntaxError | undefined {
  if (language === 'PromQL' && quickPromQL(text)) return undefined;
  return findSyntaxError(language, text);
}
