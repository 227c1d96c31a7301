import type { Desired } from '../core/desired.ts';
import type { Ownership } from '../core/ownership.ts';
import type { Kind } from '../core/kinds.ts';
import type { ResourceOf, ResourceRef } from '../core/resource.ts';
import type { GrafanaApi } from '../grafana/app-platform.ts';
import type { GrafanaClient } from '../grafana/client.ts';
import type { SecretValues } from './secrets.ts';

/** An object as Grafana holds it: its identity, the body read from the API, and whether we own it. */
export interface LiveObject<K extends Kind = Kind> {
  readonly kind: K;
  readonly uid: string;
  readonly ref: ResourceRef;
  /** Folder it sits in (dashboards, rule groups); absent at the root. */
  readonly folderUid?: string;
  /** The raw body Grafana answered with. */
  readonly body: unknown;
  /** Ours by the ownership rule (src/core/ownership.ts): the only objects prune may delete. */
  readonly owned: boolean;
  /** Which part of the ownership rule made it ours, for plans and drift reports. */
  readonly ownedBecause?: string;
  /**
   * App Platform objects (src/handlers/manager.ts): how their manager annotations differ from the ones publish
   * writes; absent when they are exactly ours, and for objects read through the legacy API.
   */
  readonly managerDiffers?: string;
  /** App Platform objects another manager holds (Git Sync, Terraform, a plugin): never updated nor pruned. */
  readonly foreignManager?: string;
  /** `provenance` of alerting objects ('' when none). */
  readonly provenance?: string;
  /**
   * Set when the object was compared with this desired resource as soon as it was read and found the same: its
   * `body` was dropped then (see ListContext.settle), and the comparison need not be made again.
   */
  readonly sameAs?: ResourceOf<K>;
}

export type DashboardSchema = 'v1' | 'v2';

/** What handlers need to talk to Grafana for one publish or drift run. */
export interface HandlerContext {
  readonly client: GrafanaClient;
  /** Which API dashboards and folders go through (src/grafana/app-platform.ts). */
  readonly api: GrafanaApi;
  /** The schema dashboards are written in: the classic JSON (`v1`) or `v2` (Grafana 13 on). */
  readonly dashboardSchema: DashboardSchema;
  /** Publish alerting objects editable in the UI (X-Disable-Provenance) instead of locked. */
  readonly editable: boolean;
  /** Folders whose content we own: folders defined in code and folders carrying our prefix. */
  readonly ownedFolders: ReadonlySet<string>;
  /** Who we are in Grafana: the owner and uid prefix of the Config (src/core/ownership.ts). */
  readonly ownership: Ownership;
  /** Send secure settings even when Grafana already holds a value (rotation). */
  readonly resendSecrets: boolean;
  /** Values of the secret environment variables, resolved before anything was sent. */
  readonly secrets: SecretValues;
  /**
   * A folder deletion may take with it what is inside (the plan listed it and `--prune-nested` allowed it). Unset,
   * a folder found not empty when it is deleted is left, with an error.
   */
  readonly pruneNested?: boolean;
  /** Says what a write revealed that the run cannot mend (printed once, after the plan's events). */
  readonly warn?: (message: string) => void;
}

/**
 * What `list` gets. Every kind is listed at once, folders included, so the folders we own may still be being read
 * (await them only where the answer is needed); the desired resources are asked for as they are needed.
 */
export interface ListContext extends Omit<HandlerContext, 'ownedFolders'> {
  readonly ownedFolders: Promise<ReadonlySet<string>>;
  readonly desired: Desired;
  /**
   * Compares an object with the resource of the same uid as soon as it is read: when they are the same, the object
   * comes back with `sameAs` set and without its body. Handlers of large objects (dashboards) call it on every
   * answer, so that a body publish will not need dies young instead of being kept until the plan.
   */
  settle<K extends Kind>(object: LiveObject<K>): Promise<LiveObject<K>>;
}

/**
 * The comparable form of an object: what the repository would render for it, with server-only fields removed,
 * defaults and formats made canonical, and secret values replaced by `SECRET_SET`. Desired and live objects in
 * this form are equal exactly when publish has nothing to do.
 */
export interface Comparable {
  readonly folderUid?: string;
  readonly spec: unknown;
  /** Dashboards: the schema Grafana stores (a v2 dashboard saved from the UI is not the v1 JSON we publish). */
  readonly schema?: DashboardSchema;
  /** App Platform objects whose manager annotations are not ours: what they say instead. */
  readonly manager?: string;
}

/**
 * Per-kind knowledge (Grizzly's handler): listing and writing through the client, `comparable` for both sides,
 * and `prepare` (the request body for a desired object, secrets resolved).
 */
export interface KindHandler<K extends Kind> {
  readonly kind: K;
  /** Every object of the kind Grafana holds (those we can see), owned or not. */
  list(context: ListContext): Promise<LiveObject<K>[]>;
  /** The comparable form of a desired resource or of a rendered spec read back from `rendered/`. */
  desired(resource: ResourceOf<K>): Comparable;
  /** The comparable form of a live object; `desired` lets a handler compare only the keys we manage. */
  live(object: LiveObject<K>, desired?: ResourceOf<K>): Comparable;
  /**
   * A cheap check that may settle a comparison before any comparable form is built: true only when the object is
   * certainly the same as the resource (its raw body equals what publish would write); undefined when it cannot
   * tell, and the full comparison decides.
   */
  quickSame?(object: LiveObject<K>, resource: ResourceOf<K>): true | undefined;
  create(context: HandlerContext, resource: ResourceOf<K>): Promise<void>;
  update(context: HandlerContext, resource: ResourceOf<K>, live: LiveObject<K>): Promise<void>;
  remove(context: HandlerContext, live: LiveObject<K>): Promise<void>;
}
