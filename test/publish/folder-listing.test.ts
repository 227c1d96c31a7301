import { DEFAULT_OWNERSHIP } from '../../src/core/ownership.ts';
import { LEGACY_API } from '../../src/grafana/app-platform.ts';
/** Folders are listed page by page at every level, so that no folder is missed however many there are. */
import { afterEach, describe, expect, it } from 'vitest';
import { listContextFor } from '../../src/publish/live-state.ts';
import { folderHandler, listFolderUids } from '../../src/handlers/folder.ts';
import type { HandlerContext } from '../../src/handlers/types.ts';
import type { Simulator } from '../../src/simulator/index.ts';
import { startSimulator } from '../../src/simulator/index.ts';
import { connection, fastClient } from '../fixtures/grafana.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

function contextOf(s: Simulator): HandlerContext {
  return {
    client: fastClient(connection(s)),
    editable: false,
    ownedFolders: new Set(),
    resendSecrets: false,
    api: LEGACY_API,
    dashboardSchema: 'v1',
    ownership: DEFAULT_OWNERSHIP,
    secrets: new Map(),
  };
}

async function folder(s: Simulator, uid: string, parentUid?: string): Promise<void> {
  const response = await fetch(`${s.url}/api/folders`, {
    method: 'POST',
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
    body: JSON.stringify({ uid, title: `Folder ${uid}`, ...(parentUid === undefined ? {} : { parentUid }) }),
  });
  if (!response.ok) throw new Error(`folder ${uid} not made: ${response.status}`);
}

describe('listing folders', () => {
  it('reads every page of every level, parents before children', async () => {
    sim = await startSimulator({ profile: '12.x' });
    for (const uid of ['a', 'b', 'c', 'd', 'e']) await folder(sim, uid);
    for (const uid of ['c1', 'c2', 'c3', 'c4']) await folder(sim, uid, 'c');
    await folder(sim, 'c3x', 'c3');
    sim.requests.clear();

    const uids = await listFolderUids(contextOf(sim), 2);
    expect(uids).toEqual(['a', 'b', 'c', 'd', 'e', 'c1', 'c2', 'c3', 'c4', 'c3x']);
    const pages = sim.requests
      .api()
      .filter((e) => e.path === '/api/folders')
      .map((e) => new URLSearchParams(e.query));
    // Root: pages 1-3 (2 + 2 + 1); c: pages 1-3 (2 + 2 + 0); every other folder: page 1.
    expect(pages.filter((q) => q.get('parentUid') === null).map((q) => q.get('page'))).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(pages.filter((q) => q.get('parentUid') === 'c').map((q) => q.get('page'))).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(pages.every((q) => q.get('limit') === '2')).toBe(true);
  });

  it('lists them all through the handler, one request per folder and level at the default page size', async () => {
    sim = await startSimulator({ profile: '12.x' });
    for (const uid of ['a', 'b']) await folder(sim, uid);
    await folder(sim, 'b1', 'b');
    sim.requests.clear();
    const listed = await folderHandler.list(listContextFor(contextOf(sim), []));
    expect(listed.map((f) => f.ref)).toEqual(['Folder/a', 'Folder/b', 'Folder/b1']);
    expect(
      sim.requests
        .api()
        .filter((e) => e.path === '/api/folders')
        .map((e) => new URLSearchParams(e.query).get('limit')),
    ).toEqual(['1000', '1000', '1000', '1000']);
  });
});
