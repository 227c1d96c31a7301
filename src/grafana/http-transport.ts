import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestOptions as NodeRequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Statuses whose response has no body (the Response constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

function responseHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  return headers;
}

/**
 * A `fetch` over node:http(s) with keep-alive agents: the subset the Grafana client uses (method, headers, a string
 * body, an abort signal), answering a standard Response whose body is already read. It replaces the global fetch
 * by default because Node's fetch (undici) spends about a millisecond of CPU per request on WHATWG streams, which a
 * publish of hundreds of dashboards pays on every request; the client's behaviour does not change (errors reject
 * as fetch's do: a network failure with its cause, an abort with the signal's reason).
 */
export function createHttpTransport(): typeof fetch {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true }),
  };
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const signal = init?.signal ?? undefined;
      if (signal?.aborted === true) {
        reject(signal.reason);
        return;
      }
      const options: NodeRequestOptions = {
        method: init?.method ?? 'GET',
        headers: headersOf(init),
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        reject(new TypeError(`unsupported protocol ${url.protocol}`));
        return;
      }
      const request = send(url, { ...options, agent: agents[url.protocol] }, (message) => {
        const chunks: Buffer[] = [];
        message.on('data', (chunk: Buffer) => chunks.push(chunk));
        message.on('error', fail);
        message.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const status = message.statusCode ?? 0;
          const body = NULL_BODY_STATUS.has(status) ? null : Buffer.concat(chunks);
          resolve(
            new Response(body, {
              status,
              statusText: message.statusMessage ?? '',
              headers: responseHeaders(message),
            }),
          );
        });
      });
      function fail(error: unknown): void {
        signal?.removeEventListener('abort', onAbort);
        reject(new TypeError('fetch failed', { cause: error }));
      }
      function onAbort(): void {
        request.destroy();
        reject(signal?.reason);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      request.on('error', fail);
      const body = init?.body;
      if (body !== undefined && body !== null && typeof body !== 'string') {
        request.destroy();
        reject(new TypeError('the HTTP transport sends string bodies only'));
        return;
      }
      request.end(body ?? undefined);
    });
}
