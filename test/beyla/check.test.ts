import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATION_BUCKETS, effectiveDurationBuckets } from '../../src/beyla/buckets.ts';
import { checkBeylaConfig } from '../../src/beyla/check.ts';
import { didYouMean, editDistance } from '../../src/core/did-you-mean.ts';
import { parseGoDuration } from '../../src/beyla/go-duration.ts';
import { formatBeylaProblem } from '../../src/beyla/problem.ts';
import { int, obj, str } from '../../src/beyla/schema-types.ts';

const FILE = 'configs/beyla/beyla-config.yml';

function messages(text: string): string[] {
  return checkBeylaConfig(text, FILE).problems.map(formatBeylaProblem);
}

const VALID = `log_level: debug
open_port: 8080
discovery:
  instrument:
    - k8s_namespace: apps
      open_ports: "80,443,8000-8999"
      k8s_pod_labels:
        team: payments
      exports: [metrics, traces]
    - exe_path: "*/bin/server"
      open_ports: 9000
  exclude_instrument:
    - k8s_deployment_name: "debug-*"
routes:
  patterns: ["/users/{id}"]
  ignored_patterns: [/healthz]
  ignore_mode: traces
  unmatched: low-cardinality
  wildcard_char: "*"
attributes:
  kubernetes:
    enable: autodetect
    cluster_name: \${CLUSTER_NAME}
    informers_sync_timeout: 30s
  select:
    http_*:
      include: ["*"]
      exclude: [url_path]
  instance_id:
    dns: false
metrics:
  features: [application, network]
prometheus_export:
  port: 9400
  ttl: 1h30m
  buckets:
    duration_histogram: [0, 0.1, 0.2, 1.5]
  instrumentations: [http, grpc]
otel_traces_export:
  endpoint: http://alloy:4318
  protocol: http/protobuf
  sampler:
    name: parentbased_traceidratio
    arg: "0.1"
otel_metrics_export:
  interval: 1.5s
ebpf:
  context_propagation: headers
  http_request_timeout: 250ms
internal_metrics:
  exporter: prometheus
  prometheus:
    port: 9401
network:
  enable: true
  direction: both
filter:
  application:
    url_path:
      not_match: /health*
name_resolver:
  sources: [k8s]
stats:
  anything: goes
`;

interface Case {
  readonly name: string;
  readonly text: string;
  readonly expected: readonly string[];
}

