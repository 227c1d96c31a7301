import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES, PROFILES } from '../../src/simulator/index.ts';

describe('profile table', () => {
  it('has one entry per profile name, each reporting a version of its line', () => {
    for (const name of PROFILE_NAMES) {
      expect(PROFILES[name].name).toBe(name);
      expect(PROFILES[name].version.startsWith(name.replace('.x', '.'))).toBe(true);
    }
  });

  it('switches title uniqueness at 11.3 for dashboards and folders and at 12.0 for rules', () => {
    expect(PROFILE_NAMES.map((n) => PROFILES[n].uniqueDashboardTitles)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(PROFILE_NAMES.map((n) => PROFILES[n].uniqueFolderTitles)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(PROFILE_NAMES.map((n) => PROFILES[n].uniqueRuleTitles)).toEqual([true, true, true, false, false]);
  });

  it('switches the template 404 body and the template validation body separately, both at 11.2', () => {
    expect(PROFILE_NAMES.map((n) => PROFILES[n].templateNotFound)).toEqual([
      'empty',
      'errutil',
      'errutil',
      'errutil',
      'errutil',
    ]);
    expect(PROFILE_NAMES.map((n) => PROFILES[n].templateErrors)).toEqual([
      'legacy',
      'errutil',
      'errutil',
      'errutil',
      'errutil',
    ]);
  });
});
