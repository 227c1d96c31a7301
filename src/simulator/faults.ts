/**
 * Fault injection. A FaultConfig holds a fixed latency, the SQLite-like limit on concurrent writes, the
 * Alertmanager-configuration race switch and a list of fault rules. Each rule is scoped by method and path prefix
 * and fires on every Nth matching request, with a probability (seeded PRNG), or always; `times` caps how often.
 */
import { isJsonObject } from '../core/json.ts';
import { seededRandom } from './prng.ts';

export type FaultType = 'dbLocked' | 'status' | 'reset' | 'timeout';

export interface FaultRule {
  /**
   * - `dbLocked`: 500 "database is locked"-style error of the endpoint, on writes only (POST/PUT/PATCH/DELETE);
   * - `status`: an answer from a proxy in front of Grafana (429, 502, 503, 504, 500) with `Retry-After`;
   * - `reset`: the connection is destroyed without a response;
   * - `timeout`: the request is held without an answer.
   */
  readonly type: FaultType;
  /** `status` only; default 503. */
  readonly status?: number;
  /** `status` only: `Retry-After` in seconds; default 1 for 429/502/503, none otherwise; `null` omits it. */
  readonly retryAfterSeconds?: number | null;
  /** `status` only: replaces the default body (sent as text/plain). */
  readonly body?: string;
  /** Fire with this probability (0..1) on each matching request, drawn from the seeded PRNG. */
  readonly probability?: number;
  /** Fire on the Nth, 2Nth, … matching request. */
  readonly everyNth?: number;
  /** Fire on every matching request (also the default when no trigger is given): a permanent fault. */
  readonly always?: boolean;
  /** Stop after firing this many times. */
  readonly times?: number;
  /** Only requests with this method (or one of these). */
  readonly method?: string | readonly string[];
  /** Only requests whose path starts with this prefix. */
  readonly pathPrefix?: string;
  /** `reset` only: `before` (default) the request is handled, or `after` (the change is applied, no answer). */
  readonly phase?: 'before' | 'after';
  /** `timeout` only: hold this long (default: until the client disconnects or the simulator closes). */
  readonly holdMs?: number;
  /** `timeout` only: what happens after `holdMs`: `reset` (default) or `respond` (handled normally, late). */
  readonly afterHold?: 'reset' | 'respond';
}

export interface FaultConfig {
  /** Seed of the PRNG used by `probability`; default 1. */
  readonly seed?: number;
  /** Added to every API request (not to `/__sim/*`). */
  readonly latencyMs?: number;
  /**
   * SQLite-like locking: a write arriving while this many writes are already in flight fails with the endpoint's
   * 500 "database is locked" error. Default 5 (historic reports start at 6 parallel writes); `null` disables.
   */
  readonly maxConcurrentWrites?: number | null;
  /**
   * Alertmanager-configuration race: a write to contact points, policies, mute timings or templates fails when
   * another one changed the configuration while it was in flight (500 before 11.6, 409 after). Default off.
   */
  readonly alertmanagerConflicts?: boolean;
  readonly faults?: readonly FaultRule[];
}

export const DEFAULT_MAX_CONCURRENT_WRITES = 5;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method);
}

/** Where in the pipeline a fault applies: at the edge (before auth) or at the database (matched write routes). */
export type FaultStage = 'edge' | 'db';

interface RuleCounter {
  matched: number;
  fired: number;
}

export class FaultEngine {
  private config: FaultConfig = {};
  private random: () => number = seededRandom(1);
  private counters: RuleCounter[] = [];

  constructor(config: FaultConfig = {}) {
    this.set(config);
  }

  /** Replace the configuration; counters and the PRNG start over. */
  set(config: FaultConfig): void {
    this.config = config;
    this.random = seededRandom(config.seed ?? 1);
    this.counters = (config.faults ?? []).map(() => ({ matched: 0, fired: 0 }));
  }

  get current(): FaultConfig {
    return this.config;
  }

  get latencyMs(): number {
    return this.config.latencyMs ?? 0;
  }

  get maxConcurrentWrites(): number | null {
    const value = this.config.maxConcurrentWrites;
    return value === undefined ? DEFAULT_MAX_CONCURRENT_WRITES : value;
  }

  get alertmanagerConflicts(): boolean {
    return this.config.alertmanagerConflicts ?? false;
  }

  /** The first rule of this stage that fires for the request, if any. Every matching rule counts the request. */
  decide(stage: FaultStage, method: string, path: string): FaultRule | undefined {
    let chosen: FaultRule | undefined;
    (this.config.faults ?? []).forEach((rule, i) => {
      const counter = this.counters[i];
      if (counter === undefined || stageOf(rule) !== stage || !matches(rule, method, path)) return;
      counter.matched += 1;
      if (rule.times !== undefined && counter.fired >= rule.times) return;
      let fires = false;
      const hasTrigger =
        rule.everyNth !== undefined || rule.probability !== undefined || rule.always === true;
      if (!hasTrigger || rule.always === true) fires = true;
      if (rule.everyNth !== undefined && rule.everyNth > 0 && counter.matched % rule.everyNth === 0)
        fires = true;
      if (rule.probability !== undefined && this.random() < rule.probability) fires = true;
      if (fires && chosen === undefined) {
        counter.fired += 1;
        chosen = rule;
      }
    });
    return chosen;
  }
}

