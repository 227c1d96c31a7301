import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** A request as the Grafana client sends it. */
export interface TransportRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly signal: AbortSignal;
}

/** What the client needs of an answer (a fetch Response has it). */
export interface TransportResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** How the client sends a request: the global `fetch` fits, and so does createHttpTransport(). */
export type Transport = (url: string, init: TransportRequest) => Promise<TransportResponse>;

function headerGetter(headers: IncomingHttpHeaders): TransportResponse['headers'] {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * The client's transport: node:http(s) with keep-alive agents, the body read whole. It replaces the global fetch
 * by default because Node's fetch (undici) spends CPU on WHATWG streams and Response objects for every request,
 * which a publish of hundreds of dashboards pays hundreds of times. It fails as fetch does: a network failure
 * rejects with a TypeError whose cause is the socket error, an abort with the signal's reason.
 */
export function createHttpTransport(): Transport {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true }),
  };
  return (input, init) =>
    new Promise<TransportResponse>((resolve, reject) => {
      const url = new URL(input);
      const { signal } = init;
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        reject(new TypeError(`unsupported protocol ${url.protocol}`));
        return;
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const options = { method: init.method, headers: init.headers, agent: agents[url.protocol] };
      const request = send(url, options, (message) => {
        const chunks: Buffer[] = [];
        message.on('data', (chunk: Buffer) => chunks.push(chunk));
        message.on('error', fail);
        message.on('end', () => {
          signal.removeEventListener('abort', onAbort);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: message.statusCode ?? 0,
            headers: headerGetter(message.headers),
            text: () => Promise.resolve(text),
          });
        });
      });
      function fail(error: unknown): void {
        signal.removeEventListener('abort', onAbort);
        reject(new TypeError('fetch failed', { cause: error }));
      }
      function onAbort(): void {
        request.destroy();
        reject(signal.reason);
      }
      signal.addEventListener('abort', onAbort, { once: true });
      request.on('error', fail);
      request.end(init.body);
    });
}
