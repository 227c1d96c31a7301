/**
 * A server that accepts the connection and never answers must not hold a run for ever: every request ends at its
 * timeout (the client's own timer; `AbortSignal.any([AbortSignal.timeout()])` could be collected before it fired on
 * Node 20, nodejs/node#57736), so publish and drift end "unreachable" (exit 3) once the retries are spent.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { driftCheck } from '../../src/drift/run.ts';
import { GrafanaClient, requestDeadline } from '../../src/grafana/client.ts';
import type { GrafanaConnection } from '../../src/grafana/client.ts';
import { publishProject } from '../../src/publish/publish.ts';
import { CANARIES, ROOT, repository } from '../fixtures/grafana.ts';

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

/** Accepts every connection, reads the request, never writes a byte. */
async function silentServer(): Promise<string> {
  server = createServer((socket) => {
    sockets.push(socket);
    socket.on('data', () => undefined);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

const quiet: Output = { out: () => undefined, err: () => undefined };

function connectionTo(url: string): GrafanaConnection {
  return { url, auth: { kind: 'token', token: 'hang-test-token' }, timeoutMs: 200 };
}

/** Retries without waiting between them: the bound is then (retries + 1) × timeout per request. */
const client = (c: GrafanaConnection): GrafanaClient =>
  new GrafanaClient(c, { sleep: () => Promise.resolve(), random: () => 0 });

describe('a server that never answers', () => {
  it('ends publish as unreachable (exit 3)', async () => {
    const url = await silentServer();
    const project = await repository();
    const code = await runCommand(
      'publish',
      () => publishProject(project, connectionTo(url), CANARIES, {}, {}, undefined, client).then(() => 0),
      quiet,
    );
    expect(code).toBe(3);
  });

  it('ends drift as unreachable (exit 3)', async () => {
    const url = await silentServer();
    const code = await runCommand(
      'drift',
      () => driftCheck(`${ROOT}/rendered`, connectionTo(url), undefined, client).then(() => 0),
      quiet,
    );
    expect(code).toBe(3);
  });

  it('aborts each request at its own deadline, and a done deadline never fires', async () => {
    const cancelled = new AbortController();
    const fired = requestDeadline(20, cancelled.signal);
    await new Promise((resolve) => fired.signal.addEventListener('abort', resolve, { once: true }));
    expect((fired.signal.reason as DOMException).name).toBe('TimeoutError');
    const done = requestDeadline(20, cancelled.signal);
    done.done();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(done.signal.aborted).toBe(false);
    const cancelledOne = requestDeadline(10_000, cancelled.signal);
    cancelled.abort(new Error('cancelled'));
    expect(cancelledOne.signal.aborted).toBe(true);
    cancelledOne.done();
  });
});
