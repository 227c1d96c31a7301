import type { Kind } from '../core/kinds.ts';
import { kindOrder } from '../core/kinds.ts';
import type { Resource, ResourceOf, ResourceRef } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';

/**
 * Every Resource defined in the repository, in dependency order (kinds as in `KINDS`, then the order of the
 * content indexes). Duplicates are kept: validation reports them with both files.
 */
export class Registry {
  readonly resources: readonly Resource[];
  private readonly byRef = new Map<ResourceRef, Resource>();
  private readonly kinds = new Map<Kind, readonly Resource[]>();

  constructor(resources: readonly Resource[]) {
    this.resources = [...resources].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
    for (const r of this.resources) {
      const ref = refOf(r);
      if (!this.byRef.has(ref)) this.byRef.set(ref, r);
    }
  }

  get size(): number {
    return this.resources.length;
  }

  get(ref: ResourceRef): Resource | undefined {
    return this.byRef.get(ref);
  }

  has(kind: Kind, uid: string): boolean {
    return this.byRef.has(`${kind}/${uid}`);
  }

  byKind<K extends Kind>(kind: K): readonly ResourceOf<K>[] {
    let list = this.kinds.get(kind);
    if (list === undefined) {
      list = this.resources.filter((r) => r.kind === kind);
      this.kinds.set(kind, list);
    }
    // Every element was selected by its kind above.
    return list as readonly ResourceOf<K>[];
  }

  /** The first resource of a kind with that uid. */
  find<K extends Kind>(kind: K, uid: string): ResourceOf<K> | undefined {
    const r = this.byRef.get(`${kind}/${uid}`);
    return r !== undefined && r.kind === kind ? (r as Resource & ResourceOf<K>) : undefined;
  }
}
