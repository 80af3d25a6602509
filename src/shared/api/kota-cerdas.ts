/**
 * The contract of the kota cerdas module: masterplans with their dimensions and elements, programmes
 * (funding per year and source, outputs with yearly KPI targets, linked innovations), quarterly
 * progress, and the public summary (`public` tag: a region's website may show it; keep it stable).
 * Money and KPI figures travel as decimal strings, never as floats.
 */
import { z } from 'zod';
import { FUNDING_SOURCES, PROGRAMME_KINDS, PROGRAMME_STATUSES, PROGRESS_STATUSES } from '../../domain/kota-cerdas/dimensions.ts';
import { optionalText, pageQuery, paged, requiredText, sortOrder } from './common.ts';

export { FUNDING_SOURCES, PROGRAMME_KINDS, PROGRAMME_STATUSES, PROGRESS_STATUSES };

const year = (label: string) =>
  z
    .number({ error: `${label} wajib berupa tahun` })
    .int(`${label} wajib berupa tahun`)
    .min(2000, `${label} paling awal 2000`)
    .max(2100, `${label} paling akhir 2100`);
const quarter = (label: string) =>
  z
    .number({ error: `${label} wajib 1–4` })
    .int(`${label} wajib 1–4`)
    .min(1, `${label} wajib 1–4`)
    .max(4, `${label} wajib 1–4`);

/** Rupiah with up to 2 decimals, written with a dot: "1250000" or "1250000.50". */
export const amountText = (label: string) =>
  z
    .string({ error: `${label} wajib berupa angka` })
    .trim()
    .regex(/^\d{1,16}(\.\d{1,2})?$/, `${label} harus berupa angka rupiah tanpa titik ribuan, mis. 1250000 atau 1250000.50`);

/** A KPI figure: a non-negative number with up to 4 decimals ("12", "12.5"). */
export const figureText = (label: string) =>
  z
    .string({ error: `${label} wajib berupa angka` })
    .trim()
    .regex(/^\d{1,16}(\.\d{1,4})?$/, `${label} harus berupa angka, mis. 12 atau 12.5`);

const code = (label: string) =>
  z
    .string({ error: `${label} wajib diisi` })
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, `${label} hanya huruf kecil, angka dan garis bawah (paling banyak 40)`);

export const programmeKind = z.enum(PROGRAMME_KINDS, { error: 'Jenis program harus quick_win, jangka_pendek, jangka_menengah atau jangka_panjang' });
export const progressStatus = z.enum(PROGRESS_STATUSES, { error: 'Status harus berjalan, selesai atau terhambat' });
export const programmeStatus = z.enum(PROGRAMME_STATUSES);
export const fundingSource = z.enum(FUNDING_SOURCES, { error: 'Sumber dana harus apbd, apbn, csr, kpbu atau hibah' });

// ---- masterplan ------------------------------------------------------------------------------------

const masterplanFields = z.object({
  title: requiredText('Judul masterplan', 200),
  startYear: year('Tahun awal'),
  endYear: year('Tahun akhir'),
  rpjmdPeriod: optionalText('Periode RPJMD', 100),
  perkadaNumber: optionalText('Nomor Perkada', 100),
  perkadaDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal Perkada berformat TTTT-BB-HH')
    .nullish()
    .transform((v) => v ?? null),
  vision: z
    .string()
    .trim()
    .max(5000, 'Visi paling banyak 5000 karakter')
    .nullish()
    .transform((v) => v ?? ''),
  isActive: z.boolean().default(true),
});
const spanOrdered = (m: { startYear: number; endYear: number }) => m.startYear <= m.endYear;
const spanMessage = { path: ['endYear'], message: 'Tahun akhir tidak boleh sebelum tahun awal' };

export const masterplanInput = masterplanFields.refine(spanOrdered, spanMessage);
export const masterplanUpdate = masterplanFields.extend({ version: z.number().int().min(1) }).refine(spanOrdered, spanMessage);

export const dimensionsInput = z.object({
  dimensions: z
    .array(
      z.object({
        id: z.uuid().nullish(),
        code: code('Kode dimensi'),
        name: requiredText('Nama dimensi', 120),
        baselineText: z
          .string()
          .trim()
          .max(3000, 'Baseline paling banyak 3000 karakter')
          .nullish()
          .transform((v) => v ?? ''),
        baselineFigure: figureText('Angka baseline')
          .nullish()
          .transform((v) => v ?? null),
        baselineUnit: optionalText('Satuan baseline', 60),
        elements: z
          .array(z.object({ id: z.uuid().nullish(), code: code('Kode elemen'), name: requiredText('Nama elemen', 160) }))
          .min(1, 'Setiap dimensi memerlukan paling sedikit satu elemen')
          .max(20),
      }),
    )
    .min(1, 'Masterplan memerlukan paling sedikit satu dimensi')
    .max(12, 'Paling banyak 12 dimensi'),
});

