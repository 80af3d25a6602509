/**
 * The RPJMD cascade as XLSX: one row per entry (Tingkat, Kode, Nama, Kode induk), the way Bapperida
 * copies it out of the RPJMD document. The import checks every row first: with `dryRun` nothing is
 * written; a real run with any row in error writes nothing either; otherwise every row lands in one
 * transaction. A row whose code already exists in the RPJMD updates its name and parent.
 */
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { RPJMD_LEVELS, type RpjmdLevel, type rpjmdImportReport, rpjmdCode } from '#shared/api/rpjmd.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { rpjmdEntries } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { readSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { entriesOf, findPeriod } from './rpjmd.queries.ts';
import { parentLevelOf } from './rpjmd.service.ts';

type ImportReport = z.infer<typeof rpjmdImportReport>;

const COLUMNS = [
  { key: 'level', header: 'Tingkat', aliases: ['level', 'jenis'], width: 12 },
  { key: 'code', header: 'Kode', aliases: ['kode program', 'nomor'], width: 16 },
  { key: 'name', header: 'Nama', aliases: ['uraian', 'nomenklatur'], width: 80 },
  { key: 'parent', header: 'Kode induk', aliases: ['induk', 'kode_induk', 'parent'], width: 16 },
] as const;

const HEADERS = Object.fromEntries(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((a) => [a.toLowerCase(), c.key])));
const FIELD_LABEL: Record<string, string> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header]));

const NOTES = [
  'Satu baris satu butir RPJMD. Kolom wajib: Tingkat, Kode dan Nama.',
  `Tingkat: ${RPJMD_LEVELS.join(', ')}. Urutannya misi → tujuan → sasaran → program.`,
  'Kode unik dalam satu RPJMD, tanpa spasi (mis. M1, T1.1, S1.1.1, 2.16.02).',
  'Kode induk: kode butir satu tingkat di atasnya (tujuan → misi, sasaran → tujuan, program → sasaran); kosongkan untuk misi.',
  'Induk boleh berada di baris mana pun dalam berkas atau sudah ada di RPJMD ini.',
  'Baris dengan Kode yang sudah ada memperbarui nama dan induknya; tingkatnya tidak dapat diubah lewat impor.',
  'Unggah dengan "Periksa dulu" untuk melihat kesalahan per baris tanpa menyimpan apa pun.',
];

async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

interface SheetEntry {
  level: string;
  code: string;
  name: string;
  parent: string;
}

