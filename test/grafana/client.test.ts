import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GrafanaClient,
  NetworkError,
  grafanaAddress,
  isTransient500,
  retryAfterMs,
} from '../../src/grafana/client.ts';
import { GrafanaApiError, GrafanaUnreachableError, GrafanaUrlError } from '../../src/grafana/errors.ts';
import { probeGrafana } from '../../src/grafana/probe.ts';
import { mapLimited } from '../../src/grafana/semaphore.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function client(s: Simulator, sleeps: number[] = [], extra = {}): GrafanaClient {
  return new GrafanaClient(
    {
      url: `${s.url}/`,
      auth: { kind: 'token', token: 'secret-token-123' },
      retries: 3,
      timeoutMs: 2_000,
      ...extra,
    },
    { sleep: (ms) => (sleeps.push(ms), Promise.resolve()), random: () => 0.5 },
  );
}

describe('the Grafana client', () => {
  it('waits as long as Retry-After says on 429 and 503, then succeeds', async () => {
    sim = await startSimulator({
      faults: {
        faults: [
          { type: 'status', status: 429, retryAfterSeconds: 3, times: 1 },
          { type: 'status', status: 503, retryAfterSeconds: 1, times: 1 },
        ],
      },
    });
    const sleeps: number[] = [];
    const c = client(sim, sleeps);
    const response = await c.get('/api/folders');
    expect(response.status).toBe(200);
    expect(sleeps).toEqual([3000, 1000]);
    expect(c.sent.retries).toBe(2);
  });

  it('backs off exponentially without Retry-After, and gives up with a typed error after its retries', async () => {
    sim = await startSimulator({
      faults: { faults: [{ type: 'status', status: 502, retryAfterSeconds: null, always: true }] },
    });
    const sleeps: number[] = [];
    const error = await client(sim, sleeps)
      .get('/api/folders')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrafanaApiError);
    expect((error as GrafanaApiError).status).toBe(502);
    expect(sleeps).toEqual([150, 300, 600]);
  });

  it('retries dropped connections and reports a NetworkError when they keep dropping', async () => {
    sim = await startSimulator({ faults: { faults: [{ type: 'reset', always: true }] } });
    const error = await client(sim)
      .get('/api/folders')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(sim.requests.api()).toHaveLength(4);
  });

  it('returns allowed statuses instead of throwing, and never puts the token in an error', async () => {
    sim = await startSimulator();
    const c = client(sim);
    expect((await c.get('/api/dashboards/uid/nope', { allow: [404] })).status).toBe(404);
    const error = await c.get('/api/dashboards/uid/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrafanaApiError);
    expect(String(error)).toContain('GET /api/dashboards/uid/nope answered 404');
    expect(String(error)).not.toContain('secret-token-123');
  });

  it('authenticates with basic auth and selects the organisation', async () => {
    sim = await startSimulator();
    const sent: Headers[] = [];
    const spy: typeof fetch = (input, init) => {
      sent.push(new Headers(init?.headers));
      return fetch(input, init);
    };
    const basic = (orgId: number): GrafanaClient =>
      new GrafanaClient(
        { url: sim?.url ?? '', auth: { kind: 'basic', user: 'admin', password: 'admin' }, orgId },
        { fetch: spy },
      );
    expect((await basic(1).get('/api/org')).status).toBe(200);
    expect(sent.map((h) => h.get('x-grafana-org-id'))).toEqual(['1']);
    expect(sent[0]?.get('authorization')).toBe(`Basic ${Buffer.from('admin:admin').toString('base64')}`);
    // admin is no member of organisation 2: Grafana refuses it, which it would not without the header.
    expect((await basic(2).get('/api/org', { allow: [403] })).status).toBe(403);
    expect(sent.map((h) => h.get('x-grafana-org-id'))).toEqual(['1', '2']);
  });

  it('retries a 500 that says a write lost the database lock, and sends any other 500 once', async () => {
    sim = await startSimulator({
      faults: {
        faults: [
          { type: 'dbLocked', method: 'POST', pathPrefix: '/api/folders', times: 2 },
          { type: 'dbLocked', method: 'POST', pathPrefix: '/api/dashboards/db', times: 1 },
          { type: 'dbLocked', method: 'POST', pathPrefix: '/api/datasources', times: 1 },
          { type: 'dbLocked', method: 'PUT', pathPrefix: '/api/v1/provisioning/policies', times: 1 },
          { type: 'status', status: 500, always: true, method: 'PUT', pathPrefix: '/api/folders/' },
        ],
      },
    });
    const sleeps: number[] = [];
    const c = client(sim, sleeps);
    expect((await c.post('/api/folders', { uid: 'f', title: 'F' })).status).toBe(200);
    expect(
      (
        await c.post('/api/dashboards/db', {
          dashboard: { uid: 'd', title: 'D', panels: [] },
          folderUid: 'f',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await c.post('/api/datasources', {
          uid: 'p',
          name: 'P',
          type: 'prometheus',
          access: 'proxy',
          url: 'http://p',
        })
      ).status,
    ).toBe(200);
    expect((await c.put('/api/v1/provisioning/policies', { receiver: 'grafana-default-email' })).status).toBe(
      202,
    );
    expect(sleeps).toHaveLength(5);
    const error = await c.put('/api/folders/f', { title: 'G', overwrite: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrafanaApiError);
    expect((error as GrafanaApiError).status).toBe(500);
    expect(sim.requests.writes({ pathPrefix: '/api/folders/f' })).toHaveLength(1);
    expect(sleeps).toHaveLength(5);
  });

  it('tries a read answered 500 again whatever the message (a GET changes nothing)', async () => {
    sim = await startSimulator({
      faults: {
        faults: [{ type: 'status', status: 500, times: 2, method: 'GET', pathPrefix: '/api/folders' }],
      },
    });
    const sleeps: number[] = [];
    const c = client(sim, sleeps);
    expect((await c.get('/api/folders')).status).toBe(200);
    expect(sleeps).toHaveLength(2);
    expect(c.sent.reads).toBe(3);
  });

  it('tells transient 500s from permanent ones by their message', () => {
    for (const message of [
      'database is locked',
      'Failed to save dashboard',
      'Failed to update datasource',
      'Failed to add datasource',
      'Folder API error',
      'failed to save and apply Alertmanager configuration: could not find object using provided id and hash',
    ])
      expect(isTransient500(message), message).toBe(true);
    for (const message of [
      "cannot change provenance from 'api' to ''",
      'Internal Server Error',
      'Failed to save dashboard: dashboard title cannot be empty',
      '',
    ])
      expect(isTransient500(message), message).toBe(false);
  });

  it('refuses credentials in the URL without repeating them, and shows the address only', () => {
    const password = 'canary-url-password-1b1b';
    for (const url of [
      `http://admin:${password}@localhost:3000`,
      `https://${password}@grafana.example.com/`,
      `http://localhost:3000/?token=${password}`,
      `localhost:${password}@example`,
    ]) {
      const error = (() => {
        try {
          return new GrafanaClient({ url, auth: { kind: 'token', token: 't' } });
        } catch (e) {
          return e;
        }
      })();
      expect(error, url).toBeInstanceOf(GrafanaUrlError);
      expect(String(error)).toMatch(/^GrafanaUrlError: GRAFANA_URL /);
      expect(String(error)).not.toContain(password);
    }
    expect(grafanaAddress('http://Grafana.example.com:3000/sub/path//')).toBe(
      'http://grafana.example.com:3000/sub/path',
    );
    expect(
      new GrafanaClient({ url: 'http://localhost:3000/', auth: { kind: 'token', token: 't' } }).baseUrl,
    ).toBe('http://localhost:3000');
  });

  it('keeps writes within its limit, so that an SQLite Grafana does not lock', async () => {
    sim = await startSimulator({ faults: { latencyMs: 20, maxConcurrentWrites: 2 } });
    const c = client(sim, [], { writeConcurrency: 2 });
    await mapLimited(
      Array.from({ length: 12 }, (_, i) => i),
      12,
      (i) => c.post('/api/folders', { uid: `f${i}`, title: `F${i}` }),
    );
    expect(sim.requests.api().filter((e) => e.fault !== undefined)).toEqual([]);
    expect(sim.requests.countWrites({ successfulOnly: true })).toBe(12);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:05 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT'))).toBe(
      5000,
    );
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs('100000')).toBe(60_000);
  });

  it('cancel() aborts the requests in flight and fails later ones at once, without retrying', async () => {
    sim = await startSimulator({ faults: { latencyMs: 5_000 } });
    const c = new GrafanaClient({ url: sim.url, auth: { kind: 'token', token: 't' }, retries: 3 });
    const inFlight = c.get('/api/folders').catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    c.cancel();
    // Answered, it would be a 200 after five seconds: the error can only come from the abort.
    expect(await inFlight).toBeInstanceOf(NetworkError);
    expect(await c.get('/api/folders').catch((e: unknown) => e)).toBeInstanceOf(NetworkError);
    expect(c.sent.reads).toBe(1);
  });

  it('refuses to follow a redirect, saying where it points without its query, and the probe says what to set', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(301, { Location: 'https://grafana.example.com/login?auth_token=abc123' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const c = new GrafanaClient({ url, auth: { kind: 'token', token: 't' }, retries: 3 });
      const error = await c.get('/api/folders').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GrafanaApiError);
      expect((error as GrafanaApiError).status).toBe(301);
      expect(String(error)).toContain('redirected to https://grafana.example.com/login');
      expect(String(error)).not.toContain('abc123');
      expect(c.sent.reads).toBe(1);
      const probe = await probeGrafana(c).catch((e: unknown) => e);
      expect(probe).toBeInstanceOf(GrafanaUnreachableError);
      expect(String(probe)).toContain('redirect');
      expect(String(probe)).toContain('Set GRAFANA_URL');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

/** A server answering every request with `status`, `type` and `body`, and a client of it without retries. */
async function answering(
  status: number,
  type: string,
  body: string,
  run: (c: GrafanaClient) => Promise<void>,
): Promise<void> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await run(
      new GrafanaClient(
        { url: `http://127.0.0.1:${port}`, auth: { kind: 'token', token: 't0ken-1234' }, retries: 0 },
        { sleep: () => Promise.resolve(), random: () => 0 },
      ),
    );
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe("answers that are not Grafana's", () => {
  it('treats a 200 answered with HTML as a failed request, writes included', async () => {
    await answering(200, 'text/html', '<html>Sign in</html>', async (c) => {
      const error = await c.post('/api/folders', { uid: 'x', title: 'X' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GrafanaApiError);
      expect(String((error as GrafanaApiError).message)).toContain('not JSON (text/html)');
    });
  });
});

describe('error texts', () => {
  it('mask a secret before cutting a long body, so no part of it is left in clear', async () => {
    const secret = 'canary-cut-secret-9z9z';
    const body = JSON.stringify({ message: `${'x'.repeat(290)} ${secret} and more after it` });
    await answering(400, 'application/json', body, async (c) => {
      c.maskValues(secret);
      const error = (await c.post('/api/folders', {}).catch((e: unknown) => e)) as GrafanaApiError;
      expect(error).toBeInstanceOf(GrafanaApiError);
      expect(error.message).not.toContain(secret.slice(0, 6));
      expect(error.message).toContain('***');
    });
  });
});
