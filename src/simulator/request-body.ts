/** Parsing request bodies: malformed JSON and wrong field types answer with the endpoint's "bad request" error. */
import type { JsonObject } from '../core/json.ts';
import { isJsonObject } from '../core/json.ts';
import { BindError } from './json-input.ts';
import type { RequestInput } from './router.ts';
import type { SimResponse } from './responses.ts';
import { BAD_REQUEST_DATA, fail } from './responses.ts';

export function bodyObject(req: RequestInput, onBad: SimResponse = BAD_REQUEST_DATA): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.rawBody === '' ? 'null' : req.rawBody);
  } catch {
    return fail(onBad);
  }
  if (!isJsonObject(parsed)) return fail(onBad);
  return parsed;
}

/** Runs a reader of request fields; a BindError (wrong JSON type) becomes the endpoint's "bad request" error. */
export function bind<T>(read: () => T, onBad: SimResponse = BAD_REQUEST_DATA): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof BindError) return fail(onBad);
    throw error;
  }
}

export function queryInt(query: URLSearchParams, key: string, fallback: number): number {
  const raw = query.get(key);
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) ? n : fallback;
}
