/**
 * The public service portal (no login): a region's services with their standards and IKM, one
 * service with its questionnaire, the survey answer (link and kiosk), complaint categories, filing a
 * complaint with its photo, and the status page by tracking code.
 *
 * Citizens' writes carry an `Idempotency-Key` (a retry of the same form is counted once) and the
 * honeypot field `website`, which the shared body schemas do not know, so they go through `postPublic`
 * here rather than `sendJson`; the body is still checked against the shared schema first.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { errorBody } from '#shared/api/common.ts';
import { complaintCategoryList, complaintCreated, complaintInput, publicComplaint } from '#shared/api/complaints.ts';
import { regionList } from '#shared/api/regions.ts';
import { publicServiceDetail, publicServiceList } from '#shared/api/services.ts';
import { ikmResult, skmResponseCreated, skmResponseInput } from '#shared/api/skm.ts';
import { ApiError, apiPath, getJson, isApiError } from './http.ts';

export type PublicService = z.output<typeof publicServiceList>['items'][number];
export type PublicServiceDetail = z.output<typeof publicServiceDetail>;
export type SurveyQuestion = NonNullable<PublicServiceDetail['survey']>['questions'][number];
export type IkmResult = z.output<typeof ikmResult>;
export type SkmAnswerInput = z.input<typeof skmResponseInput>;
export type ComplaintInput = z.input<typeof complaintInput>;
export type ComplaintCreated = z.output<typeof complaintCreated>;
export type ComplaintCategory = z.output<typeof complaintCategoryList>['items'][number];
export type PublicComplaint = z.output<typeof publicComplaint>;
export interface PortalListParams {
  q?: string | undefined;
  unitId?: string | undefined;
  page: number;
  pageSize: number;
}

/** The portal's own addresses (shared links, QR codes and kiosks point at them). */
export const portalPath = (regionCode: string) => `/portal/${encodeURIComponent(regionCode)}`;
export const portalServicePath = (regionCode: string, serviceId: string) => `${portalPath(regionCode)}/layanan/${encodeURIComponent(serviceId)}`;
export const surveyPath = (regionCode: string, serviceId: string) => `${portalServicePath(regionCode, serviceId)}/survei`;
export const complaintFormPath = (regionCode: string, serviceId?: string) =>
  `${portalPath(regionCode)}/pengaduan${serviceId ? `?layanan=${encodeURIComponent(serviceId)}` : ''}`;
export const complaintStatusPath = (trackingCode: string) => `/pengaduan/${encodeURIComponent(trackingCode)}`;
export const kioskPath = (serviceId: string) => `/kiosk/${encodeURIComponent(serviceId)}`;

export const portalServicesQuery = (regionCode: string, params: PortalListParams) =>
  queryOptions({
    queryKey: ['public', 'portal', regionCode, 'services', params],
    queryFn: () => getJson(apiPath('public', 'regions', regionCode, 'services'), publicServiceList, { ...params }),
    placeholderData: keepPreviousData,
  });

/**
 * Every service of the region (pages of 100), for the unit filter: the portal's list names units but
 * the filter sends a unit id, which only a service's detail carries.
 */
export const portalAllServicesQuery = (regionCode: string) =>
  queryOptions({
    queryKey: ['public', 'portal', regionCode, 'services', 'all'],
    queryFn: async () => {
      const items: PublicService[] = [];
      for (let page = 1; page <= 20; page += 1) {
        const batch = await getJson(apiPath('public', 'regions', regionCode, 'services'), publicServiceList, { page, pageSize: 100 });
        items.push(...batch.items);
        if (items.length >= batch.total || batch.items.length === 0) break;
      }
      return items;
    },
    staleTime: 5 * 60_000,
  });

export const portalServiceQuery = (serviceId: string) =>
  queryOptions({
    queryKey: ['public', 'portal', 'service', serviceId],
    queryFn: () => getJson(apiPath('public', 'services', serviceId), publicServiceDetail),
  });

export const fetchPortalService = (serviceId: string) => getJson(apiPath('public', 'services', serviceId), publicServiceDetail);

/** The IKM of a year; null while the service has no answers that year. */
export const portalIkmQuery = (serviceId: string, year: number) =>
  queryOptions({
    queryKey: ['public', 'portal', 'service', serviceId, 'ikm', year],
    queryFn: async () => {
      try {
        return await getJson(apiPath('public', 'services', serviceId, 'ikm'), ikmResult, { year });
      } catch (error) {
        if (isApiError(error, 'SKM_NO_RESULTS')) return null;
        throw error;
      }
    },
  });

/** The region's name, from the public national list (the portal's header). */
export const portalRegionQuery = (regionCode: string) =>
  queryOptions({
    queryKey: ['public', 'portal', regionCode, 'region'],
    queryFn: async () => {
      const list = await getJson('/api/v1/regions', regionList, { q: regionCode });
      return list.items.find((r) => r.code === regionCode) ?? null;
    },
    staleTime: 60 * 60_000,
  });

