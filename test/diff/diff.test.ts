/**
 * `npm run diff` on a commit that changes one panel and one alert reports exactly those two changes, read from a
 * real git repository holding the repository's rendered/ files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diffMain } from '../../src/cli/diff-main.ts';
import { runCommand } from '../../src/cli/run.ts';
import { ROOT } from '../fixtures/grafana.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
}

function repoWithRendered(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gsac-diff-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'rendered'), join(dir, 'rendered'), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  return dir;
}

function edit(path: string, change: (text: string) => string): void {
  const text = readFileSync(path, 'utf8');
  const next = change(text);
  if (next === text) throw new Error(`the edit changed nothing in ${path}`);
  writeFileSync(path, next);
}

async function diff(dir: string, base = 'HEAD'): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await runCommand('diff', (o) => diffMain(dir, ['--base', base], o), {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  return { code, text: lines.join('\n') };
}

describe('npm run diff', () => {
  it('reports exactly one panel change and one alert change', async () => {
    const dir = repoWithRendered();
    // One panel's query, as `npm run render` would write it after editing dashboards/service-red.ts.
    edit(join(dir, 'rendered/grafana/dashboards/service-red.json'), (t) =>
      t.replace('[$__rate_interval]))', '[5m]))'),
    );
    // One alert's threshold, in both of its rendered forms.
    edit(join(dir, 'rendered/prometheus/services.yml'), (t) => t.replace('> 0.5\n', '> 0.75\n'));
    edit(join(dir, 'rendered/grafana/alert-rule-groups/services.json'), (t) =>
      t.replace('> 0.5"', '> 0.75"'),
    );
    const run = await diff(dir);
    expect(run.code).toBe(0);
    const items = run.text.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(
      /^- panel "[^"]+": query A changed: `.*\[\$__rate_interval\].*` → `.*\[5m\].*`$/,
    );
    expect(items[1]).toMatch(/^- rule BackendLatencyP95High: expression `.*> 0.5` → `.*> 0.75`$/);
    expect(run.text).toContain('**Dashboard/service-red** (`dashboards/service-red.ts`)');
    expect(run.text).toContain('**AlertRuleGroup/services** (`alerts/services.ts`)');
  });

  it('reports a change of dashboard settings beside a panel change', async () => {
    const dir = repoWithRendered();
    edit(join(dir, 'rendered/grafana/dashboards/service-red.json'), (t) =>
      t.replace('[$__rate_interval]))', '[5m]))').replace('"refresh": "1m"', '"refresh": "5m"'),
    );
    const run = await diff(dir);
    expect(run.code).toBe(0);
    const items = run.text.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^- panel "[^"]+": query A changed: /);
    expect(items[1]).toBe('- dashboard settings changed');
  });

  it('says so when nothing changed, and refuses an unknown base', async () => {
    const dir = repoWithRendered();
    expect((await diff(dir)).text).toContain('No change to what is published.');
    const bad = await diff(dir, 'no-such-ref');
    expect(bad.code).toBe(1);
  });

  it('never shows a secret value, only the names of the variables holding them', async () => {
    const dir = repoWithRendered();
    edit(join(dir, 'rendered/grafana/contact-points/stack-slack-warnings.json'), (t) =>
      t.replace('${SLACK_WEBHOOK_URL}', '${SLACK_WEBHOOK_URL_V2}'),
    );
    const run = await diff(dir);
    expect(run.text).toContain('settings.url: `${SLACK_WEBHOOK_URL}` → `${SLACK_WEBHOOK_URL_V2}`');
  });
});

describe('npm run diff, for a reviewer', () => {
  it('says why an unknown --base is unknown', async () => {
    const dir = repoWithRendered();
    const run = await diff(dir, 'origin/nope');
    expect(run.code).toBe(1);
    expect(run.text).toContain('--base origin/nope: no commit, branch or tag of that name in this clone');
  });

  it('shows a changed description as text, and thresholds step by step', async () => {
    const dir = repoWithRendered();
    const file = join(dir, 'rendered/grafana/dashboards/edge.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      spec: {
        panels: {
          title?: string;
          description?: string;
          fieldConfig?: { defaults?: { thresholds?: { steps: { value: number | null }[] } } };
        }[];
      };
    };
    const panel = doc.spec.panels.find((p) => p.fieldConfig?.defaults?.thresholds !== undefined);
    const described = doc.spec.panels.find((p) => typeof p.description === 'string' && p !== panel);
    const steps = panel?.fieldConfig?.defaults?.thresholds?.steps;
    if (panel === undefined || described === undefined || steps === undefined || steps[1] === undefined)
      throw new Error('edge has a panel with thresholds and another with a description');
    const before = steps[1].value;
    steps[1].value = 0.5;
    described.description = 'A new description, as a reviewer reads it.';
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    const run = await diff(dir);
    expect(run.code).toBe(0);
    expect(run.text).toContain(`panel "${panel.title ?? ''}": thresholds \`${String(before)}\` → \`0.5\``);
    expect(run.text).toContain(`panel "${described.title ?? ''}": description \``);
    expect(run.text).toContain('A new description, as a reviewer reads it.');
  });

  it('says which receiver an alert reaches after a change of severity', async () => {
    const dir = repoWithRendered();
    edit(join(dir, 'rendered/prometheus/services.yml'), (t) => {
      const at = t.indexOf('alert: HttpErrorRateHigh');
      const end = t.indexOf('severity: warning', at);
      return `${t.slice(0, end)}severity: critical${t.slice(end + 'severity: warning'.length)}`;
    });
    const run = await diff(dir);
    expect(run.text).toContain(
      'rule HttpErrorRateHigh: severity `warning` → `critical` (now reaches pagerduty-critical, was slack-warnings)',
    );
  });

  it('warns at the top when rendered/ is stale against its sources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gsac-diff-project-'));
    dirs.push(dir);
    for (const entry of [
      'stack.config.ts',
      'package.json',
      'dashboards',
      'alerts',
      'slos',
      'datasources',
      'configs',
      'rendered',
    ])
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    edit(join(dir, 'dashboards/edge.ts'), (t) =>
      t.replace("title: 'Edge: NGINX and HAProxy'", "title: 'Edge: NGINX, HAProxy'"),
    );
    const run = await diff(dir);
    expect(run.code).toBe(0);
    expect(run.text.split('\n')[0]).toMatch(
      /^> ⚠️ rendered\/ is stale against its sources \(1 file: grafana\/dashboards\/edge\.json\): this diff describes the rendered\/ on disk/,
    );
  });
});
