/**
 * The national validation result of a period, imported by the region's admin from the XLSX template
 * (docs/iid-nasional.md): one DAERAH line with the region's national index, rank and predicate, and one
 * INOVASI line per innovation with its national score and status. Every row is checked first and its errors
 * listed in Indonesian; a dry run writes nothing, and a real run with any error writes nothing either. A clean
 * real run replaces the period's earlier result in one transaction, with one audit entry.
 */
import { and, eq } from 'drizzle-orm';
import { COUNTED_STATUSES } from '#domain/iid/projection.ts';
import type { NationalImportReport } from '#shared/api/iid-national.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { iidNationalInnovationResults, iidNationalResults, innovations } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { RequestOrigin, ServiceContext, SessionActor } from '#server/http/context.ts';
import { readSheet, type SheetColumn, type SheetRow, writeSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';
import { findIidPeriod } from './iid.queries.ts';

/** The template's columns, in order; the import accepts them in any order and case. */
export const NATIONAL_TEMPLATE_HEADERS = {
  kind: 'Jenis baris',
  innovationId: 'ID inovasi',
  name: 'Nama inovasi',
  score: 'Skor nasional',
  status: 'Status nasional',
  note: 'Catatan',
  index: 'Indeks nasional',
  rank: 'Peringkat nasional',
  predicate: 'Predikat',
} as const;

type ColumnKey = keyof typeof NATIONAL_TEMPLATE_HEADERS;
const H = NATIONAL_TEMPLATE_HEADERS;
const HEADER_MAP: Record<string, string> = Object.fromEntries(Object.values(H).map((h) => [h.toLowerCase(), h]));

/** The national status of an innovation, and the words the national sheets use for it. */
export const NATIONAL_STATUSES = { valid: 'Valid', tidak_valid: 'Tidak valid' } as const;
const STATUS_WORDS: Record<string, keyof typeof NATIONAL_STATUSES> = {
  valid: 'valid',
  diterima: 'valid',
  lolos: 'valid',
  terverifikasi: 'valid',
  'tidak valid': 'tidak_valid',
  tidak_valid: 'tidak_valid',
  ditolak: 'tidak_valid',
  'tidak lolos': 'tidak_valid',
  'tidak terverifikasi': 'tidak_valid',
};

const SCORE_PATTERN = /^\d{1,8}(\.\d{1,2})?$/;
const INDEX_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

const normalize = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A number cell reads back as its digits; a decimal comma (Indonesian writing) is read as the point. */
const decimalText = (text: string) => text.replace(/\s/g, '').replace(',', '.');

async function periodInnovations(db: DbOrTx, regionCode: string, periodId: string) {
  return db
    .select({ id: innovations.id, name: innovations.name, status: innovations.status })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, periodId)));
}

interface RegionLine {
  nationalIndex: string | null;
  nationalRank: number | null;
  predicate: string | null;
}

type ImportInput = { dryRun: boolean; version?: number | undefined; fileName: string };

export async function importNationalResult(
  ctx: ServiceContext,
  regionCode: string,
  periodId: string,
  input: ImportInput,
  file: Buffer,
): Promise<NationalImportReport> {
  const sheetRows = await readSheet(file, HEADER_MAP, [H.kind], 5000);
  return ctx.db.transaction((tx) => importNationalRows(tx, ctx, regionCode, periodId, input, sheetRows));
}

/**
 * The import's checks and write on the sheet's rows (cells keyed by the template's headers), inside the
 * caller's transaction: what an uploaded file goes through after it is read, and what the demo's
 * national result goes through too, so both obey the same rules.
 */