const BROKEN: readonly Case[] = [
  {
    name: 'an unknown key, with a suggestion among its siblings',
    text: 'discovery:\n  instrument: []\n  exlude_instrument: []\n',
    expected: [
      `${FILE}:3:3: discovery.exlude_instrument: unknown key exlude_instrument. Did you mean exclude_instrument?`,
    ],
  },
  {
    name: 'a key one level too high, pointed to where it belongs',
    text: 'prometheus_export:\n  port: 9400\n  duration_histogram: [0, 1]\n',
    expected: [
      `${FILE}:3:3: prometheus_export.duration_histogram: unknown key duration_histogram. Did you mean prometheus_export.buckets.duration_histogram? duration_histogram belongs there.`,
    ],
  },
  {
    name: 'a misspelt key in the wrong section, pointed to the right one',
    text: 'featurs: [application]\n',
    expected: [`${FILE}:1:1: featurs: unknown key featurs. Did you mean metrics.features?`],
  },
  {
    name: 'a port written as a string',
    text: 'prometheus_export:\n  port: "9400"\n',
    expected: [
      `${FILE}:2:9: prometheus_export.port: expected an integer, got the string "9400". Write 9400 without quotes.`,
    ],
  },
  {
    name: 'a scalar where a list is expected',
    text: 'metrics:\n  features: application\n',
    expected: [
      `${FILE}:2:13: metrics.features: expected a list, got the string "application". Write a list.`,
    ],
  },
  {
    name: 'a section written as a scalar',
    text: 'routes: heuristic\n',
    expected: [`${FILE}:1:9: routes: expected a mapping, got the string "heuristic". Write a mapping.`],
  },
  {
    name: 'a quoted boolean',
    text: 'attributes:\n  instance_id:\n    dns: "false"\n',
    expected: [
      `${FILE}:3:10: attributes.instance_id.dns: expected true or false, got the string "false". Write false without quotes.`,
    ],
  },
  {
    name: 'a value outside the enumeration, with a suggestion',
    text: 'routes:\n  unmatched: heuristc\n',
    expected: [
      `${FILE}:2:14: routes.unmatched: "heuristc" is not one of unset, path, wildcard, heuristic, low-cardinality. Did you mean heuristic?`,
    ],
  },
  {
    name: 'an unknown feature inside a list entry',
    text: 'discovery:\n  instrument:\n    - k8s_namespace: apps\n      exports: [metrics, trace]\n',
    expected: [
      `${FILE}:4:26: discovery.instrument[0].exports[1]: "trace" is not one of metrics, traces. Did you mean traces?`,
    ],
  },
  {
    name: 'a duration with a day unit Go does not have',
    text: 'prometheus_export:\n  ttl: 1d\n',
    expected: [
      `${FILE}:2:8: prometheus_export.ttl: "1d" is not a valid duration. Go durations have no d, w or y unit: use h, m, s, ms, us or ns (e.g. 24h).`,
    ],
  },
  {
    name: 'a duration without a unit',
    text: 'ebpf:\n  http_request_timeout: 30\n',
    expected: [
      `${FILE}:2:25: ebpf.http_request_timeout: 30 is not a valid duration. A bare number has no unit: write "30s" for seconds, or another Go duration such as 5m.`,
    ],
  },
  {
    name: 'a duration in words',
    text: 'otel_metrics_export:\n  interval: 5 minutes\n',
    expected: [
      `${FILE}:2:13: otel_metrics_export.interval: "5 minutes" is not a valid duration. Write a Go duration: a number and a unit (h, m, s, ms, us, ns), e.g. 30s, 5m or 1h30m.`,
    ],
  },
  {
    name: 'a port out of range',
    text: 'prometheus_export:\n  port: 70000\n',
    expected: [
      `${FILE}:2:9: prometheus_export.port: 70000 is out of range. Use a value between 0 and 65535.`,
    ],
  },
  {
    name: 'bucket bounds out of order',
    text: 'prometheus_export:\n  buckets:\n    duration_histogram: [0, 0.25, 0.2, 1]\n',
    expected: [
      `${FILE}:3:35: prometheus_export.buckets.duration_histogram[2]: bucket bound 0.2 does not increase on the previous one (0.25). List bucket bounds in increasing order, without duplicates.`,
    ],
  },
  {
    name: 'a ports string Beyla cannot read',
    text: 'open_port: "80;443"\n',
    expected: [
      `${FILE}:1:12: open_port: expected a port number or a string of ports and ranges such as "80,443,8000-8999", got the string "80;443". Write a port number or a string of ports and ranges such as "80,443,8000-8999".`,
    ],
  },
  {
    name: 'a Kubernetes switch that is neither a boolean nor autodetect',
    text: 'attributes:\n  kubernetes:\n    enable: maybe\n',
    expected: [
      `${FILE}:3:13: attributes.kubernetes.enable: expected true, false or "autodetect", got the string "maybe". Write true, false or "autodetect".`,
    ],
  },
  {
    name: 'a wildcard of more than one character',
    text: 'routes:\n  wildcard_char: "**"\n',
    expected: [
      `${FILE}:2:18: routes.wildcard_char: "**" is not a single character. Write a single character.`,
    ],
  },
  {
    name: 'a deprecated key (a warning)',
    text: 'prometheus_export:\n  features: [application]\n',
    expected: [
      `${FILE}:2:3: prometheus_export.features: features is deprecated. Use metrics.features instead.`,
    ],
  },
  {
    name: 'YAML that does not parse',
    text: 'routes:\n  patterns: [/a\nlog_level: INFO\n',
    expected: [
      `${FILE}:3:1: YAML does not parse: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML syntax at this position.`,
    ],
  },
  {
    name: 'a duplicate key',
    text: 'log_level: INFO\nlog_level: DEBUG\n',
    expected: [
      `${FILE}:2:1: YAML does not parse: Map keys must be unique. Remove one of the duplicate keys.`,
    ],
  },
];

