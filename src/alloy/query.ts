/** Small lookups over a parsed file: attributes and nested blocks by name. */
import type { Attribute, Block, Statement } from './ast.ts';

export function attributeOf(block: Block, name: string): Attribute | undefined {
  return block.body.find((s): s is Attribute => s.kind === 'attribute' && s.name === name);
}

export function blocksNamed(body: readonly Statement[], name: string): Block[] {
  return body.filter((s): s is Block => s.kind === 'block' && s.name === name);
}

/** The first nested block of that name, e.g. `clustering` inside a `prometheus.scrape`. */
export function blockOf(block: Block, name: string): Block | undefined {
  return blocksNamed(block.body, name)[0];
}
