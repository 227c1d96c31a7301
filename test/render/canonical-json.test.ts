import { describe, expect, it } from 'vitest';
import { canonicalize, deepCopy, secretPathsIn } from '../../src/core/canonical.ts';
import { secret } from '../../src/core/secret.ts';
import { defineFolder } from '../../src/define/folder.ts';
import { jsonOfCanonical } from '../../src/render/canonical-json.ts';
import { renderResource } from '../../src/render/grafana-files.ts';

/** Canonical JSON as render writes it: the spec made canonical when the resource is sealed, then written as is. */
const canonicalJson = (value: unknown): string => jsonOfCanonical(canonicalize(value));

describe('canonical JSON (canonicalize, then jsonOfCanonical)', () => {
  it('sorts keys, keeps array order, indents by two and ends with a newline', () => {
    expect(canonicalJson({ b: [3, 1, { y: 1, x: 2 }], a: 'z' })).toBe(
      '{\n  "a": "z",\n  "b": [\n    3,\n    1,\n    {\n      "x": 2,\n      "y": 1\n    }\n  ]\n}\n',
    );
  });

  it('gives the same bytes whatever order the keys were inserted in', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('matches JSON.stringify once keys are sorted', () => {
    const value = { z: [1, 'two', null, true, { q: -0.5e-7 }], a: { empty: {}, list: [] }, u: '\u2028"\\' };
    const sorted = JSON.parse(
      JSON.stringify(value, (_k, v: unknown) =>
        v !== null && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
          : v,
      ),
    );
    expect(canonicalJson(value)).toBe(`${JSON.stringify(sorted, null, 2)}\n`);
  });

  it('writes a resource file with its identity first, then the canonical spec', () => {
    const [folder] = defineFolder({ uid: 'f', title: 'F', parentUid: 'p' }).build({
      config: {},
      source: 'dashboards/f.ts',
      relative: (p) => p,
    });
    if (folder === undefined) throw new Error('no folder built');
    expect(renderResource(folder)).toEqual({
      path: 'grafana/folders/f.json',
      content:
        '{\n  "kind": "Folder",\n  "uid": "f",\n  "title": "F",\n  "source": "dashboards/f.ts",\n  "spec": {\n' +
        '    "parentUid": "p",\n    "title": "F",\n    "uid": "f"\n  }\n}\n',
      refs: ['Folder/f'],
    });
  });

  it('leaves out undefined and functions as JSON does, and writes -0 as 0', () => {
    expect(canonicalJson({ a: undefined, f: () => 1, n: -0, list: [undefined] })).toBe(
      '{\n  "list": [\n    null\n  ],\n  "n": 0\n}\n',
    );
  });

  it('writes secret references as ${ENV} placeholders', () => {
    expect(canonicalJson({ password: secret('DB_PASSWORD') })).toBe('{\n  "password": "${DB_PASSWORD}"\n}\n');
  });

  it('refuses values JSON cannot hold faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
  });
});

describe('canonicalize', () => {
  it('keeps subtrees that are canonical already and copies the rest, leaving the input unchanged', () => {
    const leaf = { a: 1, b: 2 };
    const input = { z: leaf, y: { d: 1, c: 2 } };
    const out = canonicalize(input);
    expect(out.z).toBe(leaf);
    expect(out.y).not.toBe(input.y);
    expect(Object.keys(out)).toEqual(['y', 'z']);
    expect(Object.keys(input)).toEqual(['z', 'y']);
    expect(Object.keys(input.y)).toEqual(['d', 'c']);
  });

  it('returns the very value when all of it is canonical', () => {
    const value = { a: [1, { b: true }], c: 'x' };
    expect(canonicalize(value)).toBe(value);
  });

  it('writes integer-like keys first, in numeric order, the same on every machine', () => {
    expect(canonicalJson({ b: 1, 10: 'ten', 2: 'two', a: 0 })).toBe(
      '{\n  "2": "two",\n  "10": "ten",\n  "a": 0,\n  "b": 1\n}\n',
    );
  });

  it('records where secret references stand', () => {
    const out = canonicalize({ settings: { url: secret('URL'), list: [secret('A')] } });
    expect(secretPathsIn(out)).toEqual(['settings.list[0]', 'settings.url']);
  });

  it('names the path of a value that cannot be written', () => {
    expect(() => canonicalize({ panels: [{ max: Number.POSITIVE_INFINITY }] })).toThrow(
      /^panels\[0\]\.max: Infinity/,
    );
  });

  it('deepCopy shares nothing with its input', () => {
    const input = { a: { b: [1, { c: 2 }] }, f: () => 1 };
    const copy = deepCopy(input);
    expect(copy).toEqual({ a: { b: [1, { c: 2 }] } });
    expect(copy.a).not.toBe(input.a);
    expect(copy.a.b[1]).not.toBe(input.a.b[1]);
  });
});
