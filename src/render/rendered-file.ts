import type { ResourceRef } from '../core/resource.ts';

/** One file of `rendered/`: its path relative to the output folder, and its exact bytes. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string;
  /** The resources it was rendered from, for messages. */
  readonly refs: readonly ResourceRef[];
}
