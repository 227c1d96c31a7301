import { KIND_DIRECTORY } from '../core/kinds.ts';
import type { Resource } from '../core/resource.ts';
import { refOf } from '../core/resource.ts';
import type { Registry } from '../project/registry.ts';
import { canonicalJson } from './canonical-json.ts';
import type { RenderedFile } from './rendered-file.ts';

/** Top-level order of a rendered resource file: identity first, then the spec Grafana receives. */
export const ENVELOPE_ORDER = ['kind', 'uid', 'title', 'folderUid', 'source', 'spec'] as const;

/** Path of a resource's file: `grafana/<kind folder>/<uid>.json`. */
export function grafanaPath(resource: { readonly kind: Resource['kind']; readonly uid: string }): string {
  return `grafana/${KIND_DIRECTORY[resource.kind]}/${resource.uid}.json`;
}

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
    content: canonicalJson(envelope, ENVELOPE_ORDER),
    refs: [refOf(resource)],
  };
}

/** One canonical JSON file per resource, as Grafana receives it (secrets as `${ENV}` placeholders). */
export function renderGrafanaFiles(registry: Registry): RenderedFile[] {
  return registry.resources.map(renderResource);
}
