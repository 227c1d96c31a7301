import type { ResourceOf } from '../core/resource.ts';
import { asArray, asRecord, asString, encode, ref, withoutEmpty } from './shared.ts';
import { SECRET_SET, maskDesiredSecret, revealSecret } from './secrets.ts';
import type { Comparable, HandlerContext, KindHandler, LiveObject } from './types.ts';
import { dataSourceMarker } from '../core/ownership.ts';

/**
 * The ownership marker of data sources: a key of jsonData, which Grafana stores whole and returns as it is
 * (`JsonData *simplejson.Json` of Add/UpdateDataSourceCommand, grafana/grafana pkg/services/datasources/models.go)
 * and shows nowhere. Its value names the owner (src/core/ownership.ts).
 */
export const MARKER_KEY = 'managedBy';

const FIELDS = [
  'uid',
  'name',
  'type',
  'access',
  'url',
  'user',
  'database',
  'basicAuth',
  'basicAuthUser',
  'withCredentials',
  'isDefault',
] as const;

function comparable(source: Record<string, unknown>, secureKeys: readonly string[]): Comparable {
  const picked: Record<string, unknown> = {};
  for (const key of FIELDS) picked[key] = source[key];
  const { [MARKER_KEY]: _marker, ...jsonData } = asRecord(source.jsonData);
  picked.jsonData = jsonData;
  picked.secureJsonData = Object.fromEntries([...secureKeys].sort().map((k) => [k, SECRET_SET]));
  return { spec: withoutEmpty(picked) };
}

/** Data sources: listed once, read in detail for the ones we manage (secureJsonFields and version). */
export const dataSourceHandler: KindHandler<'DataSource'> = {
  kind: 'DataSource',

  async list(context) {
    const list = asArray((await context.client.get('/api/datasources')).body).map(asRecord);
    const wanted = context.desired.uids('DataSource');
    const marker = dataSourceMarker(context.ownership);
    const relevant = list.filter((ds) => {
      const uid = asString(ds.uid) ?? '';
      return wanted.has(uid) || asRecord(ds.jsonData)[MARKER_KEY] === marker;
    });
    const details = await Promise.all(
      relevant.map((ds) =>
        context.client.get(`/api/datasources/uid/${encode(asString(ds.uid) ?? '')}`, { allow: [404] }),
      ),
    );
    const detailed = new Map<string, unknown>();
    details.forEach((d, i) => {
      const uid = asString(relevant[i]?.uid);
      if (uid !== undefined && d.status !== 404) detailed.set(uid, d.body);
    });
    return list.map((ds): LiveObject<'DataSource'> => {
      const uid = asString(ds.uid) ?? '';
      const body = detailed.get(uid) ?? ds;
      return {
        kind: 'DataSource',
        uid,
        ref: ref('DataSource', uid),
        body,
        ...(asRecord(ds.jsonData)[MARKER_KEY] === marker
          ? { owned: true, ownedBecause: `its jsonData.${MARKER_KEY} ${JSON.stringify(marker)}` }
          : { owned: false }),
      };
    });
  },

  desired(resource: ResourceOf<'DataSource'>) {
    const spec = { ...resource.spec } as Record<string, unknown>;
    const secure = Object.entries(asRecord(spec.secureJsonData))
      .filter(([, v]) => maskDesiredSecret(v) === SECRET_SET)
      .map(([k]) => k);
    return comparable({ access: 'proxy', ...spec }, secure);
  },

  /**
   * Secure fields count only where the repository defines them: one added by hand in Grafana is left alone and
   * not reported. Grafana keeps a stored secure value a PUT does not name (`fillWithSecureJSONData`,
   * pkg/services/datasources/service), and whether sending "" would clear it or leave an empty value that still
   * shows as set is not settled by the source read (assumed), so removing it could not be shown to converge;
   * leaving it does, and plan, apply and drift agree. The plain fields that go with it (a header's name in
   * jsonData) are still compared.
   */
  live(object, desired) {
    const body = asRecord(object.body);
    const defined =
      desired === undefined ? undefined : new Set(Object.keys(asRecord(desired.spec.secureJsonData)));
    const secure = Object.entries(asRecord(body.secureJsonFields))
      .filter(([key, set]) => set === true && (defined === undefined || defined.has(key)))
      .map(([k]) => k);
    return comparable(body, secure);
  },

  async create(context: HandlerContext, resource) {
    await context.client.post('/api/datasources', requestBody(context, resource, undefined));
  },

  async update(context, resource, live) {
    const body = asRecord(live.body);
    await context.client.put(`/api/datasources/uid/${encode(resource.uid)}`, {
      ...requestBody(context, resource, asRecord(body.secureJsonFields)),
      // Sending the stored version keeps Grafana's optimistic lock and its version counting (omitted, it resets).
      ...(typeof body.version === 'number' ? { version: body.version } : {}),
    });
  },

  /** A 404 means it is gone already (a retry after the first DELETE was applied but its answer lost). */
  async remove(context, live) {
    await context.client.delete(`/api/datasources/uid/${encode(live.uid)}`, { allow: [404] });
  },
};

/**
 * The request body: every plain field (PUT replaces them all), our marker in jsonData, and the secrets Grafana
 * does not hold yet (or all of them when rotating). Omitted secure keys keep their stored value.
 */
function requestBody(
  context: HandlerContext,
  resource: ResourceOf<'DataSource'>,
  storedSecrets: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const { secureJsonData, jsonData, ...plain } = resource.spec;
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(secureJsonData ?? {})) {
    if (context.resendSecrets || storedSecrets === undefined || storedSecrets[key] !== true) {
      secrets[key] = revealSecret(value, context.secrets);
    }
  }
  return {
    ...plain,
    jsonData: { ...jsonData, [MARKER_KEY]: dataSourceMarker(context.ownership) },
    ...(Object.keys(secrets).length > 0 ? { secureJsonData: secrets } : {}),
  };
}
