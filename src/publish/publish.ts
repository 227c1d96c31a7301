import type { BaseConfig } from '../config/base.ts';
import { dashboardSchemaOf } from '../config/base.ts';
import type { ApiPreference } from '../grafana/app-platform.ts';
import { desiredOf } from '../core/desired.ts';
import { ownershipOf } from '../core/ownership.ts';
import { UsageError, ValidationError } from '../core/errors.ts';
import type { Resource } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { GrafanaConnection } from '../grafana/client.ts';
import { GrafanaClient } from '../grafana/client.ts';
import { PartialApplyError } from '../grafana/errors.ts';
import { HANDLERS } from '../handlers/index.ts';
import type { Project } from '../project/project.ts';
import { buildProject } from '../project/project.ts';
import { formatProblem, sortProblems } from '../validate/problem.ts';
import { validateAsync } from '../validate/validate.ts';
import { crossCheck } from '../crosscheck/index.ts';
import { closest } from '../core/did-you-mean.ts';
import type { Fingerprint } from './saved-plan.ts';
import { fingerprintsOf, movedSince, savedFingerprints } from './saved-plan.ts';
import { splitLenient } from '../validate/lenient.ts';
import type { ApplyEvent, FullHandlers } from './apply.ts';
import { applyPlan } from './apply.ts';
import { probeAndReadLive } from './live-state.ts';
import type { Action, Plan } from './plan.ts';
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
  /**
   * Let a pruned folder take with it what sits inside it and is not deleted on its own (subfolders, dashboards and
   * rule groups that are not ours, or that --only leaves out). Without it such a plan is refused.
   */
  readonly pruneNested?: boolean;
  /** Which API dashboards and folders go through (src/grafana/app-platform.ts); `auto` by default. */
  readonly api?: ApiPreference;
  /** The App Platform namespace (a Grafana Cloud stack's `stacks-<id>`); from the organisation otherwise. */
  readonly namespace?: string;
  /**
   * A plan saved by `--dry-run --json` (src/publish/saved-plan.ts): applied only when the plan made now is the same,
   * against objects that did not move since; otherwise nothing is written.
   */
  readonly savedPlan?: unknown;
}

export interface PublishHooks {
  /** Called with the secret values as soon as they are read, so that outputs can mask them. */
  readonly onSecrets?: (values: readonly string[]) => void;
  /** Called with the plan (and what each action was made against) before anything is written. */
  readonly onPlan?: (plan: Plan, grafanaVersion: string, fingerprints: readonly Fingerprint[]) => void;
  /**
   * Asked before a plan that deletes anything is applied (the command line asks on a terminal, and refuses without
   * one unless --yes); false stops the run before any write. Without it, deletions proceed.
   */
  readonly confirmDeletions?: (deletions: readonly Action[]) => Promise<boolean>;
  readonly onEvent?: (event: ApplyEvent) => void;
  /** Called once per distinct warning a write revealed (after its event). */
  readonly onWarning?: (message: string) => void;
}

export interface PublishResult {
  readonly plan: Plan;
  readonly events: readonly ApplyEvent[];
  /** What the writes revealed that the run could not mend: the first of each kind. */
  readonly warnings: readonly string[];
  readonly grafanaVersion: string;
  readonly requests: { readonly reads: number; readonly writes: number; readonly retries: number };
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The promise's outcome, never rejecting (so that a failure not awaited yet is not an unhandled rejection). */
function settled<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

type LiveRead = Awaited<ReturnType<typeof probeAndReadLive>>;

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}

