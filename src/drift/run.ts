import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectLoadError } from '../core/errors.ts';
import type { GrafanaConnection } from '../grafana/client.ts';
import { GrafanaClient } from '../grafana/client.ts';
import { probeGrafana } from '../grafana/probe.ts';
import { HANDLERS } from '../handlers/index.ts';
import type { FullHandlers } from '../publish/apply.ts';
import { readLive } from '../publish/live-state.ts';
import { readRenderedResources } from '../render/read-rendered.ts';
import type { DriftReport } from './drift.ts';
import { detectDrift } from './drift.ts';

export interface DriftResult {
  readonly report: DriftReport;
  readonly grafanaVersion: string;
  readonly requests: { readonly reads: number; readonly writes: number };
}

/**
 * `npm run drift`: reads the committed rendered state and what Grafana holds, and reports the differences.
 * Sends no write.
 */
export async function driftCheck(
  renderedDir: string,
  connection: GrafanaConnection,
  handlers: FullHandlers = HANDLERS,
  clientFactory: (c: GrafanaConnection) => GrafanaClient = (c) => new GrafanaClient(c),
): Promise<DriftResult> {
  if (!existsSync(join(renderedDir, 'grafana'))) {
    throw new ProjectLoadError(
      'rendered/',
      'holds no rendered state. Run npm run render and commit rendered/ first',
    );
  }
  const rendered = readRenderedResources(renderedDir);
  const client = clientFactory(connection);
  const info = await probeGrafana(client);
  const { live } = await readLive(
    handlers,
    { client, editable: false, resendSecrets: false, secrets: new Map() },
    rendered,
  );
  const report = detectDrift(rendered, live, handlers);
  return {
    report,
    grafanaVersion: info.version,
    requests: { reads: client.sent.reads, writes: client.sent.writes },
  };
}
