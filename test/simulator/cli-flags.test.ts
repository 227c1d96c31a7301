import { describe, expect, it } from 'vitest';
import { parseSimFlags } from '../../src/simulator/cli-flags.ts';

describe('sim flags', () => {
  it('read port, profile, tokens, state file and latency', () => {
    expect(
      parseSimFlags([
        '--port',
        '3300',
        '--profile=12.x',
        '--token',
        't',
        '--viewer-token',
        'v',
        '--state',
        's.json',
        '--latency-ms',
        '25',
      ]),
    ).toEqual({
      ok: true,
      options: {
        port: 3300,
        host: undefined,
        profile: '12.x',
        token: 't',
        viewerToken: 'v',
        stateFile: 's.json',
        faults: { latencyMs: 25 },
      },
    });
  });

  it.each([
    [['--profile', '9.0'], /--profile must be one of 10.4, 11.2, 11.6, 12.x/],
    [['--port', 'abc'], /--port must be a non-negative integer/],
    [['--bogus'], /unknown flag --bogus/],
    [['--port'], /--port needs a value/],
  ])('reject %j', (argv, message) => {
    const parsed = parseSimFlags(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
    if (!parsed.ok) expect(parsed.help).toBeUndefined();
  });

  it('answers --help with the usage, as help and not as an error', () => {
    const parsed = parseSimFlags(['--help']);
    expect(parsed).toEqual({ ok: false, message: expect.stringMatching(/^usage: /), help: true });
  });
});
