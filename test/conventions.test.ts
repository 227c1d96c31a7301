/**
 * House rules that the compiler does not enforce: no `any`, no non-null `!`, no environment or exit in the SDK,
 * content importing the SDK only through its index, and the SDK never importing content.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIRS, listTsFiles } from '../src/project/content-files.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const rel = (path: string): string => relative(root, path).split(sep).join('/');

const CODE_DIRS = ['src', 'scripts', 'test', 'bench', ...CONTENT_DIRS];
const files = CODE_DIRS.flatMap((dir) => listTsFiles(join(root, dir))).concat(join(root, 'stack.config.ts'));

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly what: string;
}

function scan(file: string, text = readFileSync(file, 'utf8')): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const add = (node: ts.Node, what: string): void => {
    findings.push({
      file: rel(file),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      what,
    });
  };
  const inSdk = rel(file).startsWith('src/');
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) add(node, 'any');
    if (ts.isNonNullExpression(node)) add(node, 'non-null assertion');
    if (inSdk && ts.isPropertyAccessExpression(node) && node.expression.getText() === 'process') {
      if (node.name.text === 'env' || node.name.text === 'exit')
        add(node, `process.${node.name.text} in src/`);
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      const target = rel(join(file, '..', spec));
      if (inSdk && CONTENT_DIRS.some((d) => target.startsWith(`${d}/`)))
        add(node, `src/ imports content (${spec})`);
      const isContent = CONTENT_DIRS.some((d) => rel(file).startsWith(`${d}/`));
      if (isContent && target.startsWith('src/') && target !== 'src/index.ts')
        add(node, `content imports SDK internals (${spec})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('conventions', () => {
  it('scans a meaningful number of files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('no any, no non-null assertion, no process.env or process.exit in src/, content imports only src/index.ts', () => {
    expect(files.flatMap((file) => scan(file))).toEqual([]);
  });

  it('detects each kind of violation (the scanner itself works)', () => {
    const sdk = `import x from '../dashboards/index.ts';\nconst a: any = x;\nconst b = a!;\nprocess.exit(process.env.N ? b : 0);\n`;
    expect(scan(join(root, 'src', 'probe.ts'), sdk).map((f) => `${f.line} ${f.what}`)).toEqual([
      '1 src/ imports content (../dashboards/index.ts)',
      '2 any',
      '3 non-null assertion',
      '4 process.exit in src/',
      '4 process.env in src/',
    ]);
    const content = `import { x } from '../src/kit/queries.ts';\nimport { y } from '../src/index.ts';\n`;
    expect(scan(join(root, 'dashboards', 'probe.ts'), content).map((f) => f.what)).toEqual([
      'content imports SDK internals (../src/kit/queries.ts)',
    ]);
  });
});
