/** Problems found while resolving an SLO input, collected (never only the first) with their field paths. */
import type { SloIssue } from './model.ts';

export class Issues {
  readonly list: SloIssue[] = [];
  add(path: string, problem: string, fix: string): void {
    this.list.push({ path, problem, fix });
  }
}
