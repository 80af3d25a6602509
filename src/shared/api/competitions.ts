/**
 * The contract of kompetisi inovasi: setting up a competition, entering innovations, screening,
 * judges' panels and score sheets, locking and advancing stages, the final ranking and the public
 * results (`public` tag: a region's website may show them, keep them stable).
 */
import { z } from 'zod';
import { optionalText, pageQuery, paged, requiredText } from './common.ts';

export const COMPETITION_KINDS = ['lomba_inovasi_daerah', 'kipp_preselection', 'iga_nominee', 'lainnya'] as const;
export const STAGE_CODES = ['pendaftaran', 'seleksi_administrasi', 'penilaian_proposal', 'presentasi', 'verifikasi_lapangan', 'penetapan'] as const;
/** The stages judges score with a rubric. */
export const SCORED_STAGES = ['penilaian_proposal', 'presentasi', 'verifikasi_lapangan'] as const;
export const COMPETITION_STATUSES = ['draft', 'berjalan', 'ditetapkan', 'diumumkan'] as const;
export const ENTRY_STATUSES = ['draft', 'diajukan', 'lolos', 'tidak_lolos'] as const;
export const TAHAPAN_CODES = ['inisiatif', 'uji_coba', 'penerapan'] as const;

export type StageCode = (typeof STAGE_CODES)[number];
export const isScoredStage = (code: string): boolean => (SCORED_STAGES as readonly string[]).includes(code);

const isoDate = z.iso.date('Tanggal harus berformat YYYY-MM-DD');
const decimalText = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,5}(\.\d{1,4})?$/, `${label} harus berupa angka, mis. 70 atau 72.5`);
const code = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, `${label}: huruf kecil, angka dan garis bawah saja, mis. umum`);

export const ruleSet = z.object({
  requireVerified: z.boolean().default(true),
  allowedTahapan: z.array(z.enum(TAHAPAN_CODES)).default([]),
  minYearsSincePenerapan: z.number().int().min(0).max(20).default(0),
  requireInnovatorSk: z.boolean().default(false),
  maxEntriesPerUnit: z.number().int().min(1).max(100).nullable().default(null),
});

export const eligibilityRulesInput = ruleSet.extend({
  categories: z.record(z.string(), ruleSet.partial()).optional(),
});

export const categoryInput = z.object({ code: code('Kode kategori'), name: requiredText('Nama kategori', 100) });

export const sectionInput = z.object({
  code: code('Kode bagian'),
  title: requiredText('Judul bagian', 200),
  guidance: z.string().trim().max(1000).default(''),
  wordLimit: z.number({ error: 'Batas kata wajib diisi' }).int().min(10, 'Batas kata paling sedikit 10').max(5000, 'Batas kata paling banyak 5000'),
});

export const stageInput = z.object({
  code: z.enum(STAGE_CODES, { error: 'Tahap tidak dikenal' }),
  startsOn: isoDate,
  endsOn: isoDate,
  rubricCode: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((v) => v || null),
  judgesPerEntry: z.number().int().min(1, 'Paling sedikit 1 juri per peserta').max(15).default(3),
  advanceKind: z.enum(['none', 'top', 'passing']).default('none'),
  advanceN: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .nullish()
    .transform((v) => v ?? null),
  passingScore: decimalText('Nilai batas lulus')
    .nullish()
    .transform((v) => v ?? null),
  weight: decimalText('Bobot').default('0'),
  normalise: z.boolean().default(false),
});

