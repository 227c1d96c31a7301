import type { Resource } from '../../core/resource.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';

/** Grafana refuses folders nested deeper than this. */
export const MAX_FOLDER_DEPTH = 8;

function knownFolders(context: ValidationContext): string {
  const uids = context.registry.byKind('Folder').map((f) => f.uid);
  return uids.length === 0 ? 'none is defined yet' : uids.join(', ');
}

/** Dashboards and rule groups live in folders the repository defines; folders nest without cycles. */
export const folderReferences: ValidationRule = {
  name: 'unknown-folder',
  check(context) {
    const { registry, report } = context;
    const check = (r: Resource, path: string, uid: string | undefined, required: boolean): void => {
      if (uid === undefined || uid === '') {
        if (required) report(r, path, 'no folder is set', `Set one of the folders: ${knownFolders(context)}`);
        return;
      }
      if (!registry.has('Folder', uid)) {
        report(
          r,
          path,
          `unknown folder ${JSON.stringify(uid)}`,
          `Define it with defineFolder() in dashboards/folders.ts or use one of: ${knownFolders(context)}`,
        );
      }
    };
    for (const r of registry.resources) {
      if (r.kind === 'Dashboard') check(r, 'folderUid', r.folderUid, false);
      // Grafana-managed rules must live in a folder.
      if (r.kind === 'AlertRuleGroup') check(r, 'folderUid', r.spec.folderUid, true);
      if (r.kind === 'Folder') check(r, 'parentUid', r.spec.parentUid, false);
    }
    for (const folder of registry.byKind('Folder')) {
      const chain: string[] = [folder.uid];
      let parent = folder.spec.parentUid;
      let cyclic = false;
      while (parent !== undefined) {
        if (chain.includes(parent)) {
          cyclic = true;
          report(
            folder,
            'parentUid',
            `folders form a cycle: ${[...chain, parent].join(' → ')}`,
            'Break the cycle',
          );
          break;
        }
        chain.push(parent);
        const uid = parent;
        parent = registry.byKind('Folder').find((f) => f.uid === uid)?.spec.parentUid;
      }
      if (!cyclic && chain.length > MAX_FOLDER_DEPTH) {
        report(
          folder,
          'parentUid',
          `folder is nested ${chain.length} deep; Grafana allows at most ${MAX_FOLDER_DEPTH}`,
          'Flatten the hierarchy',
        );
      }
    }
  },
};
