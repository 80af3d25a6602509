/**
 * The contract of complaints (pengaduan): the citizens' form and status page (public), the units'
 * inbox (staff). Open311 GeoReport v2 has its own shapes in the feature (they follow the specification).
 */
import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../../domain/services/complaint-workflow.ts';
import { optionalText, paged, pageQuery, requiredText, sortOrder } from './common.ts';

export const complaintStatus = z.enum(COMPLAINT_STATUSES, { error: `Status harus salah satu dari: ${COMPLAINT_STATUSES.join(', ')}` });

const coordinate = (label: string, limit: number) =>
  z.coerce
    .number({ error: `${label} harus angka` })
    .min(-limit, `${label} di luar rentang`)
    .max(limit, `${label} di luar rentang`)
    .nullish()
    .transform((v) => v ?? null);

export const complaintInput = z
  .object({
    categoryId: z.uuid('Kategori pengaduan wajib dipilih'),
    serviceId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    description: requiredText('Uraian pengaduan', 4000).refine((v) => v.length >= 10, 'Uraian pengaduan paling sedikit 10 karakter'),
    address: optionalText('Alamat/lokasi', 300),
    latitude: coordinate('Lintang', 90),
    longitude: coordinate('Bujur', 180),
    contactName: optionalText('Nama', 120),
    contactEmail: z
      .email('Alamat email tidak valid')
      .max(200)
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+() -]{6,20}$/, 'Nomor telepon berisi 6–20 angka')
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
  })
  .refine((c) => (c.latitude === null) === (c.longitude === null), {
    path: ['longitude'],
    message: 'Lintang dan bujur diisi keduanya atau tidak sama sekali',
  })
  .refine((c) => c.address !== null || c.latitude !== null, { path: ['address'], message: 'Isi alamat atau pilih titik di peta' });

/** `photoToken` lets the same form add one photo (POST …/complaints/{trackingCode}/photo, header X-Photo-Token) for an hour. */
export const complaintCreated = z.object({ trackingCode: z.string(), statusUrl: z.string(), photoToken: z.string() });

export const complaintCategory = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    groupName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    slaDays: z.number().int(),
    isActive: z.boolean(),
  })
  .meta({ id: 'ComplaintCategory' });
export const complaintCategoryList = z.object({ items: z.array(complaintCategory) });
export const complaintCategoryInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'Kode kategori: huruf kecil, angka dan tanda hubung, 2–60 karakter'),
  name: requiredText('Nama kategori', 200),
  description: z.string().trim().max(2000).default(''),
  groupName: z.string().trim().max(100).default('Umum'),
  unitId: z.uuid('Unit penanggung jawab wajib dipilih'),
  slaDays: z.number().int().min(1, 'SLA paling sedikit 1 hari').max(365),
  isActive: z.boolean().default(true),
});

/** The public status page: never the contact details. */
export const publicComplaint = z.object({
  trackingCode: z.string(),
  categoryName: z.string(),
  unitName: z.string(),
  status: complaintStatus,
  open311Status: z.enum(['open', 'closed']),
  description: z.string(),
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(z.object({ status: complaintStatus.nullable(), note: z.string().nullable(), at: z.string() })),
  hasPhoto: z.boolean(),
});

export const complaint = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    serviceId: z.string().nullable(),
    serviceName: z.string().nullable(),
    description: z.string(),
    address: z.string().nullable(),
    latitude: z.string().nullable(),
    longitude: z.string().nullable(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    status: complaintStatus,
    statusNote: z.string().nullable(),
    duplicateOfCode: z.string().nullable(),
    source: z.enum(['web', 'open311']),
    dueAt: z.string(),
    overdue: z.boolean(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Complaint' });
/** Characters of a complaint's text the inbox list shows; the complaint's own page has all of it. */
export const INBOX_DESCRIPTION_CHARS = 240;

/**
 * One line of the inbox: what the list shows and filters by. The contact details, the location and the
 * internal status note are on the complaint's own page only, so an officer scrolling the inbox never
 * has every citizen's telephone number in one answer, and the page the inbox asks for on every visit
 * stays small.
 */
export const complaintSummary = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    categoryId: z.string(),
    categoryName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    serviceId: z.string().nullable(),
    serviceName: z.string().nullable(),
    description: z.string().describe(`Paling banyak ${INBOX_DESCRIPTION_CHARS} karakter pertama isi pengaduan`),
    status: complaintStatus,
    duplicateOfCode: z.string().nullable(),
    source: z.enum(['web', 'open311']),
    dueAt: z.string(),
    overdue: z.boolean(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** For a step taken straight from the list (the transition checks it). */
    version: z.number().int(),
  })
  .meta({ id: 'ComplaintSummary' });
export const complaintList = paged(complaintSummary);
export const complaintListQuery = pageQuery.extend({
  status: complaintStatus.optional(),
  unitId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  overdue: z.enum(['ya']).optional(),
  sort: z.enum(['createdAt', 'dueAt', 'status']).default('createdAt'),
  order: sortOrder.default('desc'),
});

export const complaintTransition = z.object({
  to: complaintStatus,
  /** Shown on the public status page. */
  note: optionalText('Catatan', 2000),
  /** The original, when closing as duplikat. */
  duplicateOfCode: optionalText('Kode pengaduan asal', 40),
  version: z.number().int().min(1),
});
export const complaintReassign = z.object({
  unitId: z.uuid('Unit tujuan wajib dipilih'),
  note: optionalText('Catatan', 2000),
  version: z.number().int().min(1),
});

export const complaintEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  isPublic: z.boolean(),
  unitName: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export const complaintDetail = complaint.extend({
  events: z.array(complaintEvent),
  photos: z.array(z.object({ id: z.string(), fileName: z.string().nullable() })),
});

export const complaintStats = z.object({
  total: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  /** Finished as selesai; of them, those finished by their due time. */
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  /** Resolved (selesai) ÷ closed, as a decimal string with one place (percent). */
  resolutionRate: z.string().nullable(),
  /** Median days from filing to selesai, one place. */
  medianDaysToResolve: z.string().nullable(),
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      total: z.number().int(),
      resolved: z.number().int(),
      overdue: z.number().int(),
      medianDaysToResolve: z.string().nullable(),
    }),
  ),
  byCategory: z.array(
    z.object({ categoryId: z.string(), categoryName: z.string(), total: z.number().int(), resolved: z.number().int(), overdue: z.number().int() }),
  ),
});

export const open311ClientInput = z.object({ name: requiredText('Nama klien', 120) });
export const open311Client = z.object({
  id: z.string(),
  name: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const open311ClientCreated = open311Client.extend({ key: z.string() });
export const open311ClientList = z.object({ items: z.array(open311Client) });

const isoDay = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} berformat YYYY-MM-DD`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `${label} bukan tanggal yang ada`)
    .optional();

/** Complaints filed from `from` through `to` (whole days, inclusive); both optional. */
export const complaintStatsQuery = z
  .object({ from: isoDay('Tanggal awal'), to: isoDay('Tanggal akhir'), unitId: z.uuid().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Tanggal akhir tidak boleh sebelum tanggal awal' });

/** A photo the citizen attached (staff see it behind the login). */
export const complaintPhoto = z.object({ id: z.string(), fileName: z.string().nullable() });
export type ComplaintStats = z.infer<typeof complaintStats>;
