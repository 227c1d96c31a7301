/**
 * What makes a catalogue entry's citation checkable: a repository (`owner/name`), a ref that does not move (a
 * release tag or a full commit), and the file that defines the name. The catalogue's own test holds every entry to
 * it; documentation pages and mixins are no citation (both have named series their code no longer emits).
 */
import type { MetricEntry } from './types.ts';

const REPO = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const TAG = /^v?\d+\.\d+(\.\d+)?([-+][0-9A-Za-z.-]+)?$/;
const COMMIT = /^[0-9a-f]{40}$/;
const FILE = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\.[A-Za-z0-9]+$/;

/** Why the entry's citation cannot be checked; empty when it can. */
export function citationProblems(entry: MetricEntry): string[] {
  const source = entry.source;
  if ('declared' in source) return ['cites no repository file: declared in a Config'];
  const problems: string[] = [];
  if (!REPO.test(source.repo)) problems.push(`cites repository "${source.repo}": write it as owner/name`);
  if (!TAG.test(source.ref) && !COMMIT.test(source.ref))
    problems.push(`cites ref "${source.ref}", which moves: give a release tag or a full commit`);
  if (!FILE.test(source.path))
    problems.push(`cites path "${source.path}": give the file that defines the name`);
  return problems;
}
