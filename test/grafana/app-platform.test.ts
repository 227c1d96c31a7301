import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import { appPath, chooseApi, majorOf, namespaceOfOrg } from '../../src/grafana/app-platform.ts';

describe('the API of dashboards and folders', () => {
  it('is the legacy API before 12 and the App Platform from 12 on, with the versions each release serves', () => {
    expect(chooseApi('11.6.3', 'auto', 'default', 'http://g')).toEqual({ kind: 'legacy' });
    expect(chooseApi('12.3.0', 'auto', 'default', 'http://g')).toEqual({
      kind: 'apis',
      namespace: 'default',
      dashboards: 'v1beta1',
      dashboardsV2: undefined,
      folders: 'v1beta1',
    });
    expect(chooseApi('13.0.1+security-01', 'auto', 'org-2', 'http://g')).toEqual({
      kind: 'apis',
      namespace: 'org-2',
      dashboards: 'v1',
      dashboardsV2: 'v2',
      folders: 'v1',
    });
  });

  it('can be forced either way, and refuses the App Platform before 12', () => {
    expect(chooseApi('13.0.0', 'legacy', 'default', 'http://g')).toEqual({ kind: 'legacy' });
    expect(chooseApi('12.0.0', 'apis', 'default', 'http://g').kind).toBe('apis');
    expect(() => chooseApi('11.6.0', 'apis', 'default', 'http://g')).toThrow(UsageError);
    expect(() => chooseApi('11.6.0', 'apis', 'default', 'http://g')).toThrow(
      '--api apis needs Grafana 12 or later; http://g runs 11.6.0',
    );
  });

  it('names the namespace of an organisation, and paths inside it', () => {
    expect(namespaceOfOrg(1)).toBe('default');
    expect(namespaceOfOrg(7)).toBe('org-7');
    expect(majorOf('13.0.0-pre')).toBe(13);
    expect(majorOf('main')).toBeUndefined();
    const api = chooseApi('13.0.0', 'auto', 'stacks-12', 'http://g');
    if (api.kind !== 'apis') throw new Error('the App Platform');
    expect(appPath(api, 'folder.grafana.app', api.folders, 'folders', 'a b')).toBe(
      '/apis/folder.grafana.app/v1/namespaces/stacks-12/folders/a%20b',
    );
  });
});
