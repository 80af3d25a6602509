/** The contract of the innovation module: periods, innovations, workflow, evidence, catalogue. */
import { z } from 'zod';
import {
  ANGGARAN_PATTERN,
  ASTA_CITA_IDS,
  BENTUK,
  INISIATOR,
  JENIS,
  KLASIFIKASI,
  PKPN_KLASTER_IDS,
  SUMBER_ANGGARAN,
  TAHAPAN,
  URUSAN,
} from '../../domain/innovations/profile.ts';
import { INNOVATION_STATUSES, WORKFLOW_ACTIONS } from '../../domain/innovations/workflow.ts';
import { optionalText, pageQuery, paged, requiredText, sortOrder } from './common.ts';

const urusanIds = URUSAN.map((u) => u.id) as [string, ...string[]];
const isoDate = z.iso.date('Tanggal harus berformat YYYY-MM-DD');

// ---- periods ----------------------------------------------------------------------------------

export const period = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    year: z.number().int(),
    opensOn: z.string(),
    closesOn: z.string(),
    targetTotal: z.number().int(),
    minPerUnit: z.number().int(),
    countsSubUnits: z.boolean(),
    /** Outside the window a unit's proposal or submission is refused (else only warned about). */
    refuseOutsideWindow: z.boolean(),
    /** The IID framework version chosen for the period; null: the one effective in its year. */
    iidFrameworkVersionId: z.string().nullable(),
    innovationCount: z.number().int(),
    /** Proposed and still alive (diajukan, dikembalikan, terverifikasi): what the target dashboard counts. */
    proposedCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Period' });

export const periodInput = z
  .object({
    year: z.number({ error: 'Tahun wajib diisi' }).int().min(2015, 'Tahun paling awal 2015').max(2100),
    opensOn: isoDate,
    closesOn: isoDate,
    targetTotal: z.number({ error: 'Target wajib diisi' }).int().min(0, 'Target tidak boleh negatif').max(100_000),
    minPerUnit: z.number().int().min(0, 'Minimum per unit tidak boleh negatif').max(1000).default(1),
    countsSubUnits: z.boolean().default(false),
    refuseOutsideWindow: z.boolean().default(false),
    iidFrameworkVersionId: z.uuid('Pilih kerangka IID dari daftar').nullable().default(null),
  })
  .refine((p) => p.closesOn >= p.opensOn, { message: 'Tanggal tutup harus sesudah tanggal buka', path: ['closesOn'] });

export const periodUpdate = periodInput.and(z.object({ version: z.number().int().min(1) }));
export const periodList = z.object({ items: z.array(period) });

// ---- innovations ------------------------------------------------------------------------------

export const innovationStatus = z.enum(INNOVATION_STATUSES);

const tahapan = z.enum(TAHAPAN, { error: 'Tahapan harus inisiatif, uji coba atau penerapan' });
const inisiator = z.enum(INISIATOR, { error: 'Inisiator tidak dikenal' });
const jenis = z.enum(JENIS, { error: 'Jenis harus digital atau non-digital' });
const bentuk = z.enum(BENTUK, { error: 'Bentuk tidak dikenal' });
/** Any well-formed id here; the list it must be in is the period's IID framework's (checked on save). */
const tematik = z.string().regex(/^[a-z0-9_]{1,60}$/, 'Tematik tidak dikenal');
const klasifikasi = z.enum(KLASIFIKASI, { error: 'Klasifikasi harus Perangkat Daerah, Desa atau Masyarakat' });
const astaCita = z.enum(ASTA_CITA_IDS, { error: 'Asta Cita harus salah satu dari nomor 1 sampai 8' });
const pkpnKlaster = z.enum(PKPN_KLASTER_IDS, { error: 'Klaster PKPN tidak dikenal' });
const sumberAnggaran = z.enum(SUMBER_ANGGARAN, { error: 'Sumber anggaran harus APBD, APBDes, APBN, swasta atau lainnya' });

