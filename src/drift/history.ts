/**
 * Earlier versions of a rendered file, from git: what drift compares Grafana with when Grafana differs from the
 * committed rendered/ state. When Grafana holds exactly what an earlier commit rendered, the difference is code
 * not yet published, not a change made in Grafana.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import type { Resource } from '../core/resource.ts';
import { grafanaPath } from '../render/grafana-files.ts';
import { resourcesFromFiles } from '../render/read-rendered.ts';

export interface EarlierVersion {
  /** The commit (abbreviated) that rendered it. */
  readonly commit: string;
  readonly resource: Resource;
}

/** What drift asks: the earlier versions of a resource's rendered file, newest first. */
export type History = (resource: Resource) => Iterable<EarlierVersion>;

function git(cwd: string, args: readonly string[]): string | undefined {
  const run = spawnSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return run.error === undefined && run.status === 0 ? run.stdout : undefined;
}

/**
 * The history of rendered files in the git repository holding `renderedDir` (the last `depth` commits that
 * changed each file, the working state excluded); none when it is not in a git repository.
 */
export function gitHistory(renderedDir: string, depth = 20): History {
  const top = git(renderedDir, ['rev-parse', '--show-toplevel'])?.trim();
  if (top === undefined || top === '') return () => [];
  const prefix = relative(top, renderedDir);
  return function* (resource) {
    const file = `${prefix}/${grafanaPath(resource)}`;
    const commits =
      git(top, ['log', `-n${depth}`, '--format=%h', '--', file])
        ?.split('\n')
        .filter((c) => c !== '') ?? [];
    for (const commit of commits) {
      const text = git(top, ['show', `${commit}:${file}`]);
      if (text === undefined) continue;
      const [earlier] = resourcesFromFiles(new Map([[grafanaPath(resource), text]]));
      if (earlier !== undefined) yield { commit, resource: earlier };
    }
  };
}
