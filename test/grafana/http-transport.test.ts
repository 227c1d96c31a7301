import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransportRequest } from '../../src/grafana/http-transport.ts';
import { createHttpTransport } from '../../src/grafana/http-transport.ts';

function req(init: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', headers: {}, body: undefined, signal: new AbortController().signal, ...init };
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

/** A server answering every request with what `answer` says, recording what it received. */
async function serve(
  answer: (
    method: string,
    url: string,
    body: string,
  ) => { status: number; body?: string; headers?: Record<string, string> } | 'hang',
): Promise<{ url: string; seen: { method: string; url: string; body: string; auth: string | undefined }[] }> {
  const seen: { method: string; url: string; body: string; auth: string | undefined }[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body, auth: req.headers.authorization });
      const a = answer(req.method ?? '', req.url ?? '', body);
      if (a === 'hang') return;
      res.writeHead(a.status, a.headers ?? {});
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, seen };
}

describe('the HTTP transport', () => {
  it('sends method, headers and body, and answers status, headers and body', async () => {
    const { url, seen } = await serve((method, path, body) => ({
      status: 201,
      body: JSON.stringify({ method, path, body }),
      headers: { 'Content-Type': 'application/json', 'Retry-After': '7' },
    }));
    const transport = createHttpTransport();
    const response = await transport(
      `${url}/api/x?a=1`,
      req({
        method: 'POST',
        headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
        body: '{"é":1}',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(JSON.parse(await response.text())).toEqual({
      method: 'POST',
      path: '/api/x?a=1',
      body: '{"é":1}',
    });
    expect(seen[0]?.auth).toBe('Bearer t');
  });

  it('reuses its connections (keep-alive) and answers bodiless statuses', async () => {
    const { url } = await serve(() => ({ status: 204 }));
    const transport = createHttpTransport();
    const ports = new Set<number>();
    server?.on('connection', (socket) => ports.add(socket.remotePort ?? 0));
    for (let i = 0; i < 5; i += 1) {
      const response = await transport(`${url}/`, req({ method: 'DELETE' }));
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
    }
    expect(ports.size).toBe(1);
  });

  it('rejects a failed connection as fetch does, with the cause', async () => {
    const { url } = await serve(() => ({ status: 200 }));
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const error = await createHttpTransport()(`${url}/`, req()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('rejects with the signal’s reason when aborted or timed out', async () => {
    const { url } = await serve(() => 'hang');
    const transport = createHttpTransport();
    const timedOut = await transport(`${url}/`, req({ signal: AbortSignal.timeout(50) })).catch(
      (e: unknown) => e,
    );
    expect((timedOut as Error).name).toBe('TimeoutError');
    const controller = new AbortController();
    const pending = transport(`${url}/`, req({ signal: controller.signal })).catch((e: unknown) => e);
    controller.abort(new Error('stop'));
    expect(((await pending) as Error).message).toBe('stop');
    const already = await transport(`${url}/`, req({ signal: controller.signal })).catch((e: unknown) => e);
    expect((already as Error).message).toBe('stop');
  });
});
