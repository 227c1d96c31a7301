/**
 * Alloy configuration files, checked without the Alloy binary: a parser for the configuration language, the
 * reference and component checks `alloy validate` would make, and facts for cross-checks elsewhere.
 */
export type * from './ast.ts';
export type { AlloyParseResult } from './parser.ts';
export { isIdentifier, parseAlloy, parseAlloyOrThrow } from './parser.ts';
export type { Punct, Token, TokenizeResult } from './tokenizer.ts';
export { tokenize } from './tokenizer.ts';
export type { AlloyProblem, AlloyProblemCode } from './problem.ts';
export { AlloyConfigError, AlloySyntaxError, formatAlloyProblem, sortAlloyProblems } from './problem.ts';
export type { AlloyCheckOptions, AlloyCheckResult, DeclaredComponent } from './check.ts';
export { assertAlloy, checkAlloy, checkAlloyAst, checkAlloyFile } from './check.ts';
export { CONFIG_BLOCKS, MODULE_BLOCKS, isComponentBlock } from './block-kinds.ts';
export type { ComponentExports } from './component-exports.ts';
export { COMPONENT_EXPORTS, ComponentTable } from './component-exports.ts';
export { ENV_FUNCTIONS, STDLIB } from './stdlib.ts';
export type { Reference } from './references.ts';
export { referencesIn } from './references.ts';
export type { AlloyValue, AttributeValue, LiteralResult } from './literal.ts';
export { describeValue, envVariablesIn, evaluateLiteral } from './literal.ts';
export { printExpression } from './print.ts';
export { attributeOf, blockOf, blocksNamed } from './query.ts';
export type {
  AlloyFacts,
  BeylaEbpfFact,
  ComponentFact,
  EndpointFact,
  FaroReceiverFact,
  OtelSignal,
  ScrapeFact,
  SignalRoute,
} from './facts.ts';
export { extractAlloyFacts } from './facts.ts';
