/**
 * A server that is not Grafana but answers 200 to everything (a proxy's landing page, a login page, a catch-all
 * JSON API) gets no credential and no secret: publish and drift check that /api/health answers as Grafana does,
 * without credentials, before anything else is sent, and stop with exit 3.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { driftMain } from '../../src/cli/drift-main.ts';
import { publishMain } from '../../src/cli/publish-main.ts';
import type { Output } from '../../src/cli/run.ts';
import { runCommand } from '../../src/cli/run.ts';
import { Redactor } from '../../src/core/redact.ts';
import { CANARIES, ROOT, TOKEN } from '../fixtures/grafana.ts';

interface Received {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

async function impostor(contentType: string, body: string, received: Received[]): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'Content-Type': contentType });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

const IMPOSTORS = [
  ['an HTML page', 'text/html', '<html><body>Welcome</body></html>'],
  ['an empty JSON object', 'application/json', '{}'],
  ['a health answer without a real version', 'application/json', '{"database":"ok","version":"unknown"}'],
] as const;

describe.each(IMPOSTORS)('a server answering 200 with %s to everything', (_what, type, body) => {
  it('receives no credential and no secret from publish, which exits 3', async () => {
    const received: Received[] = [];
    const url = await impostor(type, body, received);
    const lines: string[] = [];
    const output: Output = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
    const code = await runCommand(
      'publish',
      (o) =>
        publishMain(ROOT, [], { GRAFANA_URL: url, GRAFANA_TOKEN: TOKEN, ...CANARIES }, o, new Redactor()),
      output,
    );
    expect(code, lines.join('\n')).toBe(3);
    expect(lines.join('\n')).toContain('does not answer like Grafana');
    expect(received.map((r) => r.path)).toEqual(['/api/health']);
    expect(received.every((r) => r.authorization === undefined)).toBe(true);
    const sent = JSON.stringify(received);
    for (const secret of [TOKEN, ...Object.values(CANARIES)]) expect(sent).not.toContain(secret);
  });

  it('receives no credential from drift, which exits 3', async () => {
    const received: Received[] = [];
    const url = await impostor(type, body, received);
    const code = await runCommand(
      'drift',
      (o) => driftMain(ROOT, [], { GRAFANA_URL: url, GRAFANA_TOKEN: TOKEN }, o),
      { out: () => undefined, err: () => undefined },
    );
    expect(code).toBe(3);
    expect(received.every((r) => r.authorization === undefined)).toBe(true);
  });
});
