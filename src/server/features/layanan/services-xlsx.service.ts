/**
 * The service catalogue and the application inventory as XLSX: export (every column, typed cells),
 * an empty template with the accepted values, and an import that checks every row first. With
 * `dryRun` nothing is written; a real run with any row in error writes nothing either, otherwise all
 * rows land in one transaction. A row naming an existing record (services: same unit and name;
 * applications: same name) updates it.
 */
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  APPLICATION_HOSTINGS,
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  applicationInput,
  type importReport,
  SERVICE_CHANNELS,
  serviceInput,
} from '#shared/api/services.ts';
import { and, eq, sql } from 'drizzle-orm';
import { applications, services } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { readSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { allUnitsOf } from '#server/platform/records.ts';
import type { Actor } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { linkServices } from './applications.service.ts';
import { allApplicationsOf, allServicesOf } from './services.queries.ts';
import { serviceSnapshot } from './services.service.ts';

type ImportReport = z.infer<typeof importReport>;
type CellValue = string | number | boolean | Date | null;

interface Column<T> {
  key: string;
  header: string;
  aliases: string[];
  width: number;
  /** Accepted values, offered as a drop-down in the sheet. */
  list?: readonly string[];
  /** Written on export only (the import ignores it). */
  exportOnly?: boolean;
  value: (item: T) => CellValue;
}

/** exceljs is loaded on the first export or import only, like the other sheets of the app. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

async function writeBook<T>(sheetName: string, columns: Column<T>[], items: T[], notes: string[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const item of items) {
    const row = sheet.addRow(columns.map((c) => c.value(item)));
    columns.forEach((_c, i) => {
      const cell = row.getCell(i + 1);
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
      else if (typeof cell.value === 'string' && cell.value.length > 60) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  // Drop-downs for the columns with a fixed set of values, as one range per column (no empty rows are
  // created, so the sheet still ends at its last record).
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const lastRow = Math.max(items.length + 1, 1000);
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${lastRow}`, { type: 'list', allowBlank: true, formulae: [`"${c.list.join(',')}"`] });
  });
  const help = workbook.addWorksheet('Petunjuk');
  help.getColumn(1).width = 120;
  for (const line of notes) help.addRow([line]);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

const headerMapOf = (columns: Column<never>[]) =>
  Object.fromEntries(columns.filter((c) => !c.exportOnly).flatMap((c) => [c.header, ...c.aliases].map((a) => [a.toLowerCase(), c.key])));

/** Yes/no cells: real booleans from the export, or what a person types. Blank: undefined. */
function parseBool(text: string | undefined): boolean | undefined | 'invalid' {
  const t = (text ?? '').trim().toLowerCase();
  if (!t) return undefined;
  if (['ya', 'y', 'true', 'benar', '1', 'yes'].includes(t)) return true;
  if (['tidak', 't', 'false', 'salah', '0', 'no', 'n'].includes(t)) return false;
  return 'invalid';
}

/** `Tidak aktif` / `tidak_aktif` / `TIDAK AKTIF` → `tidak_aktif`. */
const codeOf = (text: string | undefined) =>
  (text ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** `tidak_aktif` → `Tidak aktif`, as the sheet shows it. */
function labelOf(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const CHANNEL_WORDS: Record<string, (typeof SERVICE_CHANNELS)[number]> = {
  online: 'online',
  daring: 'online',
  offline: 'offline',
  luring: 'offline',
  keduanya: 'keduanya',
  daring_dan_luring: 'keduanya',
  online_dan_offline: 'keduanya',
};

/** Units by short name and by name (lower case): how a sheet names a unit. */
function unitIndex(units: { id: string; name: string; shortName: string | null }[]) {
  const byKey = new Map<string, { id: string; name: string; shortName: string | null }>();
  for (const u of units) byKey.set(u.name.toLowerCase(), u);
  for (const u of units) if (u.shortName) byKey.set(u.shortName.toLowerCase(), u);
  return byKey;
}

const unitLabel = (u: { name: string; shortName: string | null }) => u.shortName ?? u.name;

function reportOf(dryRun: boolean, errors: ImportReport['errors'], created: number, updated: number): ImportReport {
  errors.sort((a, b) => a.row - b.row);
  return { dryRun, created, updated, errors };
}

function refuseWithErrors(errors: ImportReport['errors']): never {
  throw new AppError('VALIDATION_FAILED', {
    issues: errors.slice(0, 200).map((e) => ({ field: `baris ${e.row} · ${e.field}`, reason: e.reason })),
  });
}

function operatorUnitRefusal(actor: Actor, unitId: string): string | null {
  return actor.role === 'operator' && actor.unitId !== unitId ? 'Anda hanya dapat mengimpor data unit Anda sendiri' : null;
}

// ---- services -----------------------------------------------------------------------------------

type ServiceExportRow = Awaited<ReturnType<typeof allServicesOf>>[number];

const SERVICE_COLUMNS: Column<ServiceExportRow>[] = [
  { key: 'unit', header: 'Unit', aliases: ['unit pelayanan', 'perangkat daerah', 'opd'], width: 22, value: (s) => s.unitShortName ?? s.unitName },
  { key: 'name', header: 'Nama layanan', aliases: ['nama', 'layanan'], width: 40, value: (s) => s.name },
  { key: 'category', header: 'Kategori', aliases: [], width: 20, value: (s) => s.category },
  { key: 'description', header: 'Uraian', aliases: ['deskripsi'], width: 40, value: (s) => s.description || null },
  { key: 'channel', header: 'Kanal', aliases: [], width: 12, list: SERVICE_CHANNELS, value: (s) => s.channel },
  { key: 'onlineUrl', header: 'Alamat daring', aliases: ['url', 'alamat layanan daring'], width: 36, value: (s) => s.onlineUrl },
  { key: 'isDigital', header: 'Digital', aliases: ['layanan digital'], width: 10, value: (s) => s.isDigital },
  { key: 'isActive', header: 'Aktif', aliases: [], width: 10, value: (s) => s.isActive },
  { key: 'requirements', header: 'Persyaratan', aliases: [], width: 50, value: (s) => s.requirements || null },
  {
    key: 'procedure',
    header: 'Sistem, mekanisme dan prosedur',
    aliases: ['prosedur', 'mekanisme dan prosedur'],
    width: 50,
    value: (s) => s.procedure || null,
  },
  { key: 'duration', header: 'Jangka waktu', aliases: ['waktu penyelesaian'], width: 24, value: (s) => s.duration || null },
  { key: 'cost', header: 'Biaya/tarif', aliases: ['biaya', 'tarif'], width: 24, value: (s) => s.cost || null },
  { key: 'product', header: 'Produk pelayanan', aliases: ['produk'], width: 30, value: (s) => s.product || null },
  {
    key: 'complaintHandling',
    header: 'Penanganan pengaduan, saran dan masukan',
    aliases: ['penanganan pengaduan', 'pengaduan'],
    width: 40,
    value: (s) => s.complaintHandling || null,
  },
  { key: 'applications', header: 'Aplikasi', aliases: [], width: 30, exportOnly: true, value: (s) => s.applicationNames.join('; ') || null },
  { key: 'updatedAt', header: 'Diperbarui', aliases: [], width: 18, exportOnly: true, value: (s) => s.updatedAt },
];

const SERVICE_HEADERS = headerMapOf(SERVICE_COLUMNS as Column<never>[]);
const SERVICE_LABEL: Record<string, string> = Object.fromEntries(SERVICE_COLUMNS.map((c) => [c.key, c.header]));

const SERVICE_NOTES = [
  'Satu baris satu layanan. Kolom wajib: Unit dan Nama layanan.',
  'Unit: singkatan atau nama unit persis seperti di menu Unit.',
  'Baris dengan Unit dan Nama layanan yang sudah ada memperbarui layanan itu; selainnya menambah layanan baru.',
  `Kanal: ${SERVICE_CHANNELS.join(', ')}. Layanan online atau keduanya wajib mencantumkan Alamat daring (http/https).`,
  'Digital dan Aktif: Ya atau Tidak (kosong: Digital = Tidak, Aktif = Ya).',
  'Kolom Aplikasi dan Diperbarui hanya informasi dari ekspor dan tidak dibaca saat impor; tautan aplikasi diatur di inventaris aplikasi.',
  'Unggah dengan "Periksa dulu" untuk melihat kesalahan per baris tanpa menyimpan apa pun.',
];

export async function exportServices(db: DbOrTx, regionCode: string, actor: Actor): Promise<Buffer> {
  return writeBook('Layanan', SERVICE_COLUMNS, await allServicesOf(db, regionCode, actor), SERVICE_NOTES);
}

export async function serviceTemplate(): Promise<Buffer> {
  return writeBook('Layanan', SERVICE_COLUMNS, [], SERVICE_NOTES);
}

interface PlannedService {
  row: number;
  existing: ServiceExportRow | undefined;
  fields: z.infer<typeof serviceInput>;
}

export async function importServices(ctx: ServiceContext, regionCode: string, file: Buffer, dryRun: boolean): Promise<ImportReport> {
  const sheetRows = await readSheet(file, SERVICE_HEADERS, ['unit', 'name']);
  return ctx.db.transaction(async (tx) => {
    const units = unitIndex(await allUnitsOf(tx, regionCode));
    const existing = new Map((await allServicesOf(tx, regionCode)).map((s) => [`${s.unitId}|${s.name.toLowerCase()}`, s]));
    const errors: ImportReport['errors'] = [];
    const err = (row: number, key: string, reason: string) => errors.push({ row, field: SERVICE_LABEL[key] ?? key, reason });
    const seen = new Map<string, number>();
    const plan: PlannedService[] = [];

    for (const { rowNumber, cells } of sheetRows) {
      const before = errors.length;
      const unitText = (cells.unit ?? '').trim();
      const unit = unitText ? units.get(unitText.toLowerCase()) : undefined;
      if (!unitText) err(rowNumber, 'unit', 'Unit wajib diisi');
      else if (!unit) err(rowNumber, 'unit', `Unit "${unitText}" tidak ditemukan di daerah ini`);
      else {
        const refusal = operatorUnitRefusal(ctx.actor, unit.id);
        if (refusal) err(rowNumber, 'unit', refusal);
      }
      const channelText = codeOf(cells.channel);
      const channel = channelText ? CHANNEL_WORDS[channelText] : 'offline';
      if (!channel) err(rowNumber, 'channel', `Kanal "${cells.channel}" tidak dikenal; gunakan ${SERVICE_CHANNELS.join(', ')}`);
      const bools: Record<'isDigital' | 'isActive', boolean> = { isDigital: false, isActive: true };
      for (const key of ['isDigital', 'isActive'] as const) {
        const parsed = parseBool(cells[key]);
        if (parsed === 'invalid') err(rowNumber, key, `Isi Ya atau Tidak (bukan "${cells[key]}")`);
        else if (parsed !== undefined) bools[key] = parsed;
      }
      const parsed = serviceInput.safeParse({
        name: cells.name ?? '',
        // A stand-in when the unit is unknown, so the other columns are still checked.
        unitId: unit?.id ?? '00000000-0000-4000-8000-000000000000',
        category: cells.category || null,
        description: cells.description || null,
        channel: channel ?? 'offline',
        onlineUrl: cells.onlineUrl || null,
        ...bools,
        requirements: cells.requirements || null,
        procedure: cells.procedure || null,
        duration: cells.duration || null,
        cost: cells.cost || null,
        product: cells.product || null,
        complaintHandling: cells.complaintHandling || null,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) err(rowNumber, String(issue.path[0] ?? 'name'), issue.message);
      }
      if (errors.length > before || !parsed.success || !unit) continue;
      const key = `${unit.id}|${parsed.data.name.toLowerCase()}`;
      const twin = seen.get(key);
      if (twin !== undefined) {
        err(rowNumber, 'name', `Layanan yang sama (unit dan nama) sudah ada di baris ${twin}`);
        continue;
      }
      seen.set(key, rowNumber);
      const fields = { ...parsed.data, onlineUrl: parsed.data.channel === 'offline' ? null : parsed.data.onlineUrl };
      plan.push({ row: rowNumber, existing: existing.get(key), fields });
    }

    const toUpdate = plan.filter((p) => p.existing).length;
    if (dryRun) return reportOf(true, errors, plan.length - toUpdate, toUpdate);
    if (errors.length > 0) refuseWithErrors(errors);

    for (const p of plan) {
      if (p.existing) {
        await tx
          .update(services)
          .set({ ...p.fields, version: sql`${services.version} + 1`, updatedAt: ctx.now })
          .where(and(eq(services.id, p.existing.id), eq(services.regionCode, regionCode)));
        await recordAudit(tx, ctx, {
          action: 'service.updated',
          entityType: 'service',
          entityId: p.existing.id,
          regionCode,
          before: serviceSnapshot(p.existing as Parameters<typeof serviceSnapshot>[0]),
          after: { ...p.fields, via: 'import' },
        });
      } else {
        const [created] = await tx
          .insert(services)
          .values({ ...p.fields, regionCode, createdAt: ctx.now, updatedAt: ctx.now })
          .returning({ id: services.id });
        if (!created) throw new AppError('INTERNAL');
        await recordAudit(tx, ctx, {
          action: 'service.created',
          entityType: 'service',
          entityId: created.id,
          regionCode,
          after: { ...p.fields, via: 'import' },
        });
      }
    }
    const report = reportOf(false, errors, plan.length - toUpdate, toUpdate);
    await recordAudit(tx, ctx, {
      action: 'service.imported',
      entityType: 'service',
      entityId: null,
      regionCode,
      after: { created: report.created, updated: report.updated, rows: sheetRows.length },
    });
    return report;
  });
}

// ---- applications -------------------------------------------------------------------------------

type ApplicationExportRow = Awaited<ReturnType<typeof allApplicationsOf>>[number] & { serviceLabels: string[] };

const APPLICATION_COLUMNS: Column<ApplicationExportRow>[] = [
  { key: 'name', header: 'Nama aplikasi', aliases: ['nama', 'aplikasi'], width: 32, value: (a) => a.name },
  { key: 'unit', header: 'Unit pemilik', aliases: ['unit', 'pemilik', 'perangkat daerah'], width: 22, value: (a) => a.unitShortName ?? a.unitName },
  { key: 'description', header: 'Uraian', aliases: ['deskripsi'], width: 40, value: (a) => a.description || null },
  { key: 'kind', header: 'Jenis', aliases: ['jenis aplikasi'], width: 26, list: APPLICATION_KINDS.map(labelOf), value: (a) => labelOf(a.kind) },
  {
    key: 'hosting',
    header: 'Hosting',
    aliases: ['lokasi hosting'],
    width: 22,
    list: APPLICATION_HOSTINGS.map(labelOf),
    value: (a) => labelOf(a.hosting),
  },
  { key: 'status', header: 'Status', aliases: [], width: 14, list: APPLICATION_STATUSES.map(labelOf), value: (a) => labelOf(a.status) },
  { key: 'url', header: 'Alamat', aliases: ['url', 'alamat aplikasi'], width: 36, value: (a) => a.url },
  { key: 'services', header: 'Layanan', aliases: ['layanan yang dilayani'], width: 60, value: (a) => a.serviceLabels.join('; ') || null },
  { key: 'updatedAt', header: 'Diperbarui', aliases: [], width: 18, exportOnly: true, value: (a) => a.updatedAt },
];

const APPLICATION_HEADERS = headerMapOf(APPLICATION_COLUMNS as Column<never>[]);
const APPLICATION_LABEL: Record<string, string> = Object.fromEntries(APPLICATION_COLUMNS.map((c) => [c.key, c.header]));

const APPLICATION_NOTES = [
  'Satu baris satu aplikasi. Kolom wajib: Nama aplikasi, Unit pemilik dan Jenis.',
  'Unit pemilik: singkatan atau nama unit. Baris dengan Nama aplikasi yang sudah ada memperbarui aplikasi itu.',
  `Jenis: ${APPLICATION_KINDS.map(labelOf).join(', ')}. Hosting: ${APPLICATION_HOSTINGS.map(labelOf).join(', ')}. Status: ${APPLICATION_STATUSES.map(labelOf).join(', ')}.`,
  'Layanan: nama layanan yang dilayani aplikasi, dipisah titik koma (;). Bila dua unit punya layanan bernama sama, tulis "Nama layanan (Unit)".',
  'Unggah dengan "Periksa dulu" untuk melihat kesalahan per baris tanpa menyimpan apa pun.',
];

/** How the sheet names each service: its name, or "name (unit)" when another unit has one of that name. */
function serviceNaming(all: { id: string; name: string; unitName: string; unitShortName: string | null }[]) {
  const byName = new Map<string, typeof all>();
  for (const s of all) byName.set(s.name.toLowerCase(), [...(byName.get(s.name.toLowerCase()) ?? []), s]);
  const labels = new Map<string, string>();
  const byLabel = new Map<string, string>();
  for (const s of all) {
    const shared = (byName.get(s.name.toLowerCase())?.length ?? 0) > 1;
    labels.set(s.id, shared ? `${s.name} (${unitLabel({ name: s.unitName, shortName: s.unitShortName })})` : s.name);
    byLabel.set(`${s.name} (${s.unitName})`.toLowerCase(), s.id);
    if (s.unitShortName) byLabel.set(`${s.name} (${s.unitShortName})`.toLowerCase(), s.id);
  }
  /** The service a sheet names, or why it cannot be told. */
  const resolve = (text: string): { id: string } | { reason: string } => {
    const key = text.toLowerCase();
    const qualified = byLabel.get(key);
    if (qualified) return { id: qualified };
    const plain = byName.get(key) ?? [];
    if (plain.length === 1 && plain[0]) return { id: plain[0].id };
    if (plain.length > 1) return { reason: `Layanan "${text}" ada di beberapa unit; tulis "${text} (Unit)"` };
    return { reason: `Layanan "${text}" tidak ditemukan di daerah ini` };
  };
  return { labels, resolve };
}

export async function exportApplications(db: DbOrTx, regionCode: string, actor: Actor): Promise<Buffer> {
  const naming = serviceNaming(await allServicesOf(db, regionCode));
  const rows = (await allApplicationsOf(db, regionCode, actor)).map((a) => ({
    ...a,
    serviceLabels: a.services.map((s) => naming.labels.get(s.id) ?? s.name),
  }));
  return writeBook('Aplikasi', APPLICATION_COLUMNS, rows, APPLICATION_NOTES);
}

export async function applicationTemplate(): Promise<Buffer> {
  return writeBook('Aplikasi', APPLICATION_COLUMNS, [], APPLICATION_NOTES);
}

interface PlannedApplication {
  row: number;
  existing: Awaited<ReturnType<typeof allApplicationsOf>>[number] | undefined;
  fields: z.infer<typeof applicationInput>;
}

export async function importApplications(ctx: ServiceContext, regionCode: string, file: Buffer, dryRun: boolean): Promise<ImportReport> {
  const sheetRows = await readSheet(file, APPLICATION_HEADERS, ['name', 'unit', 'kind']);
  return ctx.db.transaction(async (tx) => {
    const units = unitIndex(await allUnitsOf(tx, regionCode));
    const naming = serviceNaming(await allServicesOf(tx, regionCode));
    const existing = new Map((await allApplicationsOf(tx, regionCode)).map((a) => [a.name.toLowerCase(), a]));
    const errors: ImportReport['errors'] = [];
    const err = (row: number, key: string, reason: string) => errors.push({ row, field: APPLICATION_LABEL[key] ?? key, reason });
    const seen = new Map<string, number>();
    const plan: PlannedApplication[] = [];

    for (const { rowNumber, cells } of sheetRows) {
      const before = errors.length;
      const unitText = (cells.unit ?? '').trim();
      const unit = unitText ? units.get(unitText.toLowerCase()) : undefined;
      if (!unitText) err(rowNumber, 'unit', 'Unit pemilik wajib diisi');
      else if (!unit) err(rowNumber, 'unit', `Unit "${unitText}" tidak ditemukan di daerah ini`);
      else {
        const refusal = operatorUnitRefusal(ctx.actor, unit.id);
        if (refusal) err(rowNumber, 'unit', refusal);
      }
      const current = existing.get((cells.name ?? '').trim().toLowerCase());
      if (current && ctx.actor.role === 'operator' && current.unitId !== ctx.actor.unitId) {
        err(rowNumber, 'name', 'Aplikasi dengan nama ini milik unit lain');
      }
      const serviceIds: string[] = [];
      for (const part of (cells.services ?? '').split(';')) {
        const text = part.trim();
        if (!text) continue;
        const found = naming.resolve(text);
        if ('id' in found) serviceIds.push(found.id);
        else err(rowNumber, 'services', found.reason);
      }
      const parsed = applicationInput.safeParse({
        name: cells.name ?? '',
        unitId: unit?.id ?? '00000000-0000-4000-8000-000000000000',
        description: cells.description || null,
        kind: codeOf(cells.kind),
        hosting: codeOf(cells.hosting) || undefined,
        status: codeOf(cells.status) || undefined,
        url: cells.url || null,
        serviceIds: [...new Set(serviceIds)],
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) err(rowNumber, String(issue.path[0] ?? 'name'), issue.message);
      }
      if (errors.length > before || !parsed.success) continue;
      const key = parsed.data.name.toLowerCase();
      const twin = seen.get(key);
      if (twin !== undefined) {
        err(rowNumber, 'name', `Nama aplikasi sama dengan baris ${twin}`);
        continue;
      }
      seen.set(key, rowNumber);
      plan.push({ row: rowNumber, existing: existing.get(key), fields: parsed.data });
    }

    const toUpdate = plan.filter((p) => p.existing).length;
    if (dryRun) return reportOf(true, errors, plan.length - toUpdate, toUpdate);
    if (errors.length > 0) refuseWithErrors(errors);

    for (const p of plan) {
      const { serviceIds, ...columns } = p.fields;
      let id: string;
      if (p.existing) {
        id = p.existing.id;
        await tx
          .update(applications)
          .set({ ...columns, version: sql`${applications.version} + 1`, updatedAt: ctx.now })
          .where(and(eq(applications.id, id), eq(applications.regionCode, regionCode)));
      } else {
        const [created] = await tx
          .insert(applications)
          .values({ ...columns, regionCode, createdAt: ctx.now, updatedAt: ctx.now })
          .returning({ id: applications.id });
        if (!created) throw new AppError('INTERNAL');
        id = created.id;
      }
      await linkServices(tx, id, serviceIds);
      await recordAudit(tx, ctx, {
        action: p.existing ? 'application.updated' : 'application.created',
        entityType: 'application',
        entityId: id,
        regionCode,
        after: { ...p.fields, via: 'import' },
      });
    }
    const report = reportOf(false, errors, plan.length - toUpdate, toUpdate);
    await recordAudit(tx, ctx, {
      action: 'application.imported',
      entityType: 'application',
      entityId: null,
      regionCode,
      after: { created: report.created, updated: report.updated, rows: sheetRows.length },
    });
    return report;
  });
}
