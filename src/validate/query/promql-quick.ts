// The quick PromQL recogniser lives in promql/ (its analysis uses it); validation's query rules re-export it.
export * from '../../promql/quick.ts';
