import { StackError, UsageError } from '../core/errors.ts';

/** A Grafana API call answered with an error status, after retries. Never carries credentials. */
export class GrafanaApiError extends StackError {
  readonly code = 'grafana-api';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
    readonly hint: string,
  ) {
    super(
      `${method} ${path} answered ${status}${body === '' ? '' : `: ${body}`}.${hint === '' ? '' : ` ${hint}`}`,
    );
    this.name = 'GrafanaApiError';
  }
}

/** Grafana could not be reached at all (DNS, refused connection, timeouts on the health probe). */
export class GrafanaUnreachableError extends StackError {
  readonly code = 'grafana-unreachable';
}

/** Grafana answered, but refused the credentials (401) or the role (403) on the probe. */
export class GrafanaAuthError extends StackError {
  readonly code = 'grafana-auth';
}

/** Some actions failed; the others were applied. A rerun converges. */
export class PartialApplyError extends StackError {
  readonly code = 'partial';

  constructor(readonly failed: readonly { readonly ref: string; readonly error: string }[]) {
    super(
      `${failed.length} action${failed.length === 1 ? '' : 's'} failed; the rest was applied. Fix the cause and run publish again: it continues from where it stopped.\n` +
        failed.map((f) => `  ${f.ref}: ${f.error}`).join('\n'),
    );
    this.name = 'PartialApplyError';
  }
}

/**
 * Secret environment variables the content needs are not set, or hold a value too short to be masked in output
 * (`tooShort`; the value itself is never shown). Raised before anything is sent.
 */
export class MissingSecretError extends StackError {
  readonly code = 'missing-secret';

  constructor(
    readonly missing: readonly {
      readonly env: string;
      readonly refs: readonly string[];
      readonly tooShort?: boolean;
    }[],
  ) {
    super(
      `missing or unusable secret environment variable${missing.length === 1 ? '' : 's'}; nothing was sent.\n` +
        missing
          .map((m) =>
            m.tooShort === true
              ? `  ${m.env} (used by ${m.refs.join(', ')}): its value is under 4 characters, too short to be masked in output; use a longer value`
              : `  ${m.env} (used by ${m.refs.join(', ')}): set it in the environment or in .env`,
          )
          .join('\n'),
    );
    this.name = 'MissingSecretError';
  }
}

/** Grafana refused a change because of provenance (objects locked by the API vs editable in the UI). */
export function provenanceHint(status: number, body: string): string {
  if (!/provenance/i.test(body)) return '';
  return status === 403 || /to ''|to 'none'|to none/i.test(body)
    ? 'These objects were published locked (provenance "api"); they cannot be made editable by publishing with --editable. Publish without --editable, or delete them in Grafana first.'
    : 'These objects were created editable (no provenance) or by another tool; publish them the same way they were created (with or without --editable), or delete them in Grafana first.';
}

/**
 * GRAFANA_URL cannot be used as it is (not an http(s) URL, or credentials, a query or a fragment in it). The message
 * never repeats the URL: it may hold a password.
 */
export class GrafanaUrlError extends UsageError {
  constructor(problem: string) {
    super(`GRAFANA_URL ${problem}`);
    this.name = 'GrafanaUrlError';
  }
}
