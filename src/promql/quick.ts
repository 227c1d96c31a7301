/**
 * A quick recogniser for the everyday part of PromQL. It answers `true` only for queries it fully recognises,
 * and it recognises a strict subset of the language: selectors, ranges, subqueries, offset/@, function calls,
 * aggregations with by/without, binary operators with bool/on/ignoring/group_*, numbers and strings. Everything
 * else (comments, upper-case keywords, Prometheus 3 extensions, unusual escapes, any doubt) answers `false`, and
 * the reference parser (@prometheus-io/lezer-promql) decides. So validation gives the reference parser's answer
 * for every query, faster on the queries dashboards are made of: over the 2,000 PromQL queries of 50 generated
 * bench dashboards (bench/generate.ts), about 3 µs a query against 20 to 30 µs for the reference parser, about 7×
 * (5× to 14× between runs, median of 100 rounds each, on a busy 2-core machine); for the analysis (selectors
 * and ranges, src/promql/analyze.ts) about 8× (4× to 17×).
 *
 * The subset property (quick `true` ⇒ reference parser accepts) is checked by a differential test over generated
 * and mutated queries (test/validate/query/promql-quick.test.ts).
 */

import type { MatchOp } from '../config/selector.ts';
import type { LabelMatcher, PromQLAnalysis, RangeCall, VectorSelector } from './selector-types.ts';
import { unquote } from './selector-types.ts';

/** Functions the reference grammar knows (its `spec_Identifier` table), lower-case only. */
const FUNCTIONS = new Set([
  'absent_over_time',
  'absent',
  'abs',
  'acos',
  'acosh',
  'asin',
  'asinh',
  'atan',
  'atanh',
  'avg_over_time',
  'ceil',
  'changes',
  'clamp',
  'clamp_max',
  'clamp_min',
  'cos',
  'cosh',
  'count_over_time',
  'days_in_month',
  'day_of_month',
  'day_of_week',
  'day_of_year',
  'deg',
  'delta',
  'deriv',
  'exp',
  'floor',
  'histogram_count',
  'histogram_fraction',
  'histogram_quantile',
  'histogram_stddev',
  'histogram_stdvar',
  'histogram_sum',
  'histogram_avg',
  'hour',
  'idelta',
  'increase',
  'irate',
  'label_replace',
  'label_join',
  'last_over_time',
  'ln',
  'log10',
  'log2',
  'mad_over_time',
  'max_over_time',
  'min_over_time',
  'minute',
  'month',
  'pi',
  'predict_linear',
  'present_over_time',
  'quantile_over_time',
  'rad',
  'rate',
  'resets',
  'round',
  'scalar',
  'sgn',
  'sin',
  'sinh',
  'sort',
  'sort_desc',
  'sort_by_label',
  'sort_by_label_desc',
  'sqrt',
  'stddev_over_time',
  'stdvar_over_time',
  'sum_over_time',
  'tan',
  'tanh',
  'timestamp',
  'time',
  'vector',
  'year',
]);

/** Aggregations taking a parameter before the vector. */
const PARAMETRIC = new Set(['topk', 'bottomk', 'quantile', 'count_values']);

const AGGREGATIONS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
]);

/** Words that mean something to the grammar: never taken as a metric name here. */
const RESERVED = new Set([
  ...FUNCTIONS,
  ...AGGREGATIONS,
  'and',
  'or',
  'unless',
  'atan2',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'start',
  'end',
  'inf',
  'nan',
  'limitk',
  'limit_ratio',
  'smoothed',
  'anchored',
  'fill',
  'fill_left',
  'fill_right',
  'info',
  'range',
  'step',
  'min_of',
  'max_of',
]);

const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '^']);
const SET_OPS = new Set(['and', 'or', 'unless', 'atan2']);
const MATCH_OPS: ReadonlyMap<string, MatchOp> = new Map<string, MatchOp>([
  ['=', '='],
  ['!=', '!='],
  ['=~', '=~'],
  ['!~', '!~'],
]);
/** Duration units from the largest down, as Prometheus requires them to appear. */
const UNITS = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

