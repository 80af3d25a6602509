/**
 * The contract of Acara: the region's events (rakor, bimtek, sosialisasi, FGD, expo), their
 * participants and attendance, materials, notulen and follow-ups (staff API); the participant's own
 * check-in page and the certificate check (public, the token or code authorises); and the public list
 * of a region's events (counts only, never personal data).
 */
import { z } from 'zod';
import { optionalText, pageQuery, paged, requiredText, sortOrder } from './common.ts';

export const EVENT_KINDS = ['rakor', 'bimtek', 'sosialisasi', 'fgd', 'expo', 'lainnya'] as const;
export const EVENT_TOPICS = ['inovasi_daerah', 'kota_cerdas', 'spbe', 'skm', 'pelayanan_publik', 'lainnya'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventTopic = (typeof EVENT_TOPICS)[number];

export const eventKind = z.enum(EVENT_KINDS, { error: `Jenis acara harus salah satu dari: ${EVENT_KINDS.join(', ')}` });
export const eventTopic = z.enum(EVENT_TOPICS, { error: `Topik harus salah satu dari: ${EVENT_TOPICS.join(', ')}` });

/** A moment with its offset (the web app sends Western Indonesia time, `+07:00`). */
const moment = (label: string) => z.iso.datetime({ offset: true, error: `${label} harus berupa tanggal dan jam (mis. 2025-04-23T08:30:00+07:00)` });

const httpUrl = (label: string) =>
  z
    .url({ protocol: /^https?$/, error: `${label} harus berupa URL http(s)` })
    .max(500, `${label} paling banyak 500 karakter`)
    .nullish()
    .transform((v) => v ?? null);

export const eventInput = z
  .object({
    title: requiredText('Judul acara', 200),
    kind: eventKind,
    topic: eventTopic,
    organiserUnitId: z.uuid('Unit penyelenggara wajib dipilih'),
    startsAt: moment('Waktu mulai'),
    endsAt: moment('Waktu selesai'),
    place: optionalText('Tempat', 300),
    onlineUrl: httpUrl('Tautan daring'),
    description: z
      .string()
      .trim()
      .max(5000, 'Uraian paling banyak 5000 karakter')
      .nullish()
      .transform((v) => v ?? ''),
    invitedUnitIds: z.array(z.uuid('Unit undangan tidak valid')).max(300, 'Paling banyak 300 unit undangan').default([]),
    invitedOrganisations: z
      .array(z.string().trim().min(1, 'Nama organisasi undangan tidak boleh kosong').max(200, 'Nama organisasi paling banyak 200 karakter'))
      .max(100, 'Paling banyak 100 organisasi undangan')
      .default([]),
    capacity: z
      .number({ error: 'Kapasitas harus berupa angka' })
      .int('Kapasitas harus bilangan bulat')
      .min(1, 'Kapasitas paling sedikit 1 orang')
      .max(100_000, 'Kapasitas paling banyak 100.000 orang')
      .nullish()
      .transform((v) => v ?? null),
    isRegistrationOpen: z.boolean().default(true),
  })
  .refine((e) => e.place !== null || e.onlineUrl !== null, { path: ['place'], message: 'Isi tempat acara atau tautan daring (salah satu wajib)' })
  .refine((e) => Date.parse(e.endsAt) >= Date.parse(e.startsAt), { path: ['endsAt'], message: 'Waktu selesai tidak boleh sebelum waktu mulai' });
export type EventInput = z.input<typeof eventInput>;

export const eventUpdate = z.intersection(eventInput, z.object({ version: z.number().int().min(1) }));

export const eventSummary = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    title: z.string(),
    kind: eventKind,
    topic: eventTopic,
    organiserUnitId: z.string(),
    organiserUnitName: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    capacity: z.number().int().nullable(),
    isRegistrationOpen: z.boolean(),
    participants: z.number().int(),
    attended: z.number().int(),
    /** Whether the caller may edit this event (admins: every event; operators: their unit's). */
    canManage: z.boolean(),
  })
  .meta({ id: 'EventSummary' });
export type EventSummary = z.infer<typeof eventSummary>;

export const followUpStatus = z.enum(['open', 'done'], { error: 'Status harus open atau done' });

export const eventFollowUp = z.object({
  id: z.string(),
  action: z.string(),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  dueOn: z.string(),
  status: followUpStatus,
  evidence: z.string(),
  completedAt: z.string().nullable(),
  isOverdue: z.boolean(),
  version: z.number().int(),
});
export type EventFollowUp = z.infer<typeof eventFollowUp>;

export const eventDetail = eventSummary
  .extend({
    description: z.string(),
    invitedUnits: z.array(z.object({ id: z.string(), name: z.string() })),
    invitedOrganisations: z.array(z.string()),
    notes: z.string(),
    version: z.number().int(),
    /** Participants internal by unit and external by organisation, with how many came. */
    counts: z.object({
      internal: z.number().int(),
      external: z.number().int(),
      byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), participants: z.number().int(), attended: z.number().int() })),
      byOrganisation: z.array(z.object({ organisation: z.string(), participants: z.number().int(), attended: z.number().int() })),
    }),
    followUps: z.array(eventFollowUp),
    updatedAt: z.string(),
  })
  .meta({ id: 'EventDetail' });
export type EventDetail = z.infer<typeof eventDetail>;

