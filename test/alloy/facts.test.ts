import { describe, expect, it } from 'vitest';
import type { Attribute, Expression } from '../../src/alloy/ast.ts';
import { extractAlloyFacts } from '../../src/alloy/facts.ts';
import { describeValue, evaluateLiteral } from '../../src/alloy/literal.ts';
import { parseAlloyOrThrow } from '../../src/alloy/parser.ts';

function expression(text: string): Expression {
  const [statement] = parseAlloyOrThrow(`x = ${text}\n`, 't.alloy').body;
  if (statement?.kind !== 'attribute') throw new Error('expected an attribute');
  return (statement as Attribute).value;
}

describe('evaluateLiteral', () => {
  it.each([
    ['"text"', 'text'],
    ['`raw`', 'raw'],
    ['42', 42],
    ['-1.5', -1.5],
    ['(7)', 7],
    ['true', true],
    ['null', null],
    ['[1, "a", [false]]', [1, 'a', [false]]],
    ['{ a = 1, "b-c" = { d = [] } }', { a: 1, 'b-c': { d: [] } }],
  ])('evaluates %s', (text, value) => {
    expect(evaluateLiteral(expression(text))).toEqual({ literal: true, value });
  });

  it.each(['sys.env("X")', 'a.b.c', '1 + 2', '!true', '-"a"', '[1, foo]', '{ a = coalesce("x") }'])(
    'leaves %s to Alloy, pointing at the first part that is not literal',
    (text) => {
      const result = evaluateLiteral(expression(text));
      expect(result.literal).toBe(false);
    },
  );

  it('describes an expression by its text, references and environment variables', () => {
    expect(describeValue(expression('coalesce(sys.env("LOKI_TENANT"), "stack")'))).toEqual({
      kind: 'expression',
      text: 'coalesce(sys.env("LOKI_TENANT"), "stack")',
      references: ['coalesce', 'sys.env'],
      env: ['LOKI_TENANT'],
      at: { line: 1, column: 5, offset: 4 },
    });
  });
});

const CONFIG = `
prometheus.scrape "node" {
	targets    = [{ "__address__" = "node:9100" }, { "__address__" = sys.env("EXTRA") }]
	forward_to = [prometheus.remote_write.default.receiver]
}

prometheus.scrape "named" {
	targets      = discovery.relabel.x.output
	job_name     = "node-exporter"
	honor_labels = true
	forward_to   = [prometheus.remote_write.default.receiver]

	clustering {
		enabled = true
	}
}

prometheus.scrape "computed" {
	targets    = []
	job_name   = string.format("%s", "x")
	forward_to = []
}

faro.receiver "web" {
	server {
		listen_address = "0.0.0.0"
	}

	extra_log_labels = { app = "shop", kind = "" }

	output {
		logs = [loki.write.default.receiver]
	}
}

loki.write "default" {
	endpoint {
		url       = "http://loki:3100/loki/api/v1/push"
		tenant_id = "stack"
	}
}

prometheus.remote_write "default" {
	endpoint {
		url     = "http://prometheus:9090/api/v1/write"
		headers = { "x-scope-orgid" = sys.env("TENANT"), "Authorization" = sys.env("TOKEN") }
	}
}

otelcol.exporter.otlp "tempo" {
	client {
		endpoint = "tempo:4317"
	}
}
`;

describe('extractAlloyFacts', () => {
  const facts = extractAlloyFacts(parseAlloyOrThrow(CONFIG, 't.alloy'));

  it('gives each scrape its job: job_name when literal, Alloy default otherwise', () => {
    expect(
      facts.scrapes.map((s) => [s.label, s.jobName, s.jobNameSource, s.honorLabels, s.clustering]),
    ).toEqual([
      ['node', 'prometheus.scrape.node', 'default', false, false],
      ['named', 'node-exporter', 'literal', true, true],
      ['computed', 'string.format("%s", "x")', 'expression', false, false],
    ]);
  });

  it('lists the literal target addresses and what each scrape forwards to', () => {
    const [node, named] = facts.scrapes;
    expect(node?.staticAddresses).toEqual(['node:9100']);
    expect(node?.forwardTo).toEqual(['prometheus.remote_write.default.receiver']);
    expect(named?.staticAddresses).toEqual([]);
    expect(named?.targets).toMatchObject({ kind: 'expression', references: ['discovery.relabel.x.output'] });
  });

  it('reads the Loki labels the Faro receiver sets', () => {
    const [faro] = facts.faroReceivers;
    expect(faro?.extraLogLabels).toMatchObject({
      app: { kind: 'literal', value: 'shop' },
      kind: { kind: 'literal', value: '' },
    });
    expect(faro?.listenAddress).toMatchObject({ kind: 'literal', value: '0.0.0.0' });
    expect(faro?.logsTo).toEqual(['loki.write.default.receiver']);
    expect(faro?.tracesTo).toEqual([]);
  });

  it('reads endpoints and their tenant, from tenant_id or the X-Scope-OrgID header in any case', () => {
    expect(
      facts.endpoints.map((e) => [
        e.id,
        e.url?.kind === 'literal' ? e.url.value : e.url?.kind,
        e.tenantSource,
        e.tenant?.kind === 'literal'
          ? e.tenant.value
          : e.tenant?.kind === 'expression'
            ? e.tenant.env
            : undefined,
      ]),
    ).toEqual([
      ['loki.write.default', 'http://loki:3100/loki/api/v1/push', 'tenant_id', 'stack'],
      ['prometheus.remote_write.default', 'http://prometheus:9090/api/v1/write', 'header', ['TENANT']],
      ['otelcol.exporter.otlp.tempo', 'tempo:4317', undefined, undefined],
    ]);
  });

  it('collects every environment variable read, sorted', () => {
    expect(facts.environmentVariables).toEqual(['EXTRA', 'TENANT', 'TOKEN']);
  });

  it('has no Beyla fact when the file declares no beyla.ebpf', () => {
    expect(facts.beylaEbpf).toEqual([]);
  });
});

describe('extractAlloyFacts: beyla.ebpf', () => {
  const BEYLA = `
beyla.ebpf "plain" { }

beyla.ebpf "tuned" {
	metrics {
		features        = ["application"]
		exemplar_filter = "trace_based"

		buckets {
			duration_histogram = [0, 0.1, 0.25, 1]
		}
	}
}

beyla.ebpf "computed" {
	metrics {
		buckets {
			duration_histogram = sys.env("BOUNDS")
		}
	}
}
`;
  const beyla = extractAlloyFacts(parseAlloyOrThrow(BEYLA, 't.alloy')).beylaEbpf;

  it("keeps Beyla's default duration bounds and exemplar filter when the file says nothing", () => {
    expect(beyla[0]).toMatchObject({
      id: 'beyla.ebpf.plain',
      exemplarFilter: undefined,
      features: undefined,
      durationBuckets: [0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
      durationBucketsSource: 'default',
    });
  });

  it('reads the exemplar filter, the features and bounds written out in metrics { buckets { … } }', () => {
    expect(beyla[1]).toMatchObject({
      id: 'beyla.ebpf.tuned',
      exemplarFilter: { kind: 'literal', value: 'trace_based' },
      features: { kind: 'literal', value: ['application'] },
      durationBuckets: [0, 0.1, 0.25, 1],
      durationBucketsSource: 'literal',
    });
  });

  it('claims no bound when the bounds are an expression only Alloy evaluates', () => {
    expect(beyla[2]).toMatchObject({ durationBuckets: [], durationBucketsSource: 'expression' });
  });
});