describe('checkBeylaConfig', () => {
  it('accepts a configuration using every section', () => {
    expect(messages(VALID)).toEqual([]);
  });

  it('accepts an empty file and a file of comments', () => {
    expect(messages('')).toEqual([]);
    expect(messages('# nothing yet\n')).toEqual([]);
  });

  it.each(BROKEN)('reports $name with its position and a fix', ({ text, expected }) => {
    expect(messages(text)).toEqual(expected);
  });

  it('marks deprecations as warnings and everything else as errors', () => {
    const { problems } = checkBeylaConfig('prometheus_export:\n  features: [application]\n  ttl: 1d\n', FILE);
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['deprecated', 'warning'],
      ['bad-duration', 'error'],
    ]);
  });

  it('reports every problem of a file in one pass, in reading order', () => {
    const text = 'log_level: LOUD\nroutes:\n  unmatched: all\nprometheus_export:\n  port: -1\n  ttl: soon\n';
    expect(checkBeylaConfig(text, FILE).problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [1, 12, 'bad-enum'],
      [3, 14, 'bad-enum'],
      [5, 9, 'out-of-range'],
      [6, 8, 'bad-duration'],
    ]);
  });

  it('follows YAML aliases, reporting a bad value where the alias is used', () => {
    const text = 'attributes:\n  kubernetes:\n    cluster_name: &name prod\nroutes:\n  unmatched: *name\n';
    expect(messages(text)).toEqual([
      `${FILE}:5:14: routes.unmatched: "prod" is not one of unset, path, wildcard, heuristic, low-cardinality. Use one of unset, path, wildcard, heuristic, low-cardinality.`,
    ]);
    expect(
      messages('discovery:\n  instrument:\n    - &web\n      k8s_namespace: web\n  survey:\n    - *web\n'),
    ).toEqual([]);
  });

  it('checks against another schema when given one', () => {
    const schema = obj({ name: str(), replicas: int({ min: 1 }) });
    expect(
      checkBeylaConfig('name: x\nreplicas: 0\n', 'x.yml', schema).problems.map(formatBeylaProblem),
    ).toEqual(['x.yml:2:11: replicas: 0 is out of range. Use a value at least 1.']);
  });
});

describe('effectiveDurationBuckets', () => {
  it("is Beyla's default when the configuration does not set buckets", () => {
    expect(effectiveDurationBuckets(checkBeylaConfig('log_level: INFO\n').value)).toEqual(
      DEFAULT_DURATION_BUCKETS,
    );
    expect(effectiveDurationBuckets(undefined)).toEqual(DEFAULT_DURATION_BUCKETS);
    expect(DEFAULT_DURATION_BUCKETS).toEqual([
      0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);
  });

  it('is the configured list when there is one', () => {
    const { value } = checkBeylaConfig(
      'prometheus_export:\n  buckets:\n    duration_histogram: [0.1, 0.2]\n',
    );
    expect(effectiveDurationBuckets(value)).toEqual([0.1, 0.2]);
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['250ms', 250],
    ['100us', 0.1],
    ['-2s', -2000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 9);
  });

  it.each(['', '5', '1d', '2w', '5 minutes', 's', '1h 30m', '5M'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it.each([
    ['exlude_instrument', ['instrument', 'exclude_instrument'], 'exclude_instrument'],
    ['heuristc', ['path', 'heuristic'], 'heuristic'],
    ['LOG_LEVEL', ['log_level'], 'log_level'],
    ['portemplate', ['port', 'path'], undefined],
  ])('suggests for %s among %j: %s', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('tarce', 'trace')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