type Kind = 'num' | 'dur' | 'str' | 'id' | 'punct' | 'op' | 'eof';

interface Token {
  kind: Kind;
  text: string;
  /** Offsets of the token in the text. */
  start: number;
  end: number;
}

class Unsure extends Error {}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** Names start with a letter or _ here (a leading `:` is legal in metric names but left to the reference). */
const isIdentStart = isLetter;
const isIdentPart = (c: number): boolean => isLetter(c) || isDigit(c) || c === 58;
const isLabel = (s: string): boolean => /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(s);

class Lexer {
  private pos = 0;
  token: Token = { kind: 'eof', text: '', start: 0, end: 0 };

  constructor(private readonly src: string) {
    this.next();
  }

  next(): void {
    const s = this.src;
    let i = this.pos;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i += 1;
      else break;
    }
    if (i >= s.length) {
      this.pos = i;
      this.token = { kind: 'eof', text: '', start: i, end: i };
      return;
    }
    const c = s.charCodeAt(i);
    const start = i;
    if (isDigit(c)) {
      while (i < s.length && isDigit(s.charCodeAt(i))) i += 1;
      if (i < s.length && isIdentStart(s.charCodeAt(i))) {
        // A duration: digits and units, each unit at most once and from the largest down (1h30m, not 30m1h).
        i = start;
        let allowed = 0;
        while (i < s.length && isDigit(s.charCodeAt(i))) {
          while (i < s.length && isDigit(s.charCodeAt(i))) i += 1;
          const at = UNITS.findIndex(
            (u, k) => k >= allowed && s.startsWith(u, i) && !(u === 'm' && s.startsWith('ms', i)),
          );
          if (at < 0) throw new Unsure();
          i += (UNITS[at] ?? '').length;
          allowed = at + 1;
        }
        const after = s.charCodeAt(i);
        if (i < s.length && after !== 58 && (isIdentPart(after) || after === 46)) throw new Unsure();
        this.set('dur', start, i);
        return;
      }
      if (s.charCodeAt(i) === 46) {
        i += 1;
        if (!isDigit(s.charCodeAt(i))) throw new Unsure();
        while (i < s.length && isDigit(s.charCodeAt(i))) i += 1;
      }
      if (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69) {
        i += 1;
        if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) i += 1;
        if (!isDigit(s.charCodeAt(i))) throw new Unsure();
        while (i < s.length && isDigit(s.charCodeAt(i))) i += 1;
      }
      if (i < s.length && (isIdentPart(s.charCodeAt(i)) || s.charCodeAt(i) === 46)) throw new Unsure();
      this.set('num', start, i);
      return;
    }
    if (isIdentStart(c)) {
      while (i < s.length && isIdentPart(s.charCodeAt(i))) i += 1;
      this.set('id', start, i);
      return;
    }
    if (c === 34 || c === 39) {
      i += 1;
      for (;;) {
        if (i >= s.length) throw new Unsure();
        const d = s.charCodeAt(i);
        if (d === 10 || d === 13) throw new Unsure();
        if (d === 92) {
          if (!'\\"\'ntr'.includes(s[i + 1] ?? '')) throw new Unsure();
          i += 2;
          continue;
        }
        i += 1;
        if (d === c) break;
      }
      this.set('str', start, i);
      return;
    }
    if ('(){}[],:@'.includes(s[i] ?? '')) {
      this.set('punct', start, i + 1);
      return;
    }
    const two = s.slice(i, i + 2);
    if (two === '==' || two === '!=' || two === '>=' || two === '<=' || two === '=~' || two === '!~') {
      this.set('op', start, i + 2);
      return;
    }
    if ('+-*/%^><='.includes(s[i] ?? '')) {
      this.set('op', start, i + 1);
      return;
    }
    throw new Unsure();
  }

  private set(kind: Kind, start: number, end: number): void {
    this.token = { kind, text: this.src.slice(start, end), start, end };
    this.pos = end;
  }
}