async function writeBook(entries: SheetEntry[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet('RPJMD');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Codes are text: "2.16.02" must not become a number, nor lose its leading zero.
  for (const col of [2, 4]) sheet.getColumn(col).numFmt = '@';
  for (const e of entries) sheet.addRow([e.level, e.code, e.name, e.parent || null]);
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`A2:A${Math.max(entries.length + 1, 1000)}`, { type: 'list', allowBlank: true, formulae: [`"${RPJMD_LEVELS.join(',')}"`] });
  const help = workbook.addWorksheet('Petunjuk');
  help.getColumn(1).width = 120;
  for (const line of NOTES) help.addRow([line]);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export async function rpjmdTemplate(): Promise<Buffer> {
  return writeBook([]);
}

/** The cascade top-down (each parent before its children), ready to import again. */
export async function exportRpjmd(db: DbOrTx, regionCode: string, rpjmdId: string): Promise<{ file: Buffer; startYear: number; endYear: number }> {
  const period = await findPeriod(db, regionCode, rpjmdId);
  if (!period) throw new AppError('NOT_FOUND');
  const entries = await entriesOf(db, regionCode, rpjmdId);
  const codeOf = new Map(entries.map((e) => [e.id, e.code]));
  const children = new Map<string | null, typeof entries>();
  for (const e of entries) children.set(e.parentId, [...(children.get(e.parentId) ?? []), e]);
  const rows: SheetEntry[] = [];
  const walk = (parentId: string | null) => {
    for (const e of children.get(parentId) ?? []) {
      rows.push({ level: e.level, code: e.code, name: e.name, parent: e.parentId ? (codeOf.get(e.parentId) ?? '') : '' });
      walk(e.id);
    }
  };
  walk(null);
  return { file: await writeBook(rows), startYear: period.startYear, endYear: period.endYear };
}

/** How a sheet may name a level: the level itself, or the longer name some RPJMD documents use. */
const LEVEL_WORDS: Record<string, RpjmdLevel> = {
  ...Object.fromEntries(RPJMD_LEVELS.map((l) => [l, l])),
  'program prioritas': 'program',
};

interface PlannedEntry {
  row: number;
  level: RpjmdLevel;
  code: string;
  name: string;
  parentCode: string | null;
  existingId: string | undefined;
}

export async function importRpjmd(ctx: ServiceContext, regionCode: string, rpjmdId: string, file: Buffer, dryRun: boolean): Promise<ImportReport> {
  const sheetRows = await readSheet(file, HEADERS, ['level', 'code', 'name']);
  return ctx.db.transaction(async (tx) => {
    if (!(await findPeriod(tx, regionCode, rpjmdId))) throw new AppError('NOT_FOUND');
    const current = await entriesOf(tx, regionCode, rpjmdId);
    const existing = new Map(current.map((e) => [e.code, e]));
    const errors: ImportReport['errors'] = [];
    const err = (row: number, key: string, reason: string) => errors.push({ row, field: FIELD_LABEL[key] ?? key, reason });
    const seen = new Map<string, number>();
    const plan: PlannedEntry[] = [];

    // First pass: each row on its own (level, code, name, duplicates).
    for (const { rowNumber, cells } of sheetRows) {
      const before = errors.length;
      const levelText = (cells.level ?? '').trim().toLowerCase();
      const level = LEVEL_WORDS[levelText];
      if (!levelText) err(rowNumber, 'level', 'Tingkat wajib diisi');
      else if (!level) err(rowNumber, 'level', `Tingkat "${cells.level}" tidak dikenal; gunakan ${RPJMD_LEVELS.join(', ')}`);
      const code = rpjmdCode.safeParse(cells.code ?? '');
      if (!code.success) err(rowNumber, 'code', code.error.issues[0]?.message ?? 'Kode tidak valid');
      const name = (cells.name ?? '').trim();
      if (!name) err(rowNumber, 'name', 'Nama wajib diisi');
      else if (name.length > 1000) err(rowNumber, 'name', 'Nama paling banyak 1000 karakter');
      if (!code.success) continue;
      const twin = seen.get(code.data);
      if (twin !== undefined) {
        err(rowNumber, 'code', `Kode "${code.data}" sudah dipakai di baris ${twin}`);
        continue;
      }
      seen.set(code.data, rowNumber);
      const old = existing.get(code.data);
      if (old && level && old.level !== level) {
        err(rowNumber, 'level', `Kode "${code.data}" sudah ada sebagai ${old.level} di RPJMD ini; tingkatnya tidak dapat diubah lewat impor`);
      }
      if (errors.length > before || !level) continue;
      const parentCode = (cells.parent ?? '').trim() || null;
      plan.push({ row: rowNumber, level, code: code.data, name, parentCode, existingId: old?.id });
    }

    // Second pass: parents, which may be anywhere in the file or already in the RPJMD.
    const levelOfCode = new Map<string, RpjmdLevel>(current.map((e) => [e.code, e.level as RpjmdLevel]));
    for (const p of plan) levelOfCode.set(p.code, p.level);
    const valid: PlannedEntry[] = [];
    for (const p of plan) {
      const wanted = parentLevelOf(p.level);
      if (wanted === null) {
        if (p.parentCode) err(p.row, 'parent', 'Misi berada di tingkat teratas; kosongkan Kode induk');
        else valid.push(p);
        continue;
      }
      if (!p.parentCode) {
        err(p.row, 'parent', `Kode induk wajib diisi: ${p.level} berada di bawah sebuah ${wanted}`);
        continue;
      }
      const parentLevel = levelOfCode.get(p.parentCode);
      if (!parentLevel) err(p.row, 'parent', `Kode induk "${p.parentCode}" tidak ditemukan di berkas maupun di RPJMD ini`);
      else if (parentLevel !== wanted) err(p.row, 'parent', `Induk sebuah ${p.level} harus ${wanted}; "${p.parentCode}" adalah ${parentLevel}`);
      else valid.push(p);
    }

    errors.sort((a, b) => a.row - b.row);
    const updated = valid.filter((p) => p.existingId).length;
    const report = { dryRun, created: valid.length - updated, updated, errors };
    if (dryRun) return report;
    if (errors.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        issues: errors.slice(0, 200).map((e) => ({ field: `baris ${e.row} · ${e.field}`, reason: e.reason })),
      });
    }

    // Top level first, so every parent has its id before its children are written.
    const idOfCode = new Map(current.map((e) => [e.code, e.id]));
    const basePosition = current.reduce((m, e) => Math.max(m, e.position), 0);
    for (const level of RPJMD_LEVELS) {
      for (const p of valid.filter((v) => v.level === level)) {
        const parentId = p.parentCode ? (idOfCode.get(p.parentCode) ?? null) : null;
        if (p.existingId) {
          await tx
            .update(rpjmdEntries)
            .set({ name: p.name, parentId, version: sql`${rpjmdEntries.version} + 1`, updatedAt: ctx.now })
            .where(and(eq(rpjmdEntries.id, p.existingId), eq(rpjmdEntries.regionCode, regionCode)));
          const old = existing.get(p.code);
          await recordAudit(tx, ctx, {
            action: 'rpjmd_entry.updated',
            entityType: 'rpjmd_entry',
            entityId: p.existingId,
            regionCode,
            before: { name: old?.name, parentId: old?.parentId },
            after: { name: p.name, parentCode: p.parentCode, via: 'import' },
          });
        } else {
          const [created] = await tx
            .insert(rpjmdEntries)
            .values({
              regionCode,
              rpjmdId,
              level: p.level,
              code: p.code,
              name: p.name,
              parentId,
              position: basePosition + p.row,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            })
            .returning({ id: rpjmdEntries.id });
          if (!created) throw new AppError('INTERNAL');
          idOfCode.set(p.code, created.id);
          await recordAudit(tx, ctx, {
            action: 'rpjmd_entry.created',
            entityType: 'rpjmd_entry',
            entityId: created.id,
            regionCode,
            after: { level: p.level, code: p.code, name: p.name, parentCode: p.parentCode, rpjmdId, via: 'import' },
          });
        }
      }
    }
    await recordAudit(tx, ctx, {
      action: 'rpjmd.imported',
      entityType: 'rpjmd',
      entityId: rpjmdId,
      regionCode,
      after: { created: report.created, updated: report.updated, rows: sheetRows.length },
    });
    return report;
  });
}
