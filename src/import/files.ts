/**
 * Content files an import writes: one per resource, in the content folder of its kind, named after its uid, with
 * the imports its code needs, formatted by the repository's own Prettier settings, and listed in the folder's
 * index.ts (which validation requires).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind } from '../core/kinds.ts';
import type { Code } from './code.ts';
import { calledIn, print, readsConfig } from './code.ts';

/** The content folder each imported kind goes to. */
export const FOLDER_OF_KIND: Readonly<Record<Kind, string>> = {
  Folder: 'dashboards',
  Dashboard: 'dashboards',
  DataSource: 'datasources',
  ContactPoint: 'alerts',
  MuteTiming: 'alerts',
  NotificationTemplate: 'alerts',
  NotificationPolicyTree: 'alerts',
  AlertRuleGroup: 'alerts',
};

/** The file name of an imported resource, without the folder and extension. */
export function fileNameFor(kind: Kind, uid: string): string {
  const name = fileNameOf(uid);
  switch (kind) {
    case 'Folder':
      return `folder-${name}`;
    case 'ContactPoint':
      return `contact-point-${name}`;
    case 'MuteTiming':
      return `mute-timing-${name}`;
    case 'NotificationTemplate':
      return `template-${name}`;
    case 'NotificationPolicyTree':
      return 'notification-policies';
    case 'AlertRuleGroup':
      return `rules-${name}`;
    default:
      return name;
  }
}

export interface ContentFile {
  /** Relative to the root: `dashboards/service-red.ts`. */
  readonly path: string;
  /** The identifier the index imports it as. */
  readonly binding: string;
  readonly source: string;
}

/** How content files import the SDK and the Config type, as the repository's own content does. */
export interface ProjectStyle {
  /** `../src/index.ts` in this repository; a package name where the SDK is installed as one. */
  readonly sdk: string;
  /** `import type { StackConfig } from '../stack.config.ts'`, when the project exports such a type. */
  readonly configType?: { readonly name: string; readonly from: string };
}

/** The module content files import `define*` from: the first such import found in the content folders. */
function sdkImport(root: string): string | undefined {
  for (const dir of ['dashboards', 'alerts', 'datasources', 'slos']) {
    const folder = join(root, dir);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const text = readFileSync(join(folder, file), 'utf8');
      const match = /import\s*\{[^}]*\bdefine\w+[^}]*\}\s*from\s*'([^']+)'/.exec(text);
      if (match?.[1] !== undefined) return match[1];
    }
  }
  return undefined;
}

/** The style of the project at `root`: how its content imports the SDK, and its Config type. */
export function projectStyle(root: string): ProjectStyle {
  const sdk = sdkImport(root) ?? '../src/index.ts';
  const config = join(root, 'stack.config.ts');
  const text = existsSync(config) ? readFileSync(config, 'utf8') : '';
  // The Config type content files name: StackConfig by convention, else the one defineConfig is given.
  const type = /export (?:type|interface) StackConfig\b/.test(text)
    ? 'StackConfig'
    : /defineConfig<(\w+)>\(/.exec(text)?.[1];
  return type === undefined ? { sdk } : { sdk, configType: { name: type, from: '../stack.config.ts' } };
}

/** `service-red` → `serviceRed`; a leading digit gets an underscore. */
export function bindingOf(name: string): string {
  const camel = name
    .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c === undefined ? '' : c.toUpperCase()))
    .replace(/^[A-Z]/, (c) => c.toLowerCase());
  return /^[A-Za-z_$]/.test(camel) ? camel : `_${camel}`;
}

/** A file name for a uid: lower-case letters, digits and dashes. */
export function fileNameOf(uid: string): string {
  const name = uid
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'imported' : name;
}

/**
 * The source of a content file defining one resource with `definer(input)`: the input a function of the Config
 * when it reads the Config and the project has a Config type, a plain value otherwise.
 */
/** The input type of each definer, which the function form annotates its result with. */
const INPUT_TYPE: Readonly<Record<string, string>> = {
  defineFolder: 'FolderInput',
  defineDashboard: 'DashboardInput',
  defineDataSource: 'DataSourceInput',
  defineContactPoint: 'ContactPointInput',
  defineMuteTiming: 'MuteTimingInput',
  defineNotificationTemplate: 'NotificationTemplateInput',
  defineNotificationPolicyTree: 'NotificationPolicyTreeSpec',
  defineAlertRuleGroup: 'AlertRuleGroupInput',
  defineGrafanaAlertRuleGroup: 'GrafanaAlertRuleGroupInput',
};

export function contentSource(
  definer: string,
  input: Code,
  style: ProjectStyle,
  header: string,
  extra: readonly string[] = [],
): string {
  const functions = [...new Set([definer, ...calledIn(input), ...extra])].sort();
  const configType = readsConfig(input) ? style.configType : undefined;
  const inputType = INPUT_TYPE[definer];
  const lines = [`// ${header}`];
  if (configType !== undefined) lines.push(`import type { ${configType.name} } from '${configType.from}';`);
  if (configType !== undefined && inputType !== undefined)
    lines.push(`import type { ${inputType} } from '${style.sdk}';`);
  lines.push(`import { ${functions.join(', ')} } from '${style.sdk}';`, '');
  const body = print(input);
  // In the function form the result is annotated with the definer's input type: a return value is otherwise typed
  // on its own, and a list of rules of different shapes would not be a list of rules.
  lines.push(
    configType !== undefined
      ? `export default ${definer}((cfg: ${configType.name})${inputType === undefined ? '' : `: ${inputType}`} => (${body}));`
      : `export default ${definer}(${body});`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The index with the files added: an import line after the last import, and the binding at the end of the
 * default-exported array. Undefined when the index does not have that shape (the caller says to add them by hand).
 */
export function indexWith(
  index: string,
  files: readonly { binding: string; file: string }[],
): string | undefined {
  const end = index.lastIndexOf('];');
  const start = index.indexOf('export default [');
  if (start < 0 || end < start) return undefined;
  const lines = index.split('\n');
  let lastImport = -1;
  lines.forEach((line, i) => {
    if (/^import\b/.test(line)) lastImport = i;
  });
  const imports = files.map((f) => `import ${f.binding} from './${f.file}';`);
  lines.splice(lastImport + 1, 0, ...imports);
  const withImports = lines.join('\n');
  const close = withImports.lastIndexOf('];');
  const before = withImports.slice(0, close).replace(/\s*$/, '');
  const separator = before.endsWith('[') || before.endsWith(',') ? '' : ',';
  return `${before}${separator}\n${files.map((f) => `  ${f.binding},`).join('\n')}\n${withImports.slice(close)}`;
}

/** A new index listing the files. */
export function newIndex(files: readonly { binding: string; file: string }[], what: string): string {
  return `// ${what}. A content file not reachable from here is reported by validation.\n${files
    .map((f) => `import ${f.binding} from './${f.file}';`)
    .join('\n')}\n\nexport default [\n${files.map((f) => `  ${f.binding},`).join('\n')}\n];\n`;
}