export const competitionInput = z
  .object({
    name: requiredText('Nama kompetisi', 200),
    year: z.number({ error: 'Tahun wajib diisi' }).int().min(2000).max(2100),
    kind: z.enum(COMPETITION_KINDS, { error: 'Jenis kompetisi tidak dikenal' }),
    description: z.string().trim().max(5000).default(''),
    categories: z.array(categoryInput).min(1, 'Tambahkan paling sedikit satu kategori').max(30),
    eligibility: eligibilityRulesInput,
    sections: z.array(sectionInput).min(1, 'Tambahkan paling sedikit satu bagian proposal').max(30),
    stages: z.array(stageInput).min(2).max(6),
    /**
     * A national competition only: the provinces (2 digits, every region under them) and regions
     * (2.2 digits) that may enter; empty for every region. A region's own competition ignores it.
     */
    participantRegions: z
      .array(z.string().regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah peserta berformat 2 digit (provinsi) atau 2.2 digit (kabupaten/kota)'))
      .max(600, 'Paling banyak 600 wilayah peserta')
      .default([]),
  })
  .superRefine((c, ctx) => {
    const codes = c.stages.map((s) => s.code);
    if (codes[0] !== 'pendaftaran') ctx.addIssue({ code: 'custom', path: ['stages'], message: 'Tahap pertama harus pendaftaran' });
    if (codes.at(-1) !== 'penetapan') ctx.addIssue({ code: 'custom', path: ['stages'], message: 'Tahap terakhir harus penetapan' });
    const order = codes.map((s) => STAGE_CODES.indexOf(s));
    if (order.some((o, i) => i > 0 && o <= (order[i - 1] ?? -1))) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'Tahap harus berurutan dan tidak berulang' });
    }
    if (!c.stages.some((s) => isScoredStage(s.code))) {
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: 'Pilih paling sedikit satu tahap penilaian (proposal, presentasi atau verifikasi lapangan)',
      });
    }
    c.stages.forEach((s, i) => {
      if (s.endsOn < s.startsOn) ctx.addIssue({ code: 'custom', path: ['stages', i, 'endsOn'], message: 'Tanggal selesai sebelum tanggal mulai' });
      if (isScoredStage(s.code) && !s.rubricCode)
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'rubricCode'], message: 'Pilih rubrik penilaian' });
      if (s.advanceKind === 'top' && !s.advanceN) ctx.addIssue({ code: 'custom', path: ['stages', i, 'advanceN'], message: 'Isi jumlah yang lolos' });
      if (s.advanceKind === 'passing' && !s.passingScore) {
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'passingScore'], message: 'Isi nilai batas lulus' });
      }
    });
    const weights = c.stages.filter((s) => isScoredStage(s.code)).reduce((sum, s) => sum + Math.round(Number(s.weight) * 100), 0);
    if (weights !== 10000) ctx.addIssue({ code: 'custom', path: ['stages'], message: 'Bobot tahap penilaian harus berjumlah 100' });
    for (const [list, label] of [
      [c.categories.map((x) => x.code), 'Kode kategori'],
      [c.sections.map((x) => x.code), 'Kode bagian'],
    ] as const) {
      if (new Set(list).size !== list.length) ctx.addIssue({ code: 'custom', path: ['categories'], message: `${label} tidak boleh kembar` });
    }
  });

export const competitionUpdate = z.intersection(competitionInput, z.object({ version: z.number().int().min(1) }));

export const stageView = z.object({
  id: z.string(),
  code: z.enum(STAGE_CODES),
  position: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  rubricCode: z.string().nullable(),
  judgesPerEntry: z.number().int(),
  advanceKind: z.enum(['none', 'top', 'passing']),
  advanceN: z.number().int().nullable(),
  passingScore: z.string().nullable(),
  weight: z.string(),
  normalise: z.boolean(),
  status: z.enum(['menunggu', 'berjalan', 'dikunci']),
  lockedAt: z.string().nullable(),
  advancedAt: z.string().nullable(),
});

export const competitionSummary = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  kind: z.enum(COMPETITION_KINDS),
  status: z.enum(COMPETITION_STATUSES),
  currentStage: z.enum(STAGE_CODES).nullable(),
  entryCount: z.number().int(),
  registrationClosesOn: z.string(),
});

export const COMPETITION_SCOPES = ['region', 'national'] as const;

export const competitionDetail = competitionSummary.extend({
  /** The owning region's code, or `nasional` for a national competition. */
  regionCode: z.string(),
  scope: z.enum(COMPETITION_SCOPES),
  /** A national competition's participating provinces and regions (empty: every region). */
  participantRegions: z.array(z.string()),
  description: z.string(),
  categories: z.array(z.object({ code: z.string(), name: z.string() })),
  eligibility: eligibilityRulesInput,
  sections: z.array(z.object({ code: z.string(), title: z.string(), guidance: z.string(), wordLimit: z.number().int() })),
  stages: z.array(stageView),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do here; the UI shows exactly these controls. */
  abilities: z.object({ manage: z.boolean(), enter: z.boolean() }),
});

export const competitionList = paged(competitionSummary);
/** The national competitions a region may enter, with the region's own entry count. */
export const nationalCompetitionList = z.object({ items: z.array(competitionSummary) });
export const competitionListQuery = pageQuery.extend({ year: z.coerce.number().int().optional() });

export const rubricView = z.object({
  code: z.string(),
  name: z.string(),
  scale: z.object({ min: z.string(), max: z.string(), step: z.string().optional() }),
  criteria: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      weight: z.string(),
      descriptors: z.array(z.object({ score: z.string(), text: z.string() })).optional(),
    }),
  ),
});
export const rubricList = z.object({ items: z.array(rubricView) });

// ---- entries ------------------------------------------------------------------------------------

export const eligibilityFailure = z.object({ rule: z.string(), message: z.string() });

