import { describe, expect, it } from 'vitest';
import { derivedUid, stableId } from '../../src/core/hash.ts';

describe('stable ids', () => {
  it('are the same for the same parts and differ for others', () => {
    expect(stableId(['a', 'b'])).toBe(stableId(['a', 'b']));
    expect(stableId(['a', 'b'])).not.toBe(stableId(['ab']));
    expect(stableId(['a', 'b'])).toMatch(/^[a-z0-9]{12}$/);
  });

  it('keep a readable prefix within the 40-character uid limit', () => {
    const uid = derivedUid('Instance:Alloy memory bytes:max', ['group', '0']);
    expect(uid).toMatch(/^instance-alloy-memory-bytes-max-[a-z0-9]{8}$/);
    expect(derivedUid('x'.repeat(100), ['y']).length).toBeLessThanOrEqual(40);
    expect(derivedUid(':::', ['y'])).toMatch(/^[a-z0-9]{8}$/);
  });
});
