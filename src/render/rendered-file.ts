import type { ResourceRef } from '../core/resource.ts';

/**
 * The top-level folders of an output folder that render owns. Every rendered file lies under one of them; render
 * deletes stale files there and nowhere else, and recognises a folder it rendered before by them.
 */
export const RENDERED_FOLDERS = [
  'alertmanager',
  'grafana',
  'kubernetes',
  'loki',
  'mimir',
  'prometheus',
] as const;

/** One file of `rendered/`: its path relative to the output folder, and its exact bytes. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string;
  /** The resources it was rendered from, for messages. */
  readonly refs: readonly ResourceRef[];
}
