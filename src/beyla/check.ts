/**
 * Checks a Beyla YAML configuration against the schema: unknown keys (with a "did you mean"), wrong types, values
 * outside an enumeration, invalid Go durations, bucket bounds out of order, deprecated keys. Every problem names
 * the file, line and column (from the `yaml` package's LineCounter) and says what to do.
 */
import { readFileSync } from 'node:fs';
import type { Document, Node as YamlNode } from 'yaml';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { didYouMean } from '../core/did-you-mean.ts';
import { parseGoDuration } from './go-duration.ts';
import type { BeylaProblem, BeylaProblemCode } from './problem.ts';
import { BEYLA_SCHEMA } from './schema.ts';
import type { SchemaNode } from './schema-types.ts';

export interface BeylaCheckResult {
  /** The configuration as plain data (undefined when the YAML does not parse). */
  readonly value: unknown;
  /** Every problem, in reading order; empty when the file is clean. */
  readonly problems: readonly BeylaProblem[];
}

/** `${VAR}` is replaced from the environment before Beyla parses the YAML: such values are checked at run time. */
const ENV_REFERENCE = /\$\{[^}]+\}/;

function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeNode(node: YamlNode): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return `the string ${show(value)}`;
    if (typeof value === 'number') return `the number ${String(value)}`;
    if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  }
  return 'something else';
}

function expectedOf(schema: SchemaNode): string {
  switch (schema.kind) {
    case 'string':
      return schema.patternHint ?? 'a string';
    case 'enum':
      return `one of ${schema.values.join(', ')}`;
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'duration':
      return 'a Go duration such as 30s, 5m or 1h30m';
    case 'list':
      return 'a list';
    case 'object':
    case 'map':
      return 'a mapping';
    case 'oneOf':
      return schema.description;
    case 'any':
      return 'anything';
  }
}

/** Where `key` appears as a field below `schema`, as dotted paths (at most three, at most four levels down). */
function pathsOfKey(schema: SchemaNode, key: string, prefix = '', depth = 0): string[] {
  if (depth > 4) return [];
  const inner = schema.kind === 'list' ? schema.items : schema;
  if (inner.kind !== 'object') return [];
  const found: string[] = [];
  for (const [name, field] of Object.entries(inner.fields)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (name === key) found.push(path);
    else found.push(...pathsOfKey(field, key, path, depth + 1));
  }
  return found.slice(0, 3);
}

/** Every field of the schema as [key, dotted path], breadth-first (shallow paths first). */
function allKeyPaths(schema: SchemaNode): [string, string][] {
  const out: [string, string][] = [];
  let level: [SchemaNode, string][] = [[schema, '']];
  for (let depth = 0; depth < 5 && level.length > 0; depth++) {
    const next: [SchemaNode, string][] = [];
    for (const [node, prefix] of level) {
      const inner = node.kind === 'list' ? node.items : node;
      if (inner.kind !== 'object') continue;
      for (const [name, field] of Object.entries(inner.fields)) {
        const path = prefix === '' ? name : `${prefix}.${name}`;
        out.push([name, path]);
        next.push([field, path]);
      }
    }
    level = next;
  }
  return out;
}

