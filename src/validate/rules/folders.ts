import type { Resource } from '../../core/resource.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';

/**
 * Levels of subfolders Grafana allows below a top-level folder: `MaxNestedFolderDepth` = 4 since PR #78133 (10.3;
 * grafana/grafana pkg/services/folder/model.go, checked by `validateParent` in folderimpl/folder.go as
 * `len(ancestors) >= MaxNestedFolderDepth`). 13.x reads `[folder] max_nested_folder_depth` (at most 7, PR
 * #118592); `grafana.maxNestedFolderDepth` in the Config says what the target Grafana is set to.
 */
export const DEFAULT_MAX_NESTED_FOLDER_DEPTH = 4;

function knownFolders(context: ValidationContext): string {
  const uids = context.registry.byKind('Folder').map((f) => f.uid);
  return uids.length === 0 ? 'none is defined yet' : uids.join(', ');
}

/** Dashboards and rule groups live in folders the repository defines; folders nest without cycles. */
export const folderReferences: ValidationRule = {
  name: 'unknown-folder',
  check(context) {
    const { registry, report } = context;
    const limit = context.config.grafana?.maxNestedFolderDepth ?? DEFAULT_MAX_NESTED_FOLDER_DEPTH;
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
      // The folder and its ancestors: Grafana allows `limit` ancestors, so `limit + 1` levels in all.
      if (!cyclic && chain.length - 1 > limit) {
        report(
          folder,
          'parentUid',
          `folder has ${chain.length - 1} folders above it; Grafana allows at most ${limit} levels of subfolders below a top-level folder, and refuses it (Maximum nested folder depth reached)`,
          limit < 7
            ? 'Flatten the hierarchy, or on Grafana 13 raise [folder] max_nested_folder_depth (at most 7) and set grafana.maxNestedFolderDepth in stack.config.ts to match'
            : 'Flatten the hierarchy',
        );
      }
    }
  },
};
