/**
 * Which contact points the Alertmanager twin cannot express (src/alerting/alertmanager.ts, reported by the routing
 * rule), and which problems it leaves to the secret rules.
 */
import { describe, expect, it } from 'vitest';
import { twinProblem } from '../../src/alerting/alertmanager.ts';
import type { ContactPointSpec } from '../../src/core/specs.ts';
import { secret } from '../../src/index.ts';

function slack(settings: ContactPointSpec['settings']): ContactPointSpec {
  return { uid: 'chat', name: 'chat', type: 'slack', settings };
}

describe('the Alertmanager twin', () => {
  it('expresses a Slack contact point whose webhook url is a secret', () => {
    expect(twinProblem(slack({ url: secret('SLACK_URL') }))).toBeUndefined();
  });

  it('needs a Slack webhook url', () => {
    expect(twinProblem(slack({ token: secret('SLACK_TOKEN'), recipient: '#alerts' }))).toBe(
      'the twin needs a Slack webhook url',
    );
    expect(twinProblem(slack({ url: '' }))).toBe('the twin needs a Slack webhook url');
  });

  it('leaves a Slack webhook url written literally to the secret rules: it has a url, a literal one', () => {
    expect(twinProblem(slack({ url: 'https://hooks.slack.com/services/T0/B0/x' }))).toBeUndefined();
  });

  it('has nothing for a type Alertmanager 0.25 cannot express here', () => {
    expect(twinProblem({ uid: 't', name: 't', type: 'teams', settings: { url: 'https://x' } })).toBe(
      'type teams has no Alertmanager twin here',
    );
  });
});
