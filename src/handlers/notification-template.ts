import { normalizeTemplateText } from '../alerting/template-text.ts';
import type { ResourceOf } from '../core/resource.ts';
import { asArray, asRecord, asString, encode, provenanceHeaders, provisionedObject } from './shared.ts';
import type { Comparable, HandlerContext, KindHandler } from './types.ts';

/** Both sides as Grafana stores them (src/alerting/template-text.ts). */
function comparable(name: string, text: string): Comparable {
  return { spec: { name, template: normalizeTemplateText(name, text) } };
}

/** Notification templates: PUT creates or updates. Owned when its name carries the owner's prefix. */
export const notificationTemplateHandler: KindHandler<'NotificationTemplate'> = {
  kind: 'NotificationTemplate',

  async list(context) {
    const response = await context.client.get('/api/v1/provisioning/templates', { allow: [404] });
    return asArray(response.body)
      .map(asRecord)
      .map((t) => provisionedObject('NotificationTemplate', asString(t.name) ?? '', t, context.ownership));
  },

  desired(resource: ResourceOf<'NotificationTemplate'>) {
    return comparable(resource.spec.name, resource.spec.template);
  },

  live(object) {
    const t = asRecord(object.body);
    return comparable(asString(t.name) ?? object.uid, asString(t.template) ?? '');
  },

  async create(context: HandlerContext, resource) {
    await put(context, resource, undefined);
  },

  async update(context, resource, live) {
    await put(context, resource, asRecord(live.body).version);
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    await context.client.delete(`/api/v1/provisioning/templates/${encode(live.uid)}`, {
      headers: provenanceHeaders(context),
      allow: [404],
    });
  },
};

async function put(
  context: HandlerContext,
  resource: ResourceOf<'NotificationTemplate'>,
  version: unknown,
): Promise<void> {
  await context.client.put(
    `/api/v1/provisioning/templates/${encode(resource.spec.name)}`,
    { template: resource.spec.template, ...(version === undefined ? {} : { version }) },
    { headers: provenanceHeaders(context) },
  );
}
