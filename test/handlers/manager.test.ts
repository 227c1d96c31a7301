import { describe, expect, it } from 'vitest';
import { managerClaim, managerDifference, ourManagerAnnotations } from '../../src/handlers/manager.ts';

const ownership = { owner: 'platform-stack', uidPrefix: 'stack-' };

describe('manager annotations', () => {
  it('are written as kubectl with our identity, edits allowed only with --editable', () => {
    expect(ourManagerAnnotations(ownership, false)).toEqual({
      'grafana.app/managedBy': 'kubectl',
      'grafana.app/managerId': 'grafana-stack-as-code/platform-stack',
      'grafana.app/managerAllowsEdits': 'false',
    });
    expect(ourManagerAnnotations(ownership, true)['grafana.app/managerAllowsEdits']).toBe('true');
  });

  it('make an object ours by kind and identity, whatever managerAllowsEdits says', () => {
    const ours = managerClaim(ownership, ourManagerAnnotations(ownership, true));
    expect(ours.state).toBe('ours');
    expect(managerDifference(ours)).toBeUndefined();
  });

  it('name another manager, and say when there is none', () => {
    const repo = managerClaim(ownership, {
      'grafana.app/managedBy': 'repo',
      'grafana.app/managerId': 'team-dashboards',
    });
    expect(repo).toEqual({
      state: 'foreign',
      manager: 'repo "team-dashboards" (a Git Sync or file provisioning repository)',
    });
    const otherOwner = managerClaim(ownership, {
      'grafana.app/managedBy': 'kubectl',
      'grafana.app/managerId': 'grafana-stack-as-code/another-team',
    });
    expect(otherOwner.state).toBe('foreign');
    expect(managerDifference(managerClaim(ownership, {}))).toBe('no manager annotations');
    expect(managerDifference(repo)).toBe(
      'managed by repo "team-dashboards" (a Git Sync or file provisioning repository)',
    );
  });
});
