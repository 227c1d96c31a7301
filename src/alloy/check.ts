/**
 * What `alloy validate` would catch that the grammar does not: every component is labelled and known, no
 * name and label pair is declared twice, no attribute is set twice in a block, and every reference in an
 * expression resolves to a declared component and one of its exports, to the standard library, or to a
 * local (`argument.<name>.value` inside `declare`, the `foreach` variable inside its `template`).
 *
 * Scopes follow Alloy's module rules: a `declare` body sees only its own components and arguments (plus
 * the custom components and imports declared around it); a `foreach` template also sees the enclosing ones.
 */
import { readFileSync } from 'node:fs';
import { didYouMean } from '../core/did-you-mean.ts';
import type { AlloyFile, Block, Expression, Position, Statement } from './ast.ts';
import { isConfigBlock, isModuleBlock } from './block-kinds.ts';
import type { ComponentExports } from './component-exports.ts';
import { COMPONENT_EXPORTS, ComponentTable } from './component-exports.ts';
import { parseAlloy, parseAlloyOrThrow } from './parser.ts';
import type { AlloyProblem, AlloyProblemCode } from './problem.ts';
import { AlloyConfigError, problemAt, sortAlloyProblems } from './problem.ts';
import type { Reference } from './references.ts';
import { referencesIn } from './references.ts';
import { STDLIB } from './stdlib.ts';

export interface AlloyCheckOptions {
  /** More component entries, or overrides of COMPONENT_EXPORTS entries with the same name. */
  readonly components?: readonly ComponentExports[];
}

/** A component block with its label: `prometheus.scrape "node"`. */
export interface DeclaredComponent {
  readonly name: string;
  readonly label: string;
  /** `prometheus.scrape.node`: the prefix every reference to it starts with. */
  readonly id: string;
  readonly block: Block;
  /** What it exports; undefined when unknown (components from an `import`). */
  readonly exports: readonly string[] | undefined;
}

interface Scope {
  readonly parent: Scope | undefined;
  /** Whether component declarations of the parent are visible (foreach templates: yes; declare: no). */
  readonly seesParentComponents: boolean;
  readonly components: Map<string, Map<string, DeclaredComponent>>;
  readonly custom: Map<string, readonly string[]>;
  readonly imports: Set<string>;
  readonly locals: Set<string>;
}

function newScope(parent: Scope | undefined, seesParentComponents: boolean): Scope {
  return {
    parent,
    seesParentComponents,
    components: new Map(),
    custom: new Map(),
    imports: new Set(),
    locals: new Set(),
  };
}

function blocksOf(body: readonly Statement[]): Block[] {
  return body.filter((s): s is Block => s.kind === 'block');
}

class Checker {
  readonly problems: AlloyProblem[] = [];
  readonly declared: DeclaredComponent[] = [];

  constructor(
    private readonly file: string,
    private readonly table: ComponentTable,
  ) {}

  private report(at: Position, code: AlloyProblemCode, problem: string, fix: string): void {
    this.problems.push(problemAt(this.file, at, code, problem, fix));
  }

  private customExports(scope: Scope, name: string): readonly string[] | undefined {
    for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
      const found = s.custom.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private isImport(scope: Scope, namespace: string): boolean {
    for (let s: Scope | undefined = scope; s !== undefined; s = s.parent)
      if (s.imports.has(namespace)) return true;
    return false;
  }

  private isLocal(scope: Scope, name: string): boolean {
    for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) if (s.locals.has(name)) return true;
    return false;
  }

  /** The scopes whose components `scope` sees, innermost first. */
  private visible(scope: Scope): Scope[] {
    const out = [scope];
    for (let s = scope; s.seesParentComponents && s.parent !== undefined; s = s.parent) out.push(s.parent);
    return out;
  }

