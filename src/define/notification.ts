import type { MuteTimingSpec, NotificationPolicyTreeSpec, TimeIntervalSpec } from '../core/specs.ts';
import type { Definition, FromConfig } from './definition.ts';
import { makeDefinition, resolveInput, sealResource } from './definition.ts';

/** The uid of the single notification policy tree of an organisation. */
export const POLICY_TREE_UID = 'root';

/** The notification policy tree: one per organisation, replaced whole on publish. */
export function defineNotificationPolicyTree<C>(
  input: FromConfig<C, NotificationPolicyTreeSpec>,
): Definition<C> {
  return makeDefinition<C>('NotificationPolicyTree', ({ config, source }) => {
    const spec = resolveInput(input, config);
    return [
      sealResource({
        kind: 'NotificationPolicyTree',
        uid: POLICY_TREE_UID,
        title: 'Notification policies',
        spec,
        source,
      }),
    ];
  });
}

export interface MuteTimingInput {
  /** Also its uid: policies refer to mute timings by name. */
  readonly name: string;
  readonly timeIntervals: readonly TimeIntervalSpec[];
}

/** A named set of time intervals during which notifications of the routes using it are muted. */
export function defineMuteTiming<C>(input: FromConfig<C, MuteTimingInput>): Definition<C> {
  return makeDefinition<C>('MuteTiming', ({ config, source }) => {
    const m = resolveInput(input, config);
    const spec: MuteTimingSpec = { name: m.name, time_intervals: [...m.timeIntervals] };
    return [sealResource({ kind: 'MuteTiming', uid: m.name, title: m.name, spec, source })];
  });
}

export interface NotificationTemplateInput {
  /** Also its uid. */
  readonly name: string;
  /** Go template text with one or more `{{ define "…" }}` blocks. */
  readonly template: string;
}

/** A notification template group, shared by contact points through `{{ template "…" . }}`. */
export function defineNotificationTemplate<C>(
  input: FromConfig<C, NotificationTemplateInput>,
): Definition<C> {
  return makeDefinition<C>('NotificationTemplate', ({ config, source }) => {
    const t = resolveInput(input, config);
    return [
      sealResource({
        kind: 'NotificationTemplate',
        uid: t.name,
        title: t.name,
        spec: { name: t.name, template: t.template },
        source,
      }),
    ];
  });
}
