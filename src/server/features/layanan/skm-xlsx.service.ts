/**
 * The survey's spreadsheets: the raw answers of a period (typed cells: numbers stay numbers, dates
 * dates, so a statistician can work on them at once), and the entry of paper forms: a template, and
 * an import that checks every row first (each error names its row and column) and stores all rows or
 * none. Operators enter and see the answers of their own unit's services only.
 */
import type ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import { AGE_GROUPS, EDUCATIONS, GENDERS, OCCUPATIONS, UNSUR_KEYS, type UnsurKey, VULNERABLE } from '#domain/services/skm.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { services, skmResponses, units } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { readSheet, type SheetColumn, streamSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { insertResponses, type NewResponse } from './skm-responses.service.ts';
import { loadSkmPeriod, periodLabel, type SkmPeriodRow, servicesOfPeriod } from './skm-periods.service.ts';

/** How people read the profile codes (reports, spreadsheets). */
export const PROFILE_LABELS: Record<string, Record<string, string>> = {
  gender: { laki_laki: 'Laki-laki', perempuan: 'Perempuan' },
  ageGroup: {
    '<20': 'Di bawah 20 tahun',
    '20-29': '20–29 tahun',
    '30-39': '30–39 tahun',
    '40-49': '40–49 tahun',
    '50-59': '50–59 tahun',
    '60+': '60 tahun ke atas',
  },
  education: { tidak_sekolah: 'Tidak sekolah', sd: 'SD', smp: 'SMP', sma: 'SMA/SMK', diploma: 'Diploma', s1: 'S1', s2_s3: 'S2/S3' },
  occupation: {
    pns_tni_polri: 'PNS/TNI/Polri',
    pegawai_swasta: 'Pegawai swasta',
    wiraswasta: 'Wiraswasta',
    pelajar_mahasiswa: 'Pelajar/mahasiswa',
    petani_nelayan: 'Petani/nelayan',
    ibu_rumah_tangga: 'Ibu rumah tangga',
    lainnya: 'Lainnya',
  },
  vulnerable: {
    tidak: 'Bukan kelompok rentan',
    disabilitas: 'Penyandang disabilitas',
    lansia: 'Lanjut usia',
    ibu_hamil_menyusui: 'Ibu hamil/menyusui',
    anak: 'Anak',
    lainnya: 'Kelompok rentan lain',
  },
};

export const CHANNEL_LABELS: Record<string, string> = { tautan: 'Tautan/QR', kiosk: 'Kios', kertas: 'Formulir kertas' };

const label = (group: string, code: string | null) => (code === null ? null : (PROFILE_LABELS[group]?.[code] ?? code));

/** A spreadsheet date for a YYYY-MM-DD text (midnight UTC, which a sheet shows as that day). */
const sheetDate = (text: string | null) => (text ? new Date(`${text}T00:00:00Z`) : null);

async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

const operatorUnit = (actor: Actor) => (actor.role === 'operator' ? (actor.unitId ?? '00000000-0000-0000-0000-000000000000') : null);

// ---- export ------------------------------------------------------------------------------------

/** Answers per database read of the raw-answers export (a period can hold 100,000 of them). */
const EXPORT_BATCH_ROWS = 2000;

/**
 * The period's answers in the order they came in (time, then id), a keyset page at a time. The cursor is
 * the stored time as text, not a JavaScript Date: the database keeps microseconds, a Date only
 * milliseconds, and a rounded cursor would skip or repeat answers given in the same millisecond.
 */
