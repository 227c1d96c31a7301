/**
 * What `--help` (or `-h`) prints for each command: how to call it, what it does, its flags, the environment it
 * reads and its exit codes (the README's command table says the same). Asking for help runs nothing and exits 0.
 */
import { PROFILE_NAMES } from '../simulator/profiles.ts';
import { IMPORT_USAGE } from './import-main.ts';

const GRAFANA_ENV = `Environment: GRAFANA_URL, GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD), GRAFANA_ORG_ID,
GRAFANA_NAMESPACE (a Grafana Cloud stack's App Platform namespace); a .env file at the repository root is read
first, the environment wins.`;

export const USAGE = {
  render: `Usage: npm run render [-- --check] [--env <name>] [--out <dir>]

Validates the whole repository, then writes rendered/ (one canonical file per resource, the Prometheus, Loki and
Alertmanager files, the rule engines' files): the same input gives the same bytes.

Flags:
  --check         compare instead of writing: exit 1 and list what is stale
  --env <name>    render another environment of stack.config.ts (needs --out)
  --out <dir>     write into <dir> (relative to the repository root) instead of rendered/
  -h, --help      this text

Exit codes: 0 rendered (or up to date), 1 a problem (nothing written) or stale with --check.`,

  validate: `Usage: npm run validate [-- --env <name>]

Runs every validation rule, the metric catalogue and the telemetry configuration checks, and prints every
problem at once; warnings on imported content are printed and block nothing. Writes nothing.

Flags:
  --env <name>    validate another environment of stack.config.ts
  -h, --help      this text

Exit codes: 0 valid, 1 a problem.`,

  publish: `Usage: npm run publish [-- --dry-run] [--json <file>|-] [--plan <file>] [--yes] [--prune] [--prune-nested]
                         [--only <Kind/uid glob>…] [--editable] [--rotate-secrets] [--env <name>]
                         [--concurrency <n>] [--verbose] [--api auto|legacy|apis]

Makes Grafana match the repository: validates, reads Grafana, plans, then applies the plan (idempotent: a second
run changes nothing). Nothing is written while any problem stands.

Flags:
  --dry-run           print the plan, write nothing
  --json <file>|-     also write the plan as JSON (with what each action was made against), to a file or stdout (-)
  --plan <file>       apply the plan a --dry-run --json wrote, exactly: stop, writing nothing, when Grafana or the
                      code moved since it was made
  --yes               allow the plan's deletions without asking (on a terminal publish shows them and asks; without
                      one, deletions need --yes)
  --prune             delete what is ours by the ownership rule but no longer in code
  --prune-nested      let a pruned folder take what is inside it
  --only <glob>       act only on the refs matching Kind/uid globs (repeatable)
  --editable          publish alerting objects editable in the UI (and App Platform objects allowing edits)
  --rotate-secrets    send every secure setting again
  --env <name>        publish another environment of stack.config.ts
  --concurrency <n>   writes in flight at once (default 8)
  --verbose           show whole values in the plan
  --api <choice>      auto (by the Grafana release), legacy (/api) or apis (the App Platform, 12+)
  -h, --help          this text

${GRAFANA_ENV}
Secrets: each secret('NAME') the content uses is read from the environment variable NAME.

Exit codes: 0 done (or nothing to do), 1 a problem (nothing written: invalid content, a plan that moved, deletions
not confirmed), 3 Grafana unreachable or the credentials refused, 4 some writes failed (the rest applied; running
again converges).`,

  drift: `Usage: npm run drift [-- --format text|markdown|json] [--verbose] [--api auto|legacy|apis]

Compares what Grafana holds with the committed rendered/ state and reports every difference: changed in Grafana,
missing from Grafana, unmanaged (ours by the ownership rule, not in code). Sends no write.

Flags:
  --format <f>    text (default), markdown (for an issue) or json
  --verbose       whole values (a long text that changed is otherwise shown by the part that changed)
  --api <choice>  auto, legacy or apis, as for publish
  -h, --help      this text

${GRAFANA_ENV}

Exit codes: 0 no drift, 2 drift, 1 a problem, 3 Grafana unreachable or the credentials refused.`,

  diff: `Usage: npm run diff -- --base <git ref>

What a change does, in words, from rendered/ at the base and now (Markdown, for a pull request).

Flags:
  --base <ref>    the git ref to compare with (a branch, a tag, a commit)
  -h, --help      this text

Exit codes: 0, 1 no --base, a git error (an unknown ref, not a repository) or an unreadable rendered file.`,

  sim: `Usage: npm run sim -- [--port <n>] [--host <h>] [--profile ${PROFILE_NAMES.join('|')}] [--token <t>]
                     [--viewer-token <t>] [--state <file>] [--latency-ms <n>]

Starts the Grafana API simulator (a test double of Grafana's HTTP API, not a Grafana) until stopped (Ctrl-C or
SIGTERM). It prints the URL and the credentials it accepts.

Flags:
  --port <n>          port to listen on (default: a free one)
  --host <h>          address to listen on (default 127.0.0.1)
  --profile <p>       the Grafana release to behave as (default 11.6)
  --token <t>         the admin token it accepts (default: printed at start)
  --viewer-token <t>  a token with the Viewer role
  --state <file>      keep the state in a file across restarts
  --latency-ms <n>    answer every request after n ms
  -h, --help          this text

Exit codes: 0 stopped, 1 wrong flags.`,

  bench: `Usage: npm run --silent bench [-- publish]

Measures render (250, 500 and 1,000 generated dashboards against their floor, what the type checks and the
catalogue add), the render command over the repository, and publish and drift on the simulator (11.x and 13.x);
prints JSON. With publish, only the publish and drift part.

Flags:
  publish         the publish and drift part alone
  -h, --help      this text

Exit codes: 0, 1 an unknown argument.`,

  import: IMPORT_USAGE,
} as const;

export type UsageCommand = keyof typeof USAGE;

/** Whether the arguments ask for help. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}