/** The range of a matrix selector an expression consists of exactly (`x[5m]`, `x[5m] offset 1h`), if it does. */
type Shape = Token | undefined;

class Recogniser {
  private readonly lex: Lexer;
  readonly selectors: VectorSelector[] = [];
  private readonly calls: { readonly call: RangeCall; readonly order: number }[] = [];

  constructor(src: string) {
    this.lex = new Lexer(src);
  }

  /** Range calls in the order the reference parse tree lists them: by the call's start, arguments in order. */
  get rangeCalls(): RangeCall[] {
    return [...this.calls].sort((a, b) => a.call.from - b.call.from || a.order - b.order).map((c) => c.call);
  }

  private get tok(): Token {
    return this.lex.token;
  }

  private is(kind: Kind, text?: string): boolean {
    return this.tok.kind === kind && (text === undefined || this.tok.text === text);
  }

  private expect(kind: Kind, text?: string): Token {
    if (!this.is(kind, text)) throw new Unsure();
    const t = this.tok;
    this.lex.next();
    return t;
  }

  query(): void {
    this.expr();
    if (!this.is('eof')) throw new Unsure();
  }

  /**
   * A matrix is only taken whole: as a call's argument or the query. Written as an operand (`a - b[5m]`), it is a
   * type error Prometheus rejects, and the reference grammar reads it as `(a - b)[5m]`: left to that parser.
   */
  private expr(): Shape {
    const shape = this.unary();
    for (;;) {
      const t = this.tok;
      const op = t.kind === 'op' && (ARITHMETIC.has(t.text) || COMPARISONS.has(t.text)) ? t.text : undefined;
      const set = t.kind === 'id' && SET_OPS.has(t.text) ? t.text : undefined;
      if (op === undefined && set === undefined) return shape;
      if (shape !== undefined) throw new Unsure();
      this.lex.next();
      if (op !== undefined && COMPARISONS.has(op) && this.is('id', 'bool')) this.lex.next();
      if (this.is('id', 'on') || this.is('id', 'ignoring')) {
        this.lex.next();
        this.labelList();
        if (this.is('id', 'group_left') || this.is('id', 'group_right')) {
          this.lex.next();
          if (this.is('punct', '(')) this.labelList();
        }
      }
      if (this.unary() !== undefined) throw new Unsure();
    }
  }

  private unary(): Shape {
    if (this.is('op', '-') || this.is('op', '+')) {
      this.lex.next();
      if (this.postfix() !== undefined) throw new Unsure();
      return undefined;
    }
    return this.postfix();
  }

  private postfix(): Shape {
    const selector = this.primary();
    let shape: Shape;
    if (this.is('punct', '[')) {
      this.lex.next();
      const range = this.expect('dur');
      if (this.is('punct', ':')) {
        this.lex.next();
        if (this.is('dur')) this.lex.next();
      } else if (!selector) {
        throw new Unsure(); // a range only follows a selector
      } else {
        shape = range;
      }
      this.expect('punct', ']');
    }
    if (this.is('id', 'offset')) {
      this.lex.next();
      if (this.is('op', '-')) this.lex.next();
      this.expect('dur');
    }
    if (this.is('punct', '@')) throw new Unsure();
    return shape;
  }