class BeylaChecker {
  readonly problems: BeylaProblem[] = [];
  private aliasAt: YamlNode | undefined;

  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly doc: Document.Parsed,
    private readonly root: SchemaNode,
  ) {}

  private report(
    sink: BeylaProblem[],
    node: YamlNode,
    path: string,
    code: BeylaProblemCode,
    problem: string,
    fix: string,
    severity: 'error' | 'warning' = 'error',
  ): void {
    // Inside an alias, problems are reported where the alias is used: that is where the value is wrong.
    const where = this.aliasAt ?? node;
    const { line, col } = this.lines.linePos(where.range?.[0] ?? 0);
    sink.push({ file: this.file, line, column: col, path, code, severity, problem, fix });
  }

  private wrongType(sink: BeylaProblem[], node: YamlNode, path: string, schema: SchemaNode): void {
    let fix = `Write ${expectedOf(schema)}`;
    if (
      isScalar(node) &&
      typeof node.value === 'string' &&
      (schema.kind === 'integer' || schema.kind === 'number')
    ) {
      if (node.value.trim() !== '' && Number.isFinite(Number(node.value)))
        fix = `Write ${node.value} without quotes`;
    }
    if (isScalar(node) && typeof node.value === 'string' && schema.kind === 'boolean') {
      if (/^(true|false)$/i.test(node.value)) fix = `Write ${node.value.toLowerCase()} without quotes`;
    }
    this.report(
      sink,
      node,
      path,
      'wrong-type',
      `expected ${expectedOf(schema)}, got ${describeNode(node)}`,
      fix,
    );
  }

  check(node: YamlNode | null | undefined, schema: SchemaNode, path: string, sink: BeylaProblem[]): void {
    if (node === null || node === undefined) return;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === undefined) return;
      const outer = this.aliasAt;
      this.aliasAt = outer ?? node;
      this.check(target, schema, path, sink);
      this.aliasAt = outer;
      return;
    }
    if (isScalar(node)) {
      if (node.value === null) return; // `key:` with nothing: left unset
      if (typeof node.value === 'string' && ENV_REFERENCE.test(node.value)) return;
    }
    switch (schema.kind) {
      case 'any':
        return;
      case 'string':
        if (!isScalar(node)) return this.wrongType(sink, node, path, schema);
        if (schema.pattern !== undefined && !schema.pattern.test(String(node.value))) {
          this.report(
            sink,
            node,
            path,
            'bad-value',
            `${show(node.value)} is not ${schema.patternHint ?? 'valid here'}`,
            `Write ${schema.patternHint ?? 'a valid value'}`,
          );
        }
        return;
      case 'enum': {
        if (!isScalar(node) || typeof node.value === 'object')
          return this.wrongType(sink, node, path, schema);
        const text = String(node.value);
        const ok = schema.caseInsensitive
          ? schema.values.some((v) => v.toLowerCase() === text.toLowerCase())
          : schema.values.includes(text);
        if (ok) return;
        const suggestion = didYouMean(text, schema.values);
        this.report(
          sink,
          node,
          path,
          'bad-enum',
          `${show(text)} is not one of ${schema.values.join(', ')}`,
          suggestion === undefined ? `Use one of ${schema.values.join(', ')}` : `Did you mean ${suggestion}?`,
        );
        return;
      }
      case 'integer':
      case 'number': {
        if (!isScalar(node) || typeof node.value !== 'number')
          return this.wrongType(sink, node, path, schema);
        const value = node.value;
        if (schema.kind === 'integer' && !Number.isInteger(value))
          return this.wrongType(sink, node, path, schema);
        if (schema.kind === 'integer') {
          const { min, max } = schema;
          if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
            const range =
              max === undefined
                ? `at least ${String(min)}`
                : `between ${String(min ?? 0)} and ${String(max)}`;
            this.report(
              sink,
              node,
              path,
              'out-of-range',
              `${String(value)} is out of range`,
              `Use a value ${range}`,
            );
          }
        }
        return;
      }
      case 'boolean':
        if (!isScalar(node) || typeof node.value !== 'boolean') this.wrongType(sink, node, path, schema);
        return;
      case 'duration': {
        if (!isScalar(node) || typeof node.value === 'object')
          return this.wrongType(sink, node, path, schema);
        const text = String(node.value);
        if (typeof node.value === 'string' && parseGoDuration(text) !== undefined) return;
        const fix =
          typeof node.value === 'number'
            ? `A bare number has no unit: write "${text}s" for seconds, or another Go duration such as 5m`
            : /\d[dwy]/.test(text)
              ? 'Go durations have no d, w or y unit: use h, m, s, ms, us or ns (e.g. 24h)'
              : 'Write a Go duration: a number and a unit (h, m, s, ms, us, ns), e.g. 30s, 5m or 1h30m';
        this.report(sink, node, path, 'bad-duration', `${show(node.value)} is not a valid duration`, fix);
        return;
      }
      case 'list': {
        if (!isSeq(node)) return this.wrongType(sink, node, path, schema);
        node.items.forEach((item, i) => this.check(item as YamlNode, schema.items, at(path, i), sink));
        if (schema.increasing === true) this.checkIncreasing(node.items as YamlNode[], path, sink);
        return;
      }
      case 'map': {
        if (!isMap(node)) return this.wrongType(sink, node, path, schema);
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          this.check(pair.value as YamlNode | null, schema.values, at(path, key), sink);
        }
        return;
      }
      case 'object':
        return this.checkObject(node, schema, path, sink);
      case 'oneOf':
        return this.checkOneOf(node, schema, path, sink);
    }
  }

  private checkObject(
    node: YamlNode,
    schema: SchemaNode & { readonly kind: 'object' },
    path: string,
    sink: BeylaProblem[],
  ): void {
    if (!isMap(node)) return this.wrongType(sink, node, path, schema);
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (keyNode === null || !isScalar(keyNode)) continue;
      const key = String(keyNode.value);
      const field = schema.fields[key];
      if (field === undefined) {
        if (schema.open === true) continue;
        this.report(
          sink,
          keyNode,
          at(path, key),
          'unknown-key',
          `unknown key ${key}`,
          this.unknownKeyFix(key, schema, path),
        );
        continue;
      }
      if (field.deprecated !== undefined) {
        this.report(
          sink,
          keyNode,
          at(path, key),
          'deprecated',
          `${key} is deprecated`,
          `Use ${field.deprecated} instead`,
          'warning',
        );
      }
      this.check(pair.value as YamlNode | null, field, at(path, key), sink);
    }
  }

  private unknownKeyFix(key: string, schema: SchemaNode & { readonly kind: 'object' }, path: string): string {
    // The key exactly, one level or more further down (`duration_histogram` under `buckets`).
    const below = pathsOfKey(schema, key).map((p) => at(path, p));
    if (below.length > 0) return `Did you mean ${below.join(' or ')}? ${key} belongs there`;
    const names = Object.keys(schema.fields);
    const sibling = didYouMean(key, names);
    if (sibling !== undefined) return `Did you mean ${sibling}?`;
    // The key (or a near spelling) in another section (`features` at the top level: `metrics.features`).
    const elsewhere = pathsOfKey(this.root, key);
    if (elsewhere.length > 0) return `Did you mean ${elsewhere.join(' or ')}? ${key} belongs there`;
    const everyKey = allKeyPaths(this.root);
    const near = didYouMean(
      key,
      everyKey.map(([name]) => name),
    );
    const nearPath = everyKey.find(([name]) => name === near)?.[1];
    if (nearPath !== undefined) return `Did you mean ${nearPath}?`;
    const known = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
    return `Remove it (Beyla would silently ignore it); keys known ${path === '' ? 'at the top level' : `under ${path}`}: ${known}`;
  }

  private checkOneOf(
    node: YamlNode,
    schema: SchemaNode & { readonly kind: 'oneOf' },
    path: string,
    sink: BeylaProblem[],
  ): void {
    const shapeFits = (option: SchemaNode): boolean => {
      if (isSeq(node)) return option.kind === 'list' || option.kind === 'any';
      if (isMap(node)) return option.kind === 'object' || option.kind === 'map' || option.kind === 'any';
      return option.kind !== 'list' && option.kind !== 'object' && option.kind !== 'map';
    };
    const candidates = schema.options.filter(shapeFits);
    for (const option of candidates) {
      const trial: BeylaProblem[] = [];
      this.check(node, option, path, trial);
      if (trial.length === 0) return;
      if (candidates.length === 1 && !isScalar(node)) {
        sink.push(...trial);
        return;
      }
    }
    this.report(
      sink,
      node,
      path,
      'wrong-type',
      `expected ${schema.description}, got ${describeNode(node)}`,
      `Write ${schema.description}`,
    );
  }

  private checkIncreasing(items: readonly YamlNode[], path: string, sink: BeylaProblem[]): void {
    let previous: number | undefined;
    items.forEach((item, i) => {
      if (!isScalar(item) || typeof item.value !== 'number') return;
      if (previous !== undefined && item.value <= previous) {
        this.report(
          sink,
          item,
          at(path, i),
          'bad-value',
          `bucket bound ${String(item.value)} does not increase on the previous one (${String(previous)})`,
          'List bucket bounds in increasing order, without duplicates',
        );
      }
      previous = item.value;
    });
  }
}