function stageOf(rule: FaultRule): FaultStage {
  return rule.type === 'dbLocked' ? 'db' : 'edge';
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.type === 'dbLocked' && !isWriteMethod(method)) return false;
  if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) return false;
  if (rule.method !== undefined) {
    const methods = typeof rule.method === 'string' ? [rule.method] : rule.method;
    if (!methods.some((m) => m.toUpperCase() === method)) return false;
  }
  return true;
}

/** Default `Retry-After` of a status fault. */
export function retryAfterOf(rule: FaultRule): number | undefined {
  if (rule.retryAfterSeconds === null) return undefined;
  if (rule.retryAfterSeconds !== undefined) return rule.retryAfterSeconds;
  const status = rule.status ?? 503;
  return status === 429 || status === 502 || status === 503 ? 1 : undefined;
}

const FAULT_TYPES: readonly FaultType[] = ['dbLocked', 'status', 'reset', 'timeout'];

export type ParsedFaultConfig =
  | { readonly ok: true; readonly config: FaultConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads a FaultConfig received as JSON (`POST /__sim/faults`), naming every problem. */
export function parseFaultConfig(value: unknown): ParsedFaultConfig {
  const problems: string[] = [];
  if (!isJsonObject(value)) return { ok: false, problems: ['the fault configuration must be a JSON object'] };
  const num = (at: string, v: unknown, min: number, max = Infinity): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      problems.push(`${at} must be a number between ${min} and ${max}`);
      return undefined;
    }
    return v;
  };
  const str = (at: string, v: unknown): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') problems.push(`${at} must be a string`);
    return typeof v === 'string' ? v : undefined;
  };
  const seed = num('seed', value['seed'], -Infinity);
  const latencyMs = num('latencyMs', value['latencyMs'], 0);
  const mcw = value['maxConcurrentWrites'];
  const maxConcurrentWrites = mcw === null ? null : num('maxConcurrentWrites', mcw, 1);
  const amc = value['alertmanagerConflicts'];
  if (amc !== undefined && typeof amc !== 'boolean') problems.push('alertmanagerConflicts must be a boolean');
  const rawFaults = value['faults'];
  const faults: FaultRule[] = [];
  if (rawFaults !== undefined && !Array.isArray(rawFaults)) problems.push('faults must be an array');
  if (Array.isArray(rawFaults)) {
    rawFaults.forEach((rule: unknown, i) => {
      const at = `faults[${i}]`;
      if (!isJsonObject(rule)) {
        problems.push(`${at} must be an object`);
        return;
      }
      const type = FAULT_TYPES.find((t) => t === rule['type']);
      if (type === undefined) problems.push(`${at}.type must be one of ${FAULT_TYPES.join(', ')}`);
      const rawMethod = rule['method'];
      let method: string | string[] | undefined;
      if (typeof rawMethod === 'string') method = rawMethod;
      else if (Array.isArray(rawMethod) && rawMethod.every((m) => typeof m === 'string'))
        method = rawMethod.filter((m): m is string => typeof m === 'string');
      else if (rawMethod !== undefined) problems.push(`${at}.method must be a string or an array of strings`);
      const always = rule['always'];
      if (always !== undefined && typeof always !== 'boolean')
        problems.push(`${at}.always must be a boolean`);
      const phase = rule['phase'];
      if (phase !== undefined && phase !== 'before' && phase !== 'after')
        problems.push(`${at}.phase must be "before" or "after"`);
      const afterHold = rule['afterHold'];
      if (afterHold !== undefined && afterHold !== 'reset' && afterHold !== 'respond')
        problems.push(`${at}.afterHold must be "reset" or "respond"`);
      const rawRetry = rule['retryAfterSeconds'];
      const retryAfterSeconds = rawRetry === null ? null : num(`${at}.retryAfterSeconds`, rawRetry, 0);
      const parsed: FaultRule = {
        type: type ?? 'status',
        status: num(`${at}.status`, rule['status'], 100, 599),
        retryAfterSeconds,
        body: str(`${at}.body`, rule['body']),
        probability: num(`${at}.probability`, rule['probability'], 0, 1),
        everyNth: num(`${at}.everyNth`, rule['everyNth'], 1),
        always: typeof always === 'boolean' ? always : undefined,
        times: num(`${at}.times`, rule['times'], 0),
        method,
        pathPrefix: str(`${at}.pathPrefix`, rule['pathPrefix']),
        phase: phase === 'before' || phase === 'after' ? phase : undefined,
        holdMs: num(`${at}.holdMs`, rule['holdMs'], 0),
        afterHold: afterHold === 'reset' || afterHold === 'respond' ? afterHold : undefined,
      };
      faults.push(withoutUndefined(parsed));
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: withoutUndefined({
      seed,
      latencyMs,
      maxConcurrentWrites,
      alertmanagerConflicts: typeof amc === 'boolean' ? amc : undefined,
      faults: rawFaults === undefined ? undefined : faults,
    }),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
