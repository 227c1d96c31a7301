/** Test helpers: start an in-process simulator on an ephemeral port and talk to it with `fetch`. */
import type { JsonObject, JsonValue } from '../../src/core/json.ts';
import { isJsonObject } from '../../src/core/json.ts';
import type { Simulator, SimulatorOptions } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed body; undefined when empty or not JSON. */
  readonly json: JsonValue | undefined;
}

export interface Client {
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  del(path: string, headers?: Record<string, string>): Promise<Reply>;
}

export const TOKEN = 'glsa_test_token';

/** `authorization: null` sends no credentials. */
export function client(sim: Simulator, authorization: string | null = `Bearer ${TOKEN}`): Client {
  const call = async (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const h: Record<string, string> = { ...headers };
    if (authorization !== null) h['authorization'] = authorization;
    if (body !== undefined) h['content-type'] = 'application/json';
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: JsonValue | undefined;
    try {
      const parsed: unknown = text === '' ? undefined : JSON.parse(text);
      json = parsed as JsonValue | undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  return {
    get: (path, headers) => call('GET', path, undefined, headers),
    post: (path, body, headers) => call('POST', path, body, headers),
    put: (path, body, headers) => call('PUT', path, body, headers),
    del: (path, headers) => call('DELETE', path, undefined, headers),
  };
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Starts a simulator for each test of a file and closes it afterwards. */
export async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator(options);
}

export function obj(value: unknown): JsonObject {
  if (!isJsonObject(value)) throw new TypeError(`expected a JSON object, got ${JSON.stringify(value)}`);
  return value;
}

export function arr(value: unknown): JsonValue[] {
  if (!Array.isArray(value)) throw new TypeError(`expected a JSON array, got ${JSON.stringify(value)}`);
  return value;
}

export function str(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`expected a string, got ${JSON.stringify(value)}`);
  return value;
}

export const NO_PROVENANCE = { 'x-disable-provenance': 'true' };

/** A minimal valid alerting rule in the API form (query A, math B). */
export function alertRule(overrides: JsonObject = {}): JsonObject {
  return {
    title: 'High error rate',
    condition: 'B',
    noDataState: 'OK',
    execErrState: 'Error',
    for: '5m',
    labels: { severity: 'critical' },
    annotations: { summary: 'Errors are high' },
    data: [
      {
        refId: 'A',
        relativeTimeRange: { from: 600, to: 0 },
        datasourceUid: 'prometheus',
        model: { expr: 'sum(rate(errors_total[5m])) > 0', refId: 'A' },
      },
      {
        refId: 'B',
        relativeTimeRange: { from: 0, to: 0 },
        datasourceUid: '__expr__',
        model: { type: 'math', expression: '$A > 0', refId: 'B' },
      },
    ],
    ...overrides,
  };
}
