import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import type { Parser } from '@lezer/common';
import { parser as promqlParser } from '@prometheus-io/lezer-promql';
import { syntaxErrorIn } from '../../core/syntax-error.ts';
import type { SyntaxError } from '../../core/syntax-error.ts';
import { quickPromQL } from './promql-quick.ts';

export type QueryLanguage = 'PromQL' | 'LogQL' | 'TraceQL';

const PARSERS: Readonly<Record<QueryLanguage, Parser>> = {
  PromQL: promqlParser,
  LogQL: logqlParser,
  TraceQL: traceqlParser,
};

export type { SyntaxError } from '../../core/syntax-error.ts';
export { syntaxErrorIn } from '../../core/syntax-error.ts';

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