export async function importNationalRows(
  tx: DbOrTx,
  ctx: { actor: Pick<SessionActor, 'id' | 'username'>; origin: RequestOrigin | null; now: Date },
  regionCode: string,
  periodId: string,
  input: ImportInput,
  sheetRows: readonly SheetRow[],
): Promise<NationalImportReport> {
  const period = await findIidPeriod(tx, regionCode, periodId);
  if (!period) throw new AppError('NOT_FOUND');
  const { framework } = await iidFrameworkOfPeriod(tx, regionCode, period);
  const predicates = new Map((framework.predicates?.bands ?? []).map((b) => [normalize(b.name), b.name]));
  const known = await periodInnovations(tx, regionCode, periodId);
  const byId = new Map(known.map((k) => [k.id, k]));
  const byName = new Map<string, (typeof known)[number][]>();
  for (const k of known) byName.set(normalize(k.name), [...(byName.get(normalize(k.name)) ?? []), k]);

  const errors: NationalImportReport['errors'] = [];
  const planned: NationalImportReport['innovations'] = [];
  const notes = new Map<string, string>();
  const regionLines: Array<{ row: number; line: RegionLine }> = [];
  const seen = new Map<string, number>();

  for (const { rowNumber, cells } of sheetRows) {
    const cell = (key: ColumnKey) => (cells[H[key]] ?? '').trim();
    const fail = (key: ColumnKey, reason: string) => errors.push({ row: rowNumber, field: H[key], reason });
    const kind = normalize(cell('kind'));
    if (kind === 'daerah') {
      const line: RegionLine = { nationalIndex: null, nationalRank: null, predicate: null };
      const index = decimalText(cell('index'));
      if (!index) fail('index', 'Indeks nasional wajib diisi pada baris DAERAH');
      else if (!INDEX_PATTERN.test(index) || Number(index) > 100)
        fail('index', `Indeks nasional "${cell('index')}" harus angka 0 sampai 100 dengan paling banyak dua desimal`);
      else line.nationalIndex = index;
      const rank = cell('rank');
      if (rank && !/^\d{1,5}$/.test(rank)) fail('rank', `Peringkat nasional "${rank}" harus bilangan bulat mulai 1`);
      else if (rank && Number(rank) < 1) fail('rank', 'Peringkat nasional mulai dari 1');
      else if (rank) line.nationalRank = Number(rank);
      const predicate = cell('predicate');
      if (predicate) {
        const name = predicates.get(normalize(predicate));
        if (name === undefined)
          fail(
            'predicate',
            `Predikat "${predicate}" tidak dikenal pada ${framework.name}; gunakan salah satu: ${[...predicates.values()].join(', ')}`,
          );
        else line.predicate = name;
      }
      regionLines.push({ row: rowNumber, line });
      continue;
    }
    if (kind !== 'inovasi') {
      fail('kind', `Jenis baris "${cell('kind')}" tidak dikenal; tulis DAERAH atau INOVASI`);
      continue;
    }
    const idText = cell('innovationId');
    const nameText = cell('name');
    let target: (typeof known)[number] | undefined;
    if (idText) {
      target = byId.get(idText);
      if (target === undefined) fail('innovationId', `Inovasi dengan ID "${idText}" tidak ada pada periode ${period.year} daerah ini`);
    } else if (nameText) {
      const matches = byName.get(normalize(nameText)) ?? [];
      if (matches.length === 1) target = matches[0];
      else if (matches.length === 0) fail('name', `Inovasi "${nameText}" tidak ada pada periode ${period.year} daerah ini`);
      else fail('name', `Ada ${matches.length} inovasi bernama "${nameText}"; isi kolom ID inovasi dari templat`);
    } else {
      fail('innovationId', 'Isi ID inovasi (dari templat) atau nama inovasi');
    }
    if (target !== undefined) {
      const earlier = seen.get(target.id);
      if (earlier !== undefined) fail('innovationId', `Inovasi "${target.name}" sudah ada pada baris ${earlier}`);
      else seen.set(target.id, rowNumber);
    }
    const score = decimalText(cell('score'));
    if (score && !SCORE_PATTERN.test(score))
      fail('score', `Skor nasional "${cell('score')}" harus angka tidak negatif dengan paling banyak dua desimal`);
    const statusText = cell('status');
    const status = STATUS_WORDS[normalize(statusText)];
    if (!statusText) fail('status', 'Status nasional wajib diisi (Valid atau Tidak valid)');
    else if (status === undefined) fail('status', `Status nasional "${statusText}" tidak dikenal; tulis Valid atau Tidak valid`);
    const note = cell('note');
    if (note.length > 2000) fail('note', 'Catatan paling banyak 2000 karakter');
    if (target !== undefined && status !== undefined && (!score || SCORE_PATTERN.test(score)) && note.length <= 2000) {
      planned.push({ row: rowNumber, innovationId: target.id, name: target.name, nationalScore: score || null, nationalStatus: status });
      notes.set(target.id, note);
    }
  }
  if (regionLines.length === 0)
    errors.push({ row: 1, field: H.kind, reason: 'Baris DAERAH (indeks, peringkat dan predikat daerah) tidak ditemukan' });
  for (const extra of regionLines.slice(1)) {
    errors.push({ row: extra.row, field: H.kind, reason: `Hanya satu baris DAERAH; yang pertama ada pada baris ${regionLines[0]?.row}` });
  }
  errors.sort((a, b) => a.row - b.row);

  const region = regionLines[0]?.line ?? null;
  const report: NationalImportReport = { dryRun: input.dryRun, totalRows: sheetRows.length, errors, region, innovations: planned, saved: 0 };
  if (input.dryRun) return report;
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      issues: errors.slice(0, 200).map((e) => ({ field: `baris ${e.row} · ${e.field}`, reason: e.reason })),
    });
  }

  const [previous] = await tx
    .select()
    .from(iidNationalResults)
    .where(and(eq(iidNationalResults.regionCode, regionCode), eq(iidNationalResults.periodId, periodId)))
    .for('update');
  // Replacing a stored result needs its version: two admins importing at once must not overwrite blindly.
  if (previous !== undefined && input.version !== previous.version) throw new AppError('STALE_VERSION');
  await tx
    .delete(iidNationalInnovationResults)
    .where(and(eq(iidNationalInnovationResults.regionCode, regionCode), eq(iidNationalInnovationResults.periodId, periodId)));
  const values = {
    nationalIndex: region?.nationalIndex ?? null,
    nationalRank: region?.nationalRank ?? null,
    predicate: region?.predicate ?? null,
    fileName: input.fileName.slice(0, 200),
    importedBy: ctx.actor.id,
    importedAt: ctx.now,
  };
  if (previous === undefined) {
    await tx.insert(iidNationalResults).values({ regionCode, periodId, ...values });
  } else {
    await tx
      .update(iidNationalResults)
      .set({ ...values, version: previous.version + 1 })
      .where(and(eq(iidNationalResults.id, previous.id), eq(iidNationalResults.version, previous.version)));
  }
  if (planned.length > 0) {
    await tx.insert(iidNationalInnovationResults).values(
      planned.map((p) => ({
        regionCode,
        periodId,
        innovationId: p.innovationId,
        nationalScore: p.nationalScore,
        nationalStatus: p.nationalStatus,
        note: notes.get(p.innovationId) ?? '',
      })),
    );
  }
  report.saved = planned.length + 1;
  await recordAudit(tx, ctx, {
    action: 'iid.national_imported',
    entityType: 'period',
    entityId: periodId,
    regionCode,
    before:
      previous === undefined
        ? null
        : { nationalIndex: previous.nationalIndex, nationalRank: previous.nationalRank, predicate: previous.predicate, version: previous.version },
    after: { ...values, importedAt: ctx.now.toISOString(), innovations: planned.length },
  });
  return report;
}

