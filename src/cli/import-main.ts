import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GrafanaClient } from '../grafana/client.ts';
import type { Candidate, ImportResult } from '../import/run.ts';
import { candidateFromFile, importCandidates, readCandidates } from '../import/run.ts';
import { loadProject } from '../project/load.ts';
import { UsageError } from '../core/errors.ts';
import type { ResourceRef } from '../core/resource.ts';
import type { Environment } from './environment.ts';
import { apiChoice, grafanaConnection } from './environment.ts';
import type { Output } from './run.ts';
import { parseFlags } from './run.ts';

export const IMPORT_USAGE = `Usage: npm run import -- [--all | --only <Kind/uid glob>… | --folder <uid>] [--file <dashboard.json>…] [--dry-run]

Writes what Grafana holds as content files, one per resource, listed in the folder's index.ts and formatted:
folders and dashboards under dashboards/, data sources under datasources/, contact points, mute timings,
templates, the notification policy tree and alert rule groups under alerts/. Each is checked to make exactly what
it was read from before anything is written. Panels are written with the kit's helpers where one gives back the
panel exactly, as JSON otherwise; rule groups as Prometheus rules when they are converted ones. Secure settings
become secret('NAME') references, listed at the end and added to .env.example (names follow rendered/ where it
has the resource). Resources the code already defines are left alone; files are never overwritten. Imported
dashboards carry imported: true: lint and catalogue findings on them are warnings until it is removed.

Flags:
  --all               import everything the code does not define yet
  --only <glob>       import the refs matching Kind/uid globs (repeatable): --only 'Dashboard/team-*'
  --folder <uid>      import a folder and what is in it
  --file <path>       import a dashboard JSON file (Share > Export) instead of reading Grafana (repeatable)
  --dry-run           say what would be written, write nothing
  --api <auto|legacy|apis>
                      which Grafana API to read dashboards and folders through (default auto)
  -h, --help          this text

Environment: GRAFANA_URL, GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD), GRAFANA_ORG_ID, GRAFANA_NAMESPACE.

Exit codes: 0 imported (or nothing to import), 1 a problem (nothing written), 3 Grafana unreachable or the
credentials refused.`;

function summary(result: ImportResult, dryRun: boolean, output: Output): void {
  for (const r of result.imported) {
    const helpers = Object.entries(r.helpers)
      .sort()
      .map(([h, n]) => `${h} ×${n}`)
      .join(', ');
    const panels = r.ref.startsWith('Dashboard/')
      ? ` (${helpers || 'no kit helper'}${r.raw > 0 ? `, ${r.raw} panels as JSON` : ''})`
      : '';
    output.out(`${dryRun ? 'would write' : 'wrote'} ${r.file}: ${r.ref}${panels}`);
  }
  for (const s of result.skipped) output.out(`left ${s.ref}: ${s.why}`);
  if (result.secrets.length > 0) {
    output.out(
      `Secrets Grafana does not return, referenced as secret('…'): set them where publish runs${dryRun ? '' : ' (added to .env.example)'}:`,
    );
    for (const [name, where] of result.secrets) output.out(`  ${name}  (${where})`);
  }
  output.out(
    `${result.imported.length} imported${dryRun ? ' (dry run: nothing written)' : ''}, ${result.skipped.length} left alone.${dryRun || result.imported.length === 0 ? '' : ' Run npm run render, review and commit.'}`,
  );
}

/** `npm run import -- …` */
export async function importMain(
  root: string,
  argv: readonly string[],
  env: Environment,
  output: Output,
): Promise<number> {
  const flags = parseFlags(argv, {
    all: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    folder: { type: 'string' },
    file: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    api: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (flags.help) {
    output.out(IMPORT_USAGE);
    return 0;
  }
  const project = await loadProject(root);
  const files = flags.file ?? [];
  let candidates: Candidate[];
  let skipped: { ref: ResourceRef; why: string }[] = [];
  if (files.length > 0) {
    candidates = files.map((f) => candidateFromFile(f, readFileSync(resolve(f), 'utf8')));
  } else {
    if (env.GRAFANA_URL === undefined || env.GRAFANA_URL === '')
      throw new UsageError(
        'Set GRAFANA_URL (and GRAFANA_TOKEN) to import from Grafana, or give --file <dashboard.json>.',
      );
    const client = new GrafanaClient(grafanaConnection(env));
    const read = await readCandidates(client, project, apiChoice(flags.api, env));
    candidates = read.candidates;
    skipped = read.skipped;
  }
  const options = {
    all: flags.all || (files.length > 0 && flags.only === undefined && flags.folder === undefined),
    ...(flags.only === undefined ? {} : { only: flags.only }),
    ...(flags.folder === undefined ? {} : { folder: flags.folder }),
    dryRun: flags['dry-run'],
  };
  const result = await importCandidates(root, project, candidates, options, skipped);
  summary(result, flags['dry-run'], output);
  return 0;
}
