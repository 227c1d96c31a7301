import type { BaseConfig } from '../config/base.ts';
import { KIND_DIRECTORY } from '../core/kinds.ts';
import type { Ownership } from '../core/ownership.ts';
import { ownershipOf } from '../core/ownership.ts';
import { dashboardSchemaOf } from '../config/base.ts';
import type { Resource } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { Registry } from '../project/registry.ts';
import { jsonOfCanonical } from './canonical-json.ts';
import type { RenderedFile } from './rendered-file.ts';

/** Path of a resource's file: `grafana/<kind folder>/<uid>.json`. */
export function grafanaPath(resource: { readonly kind: Resource['kind']; readonly uid: string }): string {
  return `grafana/${KIND_DIRECTORY[resource.kind]}/${resource.uid}.json`;
}

/**
 * A resource file: identity first (kind, uid, title, folder, source file), then the spec Grafana receives. The
 * spec is canonical already (resources are sealed), so this is one JSON.stringify.
 */
export function renderResource(resource: Resource): RenderedFile {
  const envelope = {
    kind: resource.kind,
    uid: resource.uid,
    title: resource.title,
    folderUid: resource.folderUid,
    source: resource.source,
    spec: resource.spec,
  };
  return {
    path: grafanaPath(resource),
    content: jsonOfCanonical(envelope),
    refs: [refOf(resource)],
  };
}

/** Where the rendered state says who owns it: drift recognises the objects of the repository by it. */
export const OWNERSHIP_PATH = 'grafana/ownership.json';

/** The ownership rule's parameters of the rendered environment (src/core/ownership.ts). */
export function renderOwnership(ownership: Ownership, dashboardSchema: 'v1' | 'v2' = 'v1'): RenderedFile {
  return {
    path: OWNERSHIP_PATH,
    content: jsonOfCanonical({
      owner: ownership.owner,
      uidPrefix: ownership.uidPrefix,
      // Written only when it is not the default, so that v1 projects keep their bytes.
      dashboardSchema: dashboardSchema === 'v2' ? 'v2' : undefined,
    }),
    refs: [],
  };
}

/**
 * One canonical JSON file per resource, as Grafana receives it (secrets as `${ENV}` placeholders), and the
 * ownership file when the Config declares ownership.
 */
export function renderGrafanaFiles(registry: Registry, config: BaseConfig): RenderedFile[] {
  const files = registry.resources.map(renderResource);
  const schema = dashboardSchemaOf(config);
  return config.ownership === undefined && schema === 'v1'
    ? files
    : [...files, renderOwnership(ownershipOf(config), schema)];
}
