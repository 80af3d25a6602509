/**
 * Open311 GeoReport v2 over the region's complaints: the categories are the services (realtime:
 * a request gets its id at once), the complaints are the service requests (id = tracking code), and
 * `jurisdiction_id` is the region code. Shapes and parameter names follow the specification; the
 * complaint rules (active category, location, description) are the same as for the region's own form.
 */
import { z } from 'zod';
import { type ComplaintStatus, open311Status } from '#domain/services/complaint-workflow.ts';
import { complaintInput } from '#shared/api/complaints.ts';
import type { Db } from '#server/db/client.ts';
import { regions } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import { eq } from 'drizzle-orm';
import { type CategoryView, findActiveClient, findByTrackingCode, findCategory, listCategories, listForOpen311 } from './complaints.queries.ts';
import { type ComplaintView, fileComplaint, sha256Hex, statusUrlOf, type Who } from './complaints.service.ts';

/** The specification's suggested ceiling per answer, and its default window when no dates are given. */
export const MAX_REQUESTS = 1000;
export const DEFAULT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

export async function requireJurisdiction(db: Db, jurisdictionId: string | undefined): Promise<string> {
  if (!jurisdictionId) throw fieldError('jurisdiction_id', 'jurisdiction_id wajib diisi (kode wilayah, mis. 19.71)');
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, jurisdictionId));
  if (!region) throw fieldError('jurisdiction_id', `jurisdiction_id ${jurisdictionId} tidak dikenal`);
  return region.code;
}

export function presentService(c: CategoryView) {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: false,
    type: 'realtime' as const,
    keywords: [c.unitShortName, ...c.code.split('-')].filter((k): k is string => Boolean(k)).join(', '),
    group: c.groupName,
  };
}

export async function listServices(db: Db, regionCode: string) {
  return (await listCategories(db, regionCode, { activeOnly: true })).map(presentService);
}

/** No extra attributes: the description, location and photo are the request's own fields. */
export async function serviceDefinition(db: Db, regionCode: string, serviceCode: string) {
  const category = await findCategory(db, regionCode, { code: serviceCode });
  if (!category?.isActive) throw new AppError('NOT_FOUND', { detail: `service_code ${serviceCode} tidak ditemukan` });
  return { service_code: category.code, attributes: [] as never[] };
}

/** Who handles it, by when, and where the citizen follows it. */
const noticeOf = (unitName: string, dueAt: Date, statusUrl: string) =>
  `Ditangani ${unitName}; target penyelesaian ${dueAt.toISOString().slice(0, 10)}. Pantau status di ${statusUrl}`;

export function presentRequest(view: ComplaintView, origin: string) {
  const r = view.row;
  const status = r.status as ComplaintStatus;
  return {
    service_request_id: r.trackingCode,
    status: open311Status(status),
    status_notes: r.statusNote,
    service_name: view.categoryName,
    service_code: view.categoryCode,
    description: r.description,
    agency_responsible: view.unitName,
    service_notice: noticeOf(view.unitName, r.dueAt, `${origin}${statusUrlOf(r.trackingCode)}`),
    requested_datetime: r.createdAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: r.dueAt.toISOString(),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.latitude === null ? null : Number(r.latitude),
    long: r.longitude === null ? null : Number(r.longitude),
    media_url: null,
  };
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

function parseDate(value: string | undefined, field: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw fieldError(field, `${field} harus tanggal-waktu W3C/ISO 8601, mis. 2026-03-01T00:00:00+07:00`);
  return at;
}

export interface RequestsQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
}

