/**
 * Drift alone, in its own process, for the benchmark: `tsx bench/drift-alone.ts <url> <rendered dir>` prints
 * `{ms, requests, peakRssMB}` as JSON. Its peak resident memory is the whole process's (the module graph
 * included), nothing else of the benchmark being loaded.
 */
import { performance } from 'node:perf_hooks';
import { driftCheck } from '../src/drift/run.ts';

const [url, renderedDir] = process.argv.slice(2);
if (url === undefined || renderedDir === undefined)
  throw new Error('usage: drift-alone.ts <url> <rendered dir>');
const start = performance.now();
const result = await driftCheck(renderedDir, { url, auth: { kind: 'token', token: 'bench' } });
const ms = performance.now() - start;
if (result.report.entries.length > 0)
  throw new Error(`drift found ${result.report.entries.length} differences`);
process.stdout.write(
  `${JSON.stringify({
    ms: Math.round(ms * 10) / 10,
    requests: result.requests.reads + result.requests.writes,
    peakRssMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
  })}\n`,
);
