/**
 * What a handler answers, and the error-body families of Grafana's HTTP API (reference §0.2). Each endpoint uses
 * the family Grafana uses for it; tests pin the exact bodies.
 */
import type { JsonObject, JsonValue } from '../core/json.ts';

export interface SimResponse {
  readonly status: number;
  /** JSON body; absent means an empty body. */
  readonly body?: JsonValue;
  /** A non-JSON body (YAML exports, proxy pages). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Thrown by handlers to answer early with an error response. */
export class ApiError extends Error {
  readonly response: SimResponse;

  constructor(response: SimResponse) {
    super(`HTTP ${response.status}`);
    this.name = 'ApiError';
    this.response = response;
  }
}

export function fail(response: SimResponse): never {
  throw new ApiError(response);
}

export function json(status: number, body: JsonValue): SimResponse {
  return { status, body };
}

export function empty(status: number): SimResponse {
  return { status };
}

/** Family 1, `response.Error`: `{"message"}`; an empty message becomes the status text Grafana uses. */
export function messageError(status: number, message = ''): SimResponse {
  const fallback = status === 404 ? 'Not Found' : status >= 500 ? 'Internal Server Error' : message;
  return { status, body: { message: message === '' ? fallback : message } };
}

/** Family 2, dashboard/folder errors with a status word: `{"status","message"}`. */
export function statusError(status: number, statusWord: string, message: string): SimResponse {
  return { status, body: { status: statusWord, message } };
}

/** The public message errutil falls back to when an error has none of its own. */
const ERRUTIL_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** Family 3, errutil as written by a handler: `{"statusCode","messageId","message"[,"extra"]}`. */
export function errutilError(
  status: number,
  messageId: string,
  message?: string,
  extra?: JsonObject,
): SimResponse {
  const body: JsonObject = {
    statusCode: status,
    messageId,
    message: message ?? ERRUTIL_STATUS_TEXT[status] ?? 'Internal server error',
  };
  if (extra !== undefined) body['extra'] = extra;
  return { status, body };
}

/** errutil as written by the authentication layer: also `"extra": null` and `"traceID": ""`. */
export function authError(status: number, messageId: string, message: string): SimResponse {
  return { status, body: { extra: null, message, messageId, statusCode: status, traceID: '' } };
}

/** Family 4, alerting `ErrResp`: the Go error chain as `{"message"}`. */
export function alertingError(status: number, message: string): SimResponse {
  return { status, body: { message } };
}

/** RBAC middleware denial. */
export function accessDenied(permission: string, errorId: string): SimResponse {
  return {
    status: 403,
    body: {
      accessErrorId: errorId,
      message: `You'll need additional permissions to perform this action. Permissions needed: ${permission}`,
      title: 'Access denied',
    },
  };
}

export const BAD_REQUEST_DATA = messageError(400, 'bad request data');
export const NOT_FOUND_ROUTE = messageError(404, 'Not found');