export const candidateInnovation = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.string(),
  tahapan: z.string().nullable(),
  alreadyEntered: z.boolean(),
  eligible: z.boolean(),
  failures: z.array(eligibilityFailure),
});
export const candidateList = z.object({ items: z.array(candidateInnovation) });
export const candidateQuery = z.object({ category: z.string().trim().min(1, 'Pilih kategori').max(40) });

export const entryCreate = z.object({
  innovationId: z.uuid('Pilih inovasi'),
  category: z.string({ error: 'Pilih kategori' }).trim().min(1, 'Pilih kategori').max(40),
});

export const entryUpdate = z.object({
  sections: z.record(z.string(), z.string().max(60_000)),
  videoUrl: z
    .url({ protocol: /^https?$/, error: 'Tautan video harus berupa URL http(s)' })
    .max(500)
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  version: z.number().int().min(1),
});

export const screenBody = z.object({
  decision: z.enum(['lolos', 'tidak_lolos'], { error: 'Pilih lolos atau tidak lolos' }),
  reason: requiredText('Alasan', 1000),
});

export const entrySummary = z.object({
  id: z.string(),
  innovationId: z.string(),
  innovationName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The entering unit's region (several regions enter a national competition). */
  regionCode: z.string(),
  regionName: z.string(),
  category: z.string(),
  status: z.enum(ENTRY_STATUSES),
  screeningReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reachedStage: z.string().nullable(),
});

export const entryAttachment = z.object({
  id: z.string(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  fileName: z.string().nullable(),
  url: z.string().nullable(),
});

export const entryProfile = z.object({
  tahapan: z.string().nullable(),
  jenis: z.string().nullable(),
  bentuk: z.string().nullable(),
  urusanUtama: z.string().nullable(),
  waktuPenerapan: z.string().nullable(),
  tujuan: z.string(),
  manfaat: z.string(),
  hasil: z.string(),
});

export const entryDetail = entrySummary.extend({
  competitionId: z.string(),
  sections: z.record(z.string(), z.string()),
  videoUrl: z.string().nullable(),
  profile: entryProfile,
  attachments: z.array(entryAttachment),
  version: z.number().int(),
  canEdit: z.boolean(),
});

export const entryList = paged(entrySummary);
export const entryListQuery = pageQuery.extend({
  category: z.string().max(40).optional(),
  status: z.enum(ENTRY_STATUSES).optional(),
  sort: z.enum(['innovation', 'unit', 'submitted']).default('innovation'),
});

export const entryLinkBody = z.object({
  title: requiredText('Judul lampiran', 200),
  url: z.url({ protocol: /^https?$/, error: 'Tautan harus berupa URL http(s)' }).max(1000),
});
export const entryFileQuery = z.object({
  fileName: requiredText('Nama berkas', 255),
  title: optionalText('Judul', 200),
});

// ---- judges -------------------------------------------------------------------------------------

export const panelJudge = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  username: z.string(),
  conflictEntryIds: z.array(z.string()),
  conflictUnitIds: z.array(z.string()),
  conflictNote: z.string(),
  assigned: z.number().int(),
  submitted: z.number().int(),
});
export const panelView = z.object({
  stageId: z.string(),
  judges: z.array(panelJudge),
  shortfalls: z.array(z.object({ entryId: z.string(), innovationName: z.string(), assigned: z.number().int(), needed: z.number().int() })),
  sheets: z.array(
    z.object({
      id: z.string(),
      entryId: z.string(),
      innovationName: z.string(),
      judgeUserId: z.string(),
      judgeName: z.string(),
      status: z.enum(['draft', 'submitted']),
      reopenReason: z.string().nullable(),
    }),
  ),
});
export const panelAdd = z.object({ userId: z.uuid('Pilih juri') });
export const judgeCandidates = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string(), username: z.string(), regionName: z.string().optional() })),
});
export const reopenBody = z.object({ reason: requiredText('Alasan membuka kembali', 1000) });

// ---- results ------------------------------------------------------------------------------------

export const stageResultItem = z.object({
  entryId: z.string(),
  innovationName: z.string(),
  unitName: z.string(),
  regionName: z.string().optional(),
  category: z.string(),
  score: z.string(),
  rank: z.number().int(),
  tied: z.boolean(),
  judgeCount: z.number().int(),
  perCriterion: z.record(z.string(), z.string()),
  advanced: z.boolean(),
});
export const stageResults = z.object({
  stageId: z.string(),
  code: z.enum(STAGE_CODES),
  locked: z.boolean(),
  advanced: z.boolean(),
  items: z.array(stageResultItem),
  outliers: z.array(z.object({ entryId: z.string(), judgeName: z.string(), innovationName: z.string(), deviation: z.string() })),
  judges: z.array(z.object({ judgeName: z.string(), mean: z.string(), sd: z.string() })),
});
export const advanceBody = z.object({
  kind: z.enum(['top', 'passing']),
  n: z.number().int().min(1).max(1000).optional(),
  min: decimalText('Nilai batas lulus').optional(),
});
export const finaliseBody = z.object({ decreeNumber: requiredText('Nomor keputusan', 200), decreeDate: isoDate });