async function* responseBatches(db: DbOrTx, periodId: string, unitId: string | null) {
  let after: { at: string; id: string } | null = null;
  let no = 0;
  for (;;) {
    const page = await db
      .select({ r: skmResponses, serviceName: services.name, unitName: units.name, cursorAt: sql<string>`${skmResponses.createdAt}::text` })
      .from(skmResponses)
      .innerJoin(services, eq(services.id, skmResponses.serviceId))
      .innerJoin(units, eq(units.id, services.unitId))
      .where(
        and(
          eq(skmResponses.periodId, periodId),
          unitId ? eq(services.unitId, unitId) : undefined,
          after ? sql`(${skmResponses.createdAt}, ${skmResponses.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(skmResponses.createdAt), asc(skmResponses.id))
      .limit(EXPORT_BATCH_ROWS);
    const last = page.at(-1);
    if (!last) return;
    yield page.map((row) => ({ ...row, no: ++no }));
    if (page.length < EXPORT_BATCH_ROWS) return;
    after = { at: last.cursorAt, id: last.r.id };
  }
}

type ResponseLine = { no: number; r: typeof skmResponses.$inferSelect; serviceName: string; unitName: string };

const UNSUR_VALUE: Record<UnsurKey, (r: ResponseLine['r']) => number | null> = {
  U1: (r) => r.u1,
  U2: (r) => r.u2,
  U3: (r) => r.u3,
  U4: (r) => r.u4,
  U5: (r) => r.u5,
  U6: (r) => r.u6,
  U7: (r) => r.u7,
  U8: (r) => r.u8,
  U9: (r) => r.u9,
};

const RESPONSE_COLUMNS: SheetColumn<ResponseLine>[] = [
  { header: 'No.', width: 7, value: (l) => l.no },
  { header: 'Waktu', width: 18, numFmt: 'yyyy-mm-dd hh:mm', value: (l) => l.r.createdAt },
  { header: 'Unit', width: 30, value: (l) => l.unitName },
  { header: 'Layanan', width: 34, value: (l) => l.serviceName },
  { header: 'Kanal', width: 14, value: (l) => CHANNEL_LABELS[l.r.channel] ?? l.r.channel },
  ...UNSUR_KEYS.map((k): SheetColumn<ResponseLine> => ({ header: k, width: 5, numFmt: '0', value: (l) => UNSUR_VALUE[k](l.r) })),
  { header: 'Jenis kelamin', width: 13, value: (l) => label('gender', l.r.gender) },
  { header: 'Usia', width: 16, value: (l) => label('ageGroup', l.r.ageGroup) },
  { header: 'Pendidikan', width: 12, value: (l) => label('education', l.r.education) },
  { header: 'Pekerjaan', width: 18, value: (l) => label('occupation', l.r.occupation) },
  { header: 'Kelompok rentan', width: 20, value: (l) => label('vulnerable', l.r.vulnerable) },
  { header: 'Tanggal layanan', width: 14, numFmt: 'yyyy-mm-dd', value: (l) => sheetDate(l.r.serviceDate) },
  { header: 'Saran', width: 60, value: (l) => l.r.suggestion },
];

/**
 * Every answer of the period (an operator: of their unit's services), streamed: a busy period holds
 * 100,000 answers and is written in batches, never loaded whole (`streamSheet` says what a failure does).
 */
export async function exportResponses(db: DbOrTx, period: SkmPeriodRow, actor: Actor): Promise<Readable> {
  return streamSheet(`SKM ${periodLabel(period)}`, RESPONSE_COLUMNS, responseBatches(db, period.id, operatorUnit(actor)));
}

// ---- paper forms ---------------------------------------------------------------------------------

const COLUMN_LABELS = {
  service: 'Layanan',
  serviceDate: 'Tanggal layanan',
  ...Object.fromEntries(UNSUR_KEYS.map((k) => [k, k])),
  gender: 'Jenis kelamin',
  ageGroup: 'Usia',
  education: 'Pendidikan',
  occupation: 'Pekerjaan',
  vulnerable: 'Kelompok rentan',
  suggestion: 'Saran',
} as Record<string, string>;

const HEADER_MAP: Record<string, string> = Object.fromEntries(Object.entries(COLUMN_LABELS).map(([key, header]) => [header.toLowerCase(), key]));

const PROFILE_CODES: Record<string, readonly string[]> = {
  gender: GENDERS,
  ageGroup: AGE_GROUPS,
  education: EDUCATIONS,
  occupation: OCCUPATIONS,
  vulnerable: VULNERABLE,
};
const EXTRA_SPELLINGS: Record<string, Record<string, string>> = {
  gender: { l: 'laki_laki', 'laki-laki': 'laki_laki', p: 'perempuan', lk: 'laki_laki', pr: 'perempuan' },
  education: { sma: 'sma', smk: 'sma', s2: 's2_s3', s3: 's2_s3', d3: 'diploma' },
  vulnerable: { '-': 'tidak', bukan: 'tidak' },
};

/** A profile cell: the code, its label, or a common spelling; undefined when unknown, null when blank. */
function parseProfile(group: string, text: string): string | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  const codes = PROFILE_CODES[group] ?? [];
  if (codes.includes(value)) return value;
  const byLabel = Object.entries(PROFILE_LABELS[group] ?? {}).find(([, l]) => l.toLowerCase() === value);
  if (byLabel) return byLabel[0];
  return EXTRA_SPELLINGS[group]?.[value];
}

/** YYYY-MM-DD, DD/MM/YYYY or a date cell (read as an ISO time); null when blank, undefined when unreadable. */
function parseDate(text: string): string | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  let iso: string | undefined;
  const ymd = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (ymd) iso = `${ymd[1]}-${ymd[2]}-${ymd[3]}`;
  else if (dmy) iso = `${dmy[3]}-${(dmy[2] ?? '').padStart(2, '0')}-${(dmy[1] ?? '').padStart(2, '0')}`;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  errors: Array<{ row: number; field: string; reason: string }>;
}

/**
 * Imports paper forms into an open period. Every row is checked first; any error stores nothing, so a
 * corrected file can be sent again without counting anything twice.
 */
export async function importPaperResponses(
  ctx: ServiceContext,
  regionCode: string,
  periodId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<ImportReport> {
  const period = await loadSkmPeriod(ctx.db, regionCode, periodId);
  if (period.status !== 'dibuka') throw new AppError('SKM_PERIOD_LOCKED');
  const sheetRows = await readSheet(file, HEADER_MAP, ['service', ...UNSUR_KEYS]);
  const unitId = operatorUnit(ctx.actor);
  const members = await servicesOfPeriod(ctx.db, period);
  const byName = new Map(members.map((m) => [m.serviceName.toLowerCase(), m]));
  const errors: ImportReport['errors'] = [];
  const planned: NewResponse[] = [];
  const err = (row: number, key: string, reason: string) => errors.push({ row, field: COLUMN_LABELS[key] ?? key, reason });

  for (const { rowNumber, cells } of sheetRows) {
    const before = errors.length;
    const name = (cells.service ?? '').trim();
    const service = byName.get(name.toLowerCase());
    if (!name) err(rowNumber, 'service', 'Nama layanan wajib diisi');
    else if (!service) err(rowNumber, 'service', `Layanan "${name}" tidak termasuk periode survei ${periodLabel(period)}`);
    else if (unitId && service.unitId !== unitId) err(rowNumber, 'service', `Layanan "${name}" bukan layanan unit Anda`);
    const answers = {} as Record<UnsurKey, number | null>;
    for (const k of UNSUR_KEYS) {
      const text = (cells[k] ?? '').trim();
      const value = Number(text);
      if (text === '') err(rowNumber, k, `Jawaban ${k} wajib diisi (1–4)`);
      else if (!Number.isInteger(value) || value < 1 || value > 4) err(rowNumber, k, `Jawaban ${k} harus 1, 2, 3 atau 4; tertulis "${text}"`);
      answers[k] = value;
    }
    const profile: Record<string, string | null> = {};
    for (const group of Object.keys(PROFILE_CODES)) {
      const text = cells[group] ?? '';
      const parsed = parseProfile(group, text);
      if (parsed === undefined) {
        err(rowNumber, group, `"${text}" tidak dikenal; gunakan salah satu: ${Object.values(PROFILE_LABELS[group] ?? {}).join(', ')}`);
      } else profile[group] = parsed;
    }
    const serviceDate = parseDate(cells.serviceDate ?? '');
    if (serviceDate === undefined) err(rowNumber, 'serviceDate', 'Tanggal layanan harus berupa tanggal (YYYY-MM-DD atau DD/MM/YYYY)');
    const suggestion = (cells.suggestion ?? '').trim();
    if (suggestion.length > 2000) err(rowNumber, 'suggestion', 'Saran paling banyak 2000 karakter');
    if (errors.length > before || !service) continue;
    planned.push({
      regionCode,
      periodId: period.id,
      serviceId: service.serviceId,
      answers,
      gender: profile.gender ?? null,
      ageGroup: profile.ageGroup ?? null,
      education: profile.education ?? null,
      occupation: profile.occupation ?? null,
      vulnerable: profile.vulnerable ?? null,
      serviceDate: serviceDate ?? null,
      suggestion: suggestion || null,
      channel: 'kertas',
      enteredBy: ctx.actor.id,
    });
  }
  if (sheetRows.length === 0) errors.push({ row: 2, field: 'file', reason: 'Berkas tidak memuat satu baris jawaban pun' });
  if (errors.length > 0 || dryRun) return { dryRun, created: errors.length > 0 ? 0 : planned.length, updated: 0, errors };
  await ctx.db.transaction(async (tx) => {
    // The period may have been closed while the file was checked.
    const current = await loadSkmPeriod(tx, regionCode, periodId);
    if (current.status !== 'dibuka') throw new AppError('SKM_PERIOD_LOCKED');
    await insertResponses(tx, planned);
    await recordAudit(tx, ctx, {
      action: 'skm_response.imported',
      entityType: 'skm_period',
      entityId: period.id,
      regionCode,
      after: { rows: planned.length, services: [...new Set(planned.map((p) => p.serviceId))] },
    });
  });
  return { dryRun, created: planned.length, updated: 0, errors: [] };
}

/** The paper-form template: the columns to fill, and a sheet listing the services and the accepted values. */
export async function paperTemplate(db: DbOrTx, period: SkmPeriodRow, actor: Actor): Promise<Buffer> {
  const members = await servicesOfPeriod(db, period, operatorUnit(actor));
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const form = workbook.addWorksheet('Formulir');
  form.columns = Object.values(COLUMN_LABELS).map((header) => ({ header, width: header.length <= 2 ? 5 : Math.max(14, header.length + 4) }));
  form.getRow(1).font = { bold: true };
  form.views = [{ state: 'frozen', ySplit: 1 }];
  const guide = workbook.addWorksheet('Petunjuk');
  guide.columns = [{ width: 28 }, { width: 70 }];
  const lines: Array<[string, string]> = [
    ['Periode', periodLabel(period)],
    ['Satu baris', 'satu formulir responden'],
    ['U1 sampai U9', 'jawaban 1, 2, 3 atau 4 (wajib)'],
    ['Tanggal layanan', 'YYYY-MM-DD atau DD/MM/YYYY (boleh kosong)'],
    ...Object.entries(PROFILE_LABELS).map(([group, labels]): [string, string] => [COLUMN_LABELS[group] ?? group, Object.values(labels).join('; ')]),
    ['', ''],
    ['Layanan (tulis persis):', ''],
    ...members.map((m): [string, string] => [m.serviceName, m.unitName]),
  ];
  for (const line of lines) guide.addRow(line);
  guide.getColumn(1).font = { bold: true };
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
