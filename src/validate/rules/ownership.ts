import type { Resource } from '../../core/resource.ts';
import { hasOwnerPrefix, ownershipOf } from '../../core/ownership.ts';
import type { ValidationRule } from '../context.ts';
import { show } from '../context.ts';

/** The kinds recognised as ours by their uid (or name) alone, and the field a person writes it in. */
const BY_PREFIX = {
  Folder: 'uid',
  ContactPoint: 'uid',
  MuteTiming: 'name',
  NotificationTemplate: 'name',
} as const;

/**
 * With an ownership prefix in the Config, every folder, contact point, mute timing and template the repository
 * defines carries it: on Grafana it is the only sign that reads back (src/core/ownership.ts), so one without it
 * could not be pruned once removed from code, and the content of such a folder would go unreported.
 */
export const ownershipPrefix: ValidationRule = {
  name: 'ownership-prefix',
  check(context) {
    const ownership = ownershipOf(context.config);
    const prefix = ownership.uidPrefix;
    if (prefix === undefined) return;
    for (const [kind, field] of Object.entries(BY_PREFIX) as [keyof typeof BY_PREFIX, string][]) {
      const resources = context.registry.resources.filter((r: Resource) => r.kind === kind);
      for (const resource of resources) {
        if (hasOwnerPrefix(ownership, resource.uid)) continue;
        context.report(
          resource,
          field,
          `${show(resource.uid)} does not start with the ownership prefix ${show(prefix)} (stack.config.ts ownership.uidPrefix): once removed from code, publish --prune and drift would not know it as ours`,
          `Rename it to ${show(prefix + resource.uid)}`,
        );
      }
    }
  },
};