export const attachmentItem = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: z.string(),
});

export const fundingRow = z.object({
  year: z.number().int(),
  apbd: z.string(),
  apbn: z.string(),
  csr: z.string(),
  kpbu: z.string(),
  hibah: z.string(),
  total: z.string(),
});
export const fundingTable = z.object({ rows: z.array(fundingRow), totals: fundingRow.omit({ year: true }) });

export const programmeSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: programmeKind,
  stage: z.string().nullable(),
  dimensionId: z.string(),
  dimensionCode: z.string(),
  dimensionName: z.string(),
  elementId: z.string(),
  elementName: z.string(),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  startYear: z.number().int(),
  startQuarter: z.number().int(),
  endYear: z.number().int(),
  endQuarter: z.number().int(),
  status: programmeStatus,
  /** Percent with 2 decimals ("62.50"), or null when the programme has no KPI target yet. */
  progress: z.string().nullable(),
  lastReport: z.object({ year: z.number().int(), quarter: z.number().int() }).nullable(),
  canReport: z.boolean(),
});
export type ProgrammeSummary = z.output<typeof programmeSummary>;

export const element = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const dimension = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  baselineText: z.string(),
  baselineFigure: z.string().nullable(),
  baselineUnit: z.string().nullable(),
  elements: z.array(element),
});

export const masterplanSummary = z.object({
  id: z.string(),
  title: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  isActive: z.boolean(),
  programmeCount: z.number().int(),
});
export const masterplanList = z.object({ items: z.array(masterplanSummary) });

export const masterplanDetail = z.object({
  id: z.string(),
  regionCode: z.string(),
  title: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  rpjmdPeriod: z.string().nullable(),
  perkadaNumber: z.string().nullable(),
  perkadaDate: z.string().nullable(),
  vision: z.string(),
  isActive: z.boolean(),
  version: z.number().int(),
  dimensions: z.array(dimension),
  documents: z.array(attachmentItem),
  programmes: z.array(programmeSummary),
  funding: fundingTable,
  progressRule: z.string(),
  abilities: z.object({ canManage: z.boolean(), canReport: z.boolean() }),
});
export type MasterplanDetail = z.output<typeof masterplanDetail>;

// ---- programmes ------------------------------------------------------------------------------------

const programmeFields = z.object({
  elementId: z.uuid('Elemen wajib dipilih'),
  name: requiredText('Nama program', 200),
  description: z
    .string()
    .trim()
    .max(5000, 'Uraian paling banyak 5000 karakter')
    .nullish()
    .transform((v) => v ?? ''),
  kind: programmeKind,
  stage: optionalText('Tahap', 60),
  leadUnitId: z.uuid('Unit pengampu wajib dipilih'),
  supportUnitIds: z.array(z.uuid('Unit pendukung tidak valid')).max(40).default([]),
  rpjmdProgramCode: optionalText('Kode program RPJMD', 60),
  startYear: year('Tahun mulai'),
  startQuarter: quarter('Triwulan mulai'),
  endYear: year('Tahun selesai'),
  endQuarter: quarter('Triwulan selesai'),
  funding: z
    .array(z.object({ year: year('Tahun anggaran'), source: fundingSource, amount: amountText('Jumlah dana') }))
    .max(200)
    .default([]),
  outputs: z
    .array(
      z.object({
        id: z.uuid().nullish(),
        name: requiredText('Nama keluaran', 200),
        kpiName: requiredText('Nama indikator (KPI)', 200),
        unitOfMeasure: requiredText('Satuan', 60),
        targets: z.array(z.object({ year: year('Tahun target'), target: figureText('Target') })).max(30),
      }),
    )
    .max(30)
    .default([]),
  innovationIds: z.array(z.uuid('Inovasi tidak valid')).max(50).default([]),
});

type ProgrammeShape = z.output<typeof programmeFields>;

/** Span, and every year named in funding and targets within it; no year and source twice. */
function checkProgramme(p: ProgrammeShape, ctx: z.RefinementCtx): void {
  if (p.startYear * 4 + p.startQuarter > p.endYear * 4 + p.endQuarter) {
    ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'Akhir program tidak boleh sebelum mulainya' });
    return;
  }
  const seen = new Set<string>();
  p.funding.forEach((f, i) => {
    if (f.year < p.startYear || f.year > p.endYear)
      ctx.addIssue({
        code: 'custom',
        path: ['funding', i, 'year'],
        message: `Tahun anggaran ${f.year} di luar masa program (${p.startYear}–${p.endYear})`,
      });
    const key = `${f.year}/${f.source}`;
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: ['funding', i, 'source'], message: `Dana ${f.source} tahun ${f.year} tercantum dua kali` });
    seen.add(key);
  });
  p.outputs.forEach((o, i) => {
    const years = new Set<number>();
    o.targets.forEach((t, j) => {
      if (t.year < p.startYear || t.year > p.endYear)
        ctx.addIssue({ code: 'custom', path: ['outputs', i, 'targets', j, 'year'], message: `Tahun target ${t.year} di luar masa program` });
      if (years.has(t.year))
        ctx.addIssue({ code: 'custom', path: ['outputs', i, 'targets', j, 'year'], message: `Target tahun ${t.year} tercantum dua kali` });
      years.add(t.year);
    });
  });
  if (p.supportUnitIds.includes(p.leadUnitId))
    ctx.addIssue({ code: 'custom', path: ['supportUnitIds'], message: 'Unit pengampu tidak perlu dicantumkan lagi sebagai unit pendukung' });
}