/**
 * A budget in rupiah as text (never a binary float): digits with at most two decimals, not negative. Blank
 * is no budget.
 */
export const anggaranText = z
  .string({ error: 'Anggaran ditulis sebagai angka dalam teks, mis. "150000000"' })
  .trim()
  .refine((v) => !v.startsWith('-'), 'Anggaran tidak boleh negatif')
  .refine(
    (v) => v === '' || v.startsWith('-') || ANGGARAN_PATTERN.test(v),
    'Anggaran ditulis dalam rupiah dengan angka saja, paling banyak dua desimal (mis. 150000000 atau 2500000.50)',
  )
  .nullish()
  .transform((v) => (v ? v : null));
const urusan = z.enum(urusanIds, { error: 'Urusan tidak dikenal' });

/** Every profile field; all optional while drafting (submission checks completeness). */
export const innovationFields = z.object({
  name: requiredText('Nama inovasi', 200),
  tahapan: tahapan.nullish().transform((v) => v ?? null),
  inisiator: inisiator.nullish().transform((v) => v ?? null),
  jenis: jenis.nullish().transform((v) => v ?? null),
  bentuk: bentuk.nullish().transform((v) => v ?? null),
  urusanUtama: urusan.nullish().transform((v) => v ?? null),
  urusanIrisan: z.array(urusan).max(10, 'Paling banyak 10 urusan irisan').default([]),
  tematik: tematik.nullish().transform((v) => v ?? null),
  waktuUjiCoba: isoDate.nullish().transform((v) => v ?? null),
  waktuPenerapan: isoDate.nullish().transform((v) => v ?? null),
  /**
   * Pengembangan terbaru: the date and a description of the latest documented development. An
   * innovation first applied before the IID window still qualifies through it (when both are given).
   */
  waktuPengembangan: isoDate.nullish().transform((v) => v ?? null),
  uraianPengembangan: z.string().max(5000, 'Uraian pengembangan terlalu panjang').default(''),
  rancangBangun: z.string().max(60_000, 'Rancang bangun terlalu panjang').default(''),
  tujuan: z.string().max(10_000).default(''),
  manfaat: z.string().max(10_000).default(''),
  hasil: z.string().max(10_000).default(''),
  latitude: z
    .number()
    .min(-90)
    .max(90)
    .nullish()
    .transform((v) => v ?? null),
  longitude: z
    .number()
    .min(-180)
    .max(180)
    .nullish()
    .transform((v) => v ?? null),
  contactName: optionalText('Nama narahubung', 120),
  contactPhone: optionalText('Telepon narahubung', 40),
  contactEmail: z
    .email('Alamat surel tidak valid')
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  /** The RPJMD programme the innovation serves: one of the region's programme codes (checked on save). */
  rpjmdProgramCode: optionalText('Kode program RPJMD', 60),
  // The 2026 form's fields (fidelity notes, IID): all optional, as older years lack them.
  klasifikasi: klasifikasi.nullish().transform((v) => v ?? null),
  astaCita: astaCita.nullish().transform((v) => v ?? null),
  pkpnKlaster: pkpnKlaster.nullish().transform((v) => v ?? null),
  pkpnProgram: optionalText('Program PKPN', 200),
  anggaran: anggaranText,
  sumberAnggaran: sumberAnggaran.nullish().transform((v) => v ?? null),
  namaInisiator: optionalText('Nama inisiator', 200),
});

export const innovationCreate = innovationFields.extend({
  periodId: z.uuid('Periode tidak valid'),
  /** An operator's own unit is used when omitted. */
  unitId: z.uuid('Unit tidak valid').optional(),
});

export const innovationUpdate = innovationFields.extend({ version: z.number().int().min(1) });

export const evidenceItem = z
  .object({
    id: z.string(),
    target: z.string(),
    kind: z.enum(['file', 'link']),
    title: z.string(),
    fileName: z.string().nullable(),
    mimeType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    url: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Evidence' });

export const timelineEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  fieldNotes: z.record(z.string(), z.string()).nullable(),
});