/**
 * `npm run publish`: build, resolve secrets (a missing one fails before any request), then validate while
 * Grafana is probed and read (validation problems win over every other failure; reads still in flight are
 * cancelled), plan, and apply (unless dry run): nothing is written unless validation passed. Throws
 * PartialApplyError listing the failed refs when some actions failed; running again converges.
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
  const built = buildProject(project, options.environment);
  const only = options.only === undefined || options.only.length === 0 ? undefined : refMatcher(options.only);
  // Every resource defined in code is read and planned (`only` applies in the plan): with --prune, what the code
  // defines must be known as ours even where --only leaves it out. Secrets are needed only for the selection.
  const all: readonly Resource[] = built.registry.resources;
  const selected = only === undefined ? all : all.filter((r) => only(refOf(r)));
  // A missing secret stops the run before any request; validation problems, found meanwhile, come first.
  const secrets = attempt(() => resolveSecrets(selected, env));
  if (secrets.ok) hooks.onSecrets?.([...secrets.value.values()]);
  const client = clientFactory(connection);
  if (secrets.ok) client.maskValues(...secrets.value.values());
  const resendSecrets = options.resendSecrets ?? false;
  // Grafana is read while the project is validated (reads only: nothing is written before validation passed).
  const reading: Promise<Outcome<LiveRead>> = secrets.ok
    ? settled(
        probeAndReadLive(
          handlers,
          {
            client,
            editable: options.editable ?? false,
            resendSecrets,
            secrets: secrets.value,
            ownership: ownershipOf(built.config),
            dashboardSchema: dashboardSchemaOf(built.config),
          },
          desiredOf(all),
          {
            preference: options.api ?? 'auto',
            ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
          },
        ),
      )
    : Promise.resolve(secrets);
  const { errors: problems, warnings: lenient } = splitLenient(
    sortProblems([
      ...built.problems,
      ...(built.complete
        ? [
            ...(await validateAsync(built.registry, built.config)),
            ...crossCheck(project, built.registry, built.config),
          ]
        : []),
    ]),
    built.registry,
  );
  if (problems.length > 0) {
    client.cancel();
    throw new ValidationError([...problems]);
  }
  for (const warning of lenient) hooks.onWarning?.(formatProblem(warning).replace(/^warning: /, ''));
  const { info, live, context } = unwrap(await reading);
  if (only !== undefined) {
    // An --only that matches nothing, in code or in Grafana, is a typo more often than an empty change.
    const refs = [...new Set([...all.map(refOf), ...[...live.values()].flat().map((o) => o.ref)])];
    if (!refs.some((r) => only(r))) {
      const given = options.only ?? [];
      const near = [
        ...new Set(given.flatMap((o) => [...refs.filter((r) => r.startsWith(o)), ...closest(o, refs)])),
      ];
      throw new UsageError(
        `--only ${given.join(' ')} matches nothing in code or in Grafana${near.length > 0 ? `; closest: ${near.slice(0, 3).join(', ')}` : ''}. Nothing was written.`,
      );
    }
  }
  const plan = planActions({
    desired: all,
    live,
    handlers,
    prune: options.prune ?? false,
    rotateSecrets: resendSecrets,
    ...(only === undefined ? {} : { only }),
  });
  const fingerprints = fingerprintsOf(plan, handlers);
  hooks.onPlan?.(plan, info.version, fingerprints);
  if (options.savedPlan !== undefined) {
    const saved = savedFingerprints(options.savedPlan);
    if (typeof saved === 'string') throw new UsageError(`--plan: ${saved}. Nothing was written.`);
    const moved = movedSince(saved, fingerprints);
    if (moved.length > 0)
      throw new UsageError(
        `nothing was written: the plan no longer holds (${moved.join('; ')}). Make a new plan (publish --dry-run --json plan.json), review it, and apply that one.`,
      );
  }
  if (plan.cascades.length > 0 && options.pruneNested !== true && options.dryRun !== true) {
    throw new UsageError(
      `nothing was written: deleting ${plan.cascades.map((c) => `${c.folder} would also delete ${c.takes.join(', ')}`).join('; ')} (Grafana deletes a folder with everything in it). Move or delete those first, or run again with --prune-nested to let them go.`,
    );
  }
  if (plan.refusals.length > 0 && options.dryRun !== true) {
    throw new UsageError(
      `nothing was written: ${plan.refusals.map((r) => `${r.ref} ${r.reason}`).join('; ')}. Publish does not take over what another manager owns: remove it from the repository (or give it another uid), or release it from that manager in Grafana first.`,
    );
  }
  if (options.dryRun === true) {
    return { plan, events: [], warnings: [], grafanaVersion: info.version, requests: { ...client.sent } };
  }
  const deletions = plan.actions.filter((a) => a.type === 'delete');
  if (
    deletions.length > 0 &&
    hooks.confirmDeletions !== undefined &&
    !(await hooks.confirmDeletions(deletions))
  ) {
    client.cancel();
    throw new UsageError(
      `nothing was written: the plan deletes ${deletions.map((d) => d.ref).join(', ')}, and that was not confirmed. Run again and confirm, or pass --yes.`,
    );
  }
  // One warning of a kind is enough (the same cause shows on every object): the first, by its text after the ref.
  const warnings: string[] = [];
  const seen = new Set<string>();
  const warn = (message: string): void => {
    const kind = message.slice(message.indexOf(':') + 1);
    if (seen.has(kind)) return;
    seen.add(kind);
    warnings.push(message);
    hooks.onWarning?.(message);
  };
  const events = await applyPlan(
    plan.actions,
    handlers,
    { ...context, warn, pruneNested: plan.cascades.length > 0 && options.pruneNested === true },
    (event) => hooks.onEvent?.(event),
  );
  const failed = events
    .filter((e) => e.status === 'failed')
    .map((e) => ({ ref: e.ref, error: e.error ?? 'failed' }));
  if (failed.length > 0) throw new PartialApplyError(failed);
  return { plan, events, warnings, grafanaVersion: info.version, requests: { ...client.sent } };
}
