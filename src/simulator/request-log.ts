/** Every request the simulator received, in arrival order, with what it answered. */
import { isWriteMethod } from './faults.ts';

export interface RequestLogEntry {
  /** 1-based arrival number. */
  readonly seq: number;
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** The query string including `?`, or `""`. */
  readonly query: string;
  /** A simulator control request (`/__sim/*`): never counted as a write. */
  readonly admin: boolean;
  /** Status sent; 0 while pending or when no response was sent (reset, timeout). */
  status: number;
  /** The injected fault, if any: `latency` is not recorded, the others by type. */
  fault?: string;
}

export interface WriteFilter {
  /** Only writes whose path starts with this prefix. */
  readonly pathPrefix?: string;
  /** Only writes answered with a 2xx status. */
  readonly successfulOnly?: boolean;
}

export class RequestLog {
  private readonly list: RequestLogEntry[] = [];
  private seq = 0;

  start(method: string, path: string, query: string, admin: boolean): RequestLogEntry {
    this.seq += 1;
    const entry: RequestLogEntry = { seq: this.seq, method, path, query, admin, status: 0 };
    this.list.push(entry);
    return entry;
  }

  /** Every request, admin ones included. */
  get entries(): readonly RequestLogEntry[] {
    return this.list;
  }

  /** POST/PUT/PATCH/DELETE requests to the Grafana API (admin endpoints excluded). */
  writes(filter: WriteFilter = {}): RequestLogEntry[] {
    return this.list.filter(
      (e) =>
        !e.admin &&
        isWriteMethod(e.method) &&
        (filter.pathPrefix === undefined || e.path.startsWith(filter.pathPrefix)) &&
        (filter.successfulOnly !== true || (e.status >= 200 && e.status < 300)),
    );
  }

  countWrites(filter: WriteFilter = {}): number {
    return this.writes(filter).length;
  }

  /** Requests to the Grafana API (admin endpoints excluded). */
  api(): RequestLogEntry[] {
    return this.list.filter((e) => !e.admin);
  }

  clear(): void {
    this.list.length = 0;
  }
}