export const innovationSummary = z
  .object({
    id: z.string(),
    periodId: z.string(),
    year: z.number().int(),
    unitId: z.string(),
    unitName: z.string(),
    status: innovationStatus,
    name: z.string(),
    tahapan: z.string().nullable(),
    jenis: z.string().nullable(),
    urusanUtama: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'InnovationSummary' });

export const innovation = innovationSummary
  .extend({
    regionCode: z.string(),
    inisiator: z.string().nullable(),
    bentuk: z.string().nullable(),
    urusanIrisan: z.array(z.string()),
    tematik: z.string().nullable(),
    waktuUjiCoba: z.string().nullable(),
    waktuPenerapan: z.string().nullable(),
    waktuPengembangan: z.string().nullable(),
    uraianPengembangan: z.string(),
    rancangBangun: z.string(),
    rancangBangunWords: z.number().int(),
    tujuan: z.string(),
    manfaat: z.string(),
    hasil: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    rpjmdProgramCode: z.string().nullable(),
    klasifikasi: z.string().nullable(),
    astaCita: z.string().nullable(),
    pkpnKlaster: z.string().nullable(),
    pkpnProgram: z.string().nullable(),
    /** Rupiah as a decimal string with two places ("150000000.00"), or null. */
    anggaran: z.string().nullable(),
    sumberAnggaran: z.string().nullable(),
    namaInisiator: z.string().nullable(),
    /** The tematik the innovation's period allows (its IID framework's list), for the form's picker and labels. */
    tematikOptions: z.array(z.object({ id: z.string(), name: z.string() })),
    previousId: z.string().nullable(),
    nextId: z.string().nullable(),
    developmentNote: z.string().nullable(),
    reviewNotes: z.record(z.string(), z.string()),
    rejectionReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    evidence: z.array(evidenceItem),
    timeline: z.array(timelineEntry),
    /** Workflow actions the caller may take now, and whether they may edit. */
    actions: z.array(z.enum(WORKFLOW_ACTIONS)),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Innovation' });

export const innovationListQuery = pageQuery.extend({
  periodId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: innovationStatus.optional(),
  tahapan: tahapan.optional(),
  jenis: jenis.optional(),
  urusan: urusan.optional(),
  sort: z.enum(['name', 'status', 'updatedAt', 'unit']).default('updatedAt'),
  order: sortOrder.default('desc'),
});

export const innovationList = paged(innovationSummary);

export const similarInnovation = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  unitName: z.string(),
  status: innovationStatus,
  similarity: z.number(),
});
export const similarList = z.object({ items: z.array(similarInnovation) });

export const transitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version: z.number().int().min(1) }),
  z.object({
    action: z.literal('return'),
    version: z.number().int().min(1),
    notes: z.record(z.string().max(60), z.string().max(2000)),
    note: z.string().max(2000).optional(),
  }),
  z.object({ action: z.literal('verify'), version: z.number().int().min(1), note: z.string().max(2000).optional() }),
  z.object({ action: z.literal('reject'), version: z.number().int().min(1), reason: z.string().max(2000) }),
]);

export const transitionResponse = z.object({
  innovation,
  /** Similar names in the region (this and earlier years), shown on submit. */
  similar: z.array(similarInnovation),
});

export const carryOverBody = z.object({
  periodId: z.uuid('Periode tidak valid'),
  developmentNote: requiredText('Catatan perkembangan', 5000),
});

export const linkEvidenceBody = z.object({
  target: z.string().trim().min(1).max(60).default('umum'),
  title: requiredText('Judul', 200),
  url: z.url({ protocol: /^https?$/, error: 'Tautan harus berupa URL http(s)' }),
});

export const uploadEvidenceQuery = z.object({
  target: z.string().trim().min(1).max(60).default('umum'),
  title: z.string().trim().max(200).optional(),
  fileName: z.string().trim().min(1, 'Nama berkas wajib diisi').max(200),
});

// ---- import -----------------------------------------------------------------------------------

