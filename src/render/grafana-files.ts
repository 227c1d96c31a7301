import { KIND_DIRECTORY } from '../core/kinds.ts';
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

/** One canonical JSON file per resource, as Grafana receives it (secrets as `${ENV}` placeholders). */
export function renderGrafanaFiles(registry: Registry): RenderedFile[] {
  return registry.resources.map(renderResource);
}