/** GET requests: by ids, or by service, status and a window of at most 90 days (default the last 90). */
export async function searchRequests(db: Db, regionCode: string, q: RequestsQuery, now: Date, origin: string) {
  const start = parseDate(q.start_date, 'start_date');
  const end = parseDate(q.end_date, 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + DEFAULT_WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (from > to) throw fieldError('end_date', 'end_date tidak boleh sebelum start_date');
  if (to.getTime() - from.getTime() > DEFAULT_WINDOW_DAYS * DAY_MS) throw fieldError('end_date', 'Rentang tanggal paling lama 90 hari');
  const statuses = list(q.status);
  for (const s of statuses ?? []) if (s !== 'open' && s !== 'closed') throw fieldError('status', 'status harus open atau closed');
  const rows = await listForOpen311(db, regionCode, {
    ids: list(q.service_request_id),
    serviceCodes: list(q.service_code),
    statuses: statuses as ('open' | 'closed')[] | undefined,
    // The end is inclusive in the specification's examples; one millisecond later keeps it so.
    from,
    to: new Date(to.getTime() + 1),
    limit: MAX_REQUESTS,
  });
  return rows.map((r) => presentRequest(r, origin));
}

export async function getRequest(db: Db, regionCode: string, id: string, origin: string) {
  const view = await findByTrackingCode(db, id, regionCode);
  if (!view) throw new AppError('NOT_FOUND', { detail: `service_request_id ${id} tidak ditemukan` });
  return [presentRequest(view, origin)];
}

/** A POST's fields as the specification names them; `attribute[...]` and device fields are ignored. */
export const open311PostBody = z
  .object({
    jurisdiction_id: z.string().optional(),
    api_key: z.string().optional(),
    service_code: z.string().optional(),
    lat: z.union([z.string(), z.number()]).optional(),
    long: z.union([z.string(), z.number()]).optional(),
    address_string: z.string().optional(),
    address_id: z.string().optional(),
    email: z.string().optional(),
    device_id: z.string().optional(),
    account_id: z.string().optional(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    phone: z.string().optional(),
    description: z.string().optional(),
    media_url: z.string().optional(),
  })
  .loose();
export type Open311PostBody = z.infer<typeof open311PostBody>;

const OPEN311_FIELD: Record<string, string> = {
  categoryId: 'service_code',
  serviceId: 'service_code',
  description: 'description',
  address: 'address_string',
  latitude: 'lat',
  longitude: 'long',
  contactName: 'first_name',
  contactEmail: 'email',
  contactPhone: 'phone',
};

/** POST requests: the key of an active client of the jurisdiction, then the same checks as the region's form. */
export async function createRequest(who: Who, body: Open311PostBody, origin: string) {
  const regionCode = await requireJurisdiction(who.db, body.jurisdiction_id);
  const client = body.api_key ? await findActiveClient(who.db, regionCode, sha256Hex(body.api_key)) : undefined;
  if (!client) throw new AppError('OPEN311_KEY_INVALID');
  if (!body.service_code) throw fieldError('service_code', 'service_code wajib diisi');
  const category = await findCategory(who.db, regionCode, { code: body.service_code });
  if (!category?.isActive) throw fieldError('service_code', `service_code ${body.service_code} tidak dikenal di jurisdiction ini`);
  const name = [body.first_name, body.last_name].filter((p) => p?.trim()).join(' ');
  const parsed = complaintInput.safeParse({
    categoryId: category.id,
    description: body.description ?? '',
    address: body.address_string ?? null,
    latitude: body.lat === undefined || body.lat === '' ? null : body.lat,
    longitude: body.long === undefined || body.long === '' ? null : body.long,
    contactName: name || null,
    contactEmail: body.email ?? null,
    contactPhone: body.phone ?? null,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? 'body');
      return { field: OPEN311_FIELD[field] ?? field, reason: i.message };
    });
    throw new AppError('VALIDATION_FAILED', { issues });
  }
  const filed = await fileComplaint(who, regionCode, parsed.data, {
    source: 'open311',
    apiClientId: client.id,
    fieldOf: (f) => OPEN311_FIELD[f] ?? f,
  });
  return [
    {
      service_request_id: filed.trackingCode,
      service_notice: noticeOf(filed.unitName, filed.dueAt, `${origin}${filed.statusUrl}`),
      account_id: null,
    },
  ];
}