export const innovationImportQuery = z.object({
  periodId: z.uuid('Periode tidak valid'),
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const innovationImportReport = z
  .object({
    dryRun: z.boolean(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    created: z.number().int(),
    /** `row` as the spreadsheet numbers it (the header is row 1); `field` is the column header. */
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), reason: z.string() })),
    /** The valid rows as they will be created (first 500). */
    preview: z.array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        unitName: z.string(),
        tahapan: z.string().nullable(),
        jenis: z.string().nullable(),
        urusanUtama: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'InnovationImportReport' });

export type InnovationImportReport = z.infer<typeof innovationImportReport>;

// ---- dashboard --------------------------------------------------------------------------------

const countBy = z.array(z.object({ key: z.string(), count: z.number().int() }));

export const periodDashboard = z.object({
  period,
  total: z.number().int(),
  verified: z.number().int(),
  byStatus: countBy,
  byTahapan: countBy,
  byJenis: countBy,
  byUrusan: countBy,
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      kind: z.string(),
      total: z.number().int(),
      verified: z.number().int(),
      /** Drafts not yet proposed: they do not count toward the minimum. */
      drafts: z.number().int(),
      minimum: z.number().int(),
      meetsMinimum: z.boolean(),
    }),
  ),
  yandas: z.array(z.object({ urusan: z.string(), name: z.string(), count: z.number().int() })),
  yandasCovered: z.number().int(),
});

// ---- public catalogue -------------------------------------------------------------------------

export const publicInnovation = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    unitName: z.string(),
    name: z.string(),
    tahapan: z.string().nullable(),
    inisiator: z.string().nullable(),
    jenis: z.string().nullable(),
    bentuk: z.string().nullable(),
    urusanUtama: z.string().nullable(),
    urusanIrisan: z.array(z.string()),
    tematik: z.string().nullable(),
    /** The tematik's name from the period's framework (null when none was chosen). */
    tematikName: z.string().nullable(),
    waktuUjiCoba: z.string().nullable(),
    waktuPenerapan: z.string().nullable(),
    rancangBangun: z.string(),
    tujuan: z.string(),
    manfaat: z.string(),
    hasil: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    /**
     * The 2026 fields a citizen may read: klasifikasi, Asta Cita and the PKPN cluster and programme. The
     * budget and the initiator's name stay inside the region (a person's name, an internal figure).
     */
    klasifikasi: z.string().nullable(),
    astaCita: z.string().nullable(),
    pkpnKlaster: z.string().nullable(),
    pkpnProgram: z.string().nullable(),
    verifiedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicInnovation' });

export const publicInnovationSummary = publicInnovation.pick({
  id: true,
  regionCode: true,
  regionName: true,
  year: true,
  unitName: true,
  name: true,
  tahapan: true,
  jenis: true,
  urusanUtama: true,
  tujuan: true,
});

export const publicInnovationQuery = z.object({
  q: z.string().trim().max(200).optional(),
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah tidak valid')
    .optional(),
  year: z.coerce.number().int().min(2015).max(2100).optional(),
  unit: z.uuid().optional(),
  urusan: urusan.optional(),
  tahapan: tahapan.optional(),
  jenis: jenis.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const publicInnovationList = z.object({
  items: z.array(publicInnovationSummary),
  /** Matches counted up to 2,000; the catalogue pages no further. */
  total: z.number().int(),
  /** True when there are more matches than `total` (the count stopped at its cap). */
  totalCapped: z.boolean(),
});

export const publicUnitQuery = z.object({
  region: z.string().regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah tidak valid'),
});

export const publicUnitList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), regionCode: z.string(), count: z.number().int() })),
});

export type Innovation = z.infer<typeof innovation>;
export type InnovationSummary = z.infer<typeof innovationSummary>;
export type Period = z.infer<typeof period>;
export type PeriodDashboard = z.infer<typeof periodDashboard>;
export type PublicInnovation = z.infer<typeof publicInnovation>;
