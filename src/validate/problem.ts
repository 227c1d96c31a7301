// Problems live in core/ (errors.ts reports them); validation, which finds most of them, re-exports them.
export * from '../core/problem.ts';
