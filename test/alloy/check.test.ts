import { describe, expect, it } from 'vitest';
import { assertAlloy, checkAlloy } from '../../src/alloy/check.ts';
import { ComponentTable } from '../../src/alloy/component-exports.ts';
import { AlloyConfigError, AlloySyntaxError, formatAlloyProblem } from '../../src/alloy/problem.ts';

const FILE = 'configs/alloy/config.alloy';

function messages(source: string, options = {}): string[] {
  return checkAlloy(source, FILE, options).problems.map(formatAlloyProblem);
}

/** A writer every snippet may forward to. */
const WRITER =
  'prometheus.remote_write "default" {\n\tendpoint {\n\t\turl = "http://prometheus:9090/api/v1/write"\n\t}\n}\n';

interface Case {
  readonly name: string;
  readonly source: string;
  readonly expected: readonly string[];
}

const BROKEN: readonly Case[] = [
  {
    name: 'an unknown reference',
    source: `${WRITER}prometheus.scrape "a" {\n\ttargets    = []\n\tforward_to = [foo.bar.receiver]\n}\n`,
    expected: [
      `${FILE}:8:16: unknown reference foo.bar.receiver: not a declared component, a standard library function or a local name. Declare the component it names, or use a standard library function such as sys.env or string.format.`,
    ],
  },
  {
    name: 'a reference to an undeclared label of a declared component',
    source: `${WRITER}prometheus.scrape "a" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.main.receiver]\n}\n`,
    expected: [
      `${FILE}:8:16: prometheus.remote_write.main.receiver refers to prometheus.remote_write "main", which is not declared (declared prometheus.remote_write labels: default). Declare prometheus.remote_write "main" { … }, or use one of the declared labels.`,
    ],
  },
  {
    name: 'a misspelt label, with a suggestion',
    source: `${WRITER}prometheus.scrape "a" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.defualt.receiver]\n}\n`,
    expected: [
      `${FILE}:8:16: prometheus.remote_write.defualt.receiver refers to prometheus.remote_write "defualt", which is not declared (declared prometheus.remote_write labels: default). Did you mean prometheus.remote_write.default? Or declare prometheus.remote_write "defualt" { … }.`,
    ],
  },
  {
    name: 'a reference to a component that is not declared at all',
    source: 'faro.receiver "web" {\n\toutput {\n\t\tlogs = [loki.write.default.receiver]\n\t}\n}\n',
    expected: [
      `${FILE}:3:11: loki.write.default.receiver refers to loki.write "default", which is not declared. Declare loki.write "default" { … } in this file, or fix the reference.`,
    ],
  },
  {
    name: 'an export the component does not have',
    source: `${WRITER}otelcol.exporter.prometheus "p" {\n\tforward_to = [prometheus.remote_write.default.input]\n}\n`,
    expected: [`${FILE}:7:48: prometheus.remote_write has no export input. Use receiver.`],
  },
  {
    name: 'a misspelt export, with a suggestion',
    source:
      'discovery.kubernetes "pods" {\n\trole = "pod"\n}\ndiscovery.relabel "x" {\n\ttargets = discovery.kubernetes.pods.target\n}\n',
    expected: [
      `${FILE}:5:38: discovery.kubernetes has no export target. Did you mean targets? It exports targets.`,
    ],
  },
  {
    name: 'a reference to a component that exports nothing',
    source: `${WRITER}prometheus.scrape "a" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\ndiscovery.relabel "b" {\n\ttargets = prometheus.scrape.a.targets\n}\n`,
    expected: [
      `${FILE}:11:12: prometheus.scrape.a.targets: prometheus.scrape exports nothing, so prometheus.scrape "a" cannot be referenced. Reference the component it forwards to instead.`,
    ],
  },
  {
    name: 'a reference that stops at the label',
    source: `${WRITER}prometheus.relabel "r" {\n\tforward_to = [prometheus.remote_write.default]\n}\n`,
    expected: [
      `${FILE}:7:16: prometheus.remote_write.default names prometheus.remote_write "default" but none of its exports. Add the export: prometheus.remote_write.default.receiver.`,
    ],
  },
  {
    name: 'an unlabelled component block',
    source: 'prometheus.scrape {\n\ttargets = []\n}\n',
    expected: [
      `${FILE}:1:1: component prometheus.scrape has no label. Give it one: prometheus.scrape "default" { … }; Alloy components are always labelled.`,
    ],
  },
  {
    name: 'a component with an empty label',
    source: 'loki.write "" {\n}\n',
    expected: [
      `${FILE}:1:1: component loki.write has an empty label. Give it one: loki.write "default" { … }; Alloy components are always labelled.`,
    ],
  },
  {
    name: 'a duplicate component',
    source: `${WRITER}\n${WRITER}`,
    expected: [
      `${FILE}:7:1: duplicate component prometheus.remote_write "default": already declared at 1:1. Rename one of the labels; each component name and label pair must be unique.`,
    ],
  },
  {
    name: 'an attribute set twice',
    source: 'discovery.kubernetes "pods" {\n\trole = "pod"\n\trole = "node"\n}\n',
    expected: [`${FILE}:3:2: attribute role is set twice in this block: first at 2:2. Keep one of them.`],
  },
  {
    name: 'a labelled configuration block',
    source: 'logging "main" {\n\tlevel = "info"\n}\n',
    expected: [`${FILE}:1:9: logging is a configuration block and takes no label. Write logging { … }.`],
  },
  {
    name: 'an unknown component, with a suggestion',
    source: 'prometheus.scrap "a" {\n}\n',
    expected: [
      `${FILE}:1:1: unknown component prometheus.scrap. Did you mean prometheus.scrape? Check the name against the Alloy component reference, or add it to the component table (COMPONENT_EXPORTS or options.components).`,
    ],
  },
  {
    name: 'a function the standard library does not have',
    source:
      'loki.write "w" {\n\tendpoint {\n\t\turl       = "http://loki:3100/loki/api/v1/push"\n\t\ttenant_id = sys.envv("LOKI_TENANT")\n\t}\n}\n',
    expected: [`${FILE}:4:19: sys.envv is not in the standard library. Did you mean sys.env? sys has: env.`],
  },
  {
    name: 'a reference from inside declare to a component outside it',
    source: `${WRITER}declare "scraper" {\n\tprometheus.scrape "inner" {\n\t\ttargets    = []\n\t\tforward_to = [prometheus.remote_write.default.receiver]\n\t}\n}\n`,
    expected: [
      `${FILE}:9:17: prometheus.remote_write.default.receiver refers to prometheus.remote_write "default", which is not declared. Declare prometheus.remote_write "default" { … } in this file, or fix the reference.`,
    ],
  },
];

