import type { BaseConfig } from '../config/base.ts';
import { buildValidated } from '../commands/render.ts';
import type { Resource } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { GrafanaConnection } from '../grafana/client.ts';
import { GrafanaClient } from '../grafana/client.ts';
import { PartialApplyError } from '../grafana/errors.ts';
import { probeGrafana } from '../grafana/probe.ts';
import { HANDLERS } from '../handlers/index.ts';
import type { Project } from '../project/project.ts';
import type { ApplyEvent, FullHandlers } from './apply.ts';
import { applyPlan } from './apply.ts';
import { readLive } from './live-state.ts';
import type { Plan } from './plan.ts';
import { planActions, refMatcher } from './plan.ts';
import { resolveSecrets } from './secrets.ts';

export interface PublishOptions {
  readonly environment?: string;
  readonly dryRun?: boolean;
  readonly prune?: boolean;
  /** `Kind/uid` globs limiting the run. */
  readonly only?: readonly string[];
  /** Publish alerting objects editable in Grafana's UI (no provenance) instead of locked. */
  readonly editable?: boolean;
  /** Send every secret again (rotation); otherwise secrets Grafana already holds are kept. */
  readonly resendSecrets?: boolean;
}

export interface PublishHooks {
  /** Called with the secret values as soon as they are read, so that outputs can mask them. */
  readonly onSecrets?: (values: readonly string[]) => void;
  /** Called with the plan before anything is written. */
  readonly onPlan?: (plan: Plan, grafanaVersion: string) => void;
  readonly onEvent?: (event: ApplyEvent) => void;
}

export interface PublishResult {
  readonly plan: Plan;
  readonly events: readonly ApplyEvent[];
  readonly grafanaVersion: string;
  readonly requests: { readonly reads: number; readonly writes: number; readonly retries: number };
}

/**
 * `npm run publish`: validate, resolve secrets (a missing one fails before any request), probe Grafana, read
 * what it holds, plan, then apply (unless dry run). Throws PartialApplyError listing the failed refs when some
 * actions failed; running again converges.
 */
export async function publishProject<C extends BaseConfig>(
  project: Project<C>,
  connection: GrafanaConnection,
  env: Readonly<Record<string, string | undefined>>,
  options: PublishOptions = {},
  hooks: PublishHooks = {},
  handlers: FullHandlers = HANDLERS,
  clientFactory: (c: GrafanaConnection) => GrafanaClient = (c) => new GrafanaClient(c),
): Promise<PublishResult> {
  const built = buildValidated(project, options.environment);
  const only = options.only === undefined || options.only.length === 0 ? undefined : refMatcher(options.only);
  // Every resource defined in code is read and planned (`only` applies in the plan): with --prune, what the code
  // defines must be known as ours even where --only leaves it out. Secrets are needed only for the selection.
  const all: readonly Resource[] = built.registry.resources;
  const selected = only === undefined ? all : all.filter((r) => only(refOf(r)));
  const secrets = resolveSecrets(selected, env);
  hooks.onSecrets?.([...secrets.values()]);
  const client = clientFactory(connection);
  const info = await probeGrafana(client);
  const resendSecrets = options.resendSecrets ?? false;
  const { live, context } = await readLive(
    handlers,
    { client, editable: options.editable ?? false, resendSecrets, secrets },
    all,
  );
  const plan = planActions({
    desired: all,
    live,
    handlers,
    prune: options.prune ?? false,
    rotateSecrets: resendSecrets,
    ...(only === undefined ? {} : { only }),
  });
  hooks.onPlan?.(plan, info.version);
  if (options.dryRun === true) {
    return { plan, events: [], grafanaVersion: info.version, requests: { ...client.sent } };
  }
  const events = await applyPlan(plan.actions, handlers, context, (event) => hooks.onEvent?.(event));
  const failed = events
    .filter((e) => e.status === 'failed')
    .map((e) => ({ ref: e.ref, error: e.error ?? 'failed' }));
  if (failed.length > 0) throw new PartialApplyError(failed);
  return { plan, events, grafanaVersion: info.version, requests: { ...client.sent } };
}
