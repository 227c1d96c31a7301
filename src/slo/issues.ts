/** Problems found while resolving an SLO input, collected (never only the first) with their field paths. */
import type { SloIssue } from './model.ts';

export class Issues {
  readonly list: SloIssue[] = [];
  add(path: string, problem: string, fix: string): void {
    this.list.push({ path, problem, fix });
  }
}

/** `a.b[2].c` field paths, as every message names a field. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
