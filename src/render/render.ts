import type { BaseConfig } from '../config/base.ts';
import type { Registry } from '../project/registry.ts';
import { renderAlertmanagerFiles } from './alertmanager-files.ts';
import { renderGrafanaFiles } from './grafana-files.ts';
import { renderRuleEngineFiles } from './rule-engines.ts';
import { renderRuleFiles } from './rule-files.ts';
import type { RenderedFile } from './rendered-file.ts';
import { RENDERED_FOLDERS } from './rendered-file.ts';

/** A writer of one family of rendered files (Grafana resources, Prometheus rules, Alertmanager config). */
export type Renderer = (registry: Registry, config: BaseConfig) => readonly RenderedFile[];

export const RENDERERS: readonly Renderer[] = [
  renderGrafanaFiles,
  renderRuleFiles,
  renderRuleEngineFiles,
  renderAlertmanagerFiles,
];

const OWNED: ReadonlySet<string> = new Set(RENDERED_FOLDERS);

/**
 * Everything `rendered/` should hold, by path, sorted. Pure: no disk, no clock, no environment. Two resources
 * that would land on the same path are a validation problem (duplicate uid), caught before this runs. Every path
 * lies under one of RENDERED_FOLDERS, the only folders render writes and deletes in.
 */
export function renderAll(registry: Registry, config: BaseConfig): Map<string, RenderedFile> {
  const files = RENDERERS.flatMap((render) => render(registry, config));
  for (const file of files) {
    const slash = file.path.indexOf('/');
    if (slash < 0 || !OWNED.has(file.path.slice(0, slash))) {
      throw new Error(
        `render: ${file.path} lies outside the folders render owns (${RENDERED_FOLDERS.join(', ')}); add its folder to RENDERED_FOLDERS`,
      );
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return new Map(files.map((f) => [f.path, f]));
}