export const programmeInput = programmeFields.extend({ masterplanId: z.uuid('Masterplan wajib dipilih') }).superRefine(checkProgramme);
export const programmeUpdate = programmeFields.extend({ version: z.number().int().min(1) }).superRefine(checkProgramme);
export type ProgrammeFields = ProgrammeShape;

export const programmeListQuery = pageQuery.extend({
  masterplanId: z.uuid('Masterplan tidak valid').optional(),
  dimensionId: z.uuid('Dimensi tidak valid').optional(),
  kind: programmeKind.optional(),
  status: programmeStatus.optional(),
  unitId: z.uuid('Unit tidak valid').optional(),
  /** `kind`: quick wins first, then the plan's dimensions in order (the masterplan's own order). */
  sort: z.enum(['kind', 'name', 'leadUnit', 'start', 'dimension']).default('kind'),
  order: sortOrder,
});
export const programmeList = paged(programmeSummary);

export const progressReport = z.object({
  id: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  status: progressStatus,
  obstacle: z.string().nullable(),
  note: z.string(),
  budgetRealised: z.string(),
  figures: z.array(z.object({ outputId: z.string(), realised: z.string() })),
  evidence: z.array(attachmentItem),
  reportedByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ProgressReport = z.output<typeof progressReport>;

export const programmeDetail = programmeSummary.extend({
  masterplan: z.object({ id: z.string(), title: z.string(), startYear: z.number().int(), endYear: z.number().int() }),
  description: z.string(),
  rpjmdProgramCode: z.string().nullable(),
  supportUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  funding: fundingTable,
  budgetRealisedTotal: z.string(),
  outputs: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kpiName: z.string(),
      unitOfMeasure: z.string(),
      targets: z.array(z.object({ year: z.number().int(), target: z.string() })),
    }),
  ),
  innovations: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string(), status: z.string() })),
  reports: z.array(progressReport),
  progressRule: z.string(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type ProgrammeDetail = z.output<typeof programmeDetail>;

export const quarterParams = z.object({
  year: z.coerce.number().int('Tahun tidak valid').min(2000, 'Tahun tidak valid').max(2100, 'Tahun tidak valid'),
  quarter: z.coerce.number().int('Triwulan wajib 1–4').min(1, 'Triwulan wajib 1–4').max(4, 'Triwulan wajib 1–4'),
});

export const progressInput = z
  .object({
    status: progressStatus,
    obstacle: optionalText('Kendala', 2000),
    note: z
      .string()
      .trim()
      .max(3000, 'Catatan paling banyak 3000 karakter')
      .nullish()
      .transform((v) => v ?? ''),
    budgetRealised: amountText('Realisasi anggaran').default('0'),
    figures: z.array(z.object({ outputId: z.uuid('Keluaran tidak valid'), realised: figureText('Realisasi KPI') })).max(30),
    version: z.number().int().min(1).nullish(),
  })
  .refine((r) => r.status !== 'terhambat' || r.obstacle !== null, {
    path: ['obstacle'],
    message: 'Status terhambat wajib disertai kendala/alasannya',
  });

export const innovationProgrammes = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: programmeKind,
      masterplanTitle: z.string(),
      status: programmeStatus,
      progress: z.string().nullable(),
    }),
  ),
});

export const evidenceQuery = z.object({ title: z.string().trim().max(200).optional() });

// ---- public ------------------------------------------------------------------------------------------

export const publicSmartCity = z
  .object({
    masterplan: z.object({
      title: z.string(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      dimensions: z.array(z.object({ code: z.string(), name: z.string(), elements: z.array(z.object({ code: z.string(), name: z.string() })) })),
    }),
    programmes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        dimension: z.string().describe('Kode dimensi'),
        element: z.string().describe('Kode elemen dalam dimensinya'),
        kind: programmeKind,
        leadUnit: z.string(),
        status: programmeStatus,
        progress: z.string().nullable().describe('Persen, 2 desimal; null bila belum ada target KPI'),
      }),
    ),
  })
  .meta({ id: 'PublicSmartCity' });
export type PublicSmartCity = z.output<typeof publicSmartCity>;
