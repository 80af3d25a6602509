/**
 * The contract of the service catalogue and the application inventory (staff API), and of the
 * public service portal (`public` tag: kiosks and other portals use it, keep it stable).
 */
import { z } from 'zod';
import { optionalText, pageQuery, paged, requiredText, sortOrder } from './common.ts';

export const SERVICE_CHANNELS = ['online', 'offline', 'keduanya'] as const;
export const APPLICATION_KINDS = ['layanan_publik', 'administrasi_pemerintahan'] as const;
export const APPLICATION_HOSTINGS = ['pusat_data_daerah', 'pusat_data_nasional', 'cloud', 'lainnya'] as const;
export const APPLICATION_STATUSES = ['aktif', 'pengembangan', 'tidak_aktif'] as const;

export const serviceChannel = z.enum(SERVICE_CHANNELS, { error: 'Kanal harus online, offline atau keduanya' });

const longText = (label: string) =>
  z
    .string()
    .trim()
    .max(5000, `${label} paling banyak 5000 karakter`)
    .nullish()
    .transform((v) => v ?? '');

/** The six components of the standar pelayanan, as shown on the portal. */
export const serviceStandard = {
  requirements: longText('Persyaratan'),
  procedure: longText('Sistem, mekanisme dan prosedur'),
  duration: longText('Jangka waktu'),
  cost: longText('Biaya/tarif'),
  product: longText('Produk pelayanan'),
  complaintHandling: longText('Penanganan pengaduan'),
};

export const serviceInput = z
  .object({
    name: requiredText('Nama layanan', 200),
    unitId: z.uuid('Unit pelayanan wajib dipilih'),
    category: optionalText('Kategori', 100),
    description: longText('Uraian'),
    channel: serviceChannel.default('offline'),
    onlineUrl: z
      .url({ protocol: /^https?$/, error: 'Alamat layanan daring harus berupa URL http(s)' })
      .max(500)
      .nullish()
      .transform((v) => v ?? null),
    isDigital: z.boolean().default(false),
    isActive: z.boolean().default(true),
    ...serviceStandard,
  })
  .refine((s) => s.channel === 'offline' || s.onlineUrl !== null, {
    path: ['onlineUrl'],
    message: 'Layanan daring wajib mencantumkan alamatnya',
  });

export const serviceUpdate = z.intersection(serviceInput, z.object({ version: z.number().int().min(1) }));

export const ikmSummary = z.object({ index: z.string(), grade: z.enum(['A', 'B', 'C', 'D']), responses: z.number().int(), year: z.number().int() });

export const service = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    name: z.string(),
    category: z.string().nullable(),
    description: z.string(),
    channel: serviceChannel,
    onlineUrl: z.string().nullable(),
    isDigital: z.boolean(),
    isActive: z.boolean(),
    requirements: z.string(),
    procedure: z.string(),
    duration: z.string(),
    cost: z.string(),
    product: z.string(),
    complaintHandling: z.string(),
    applicationNames: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Service' });
export type Service = z.infer<typeof service>;

export const serviceListQuery = pageQuery.extend({
  unitId: z.uuid().optional(),
  channel: serviceChannel.optional(),
  active: z.enum(['ya', 'tidak']).optional(),
  sort: z.enum(['name', 'unitName', 'updatedAt']).default('name'),
  order: sortOrder,
});
export const serviceList = paged(service);

export const applicationInput = z.object({
  name: requiredText('Nama aplikasi', 200),
  unitId: z.uuid('Unit pemilik wajib dipilih'),
  description: longText('Uraian'),
  kind: z.enum(APPLICATION_KINDS, { error: 'Jenis aplikasi: layanan_publik atau administrasi_pemerintahan' }),
  hosting: z.enum(APPLICATION_HOSTINGS, { error: `Hosting harus salah satu dari: ${APPLICATION_HOSTINGS.join(', ')}` }).default('pusat_data_daerah'),
  status: z.enum(APPLICATION_STATUSES, { error: `Status harus salah satu dari: ${APPLICATION_STATUSES.join(', ')}` }).default('aktif'),
  url: z
    .url({ protocol: /^https?$/, error: 'Alamat aplikasi harus berupa URL http(s)' })
    .max(500)
    .nullish()
    .transform((v) => v ?? null),
  serviceIds: z.array(z.uuid('Layanan tidak valid')).max(200).default([]),
});
export const applicationUpdate = applicationInput.extend({ version: z.number().int().min(1) });

export const application = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    name: z.string(),
    description: z.string(),
    kind: z.enum(APPLICATION_KINDS),
    hosting: z.enum(APPLICATION_HOSTINGS),
    status: z.enum(APPLICATION_STATUSES),
    url: z.string().nullable(),
    services: z.array(z.object({ id: z.string(), name: z.string() })),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Application' });
export const applicationListQuery = pageQuery.extend({
  unitId: z.uuid().optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  sort: z.enum(['name', 'unitName', 'updatedAt']).default('name'),
  order: sortOrder,
});
export const applicationList = paged(application);

/** A row-by-row dry run (or the real import) of an XLSX file. */
export const importReport = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
});

// --- Public portal (tag `public`) ---

export const publicService = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The unit's id, to list the rest of its services (`?unitId=`). */
    unitId: z.string(),
    unitName: z.string(),
    category: z.string().nullable(),
    description: z.string(),
    channel: serviceChannel,
    onlineUrl: z.string().nullable(),
    isDigital: z.boolean(),
    ikm: ikmSummary.nullable(),
    /** Whether a survey period is open for it now (the "Isi survei kepuasan" button). */
    surveyOpen: z.boolean(),
  })
  .meta({ id: 'PublicService' });

export const publicServiceList = z.object({ items: z.array(publicService), total: z.number().int() });
export const publicServiceListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  unitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const publicServiceDetail = publicService.extend({
  regionCode: z.string(),
  regionName: z.string(),
  requirements: z.string(),
  procedure: z.string(),
  duration: z.string(),
  cost: z.string(),
  product: z.string(),
  complaintHandling: z.string(),
  /** The open survey period's questionnaire, when one is open. */
  survey: z
    .object({
      /** null while the region has no period for this year: the first answer opens the whole year. */
      periodId: z.string().nullable(),
      label: z.string(),
      questions: z.array(z.object({ unsur: z.string(), name: z.string(), question: z.string(), options: z.array(z.string()).length(4) })),
    })
    .nullable(),
  /** Published follow-up of the latest closed period. */
  followUps: z.array(
    z.object({ unsur: z.string().nullable(), action: z.string(), dueOn: z.string(), status: z.string(), progress: z.number().int() }),
  ),
});
