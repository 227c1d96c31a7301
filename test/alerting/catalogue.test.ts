/**
 * The alert catalogue as a whole: every alert links a runbook that exists in docs/runbooks/, rendered contact
 * points hold no secret value, and the README's routing table is generated from the policy tree.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAlertingRule } from '../../src/alerting/rule-model.ts';
import { secureSettingsOf } from '../../src/alerting/secure-settings.ts';
import { buildValidated } from '../../src/commands/render.ts';
import { loadProject } from '../../src/project/load.ts';
import { ROUTING_BEGIN, ROUTING_END, replaceRegion, routingTable } from '../../src/render/readme-table.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = buildValidated(await loadProject(root));
const config = built.config as typeof built.config & { runbookBaseUrl: string };
const alerts = built.registry
  .byKind('AlertRuleGroup')
  .flatMap((g) => (g.origin?.group.rules ?? []).filter(isAlertingRule));

describe('the alert catalogue', () => {
  it('holds the alerts of every severity the Config routes', () => {
    const severities = new Set(alerts.map((a) => a.labels.severity));
    expect([...severities].sort()).toEqual(Object.keys(built.config.severities).sort());
    expect(alerts.length).toBeGreaterThanOrEqual(20);
  });

  it.each(alerts.map((a) => [a.alert, a.annotations.runbook_url ?? ''] as const))(
    '%s links a runbook that exists',
    (_alert, url) => {
      expect(url.startsWith(`${config.runbookBaseUrl}/`)).toBe(true);
      const file = join(root, 'docs/runbooks', url.slice(config.runbookBaseUrl.length + 1));
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(
        /^# \w+\n[\s\S]*## What it means[\s\S]*## Check[\s\S]*## Fix/,
      );
    },
  );

  it('leaves no runbook without an alert', () => {
    const linked = new Set(alerts.map((a) => a.annotations.runbook_url?.split('/').pop()));
    expect(readdirSync(join(root, 'docs/runbooks')).filter((f) => !linked.has(f))).toEqual([]);
  });

  it('renders contact points with secure settings as ${ENV} placeholders only', () => {
    const dir = join(root, 'rendered/grafana/contact-points');
    for (const file of readdirSync(dir)) {
      const { spec } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        spec: { type: string; settings: Record<string, unknown> };
      };
      for (const key of secureSettingsOf(spec.type)) {
        if (key in spec.settings) expect(spec.settings[key]).toMatch(/^\$\{[A-Z_][A-Z0-9_]*\}$/);
      }
    }
  });

  it('keeps the README routing table generated from the policy tree', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(ROUTING_BEGIN);
    expect(readme).toContain(ROUTING_END);
    expect(replaceRegion(readme, routingTable(built.registry))).toBe(readme);
    expect(readme).toMatch(/`severity=critical` \| pagerduty-critical \| pagerduty/);
    expect(readme).toMatch(/`severity=warning` \| slack-warnings \| slack/);
    expect(readme).toMatch(/`severity=info` \| email-info \| email/);
  });
});
