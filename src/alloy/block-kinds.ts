/**
 * The kinds of top-level blocks: configuration blocks (`logging { … }`, unlabelled), module blocks
 * (`argument`, `export`, `declare`, `foreach`, `import.*`: labelled, not components) and components.
 */
import type { Block } from './ast.ts';

/** Top-level configuration blocks that take no label. */
export const CONFIG_BLOCKS: readonly string[] = ['logging', 'tracing', 'http', 'livedebugging', 'remotecfg'];

/** Module blocks that, like components, must be labelled but are not components. */
export const MODULE_BLOCKS: readonly string[] = ['argument', 'export', 'declare', 'foreach'];

export function isConfigBlock(name: string): boolean {
  return CONFIG_BLOCKS.includes(name);
}

export function isModuleBlock(name: string): boolean {
  return MODULE_BLOCKS.includes(name) || name.startsWith('import.');
}

/** A labelled block that is neither a configuration nor a module block. */
export function isComponentBlock(block: Block): boolean {
  return (
    block.label !== undefined &&
    block.label !== '' &&
    !isConfigBlock(block.name) &&
    !isModuleBlock(block.name)
  );
}
