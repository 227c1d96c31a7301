/**
 * The vocabulary of a typed YAML schema: what a value may be, mirroring how Go's yaml.v3 decodes into Beyla's
 * config structs (a string field takes any scalar; an int field rejects a string; `time.Duration` takes a Go
 * duration string). Built with the small constructors below so the schema reads like the YAML it describes.
 */

interface Common {
  /** Set when the key still works but should no longer be used: says what to use instead. */
  readonly deprecated?: string;
}

export type SchemaNode =
  | (Common & { readonly kind: 'string'; readonly pattern?: RegExp; readonly patternHint?: string })
  | (Common & {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly caseInsensitive?: boolean;
    })
  | (Common & { readonly kind: 'integer'; readonly min?: number; readonly max?: number })
  | (Common & { readonly kind: 'number' })
  | (Common & { readonly kind: 'boolean' })
  | (Common & { readonly kind: 'duration' })
  | (Common & { readonly kind: 'list'; readonly items: SchemaNode; readonly increasing?: boolean })
  | (Common & {
      readonly kind: 'object';
      readonly fields: Readonly<Record<string, SchemaNode>>;
      /** Keys not listed are accepted without a check (sections whose keys we do not model). */
      readonly open?: boolean;
    })
  | (Common & { readonly kind: 'map'; readonly values: SchemaNode })
  | (Common & {
      readonly kind: 'oneOf';
      readonly options: readonly SchemaNode[];
      /** What is accepted, in words, for the message when nothing matches. */
      readonly description: string;
    })
  | (Common & { readonly kind: 'any' });

export const str = (pattern?: RegExp, patternHint?: string): SchemaNode =>
  pattern === undefined
    ? { kind: 'string' }
    : { kind: 'string', pattern, ...(patternHint === undefined ? {} : { patternHint }) };
export const oneOfValues = (
  values: readonly string[],
  options: { caseInsensitive?: boolean } = {},
): SchemaNode => ({
  kind: 'enum',
  values,
  ...options,
});
export const int = (range: { min?: number; max?: number } = {}): SchemaNode => ({
  kind: 'integer',
  ...range,
});
export const num = (): SchemaNode => ({ kind: 'number' });
export const bool = (): SchemaNode => ({ kind: 'boolean' });
export const duration = (): SchemaNode => ({ kind: 'duration' });
export const list = (items: SchemaNode, options: { increasing?: boolean } = {}): SchemaNode => ({
  kind: 'list',
  items,
  ...options,
});
export const obj = (
  fields: Readonly<Record<string, SchemaNode>>,
  options: { open?: boolean } = {},
): SchemaNode => ({
  kind: 'object',
  fields,
  ...options,
});
/** A section that exists but whose keys we do not model: any keys are accepted. */
export const openSection = (): SchemaNode => ({ kind: 'object', fields: {}, open: true });
export const map = (values: SchemaNode): SchemaNode => ({ kind: 'map', values });
export const either = (description: string, ...options: SchemaNode[]): SchemaNode => ({
  kind: 'oneOf',
  options,
  description,
});
export const anything = (): SchemaNode => ({ kind: 'any' });
export const deprecated = (node: SchemaNode, instead: string): SchemaNode => ({
  ...node,
  deprecated: instead,
});