  /** Parses one primary expression; true when it was a vector selector. */
  private primary(): boolean {
    const t = this.tok;
    if (t.kind === 'num' || t.kind === 'str') {
      this.lex.next();
      return false;
    }
    if (this.is('punct', '(')) {
      this.lex.next();
      this.expr();
      this.expect('punct', ')');
      return false;
    }
    if (this.is('punct', '{')) {
      const matchers: LabelMatcher[] = [];
      const end = this.matchers(matchers);
      const byName = matchers.find((m) => m.label === '__name__' && m.op === '=');
      this.selectors.push({ name: byName?.value, matchers, from: t.start, to: end });
      return true;
    }
    if (t.kind !== 'id') throw new Unsure();
    const name = t.text;
    this.lex.next();
    if (AGGREGATIONS.has(name)) {
      let grouped = false;
      if (this.is('id', 'by') || this.is('id', 'without')) {
        this.lex.next();
        this.labelList();
        grouped = true;
      }
      const arity = PARAMETRIC.has(name) ? 2 : 1;
      this.args(arity, arity);
      if (!grouped && (this.is('id', 'by') || this.is('id', 'without'))) {
        this.lex.next();
        this.labelList();
      }
      return false;
    }
    if (FUNCTIONS.has(name)) {
      const shapes: Shape[] = [];
      const end = this.args(0, 5, shapes);
      shapes.forEach((range) => {
        if (range === undefined) return;
        this.calls.push({
          call: { fn: name, range: range.text, from: t.start, to: end },
          order: this.calls.length,
        });
      });
      return false;
    }
    if (RESERVED.has(name) || (name.toLowerCase() !== name && RESERVED.has(name.toLowerCase())))
      throw new Unsure();
    if (this.is('punct', '(')) throw new Unsure();
    const matchers: LabelMatcher[] = [{ label: '__name__', op: '=', value: name }];
    const end = this.is('punct', '{') ? this.matchers(matchers) : t.end;
    this.selectors.push({ name, matchers, from: t.start, to: end });
    return true;
  }

  /** Parses a call's arguments, noting each one's shape; returns the end offset of the closing parenthesis. */
  private args(min: number, max: number, shapes: Shape[] = []): number {
    this.expect('punct', '(');
    if (!this.is('punct', ')')) {
      shapes.push(this.expr());
      while (this.is('punct', ',')) {
        this.lex.next();
        shapes.push(this.expr());
      }
    }
    if (shapes.length < min || shapes.length > max) throw new Unsure();
    return this.expect('punct', ')').end;
  }

  /** Parses `{…}` into `into`; returns the end offset of the closing brace. */
  private matchers(into: LabelMatcher[]): number {
    this.expect('punct', '{');
    for (;;) {
      const label = this.expect('id').text;
      if (!isLabel(label) || RESERVED.has(label)) throw new Unsure();
      const op = this.tok.kind === 'op' ? MATCH_OPS.get(this.tok.text) : undefined;
      if (op === undefined) throw new Unsure();
      this.lex.next();
      const value = this.expect('str').text;
      into.push({ label, op, value: unquote(value) });
      if (this.is('punct', '}')) break;
      this.expect('punct', ',');
    }
    return this.expect('punct', '}').end;
  }

  private labelList(): void {
    this.expect('punct', '(');
    for (;;) {
      const label = this.expect('id').text;
      if (!isLabel(label) || RESERVED.has(label)) throw new Unsure();
      if (this.is('punct', ')')) break;
      this.expect('punct', ',');
    }
    this.expect('punct', ')');
  }
}

/** Runs the recogniser; undefined when it is unsure (the reference parser must decide). */
function recognise(text: string): Recogniser | undefined {
  try {
    const recogniser = new Recogniser(text);
    recogniser.query();
    return recogniser;
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}

/** True when the query is certainly valid PromQL; false when the reference parser must decide. */
export function quickPromQL(text: string): boolean {
  return recognise(text) !== undefined;
}

/**
 * The selectors and range calls of a query the recogniser fully knows, exactly as the reference parse tree gives
 * them (a differential test checks it); undefined when it is unsure.
 */
export function quickAnalysis(text: string): PromQLAnalysis | undefined {
  const recogniser = recognise(text);
  if (recogniser === undefined) return undefined;
  return { selectors: recogniser.selectors, rangeCalls: recogniser.rangeCalls };
}