describe('checkAlloy', () => {
  it.each(BROKEN)('reports $name with its position and a fix', ({ source, expected }) => {
    expect(messages(source)).toEqual(expected);
  });

  it('does not take standard library calls and constants for component references', () => {
    const source = `${WRITER}local.file "key" {\n\tfilename = "/etc/key"\n}\ndiscovery.kubernetes "pods" {\n\trole = "pod"\n}\nprometheus.scrape "a" {\n\ttargets = array.concat(discovery.kubernetes.pods.targets, [{ "__address__" = string.format("%s:%d", constants.hostname, 9100) }])\n\tjob_name = coalesce(sys.env("JOB"), env("OLD_JOB"), string.to_lower("A"))\n\tparams = encoding.from_json(local.file.key.content)\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n`;
    expect(messages(source)).toEqual([]);
  });

  it('resolves references in any order, declared before or after use', () => {
    const source = `prometheus.relabel "r" {\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n${WRITER}`;
    expect(messages(source)).toEqual([]);
  });

  it('resolves arguments and exports of a declared custom component', () => {
    const source = [
      'declare "scraper" {',
      '\targument "targets" { }',
      '\targument "forward_to" { }',
      '\tprometheus.scrape "inner" {',
      '\t\ttargets    = argument.targets.value',
      '\t\tforward_to = argument.forward_to.value',
      '\t}',
      '\texport "count" {',
      '\t\tvalue = 1',
      '\t}',
      '}',
      'scraper "nodes" {',
      '\ttargets    = []',
      '\tforward_to = []',
      '}',
      'discovery.relabel "x" {',
      '\ttargets = scraper.nodes.count',
      '}',
      'discovery.relabel "y" {',
      '\ttargets = scraper.nodes.total',
      '}',
      '',
    ].join('\n');
    expect(messages(source)).toEqual([`${FILE}:20:26: scraper has no export total. Use count.`]);
  });

  it('sees the foreach variable inside its template, and the enclosing components', () => {
    const source = [
      WRITER,
      'foreach "exporters" {',
      '\tcollection = ["a:9100", "b:9100"]',
      '\tvar        = "address"',
      '',
      '\ttemplate {',
      '\t\tprometheus.scrape "each" {',
      '\t\t\ttargets    = [{ "__address__" = address }]',
      '\t\t\tforward_to = [prometheus.remote_write.default.receiver]',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\n');
    expect(messages(source)).toEqual([]);
  });

  it('accepts the components of an imported module without knowing their exports', () => {
    const source =
      'import.file "mods" {\n\tfilename = "mods.alloy"\n}\nmods.exporter "a" {\n}\ndiscovery.relabel "x" {\n\ttargets = mods.exporter.a.anything\n}\n';
    expect(messages(source)).toEqual([]);
  });

  it('takes more components from options, so the table is extended without editing the checker', () => {
    const source = 'acme.source "a" {\n}\ndiscovery.relabel "x" {\n\ttargets = acme.source.a.targets\n}\n';
    expect(messages(source)).toHaveLength(1);
    expect(messages(source, { components: [{ name: 'acme.source', exports: ['targets'] }] })).toEqual([]);
  });

  it('reports syntax problems alone: on a broken tree the semantic checks would report consequences', () => {
    expect(checkAlloy('prometheus.scrape {\n\tx = [1 2]\n}\n', FILE).problems.map((p) => p.code)).toEqual([
      'missing-comma',
    ]);
  });

  it('lists the declared components in file order', () => {
    const result = checkAlloy(`${WRITER}loki.write "logs" {\n}\n`, FILE);
    expect(result.components.map((c) => [c.id, c.exports])).toEqual([
      ['prometheus.remote_write.default', ['receiver']],
      ['loki.write.logs', ['receiver']],
    ]);
  });

  it('throws typed errors from assertAlloy: syntax first, then configuration', () => {
    expect(() => assertAlloy('x = [\n\t1\n]\n', FILE)).toThrow(AlloySyntaxError);
    expect(() => assertAlloy('prometheus.scrape {\n}\n', FILE)).toThrow(AlloyConfigError);
    expect(assertAlloy(WRITER, FILE).problems).toEqual([]);
  });
});

describe('ComponentTable', () => {
  const table = new ComponentTable([
    { name: 'otelcol.exporter.*', exports: ['input'] },
    { name: 'otelcol.exporter.special', exports: ['other'] },
  ]);

  it.each([
    ['otelcol.exporter.otlp', ['input']],
    ['otelcol.exporter.special', ['other']],
    ['otelcol.exporter.otlp.tempo', undefined],
    ['otelcol.exporter', undefined],
    ['loki.write', undefined],
  ])('gives %s the exports %j (a family matches exactly one more segment)', (name, exports) => {
    expect(table.exportsOf(name)).toEqual(exports);
  });
});
