import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectLoadError } from '../core/errors.ts';
import type { GrafanaConnection } from '../grafana/client.ts';
import { GrafanaClient } from '../grafana/client.ts';
import { HANDLERS } from '../handlers/index.ts';
import type { FullHandlers } from '../publish/apply.ts';
import type { ApiChoice } from '../publish/live-state.ts';
import { probeAndReadLive } from '../publish/live-state.ts';
import { desiredFromRendered, readRenderedSettings } from '../render/read-rendered.ts';
import type { DriftReport } from './drift.ts';
import { detectDrift } from './drift.ts';
import { gitHistory } from './history.ts';

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
  choice: ApiChoice = { preference: 'auto' },
): Promise<DriftResult> {
  if (!existsSync(join(renderedDir, 'grafana'))) {
    throw new ProjectLoadError(
      'rendered/',
      'holds no rendered state. Run npm run render and commit rendered/ first',
    );
  }
  const client = clientFactory(connection);
  // Each rendered file is read when first needed: Grafana is read at once (the uids are the file names).
  const rendered = desiredFromRendered(renderedDir);
  const { ownership, dashboardSchema } = readRenderedSettings(renderedDir);
  const reading = probeAndReadLive(
    handlers,
    { client, editable: false, resendSecrets: false, secrets: new Map(), ownership, dashboardSchema },
    rendered,
    choice,
  );
  // The rendered files are read while Grafana answers.
  void rendered.prefetch();
  const { info, live } = await reading.catch(async (error: unknown) => {
    // An unreadable rendered/ says more than the reads it made fail.
    await rendered.all();
    throw error;
  });
  const report = detectDrift(await rendered.all(), live, handlers, gitHistory(renderedDir));
  return {
    report,
    grafanaVersion: info.version,
    requests: { reads: client.sent.reads, writes: client.sent.writes },
  };
}