  private lookup(scope: Scope, name: string, label: string): DeclaredComponent | undefined {
    for (const s of this.visible(scope)) {
      const found = s.components.get(name)?.get(label);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private labelsOf(scope: Scope, name: string): string[] {
    return this.visible(scope).flatMap((s) => [...(s.components.get(name)?.keys() ?? [])]);
  }

  /** Exports of a component type: table, then custom (`declare`), then imported (unknown); null when unknown. */
  private typeOf(scope: Scope, name: string): { readonly exports: readonly string[] | undefined } | null {
    if (name === 'argument') return { exports: ['value'] };
    const known = this.table.exportsOf(name);
    if (known !== undefined) return { exports: known };
    const custom = this.customExports(scope, name);
    if (custom !== undefined) return { exports: custom };
    const namespace = name.split('.')[0] ?? name;
    if (name.includes('.') && this.isImport(scope, namespace)) return { exports: undefined };
    return null;
  }

  checkFile(ast: AlloyFile): void {
    this.checkBody(ast.body, newScope(undefined, false));
  }

  private checkBody(body: readonly Statement[], scope: Scope): void {
    this.checkDuplicateAttributes(body);
    // Declarations first: references may point forward (statement order does not matter in Alloy).
    for (const block of blocksOf(body)) this.declare(block, scope);
    for (const statement of body) {
      if (statement.kind === 'attribute') {
        this.checkExpression(statement.value, scope);
        continue;
      }
      if (statement.name === 'declare') {
        this.checkBody(statement.body, newScope(scope, false));
      } else if (statement.name === 'foreach') {
        this.checkForeach(statement, scope);
      } else {
        this.checkDuplicateAttributes(statement.body);
        this.checkBlockContents(statement, scope);
      }
    }
  }

  private checkForeach(block: Block, scope: Scope): void {
    const inner = newScope(scope, true);
    for (const statement of block.body) {
      if (statement.kind === 'attribute') {
        this.checkExpression(statement.value, scope);
        if (statement.name === 'var' && statement.value.kind === 'string')
          inner.locals.add(statement.value.value);
      }
    }
    for (const statement of block.body) {
      if (statement.kind === 'block' && statement.name === 'template') this.checkBody(statement.body, inner);
    }
    this.checkDuplicateAttributes(block.body);
  }

  private declare(block: Block, scope: Scope): void {
    const { name, label } = block;
    if (isConfigBlock(name)) {
      if (label !== undefined && block.labelStart !== undefined) {
        this.report(
          block.labelStart,
          'labelled-config-block',
          `${name} is a configuration block and takes no label`,
          `Write ${name} { … }`,
        );
      }
      return;
    }
    if (isModuleBlock(name)) {
      if (label === undefined || label === '') {
        this.report(
          block.start,
          'unlabelled-component',
          `${name} block has no label`,
          `Write ${name} "name" { … }`,
        );
        return;
      }
      if (name === 'declare') {
        const exports = blocksOf(block.body)
          .filter((b) => b.name === 'export' && b.label !== undefined)
          .map((b) => b.label ?? '');
        scope.custom.set(label, exports);
      } else if (name.startsWith('import.')) scope.imports.add(label);
      else if (name === 'argument') this.add(scope, block, label, ['value']);
      return;
    }
    if (label === undefined || label === '') {
      this.report(
        block.start,
        'unlabelled-component',
        `component ${name} has ${label === undefined ? 'no' : 'an empty'} label`,
        `Give it one: ${name} "default" { … }; Alloy components are always labelled`,
      );
      return;
    }
    const type = this.typeOf(scope, name);
    if (type === null) {
      const suggestion = didYouMean(name, [...this.table.names(), ...scope.custom.keys()]);
      this.report(
        block.start,
        'unknown-component',
        `unknown component ${name}`,
        `${suggestion === undefined ? '' : `Did you mean ${suggestion}? `}Check the name against the Alloy ` +
          'component reference, or add it to the component table (COMPONENT_EXPORTS or options.components)',
      );
    }
    this.add(scope, block, label, type?.exports);
  }

  private add(scope: Scope, block: Block, label: string, exports: readonly string[] | undefined): void {
    const byLabel = scope.components.get(block.name) ?? new Map<string, DeclaredComponent>();
    scope.components.set(block.name, byLabel);
    const first = byLabel.get(label);
    if (first !== undefined) {
      this.report(
        block.start,
        'duplicate-component',
        `duplicate component ${block.name} "${label}": already declared at ${first.block.start.line}:${first.block.start.column}`,
        'Rename one of the labels; each component name and label pair must be unique',
      );
      return;
    }
    const declared: DeclaredComponent = {
      name: block.name,
      label,
      id: `${block.name}.${label}`,
      block,
      exports,
    };
    byLabel.set(label, declared);
    if (block.name !== 'argument') this.declared.push(declared);
  }

  private checkDuplicateAttributes(body: readonly Statement[]): void {
    const seen = new Map<string, Position>();
    for (const statement of body) {
      if (statement.kind !== 'attribute') continue;
      const first = seen.get(statement.name);
      if (first === undefined) seen.set(statement.name, statement.start);
      else {
        this.report(
          statement.start,
          'duplicate-attribute',
          `attribute ${statement.name} is set twice in this block: first at ${first.line}:${first.column}`,
          'Keep one of them',
        );
      }
    }
  }

  /** Attributes and nested blocks (`rule { … }`, `endpoint { … }`) of a component or config block. */
  private checkBlockContents(block: Block, scope: Scope): void {
    for (const statement of block.body) {
      if (statement.kind === 'attribute') this.checkExpression(statement.value, scope);
      else {
        this.checkDuplicateAttributes(statement.body);
        this.checkBlockContents(statement, scope);
      }
    }
  }

  private checkExpression(expr: Expression, scope: Scope): void {
    for (const ref of referencesIn(expr)) this.resolve(ref, scope);
  }

  private resolve(ref: Reference, scope: Scope): void {
    const { parts } = ref;
    const head = parts[0] ?? '';
    const text = parts.join('.');
    if (this.isLocal(scope, head)) return;

    // A declared component: the longest name that, with the next part as label, was declared.
    for (let i = parts.length - 1; i >= 1; i--) {
      const name = parts.slice(0, i).join('.');
      const label = parts[i] ?? '';
      const component = this.lookup(scope, name, label);
      if (component === undefined) continue;
      this.checkExport(ref, component, i + 1);
      return;
    }

    const library = STDLIB[head];
    if (library !== undefined) {
      const member = parts[1];
      if (library !== 'function' && member !== undefined && !library.includes(member)) {
        const suggestion = didYouMean(member, library);
        this.report(
          ref.partStarts[1] ?? ref.start,
          'unknown-function',
          `${head}.${member} is not in the standard library`,
          `${suggestion === undefined ? '' : `Did you mean ${head}.${suggestion}? `}${head} has: ${library.join(', ')}`,
        );
      }
      return;
    }

    // A known component type with an undeclared label.
    for (let i = parts.length - 1; i >= 1; i--) {
      const name = parts.slice(0, i).join('.');
      if (this.typeOf(scope, name) === null && this.labelsOf(scope, name).length === 0) continue;
      const label = parts[i] ?? '';
      const labels = this.labelsOf(scope, name);
      if (labels.length > 0) {
        const suggestion = didYouMean(label, labels);
        this.report(
          ref.start,
          'undeclared-component',
          `${text} refers to ${name} "${label}", which is not declared (declared ${name} labels: ${labels.join(', ')})`,
          suggestion === undefined
            ? `Declare ${name} "${label}" { … }, or use one of the declared labels`
            : `Did you mean ${name}.${suggestion}? Or declare ${name} "${label}" { … }`,
        );
      } else {
        this.report(
          ref.start,
          'undeclared-component',
          `${text} refers to ${name} "${label}", which is not declared`,
          `Declare ${name} "${label}" { … } in this file, or fix the reference`,
        );
      }
      return;
    }

    const ids = this.visible(scope).flatMap((s) =>
      [...s.components.values()].flatMap((byLabel) => [...byLabel.values()].map((c) => c.id)),
    );
    const prefix = parts.slice(0, Math.max(1, parts.length - 1)).join('.');
    const suggestion = didYouMean(prefix, ids);
    this.report(
      ref.start,
      'unknown-reference',
      `unknown reference ${text}: not a declared component, a standard library function or a local name`,
      suggestion === undefined
        ? 'Declare the component it names, or use a standard library function such as sys.env or string.format'
        : `Did you mean ${suggestion}.${parts[parts.length - 1] ?? ''}?`,
    );
  }

  private checkExport(ref: Reference, component: DeclaredComponent, exportIndex: number): void {
    const exports = component.exports;
    if (exports === undefined) return;
    const exported = ref.parts[exportIndex];
    const header = `${component.name} "${component.label}"`;
    if (exports.length === 0) {
      this.report(
        ref.start,
        'unknown-export',
        `${ref.parts.join('.')}: ${component.name} exports nothing, so ${header} cannot be referenced`,
        'Reference the component it forwards to instead',
      );
      return;
    }
    if (exported === undefined) {
      this.report(
        ref.start,
        'unknown-export',
        `${ref.parts.join('.')} names ${header} but none of its exports`,
        `Add the export: ${component.id}.${exports[0] ?? ''}`,
      );
      return;
    }
    if (exports.includes(exported)) return;
    const suggestion = didYouMean(exported, exports);
    this.report(
      ref.partStarts[exportIndex] ?? ref.start,
      'unknown-export',
      `${component.name} has no export ${exported}`,
      `${suggestion === undefined ? 'Use' : `Did you mean ${suggestion}? It exports`} ${exports.join(', ')}`,
    );
  }
}

export interface AlloyCheckResult {
  readonly ast: AlloyFile;
  /** Syntax problems, or (when the file parses) every semantic problem; in reading order. */
  readonly problems: readonly AlloyProblem[];
  /** The component blocks declared, in file order (top level and inside `declare` / `foreach`). */
  readonly components: readonly DeclaredComponent[];
}

/** The semantic checks on an already parsed file. */
export function checkAlloyAst(
  ast: AlloyFile,
  options: AlloyCheckOptions = {},
): { readonly problems: AlloyProblem[]; readonly components: DeclaredComponent[] } {
  const checker = new Checker(
    ast.file,
    new ComponentTable([...COMPONENT_EXPORTS, ...(options.components ?? [])]),
  );
  checker.checkFile(ast);
  return { problems: sortAlloyProblems(checker.problems), components: checker.declared };
}

/**
 * Parses and checks an Alloy configuration. The semantic checks run only on a file that parses: on a broken
 * tree they would mostly report consequences of the syntax error.
 */
export function checkAlloy(
  source: string,
  file = '<input>',
  options: AlloyCheckOptions = {},
): AlloyCheckResult {
  const parsed = parseAlloy(source, file);
  if (parsed.problems.length > 0) return { ast: parsed.ast, problems: parsed.problems, components: [] };
  const { problems, components } = checkAlloyAst(parsed.ast, options);
  return { ast: parsed.ast, problems, components };
}

/** Reads and checks a file; `displayName` (default: the path) is the name messages use. */
export function checkAlloyFile(
  path: string,
  displayName = path,
  options: AlloyCheckOptions = {},
): AlloyCheckResult {
  return checkAlloy(readFileSync(path, 'utf8'), displayName, options);
}

/**
 * Parses and checks, throwing an AlloySyntaxError when the file does not parse and an AlloyConfigError when it
 * parses but does not hold together; each lists every problem.
 */
export function assertAlloy(
  source: string,
  file = '<input>',
  options: AlloyCheckOptions = {},
): AlloyCheckResult {
  const ast = parseAlloyOrThrow(source, file);
  const { problems, components } = checkAlloyAst(ast, options);
  if (problems.length > 0) throw new AlloyConfigError(problems);
  return { ast, problems, components };
}
