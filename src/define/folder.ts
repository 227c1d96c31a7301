import type { FolderSpec } from '../core/specs.ts';
import type { Definition, FromConfig } from './definition.ts';
import { makeDefinition, resolveInput, sealResource } from './definition.ts';

export interface FolderInput {
  readonly uid: string;
  readonly title: string;
  readonly description?: string;
  /** uid of the parent folder, for nested folders (Grafana 11+). */
  readonly parentUid?: string;
}

/** A folder: the unit of ownership for dashboards and alert rule groups. */
export function defineFolder<C>(input: FromConfig<C, FolderInput>): Definition<C> {
  return makeDefinition<C>('Folder', ({ config, source }) => {
    const f = resolveInput(input, config);
    const spec: FolderSpec = { uid: f.uid, title: f.title };
    if (f.description !== undefined) spec.description = f.description;
    if (f.parentUid !== undefined) spec.parentUid = f.parentUid;
    return [sealResource({ kind: 'Folder', uid: f.uid, title: f.title, spec, source })];
  });
}