interface TemplateLine {
  kind: 'DAERAH' | 'INOVASI';
  innovationId: string;
  name: string;
}

/** The template: the DAERAH line, then one INOVASI line per verified innovation of the period, ids filled. */
export async function nationalTemplate(db: DbOrTx, regionCode: string, periodId: string): Promise<{ year: number; file: Buffer }> {
  const period = await findIidPeriod(db, regionCode, periodId);
  if (!period) throw new AppError('NOT_FOUND');
  const verified: readonly string[] = COUNTED_STATUSES.verified;
  const rows = (await periodInnovations(db, regionCode, periodId))
    .filter((r) => verified.includes(r.status))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const lines: TemplateLine[] = [
    { kind: 'DAERAH', innovationId: '', name: '' },
    ...rows.map((r) => ({ kind: 'INOVASI' as const, innovationId: r.id, name: r.name })),
  ];
  const blank = () => null;
  const columns: SheetColumn<TemplateLine>[] = [
    { header: H.kind, width: 12, value: (l) => l.kind },
    { header: H.innovationId, width: 38, value: (l) => l.innovationId || null },
    { header: H.name, width: 40, value: (l) => l.name || null },
    { header: H.score, width: 14, value: blank },
    { header: H.status, width: 16, value: blank },
    { header: H.note, width: 30, value: blank },
    { header: H.index, width: 16, value: blank },
    { header: H.rank, width: 18, value: blank },
    { header: H.predicate, width: 20, value: blank },
  ];
  return { year: period.year, file: await writeSheet(`Hasil nasional ${period.year}`, columns, lines) };
}

export async function findNationalResult(db: DbOrTx, regionCode: string, periodId: string) {
  const [result] = await db
    .select()
    .from(iidNationalResults)
    .where(and(eq(iidNationalResults.regionCode, regionCode), eq(iidNationalResults.periodId, periodId)));
  const lines = await db
    .select()
    .from(iidNationalInnovationResults)
    .where(and(eq(iidNationalInnovationResults.regionCode, regionCode), eq(iidNationalInnovationResults.periodId, periodId)));
  return { result, lines };
}