/** Checks the text of a Beyla YAML configuration; `file` is the name messages use. */
export function checkBeylaConfig(
  text: string,
  file = '<input>',
  schema: SchemaNode = BEYLA_SCHEMA,
): BeylaCheckResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error): BeylaProblem => {
      const { line, col } = lines.linePos(error.pos[0]);
      const duplicate = error.code === 'DUPLICATE_KEY';
      return {
        file,
        line,
        column: col,
        path: '',
        code: 'yaml-syntax',
        severity: 'error',
        problem: `YAML does not parse: ${error.message.split('\n')[0] ?? error.code}`,
        fix: duplicate ? 'Remove one of the duplicate keys' : 'Fix the YAML syntax at this position',
      };
    });
    return { value: undefined, problems };
  }
  const checker = new BeylaChecker(file, lines, doc, schema);
  const contents = doc.contents as YamlNode | null;
  if (contents !== null) checker.check(contents, schema, '', checker.problems);
  const problems = [...checker.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  return { value: doc.toJS() as unknown, problems };
}

/** Reads and checks a Beyla YAML file; `displayName` (default: the path) is the name messages use. */
export function checkBeylaFile(
  path: string,
  displayName = path,
  schema: SchemaNode = BEYLA_SCHEMA,
): BeylaCheckResult {
  return checkBeylaConfig(readFileSync(path, 'utf8'), displayName, schema);
}
