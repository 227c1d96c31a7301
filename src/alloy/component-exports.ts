/**
 * Which components exist and what each exports, for resolving `<component name>.<label>.<export>` references.
 * One explicit table: an entry names a component exactly (`loki.write`) or a family by prefix
 * (`otelcol.processor.*`, which matches exactly one more name segment: `otelcol.processor.batch`). Exact entries
 * win over families. Extend it through `checkAlloy(…, { components: [...] })` rather than editing the checker.
 *
 * Sources: the Alloy component reference (exports per component), restated in our telemetry reference §3.2.
 */

export interface ComponentExports {
  /** `a.b.c` for one component, `a.b.*` for a family (one more segment). */
  readonly name: string;
  /** Names of the exported fields other components may reference; empty when the component exports nothing. */
  readonly exports: readonly string[];
}

/** The components this repository's configurations use, and their close relatives. */
export const COMPONENT_EXPORTS: readonly ComponentExports[] = [
  // Discovery produces targets; discovery.relabel renames its export to `output`.
  { name: 'discovery.*', exports: ['targets'] },
  { name: 'discovery.relabel', exports: ['output', 'rules'] },
  { name: 'beyla.ebpf', exports: ['targets'] },
  { name: 'local.file_match', exports: ['targets'] },
  { name: 'prometheus.exporter.*', exports: ['targets'] },

  // Metrics pipeline.
  { name: 'prometheus.scrape', exports: [] },
  { name: 'prometheus.relabel', exports: ['receiver', 'rules'] },
  { name: 'prometheus.remote_write', exports: ['receiver'] },
  { name: 'prometheus.echo', exports: ['receiver'] },
  { name: 'prometheus.receive_http', exports: [] },
  { name: 'prometheus.operator.*', exports: [] },

  // Logs pipeline.
  { name: 'faro.receiver', exports: [] },
  { name: 'loki.source.*', exports: [] },
  { name: 'loki.process', exports: ['receiver'] },
  { name: 'loki.relabel', exports: ['receiver', 'rules'] },
  { name: 'loki.secretfilter', exports: ['receiver'] },
  { name: 'loki.echo', exports: ['receiver'] },
  { name: 'loki.write', exports: ['receiver'] },
  { name: 'loki.rules.kubernetes', exports: [] },
  { name: 'mimir.rules.kubernetes', exports: [] },

  // OpenTelemetry pipeline: consumers export `input`; receivers push through their `output` block.
  { name: 'otelcol.receiver.*', exports: [] },
  { name: 'otelcol.receiver.prometheus', exports: ['receiver'] },
  { name: 'otelcol.receiver.loki', exports: ['receiver'] },
  { name: 'otelcol.processor.*', exports: ['input'] },
  { name: 'otelcol.connector.*', exports: ['input'] },
  { name: 'otelcol.exporter.*', exports: ['input'] },
  { name: 'otelcol.auth.*', exports: ['handler'] },
  { name: 'otelcol.storage.file', exports: ['handler'] },
  { name: 'otelcol.extension.jaeger_remote_sampling', exports: [] },

  // Profiles.
  { name: 'pyroscope.write', exports: ['receiver'] },
  { name: 'pyroscope.scrape', exports: [] },
  { name: 'pyroscope.ebpf', exports: [] },
  { name: 'pyroscope.java', exports: [] },
  { name: 'pyroscope.receive_http', exports: [] },

  // Values read from elsewhere.
  { name: 'local.file', exports: ['content'] },
  { name: 'remote.http', exports: ['content'] },
  { name: 'remote.s3', exports: ['content'] },
  { name: 'remote.vault', exports: ['data'] },
  { name: 'remote.kubernetes.configmap', exports: ['data'] },
  { name: 'remote.kubernetes.secret', exports: ['data'] },
];

/** Looks names up in a table: exact entries first, then the family whose prefix leaves exactly one segment. */
export class ComponentTable {
  private readonly exact = new Map<string, readonly string[]>();
  private readonly families = new Map<string, readonly string[]>();

  constructor(entries: readonly ComponentExports[]) {
    for (const entry of entries) {
      if (entry.name.endsWith('.*')) this.families.set(entry.name.slice(0, -2), entry.exports);
      else this.exact.set(entry.name, entry.exports);
    }
  }

  /** The exports of the component `name`, or undefined when the table does not know it. */
  exportsOf(name: string): readonly string[] | undefined {
    const exact = this.exact.get(name);
    if (exact !== undefined) return exact;
    const dot = name.lastIndexOf('.');
    if (dot < 0) return undefined;
    return this.families.get(name.slice(0, dot));
  }

  /** Every exact name and family pattern, for "did you mean" suggestions. */
  names(): string[] {
    return [...this.exact.keys(), ...[...this.families.keys()].map((f) => `${f}.*`)];
  }
}
