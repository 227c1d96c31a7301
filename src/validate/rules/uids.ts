import type { Kind } from '../../core/kinds.ts';
import type { Resource } from '../../core/resource.ts';
import type { ValidationRule } from '../context.ts';

const UID = /^[A-Za-z0-9_-]+$/;
export const MAX_UID_LENGTH = 40;

/** uids that Grafana accepts: at most 40 characters of letters, digits, `-` and `_`. */
export const uidFormat: ValidationRule = {
  name: 'uid-format',
  check({ registry, report }) {
    for (const r of registry.resources) {
      if (r.uid === '') {
        report(r, 'uid', 'uid is empty', 'Give it a uid of letters, digits, - and _ (at most 40)');
      } else if (r.uid.length > MAX_UID_LENGTH) {
        report(
          r,
          'uid',
          `uid is ${r.uid.length} characters long; Grafana allows at most ${MAX_UID_LENGTH}`,
          'Shorten it',
        );
      } else if (!UID.test(r.uid)) {
        const bad = [...new Set(r.uid.replace(/[A-Za-z0-9_-]/g, ''))].join('');
        report(
          r,
          'uid',
          `uid contains characters Grafana rejects: ${JSON.stringify(bad)}`,
          'Use only letters, digits, - and _',
        );
      }
    }
  },
};

/** Two resources of one kind with one uid would overwrite each other in Grafana and in rendered/. */
export const uniqueUids: ValidationRule = {
  name: 'unique-uid',
  check({ registry, report }) {
    const first = new Map<string, Resource>();
    for (const r of registry.resources) {
      const key = `${r.kind}/${r.uid.toLowerCase()}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, r);
        continue;
      }
      const same =
        earlier.uid === r.uid ? 'is' : `differs only in case from ${JSON.stringify(earlier.uid)}, which is`;
      report(
        r,
        'uid',
        `uid ${JSON.stringify(r.uid)} ${same} already used by the ${r.kind} defined in ${earlier.source}`,
        `Give one of them another uid (uids are unique per kind${earlier.uid === r.uid ? '' : ' and compared without case in rendered/ paths'})`,
      );
    }
  },
};

/** Names Grafana keeps unique within a kind, besides the uid. */
const UNIQUE_NAMES: Partial<Record<Kind, (r: Resource) => string | undefined>> = {
  DataSource: (r) => (r.kind === 'DataSource' ? r.spec.name : undefined),
  Folder: (r) => (r.kind === 'Folder' ? `${r.spec.parentUid ?? ''}\u0000${r.spec.title}` : undefined),
  AlertRuleGroup: (r) =>
    r.kind === 'AlertRuleGroup' ? `${r.spec.folderUid}\u0000${r.spec.title}` : undefined,
  // Grafana up to 11.2 refuses (or, with overwrite, takes over) a second dashboard of the same title in a folder.
  Dashboard: (r) => (r.kind === 'Dashboard' ? `${r.folderUid ?? ''}\u0000${r.title}` : undefined),
};

/**
 * Data source names, folder titles under one parent, rule group names and dashboard titles within a folder are
 * unique too (Grafana 10.x to 11.2 enforce the titles; we target those versions as well).
 */
export const uniqueNames: ValidationRule = {
  name: 'unique-name',
  check({ registry, report }) {
    const first = new Map<string, Resource>();
    for (const r of registry.resources) {
      const nameOf = UNIQUE_NAMES[r.kind];
      const name = nameOf?.(r);
      if (name === undefined) continue;
      const key = `${r.kind}\u0000${name}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, r);
        continue;
      }
      const field = r.kind === 'DataSource' ? 'name' : 'title';
      const where =
        r.kind === 'DataSource' ? '' : r.kind === 'Folder' ? ' under the same parent' : ' in the same folder';
      report(
        r,
        field,
        `${field} ${JSON.stringify(r.title)} is already used${where} by ${earlier.kind}/${earlier.uid} (${earlier.source})`,
        `Rename one of them; Grafana refuses or merges duplicates`,
      );
    }
  },
};

/**
 * Folders and dashboards share one uid space in Grafana (a dashboard saved with a folder's uid gets "Dashboard
 * cannot be changed to a folder"), and Grafana up to 11.2 also refuses a dashboard titled like a folder.
 */
export const foldersAndDashboards: ValidationRule = {
  name: 'folder-dashboard-clash',
  check({ registry, report }) {
    const folders = registry.byKind('Folder');
    const byUid = new Map(folders.map((f) => [f.uid, f]));
    const byTitle = new Map(folders.map((f) => [f.spec.title, f]));
    for (const dashboard of registry.byKind('Dashboard')) {
      const sameUid = byUid.get(dashboard.uid);
      if (sameUid !== undefined) {
        report(
          dashboard,
          'uid',
          `uid ${JSON.stringify(dashboard.uid)} is the uid of the folder defined in ${sameUid.source}; folders and dashboards share uids in Grafana`,
          'Give the dashboard (or the folder) another uid',
        );
      }
      const sameTitle = byTitle.get(dashboard.title);
      if (sameTitle !== undefined) {
        report(
          dashboard,
          'title',
          `title ${JSON.stringify(dashboard.title)} is also the title of Folder/${sameTitle.uid}; Grafana up to 11.2 refuses it`,
          'Give the dashboard a title different from every folder',
        );
      }
    }
  },
};