// ---- the judge's own pages ------------------------------------------------------------------------

export const judgeAssignment = z.object({
  sheetId: z.string(),
  competitionId: z.string(),
  competitionName: z.string(),
  /** The competition's kind: an IGA preparation names its presentation stage "Gladi presentasi". */
  competitionKind: z.enum(COMPETITION_KINDS),
  stageCode: z.enum(STAGE_CODES),
  stageEndsOn: z.string(),
  stageLocked: z.boolean(),
  entryId: z.string(),
  innovationName: z.string(),
  category: z.string(),
  status: z.enum(['draft', 'submitted']),
  scoredCriteria: z.number().int(),
  criteriaCount: z.number().int(),
});
export const judgeHome = z.object({
  items: z.array(judgeAssignment),
  panels: z.array(
    z.object({
      competitionId: z.string(),
      competitionName: z.string(),
      conflictUnitIds: z.array(z.string()),
      conflictEntryIds: z.array(z.string()),
      conflictNote: z.string(),
    }),
  ),
});
export const conflictBody = z.object({
  conflictUnitIds: z.array(z.uuid()).max(200),
  conflictEntryIds: z.array(z.uuid()).max(200),
  note: z.string().trim().max(1000).default(''),
});
export const sheetDetail = z.object({
  id: z.string(),
  status: z.enum(['draft', 'submitted']),
  scores: z.record(z.string(), z.string()),
  comments: z.record(z.string(), z.string()),
  version: z.number().int(),
  reopenReason: z.string().nullable(),
  competitionName: z.string(),
  stageCode: z.enum(STAGE_CODES),
  stageLocked: z.boolean(),
  rubric: rubricView,
  entry: z.object({
    id: z.string(),
    /** The entry's region (its files live there); a national competition's entries come from many. */
    regionCode: z.string(),
    innovationName: z.string(),
    category: z.string(),
    videoUrl: z.string().nullable(),
    profile: entryProfile,
    sections: z.array(z.object({ code: z.string(), title: z.string(), text: z.string() })),
    attachments: z.array(entryAttachment),
  }),
  /** Null until the stage is locked: scoring is blind. */
  total: z.string().nullable(),
});
export const sheetSave = z.object({
  scores: z.record(z.string(), z.string().trim().max(20)),
  comments: z.record(z.string(), z.string().max(2000)).default({}),
  version: z.number().int().min(1),
});

// ---- public ---------------------------------------------------------------------------------------

export const publicCompetitionList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      year: z.number().int(),
      kind: z.string(),
      stage: z.string(),
      /** national: a national competition in which the region has entries. */
      scope: z.enum(COMPETITION_SCOPES).optional(),
    }),
  ),
});
export const publicResults = z.object({
  published: z.literal(true),
  competition: z.object({ id: z.string(), name: z.string(), year: z.number().int(), kind: z.string(), regionCode: z.string() }),
  decree: z.object({ number: z.string(), date: z.string() }),
  criteria: z.array(z.object({ code: z.string(), name: z.string(), weight: z.string() })),
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      ranking: z.array(
        z.object({
          rank: z.number().int(),
          innovationId: z.string(),
          name: z.string(),
          unitName: z.string(),
          /** The unit's region, shown beside it in a national competition's ranking. */
          regionName: z.string().optional(),
          score: z.string(),
          perCriterion: z.record(z.string(), z.string()),
          /** With a public vote: the entry's confirmed votes and its vote score (votes ÷ the most votes × 100). */
          votes: z.number().int().nullable().optional(),
          voteScore: z.string().nullable().optional(),
        }),
      ),
    }),
  ),
  /** The public vote's share of the final score in percent; null without a public vote. */
  voteShare: z.string().nullable().optional(),
});

export type CompetitionInput = z.output<typeof competitionInput>;
export type CompetitionDetail = z.output<typeof competitionDetail>;
export type CompetitionSummary = z.output<typeof competitionSummary>;
export type EntryDetail = z.output<typeof entryDetail>;
export type EntrySummary = z.output<typeof entrySummary>;
export type SheetDetail = z.output<typeof sheetDetail>;
export type StageResults = z.output<typeof stageResults>;
export type PanelView = z.output<typeof panelView>;
export type PublicResults = z.output<typeof publicResults>;
export type JudgeHome = z.output<typeof judgeHome>;
export type RubricView = z.output<typeof rubricView>;