export const complaintCategoriesQuery = (regionCode: string) =>
  queryOptions({
    queryKey: ['public', 'portal', regionCode, 'complaint-categories'],
    queryFn: () => getJson(apiPath('public', 'regions', regionCode, 'complaint-categories'), complaintCategoryList),
    staleTime: 10 * 60_000,
  });

const mapSettings = z.object({
  tiles: z.string().nullable(),
  attribution: z.string(),
  center: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});
export type MapSettings = z.output<typeof mapSettings>;

/** The complaint form's map: the install's tile server (none when turned off) and where to open it for the region. */
export const mapSettingsQuery = (regionCode: string) =>
  queryOptions({
    queryKey: ['public', 'map', regionCode],
    queryFn: () => getJson(`${apiPath('public', 'map')}?region=${encodeURIComponent(regionCode)}`, mapSettings),
    staleTime: 10 * 60_000,
  });

export const publicComplaintQuery = (trackingCode: string) =>
  queryOptions({
    queryKey: ['public', 'complaints', trackingCode],
    queryFn: () => getJson(apiPath('public', 'complaints', trackingCode), publicComplaint),
  });

/** The answer of a write, and whether it was the stored answer of an earlier attempt with the same key. */
export interface PublicWriteResult<T> {
  data: T;
  replayed: boolean;
}

function issuesOf(error: z.ZodError): { field: string; reason: string }[] {
  return error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), reason: i.message }));
}

/** A raw POST with the headers citizens' writes need; errors are the app's usual `ApiError`s. */
async function post<R extends z.ZodType>(
  path: string,
  responseSchema: R,
  body: { content: BodyInit; type: string },
  headers: Record<string, string>,
): Promise<PublicWriteResult<z.output<R>>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': body.type, ...headers },
      body: body.content,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR' });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    if (!parsed.success) throw new ApiError({ status: response.status, code: 'UNEXPECTED_RESPONSE' });
    const e = parsed.data.error;
    throw new ApiError({
      status: response.status,
      code: e.code,
      messageId: e.message,
      messageEn: e.messageEn,
      issues: e.issues ?? [],
      requestId: e.requestId ?? null,
    });
  }
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) throw new ApiError({ status: response.status, code: 'UNEXPECTED_RESPONSE' });
  return { data: parsed.data, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

async function postPublic<B extends z.ZodType, R extends z.ZodType>(
  path: string,
  bodySchema: B,
  input: z.input<B>,
  responseSchema: R,
  options: { idempotencyKey: string; honeypot: string },
): Promise<PublicWriteResult<z.output<R>>> {
  const checked = bodySchema.safeParse(input);
  if (!checked.success) throw new ApiError({ status: 400, code: 'VALIDATION_FAILED', issues: issuesOf(checked.error) });
  const content = JSON.stringify({ ...(checked.data as object), website: options.honeypot });
  return post(path, responseSchema, { content, type: 'application/json' }, { 'idempotency-key': options.idempotencyKey });
}

export const submitSurveyAnswer = (serviceId: string, input: SkmAnswerInput, options: { idempotencyKey: string; honeypot: string }) =>
  postPublic(apiPath('public', 'services', serviceId, 'skm-responses'), skmResponseInput, input, skmResponseCreated, options);

export const fileComplaint = (regionCode: string, input: ComplaintInput, options: { idempotencyKey: string; honeypot: string }) =>
  postPublic(apiPath('public', 'regions', regionCode, 'complaints'), complaintInput, input, complaintCreated, options);

/** The photo goes raw, with the one-hour token the complaint's answer carried; the server checks its content. */
export const uploadComplaintPhoto = (trackingCode: string, file: File, photoToken: string, idempotencyKey: string) =>
  post(
    apiPath('public', 'complaints', trackingCode, 'photo'),
    z.object({ id: z.string() }),
    { content: file, type: file.type || 'application/octet-stream' },
    {
      'x-photo-token': photoToken,
      'idempotency-key': idempotencyKey,
      // Header values must be ASCII: a name with other characters is left for the server to name.
      ...(/^[\x20-\x7e]{1,255}$/.test(file.name) ? { 'x-file-name': file.name } : {}),
    },
  );

/** A random id for an idempotency key or a device: a UUID v4, also where `crypto.randomUUID` is missing (plain http). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const DEVICE_KEY = 'sinergi.portal.deviceId';

/** This browser's own random id (the one-answer-per-device rule); kept in localStorage. */
export function deviceId(): string | undefined {
  try {
    const stored = window.localStorage.getItem(DEVICE_KEY);
    if (stored && stored.length >= 8) return stored;
    const fresh = randomId();
    window.localStorage.setItem(DEVICE_KEY, fresh);
    return fresh;
  } catch {
    // Private mode: the answer goes without a device id rather than not at all.
    return undefined;
  }
}