export const EVENT_SORTS = ['startsAt', 'title', 'organiser'] as const;
export const eventListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** One month, `YYYY-MM` (the calendar), in Western Indonesia time. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan berformat YYYY-MM')
    .optional(),
  kind: eventKind.optional(),
  topic: eventTopic.optional(),
  unitId: z.uuid().optional(),
  sort: z.enum(EVENT_SORTS).default('startsAt'),
  order: sortOrder,
});
export const eventList = paged(eventSummary);

// ---- participants ---------------------------------------------------------------------------------

export const participantKind = z.enum(['internal', 'external'], { error: 'Jenis peserta: internal atau external' });
export const checkinVia = z.enum(['qr', 'kode', 'manual']);

export const participantInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('internal'),
      /** A user of the region (name and unit come from the account), or a named person of a unit. */
      userId: z.uuid('Pengguna tidak valid').nullish(),
      unitId: z.uuid('Unit peserta wajib dipilih').nullish(),
      name: optionalText('Nama peserta', 200),
      position: optionalText('Jabatan', 200),
      email: z.email('Alamat surel tidak valid').max(200).nullish(),
      phone: optionalText('Nomor telepon', 40),
    }),
    z.object({
      kind: z.literal('external'),
      name: requiredText('Nama peserta', 200),
      organisation: requiredText('Instansi/organisasi', 200),
      position: optionalText('Jabatan', 200),
      email: z.email('Alamat surel tidak valid').max(200).nullish(),
      phone: optionalText('Nomor telepon', 40),
    }),
  ],
  { error: 'Pilih jenis peserta: internal (pegawai daerah) atau external (dari luar)' },
);
export type ParticipantInput = z.input<typeof participantInput>;

export const participant = z
  .object({
    id: z.string(),
    kind: participantKind,
    userId: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    organisation: z.string().nullable(),
    name: z.string(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    /** The short code an organiser types, also the certificate's verification code. */
    code: z.string(),
    /** The participant's personal check-in page (the QR code opens it). */
    checkinPath: z.string(),
    checkedInAt: z.string().nullable(),
    checkedInVia: checkinVia.nullable(),
  })
  .meta({ id: 'EventParticipant' });
export type Participant = z.infer<typeof participant>;

export const participantListQuery = pageQuery.extend({
  kind: participantKind.optional(),
  attendance: z.enum(['hadir', 'belum']).optional(),
  sort: z.enum(['name', 'affiliation', 'checkedInAt']).default('name'),
  order: sortOrder,
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const participantList = paged(participant);

export const attendanceInput = z.object({ isPresent: z.boolean({ error: 'Isi hadir atau tidak hadir' }) });
/** What the organiser scanned or typed: the participant's short code, their check-in link, or its token. */
export const organiserCheckinInput = z.object({ code: requiredText('Kode peserta', 500) });

export const checkinResult = z.object({
  /** checked_in: counted now; already: was counted before (nothing changed). */
  status: z.enum(['checked_in', 'already']),
  name: z.string(),
  affiliation: z.string(),
  eventTitle: z.string(),
  startsAt: z.string(),
  checkedInAt: z.string(),
});
export type CheckinResult = z.infer<typeof checkinResult>;

/** What the participant's own check-in page shows before they confirm. */
export const checkinTicket = z.object({
  name: z.string(),
  affiliation: z.string(),
  eventTitle: z.string(),
  organiserUnitName: z.string(),
  regionName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  checkedInAt: z.string().nullable(),
});
export type CheckinTicket = z.infer<typeof checkinTicket>;

export const certificateCheck = z.object({
  name: z.string(),
  eventTitle: z.string(),
  startsAt: z.string(),
  organiserUnitName: z.string(),
  regionName: z.string(),
  attended: z.boolean(),
});

// ---- notulen, follow-ups, materials ---------------------------------------------------------------

export const notesInput = z.object({
  notes: z.string().trim().max(50_000, 'Notulen paling banyak 50.000 karakter'),
  version: z.number().int().min(1),
});

export const followUpInput = z.object({
  action: requiredText('Tindak lanjut', 1000),
  ownerUnitId: z.uuid('Unit penanggung jawab wajib dipilih'),
  dueOn: z.iso.date('Tenggat harus berupa tanggal (YYYY-MM-DD)'),
  status: followUpStatus.default('open'),
  evidence: z
    .string()
    .trim()
    .max(2000, 'Bukti paling banyak 2000 karakter')
    .nullish()
    .transform((v) => v ?? ''),
});
export const followUpUpdate = followUpInput.extend({ version: z.number().int().min(1) });

export const materialLinkInput = z.object({
  title: requiredText('Judul materi', 200),
  url: z.url({ protocol: /^https?$/, error: 'Tautan harus berupa URL http(s)' }).max(500),
});
export const materialUploadQuery = z.object({
  title: z.string().trim().max(200).optional(),
  fileName: z.string().trim().min(1, 'Nama berkas wajib diisi').max(200),
});
export const material = z.object({
  id: z.string(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
});
export const materialList = z.object({ items: z.array(material) });

// ---- import ---------------------------------------------------------------------------------------

export const participantImportReport = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  /** Rows naming someone already registered: left as they are. */
  skipped: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
});

// ---- public ----------------------------------------------------------------------------------------

export const publicEvent = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: eventKind,
    topic: eventTopic,
    startsAt: z.string(),
    /** The place, or "Daring" for an online-only event. */
    place: z.string(),
    participants: z.number().int(),
  })
  .meta({ id: 'PublicEvent' });
export const publicEventList = z.object({ items: z.array(publicEvent) });
export const publicEventQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
