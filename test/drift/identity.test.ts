/**
 * Changes by identity: a panel inserted by hand at the top of a dashboard is one added panel (not every later
 * panel changed), a threshold changed inside a long expression shows the part that changed, and panels and rules
 * are named the same way in plan and drift.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedPart } from '../../src/core/word-diff.ts';
import { driftText } from '../../src/drift/format.ts';
import { driftCheck } from '../../src/drift/run.ts';
import { diffValues } from '../../src/publish/diff.ts';
import { formatPlan } from '../../src/publish/format.ts';
import { publishProject } from '../../src/publish/publish.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { CANARIES, ROOT, connection, fastClient, repository } from '../fixtures/grafana.ts';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ profile: '13.x' });
  await publishProject(await repository(), connection(sim), CANARIES, {}, {}, undefined, fastClient);
});
afterEach(async () => {
  await sim.close();
});

describe('changes by identity', () => {
  it('reports a panel inserted at the top of a dashboard as exactly one added panel', async () => {
    sim.ui.editDashboard('edge', (d) => {
      const panels = d.panels as unknown[];
      panels.unshift({
        id: 99,
        type: 'text',
        title: 'Added by hand',
        gridPos: { x: 0, y: 0, w: 24, h: 2 },
        options: { mode: 'markdown', content: 'hello' },
      });
    });
    const { report } = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    const edge = report.entries.filter((e) => e.ref === 'Dashboard/edge');
    expect(edge).toHaveLength(1);
    expect(edge[0]?.changes.map((c) => c.field)).toEqual(['panel "Added by hand"']);
    expect(edge[0]?.changes[0]?.before).toBeUndefined();
    const text = driftText(report, sim.url).join('\n');
    expect(text).toContain('    panel "Added by hand": (absent) in code, {');
  });

  it('shows the part of a long expression that changed, in drift and in the plan, naming the rule', async () => {
    sim.ui.editRuleGroup('stack-frontend', 'frontend', (group) => {
      const rule = group.rules[0] as { data: { model: { expr: string } }[] };
      const query = rule.data[0];
      if (query === undefined) throw new Error('the rule has a query');
      query.model.expr = query.model.expr.replace('> 0.01', '> 0.05');
    });
    const { report } = await driftCheck(join(ROOT, 'rendered'), connection(sim), undefined, fastClient);
    const text = driftText(report, sim.url).join('\n');
    expect(text).toMatch(
      /rule FrontendJsErrorRateHigh › data\[0\]\.model\.expr: "…[^"]*> 0\.01" in code, "…[^"]*> 0\.05" in Grafana/,
    );
    // --verbose shows the whole value.
    expect(driftText(report, sim.url, { verbose: true }).join('\n')).toContain(
      '"sum by (app) (count_over_time(',
    );
    const dry = await publishProject(
      await repository(),
      connection(sim),
      CANARIES,
      { dryRun: true },
      {},
      undefined,
      fastClient,
    );
    const plan = formatPlan(dry.plan, { color: false, verbose: false }).join('\n');
    expect(plan).toMatch(
      /rule FrontendJsErrorRateHigh › data\[0\]\.model\.expr: "…[^"]*> 0\.05" → "…[^"]*> 0\.01"/,
    );
    // --verbose shows the whole value.
    const verbose = formatPlan(dry.plan, { color: false, verbose: true }).join('\n');
    expect(verbose).toContain('sum by (app) (count_over_time(');
  });
});

describe('the compare underneath', () => {
  it('aligns lists by uid, id, refId, name or title, reports order alone once, and falls back to position', () => {
    const a = [
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ];
    expect(diffValues(a, [{ id: 3, v: 'c' }, ...a], 'panels')).toEqual([
      { path: 'panels[0]', before: undefined, after: { id: 3, v: 'c' } },
    ]);
    expect(diffValues(a, [a[1], a[0]], 'panels')).toEqual([
      { path: 'panels (order)', before: ['id=1', 'id=2'], after: ['id=2', 'id=1'] },
    ]);
    expect(diffValues(a, [a[0]], 'panels')).toEqual([{ path: 'panels[-1]', before: a[1], after: undefined }]);
    expect(diffValues([1, 2], [2, 1], 'x')).toHaveLength(2);
  });

  it('cuts two long texts to the part that differs, with context', () => {
    const before = `sum by (app) (count_over_time({app=~".+", kind="exception"} [10m])) / sum by (app) (count_over_time({kind="measurement"} [10m])) > 0.01`;
    const part = changedPart(before, before.replace('0.01', '0.05'));
    expect(part.before.startsWith('…')).toBe(true);
    expect(part.before.endsWith('0.01')).toBe(true);
    expect(part.after.endsWith('0.05')).toBe(true);
    expect(part.before.length).toBeLessThan(60);
  });
});

describe('code not yet published', () => {
  it('is told apart from a change made in Grafana: Grafana holds what an earlier commit rendered', async () => {
    const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'gsac-unpublished-'));
    try {
      const git = (...args: string[]): string => {
        const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
          cwd: dir,
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(r.stderr);
        return r.stdout.trim();
      };
      cpSync(join(ROOT, 'rendered'), join(dir, 'rendered'), { recursive: true });
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'published');
      const published = git('log', '-1', '--format=%h');
      // The next commit changes a dashboard in code (its rendered file), not yet published.
      const file = join(dir, 'rendered/grafana/dashboards/edge.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replaceAll('"Edge: NGINX and HAProxy"', '"Edge: NGINX, HAProxy"'),
      );
      git('commit', '-qam', 'renamed in code');
      // And someone changes another dashboard in Grafana.
      sim.ui.editDashboard('service-red', (d) => {
        d.title = 'Services (edited by hand)';
      });
      const { report } = await driftCheck(join(dir, 'rendered'), connection(sim), undefined, fastClient);
      const byRef = new Map(report.entries.map((e) => [e.ref, e]));
      expect(byRef.get('Dashboard/edge')?.type).toBe('unpublished');
      expect(byRef.get('Dashboard/edge')?.publishedAt).toBe(published);
      expect(byRef.get('Dashboard/service-red')?.type).toBe('changed');
      const text = driftText(report, sim.url).join('\n');
      expect(text).toContain(
        'Dashboard/edge (dashboards/edge.ts): defined in code but not yet published (Grafana holds an earlier commit’s rendered state)',
      );
      expect(text).toContain(
        `Grafana holds what commit ${published} rendered: publishing brings it up to date`,
      );
      expect(text).toContain('Dashboard/service-red (dashboards/service-red.ts): changed in Grafana');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
