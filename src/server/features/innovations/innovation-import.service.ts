/**
 * Imports a region's existing innovations from XLSX into a period. The sheet has
 * the columns of the export (innovation-reports.service.ts); every row is checked first and its errors
 * listed; a dry run writes nothing, a real run with any error writes nothing either, and a clean real
 * run creates draft innovations in one transaction, each with an `imported` timeline event, plus one
 * audit entry for the whole import.
 */
import { randomUUID } from 'node:crypto';
import {
  ASTA_CITA_IDS,
  BENTUK,
  INISIATOR,
  JENIS,
  KLASIFIKASI,
  PKPN_KLASTER_IDS,
  SUMBER_ANGGARAN,
  TAHAPAN,
  URUSAN,
} from '#domain/innovations/profile.ts';
import { tematikOptionsOfPeriod } from '#server/platform/innovation-profile.ts';
import { innovationFields, type InnovationImportReport } from '#shared/api/innovations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovationEvents, innovations } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { readSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { findPeriod } from './periods.service.ts';
import { allUnitsOf } from '#server/platform/records.ts';
import { PROFILE_LABELS, SHEET_COLUMNS, type LabelledField, type SheetKey } from './innovation-reports.service.ts';
import type { InnovationFields } from './innovations.service.ts';

// ---- contract ---------------------------------------------------------------------------------

// ---- reading cells ----------------------------------------------------------------------------

const HEADER = Object.fromEntries(SHEET_COLUMNS.map((c) => [c.key, c.header])) as Record<SheetKey, string>;

/** Accepted header text (lower case) → the column's header. Status is exported but never imported. */
const HEADER_MAP: Record<string, string> = Object.fromEntries(
  SHEET_COLUMNS.filter((c) => c.key !== 'status').flatMap((c) => [c.header, ...c.aliases].map((h) => [h.toLowerCase(), c.header])),
);

/** Lower case, with spaces, hyphens and underscores alike: "Non-Digital" = "non_digital" = "non digital". */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–]+/g, ' ')
    .trim();
}

function vocabulary(field: LabelledField, ids: readonly string[], extra: Record<string, string> = {}): Map<string, string> {
  const labels: Record<string, string> = PROFILE_LABELS[field];
  const map = new Map<string, string>();
  for (const id of ids) {
    map.set(normalize(id), id);
    const label = labels[id];
    if (label) map.set(normalize(label), id);
  }
  for (const [alias, id] of Object.entries(extra)) map.set(normalize(alias), id);
  return map;
}

const VOCABULARIES = {
  tahapan: vocabulary('tahapan', TAHAPAN, { ujicoba: 'uji_coba', implementasi: 'penerapan' }),
  inisiator: vocabulary('inisiator', INISIATOR, { dprd: 'anggota_dprd', 'perangkat daerah': 'opd' }),
  jenis: vocabulary('jenis', JENIS, { nondigital: 'non_digital' }),
  bentuk: vocabulary('bentuk', BENTUK, {
    'tata kelola': 'tata_kelola',
    'tata kelola pemerintahan daerah': 'tata_kelola',
    'inovasi tata kelola': 'tata_kelola',
    'pelayanan publik': 'pelayanan_publik',
    'inovasi daerah lainnya': 'lainnya',
    'inovasi daerah lainnya sesuai urusan pemerintahan yang menjadi kewenangan daerah': 'lainnya',
  }),
  klasifikasi: vocabulary('klasifikasi', KLASIFIKASI, { 'perangkat daerah': 'perangkat_daerah', opd: 'perangkat_daerah' }),
  astaCita: vocabulary('astaCita', ASTA_CITA_IDS),
  pkpnKlaster: vocabulary('pkpnKlaster', PKPN_KLASTER_IDS, { 'non pkpn': 'non_pkpn' }),
  sumberAnggaran: vocabulary('sumberAnggaran', SUMBER_ANGGARAN),
} as const;

/** The period's tematik (its IID framework's list), by id or name, with the old short alias. */
function tematikVocabulary(options: ReadonlyArray<{ id: string; name: string }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of options) {
    map.set(normalize(o.id), o.id);
    map.set(normalize(o.name), o.id);
  }
  if (map.has('digitalisasi layanan') === false && options.some((o) => o.id === 'digitalisasi_layanan')) {
    map.set('digitalisasi layanan', 'digitalisasi_layanan');
  }
  return map;
}

const URUSAN_BY_TEXT = new Map<string, string>(URUSAN.flatMap((u) => [[normalize(u.id), u.id] as const, [normalize(u.name), u.id] as const]));

/** An urusan by id or name; the national list's numbering ("1. Pendidikan") is tolerated. */
function findUrusan(text: string): string | undefined {
  return URUSAN_BY_TEXT.get(normalize(text.replace(/^\d+\s*[.)]\s*/, '')));
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseChoice(field: keyof typeof VOCABULARIES, label: string, text: string): Parsed<string | null> {
  if (!text) return { ok: true, value: null };
  const id = VOCABULARIES[field].get(normalize(text));
  if (id) return { ok: true, value: id };
  const labels: Record<string, string> = PROFILE_LABELS[field];
  return { ok: false, reason: `${label} "${text}" tidak dikenal; gunakan salah satu: ${Object.values(labels).join(', ')}` };
}

/**
 * Urusan irisan, separated by semicolons or new lines. Names contain commas, so a comma separates
 * only when every piece it yields is an urusan.
 */
function parseUrusanList(text: string): Parsed<string[]> {
  const found: string[] = [];
  for (const part of text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const whole = findUrusan(part);
    if (whole) {
      found.push(whole);
      continue;
    }
    const pieces = part
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const ids = pieces.map(findUrusan);
    const unknown = pieces.find((_, i) => !ids[i]);
    if (unknown !== undefined) return { ok: false, reason: `Urusan "${unknown}" tidak dikenal` };
    for (const id of ids) if (id) found.push(id);
  }
  return { ok: true, value: [...new Set(found)] };
}

function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date typed as YYYY-MM-DD, or a real date cell (which the sheet reader hands over as an ISO
 * timestamp at UTC midnight, Excel dates having no time zone).
 */
function parseDate(text: string): Parsed<string | null> {
  if (!text) return { ok: true, value: null };
  const match = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.000)?Z)?$/.exec(text);
  if (match?.[1] && isCalendarDate(match[1])) return { ok: true, value: match[1] };
  return { ok: false, reason: `Tanggal "${text}" tidak dikenal; tulis YYYY-MM-DD (mis. 2025-03-31) atau gunakan sel bertipe tanggal` };
}

function parseCoordinates(text: string): Parsed<{ latitude: number | null; longitude: number | null }> {
  if (!text) return { ok: true, value: { latitude: null, longitude: null } };
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const [lat, lng] = parts.map(Number);
  if (parts.length === 2 && lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng)) {
    return { ok: true, value: { latitude: lat, longitude: lng } };
  }
  return { ok: false, reason: `Koordinat "${text}" tidak dikenal; tulis lintang, bujur (mis. -2.129, 106.113)` };
}

/** Which column a field of the innovation schema was read from. */
const COLUMN_OF_FIELD: Record<string, SheetKey> = { latitude: 'koordinat', longitude: 'koordinat' };

// ---- the import -------------------------------------------------------------------------------

interface PlannedRow {
  row: number;
  unitId: string;
  unitName: string;
  fields: InnovationFields;
}

const INSERT_CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function unitLookup(db: DbOrTx, regionCode: string) {
  const byText = new Map<string, { id: string; name: string }>();
  for (const u of await allUnitsOf(db, regionCode)) {
    byText.set(u.name.trim().toLowerCase(), { id: u.id, name: u.name });
    if (u.shortName) byText.set(u.shortName.trim().toLowerCase(), { id: u.id, name: u.name });
  }
  return byText;
}

export async function importInnovations(
  ctx: ServiceContext,
  regionCode: string,
  input: { periodId: string; dryRun: boolean },
  file: Buffer,
): Promise<InnovationImportReport> {
  const sheetRows = await readSheet(file, HEADER_MAP, [HEADER.name, HEADER.unit]);
  return ctx.db.transaction(async (tx) => {
    const period = await findPeriod(tx, regionCode, input.periodId);
    if (!period) throw fieldError('querystring.periodId', 'Periode tidak ditemukan di daerah ini');
    const unitsByText = await unitLookup(tx, regionCode);
    const tematikList = await tematikOptionsOfPeriod(tx, regionCode, period);
    const tematikByText = tematikVocabulary(tematikList);
    const parseTematik = (text: string): Parsed<string | null> => {
      if (!text) return { ok: true, value: null };
      const id = tematikByText.get(normalize(text));
      if (id) return { ok: true, value: id };
      return {
        ok: false,
        reason: `Tematik "${text}" tidak ada dalam daftar tematik IID tahun ${period.year}; gunakan salah satu: ${tematikList.map((o) => o.name).join(', ')}`,
      };
    };

    const errors: InnovationImportReport['errors'] = [];
    const plan: PlannedRow[] = [];
    for (const { rowNumber, cells } of sheetRows) {
      const rowErrors: { key: SheetKey; reason: string }[] = [];
      const cell = (key: SheetKey) => (cells[HEADER[key]] ?? '').trim();
      const take = <T>(key: SheetKey, parsed: Parsed<T>, fallback: T): T => {
        if (parsed.ok) return parsed.value;
        rowErrors.push({ key, reason: parsed.reason });
        return fallback;
      };

      const unitText = cell('unit');
      const unit = unitsByText.get(unitText.toLowerCase());
      if (!unitText) rowErrors.push({ key: 'unit', reason: 'Unit pengusul (Dibuat oleh) wajib diisi' });
      else if (!unit) rowErrors.push({ key: 'unit', reason: `Unit "${unitText}" tidak ditemukan di daerah ini (tulis nama atau singkatannya)` });

      const urusanText = cell('urusanUtama');
      const urusanUtama = urusanText ? findUrusan(urusanText) : undefined;
      if (urusanText && !urusanUtama) rowErrors.push({ key: 'urusanUtama', reason: `Urusan "${urusanText}" tidak dikenal` });
      const coordinates = take('koordinat', parseCoordinates(cell('koordinat')), { latitude: null, longitude: null });

      const candidate = {
        name: cell('name'),
        tahapan: take('tahapan', parseChoice('tahapan', 'Tahapan', cell('tahapan')), null),
        inisiator: take('inisiator', parseChoice('inisiator', 'Inisiator', cell('inisiator')), null),
        jenis: take('jenis', parseChoice('jenis', 'Jenis', cell('jenis')), null),
        bentuk: take('bentuk', parseChoice('bentuk', 'Bentuk', cell('bentuk')), null),
        urusanUtama: urusanUtama ?? null,
        urusanIrisan: take('urusanIrisan', parseUrusanList(cell('urusanIrisan')), []).filter((u) => u !== urusanUtama),
        tematik: take('tematik', parseTematik(cell('tematik')), null),
        waktuUjiCoba: take('waktuUjiCoba', parseDate(cell('waktuUjiCoba')), null),
        waktuPenerapan: take('waktuPenerapan', parseDate(cell('waktuPenerapan')), null),
        rancangBangun: cell('rancangBangun'),
        tujuan: cell('tujuan'),
        manfaat: cell('manfaat'),
        hasil: cell('hasil'),
        ...coordinates,
        contactName: cell('contactName'),
        contactPhone: cell('contactPhone'),
        contactEmail: cell('contactEmail'),
        klasifikasi: take('klasifikasi', parseChoice('klasifikasi', 'Klasifikasi', cell('klasifikasi')), null),
        namaInisiator: cell('namaInisiator'),
        astaCita: take('astaCita', parseChoice('astaCita', 'Asta Cita', cell('astaCita')), null),
        pkpnKlaster: take('pkpnKlaster', parseChoice('pkpnKlaster', 'Klaster PKPN', cell('pkpnKlaster')), null),
        pkpnProgram: cell('pkpnProgram'),
        // A number cell reads back as its digits; thousands separators typed as text are dropped.
        anggaran: cell('anggaran').replace(/[\s,]/g, ''),
        sumberAnggaran: take('sumberAnggaran', parseChoice('sumberAnggaran', 'Sumber anggaran', cell('sumberAnggaran')), null),
      };
      // The same rules as proposing through the form (lengths, required name, e-mail, coordinates).
      const checked = innovationFields.safeParse(candidate);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const field = String(issue.path[0] ?? 'name');
          const key = COLUMN_OF_FIELD[field] ?? (field in HEADER ? (field as SheetKey) : 'name');
          rowErrors.push({ key, reason: issue.message });
        }
      }

      const order = SHEET_COLUMNS.map((c) => c.key as SheetKey);
      rowErrors.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
      for (const e of rowErrors) errors.push({ row: rowNumber, field: HEADER[e.key], reason: e.reason });
      if (rowErrors.length === 0 && checked.success && unit) {
        plan.push({ row: rowNumber, unitId: unit.id, unitName: unit.name, fields: checked.data });
      }
    }

    const report: InnovationImportReport = {
      dryRun: input.dryRun,
      totalRows: sheetRows.length,
      validRows: plan.length,
      created: 0,
      errors,
      preview: plan.slice(0, 500).map((p) => ({
        row: p.row,
        name: p.fields.name,
        unitName: p.unitName,
        tahapan: p.fields.tahapan,
        jenis: p.fields.jenis,
        urusanUtama: p.fields.urusanUtama,
      })),
    };
    if (input.dryRun) return report;
    if (errors.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        issues: errors.slice(0, 200).map((e) => ({ field: `baris ${e.row} · ${e.field}`, reason: e.reason })),
      });
    }
    if (plan.length === 0) {
      throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Berkas tidak memuat baris inovasi' }] });
    }

    for (const batch of chunks(plan, INSERT_CHUNK)) {
      // Ids chosen here, so each timeline event names its row without relying on RETURNING order.
      const rows = batch.map((p) => ({ id: randomUUID(), ...p }));
      await tx.insert(innovations).values(
        rows.map((p) => ({
          id: p.id,
          ...p.fields,
          latitude: p.fields.latitude === null ? null : p.fields.latitude.toFixed(6),
          longitude: p.fields.longitude === null ? null : p.fields.longitude.toFixed(6),
          regionCode,
          periodId: period.id,
          unitId: p.unitId,
          status: 'draft',
          createdBy: ctx.actor.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })),
      );
      await tx.insert(innovationEvents).values(
        rows.map((p) => ({
          innovationId: p.id,
          regionCode,
          at: ctx.now,
          actorId: ctx.actor.id,
          actorName: ctx.actor.displayName,
          action: 'imported',
          toStatus: 'draft',
          note: `Impor XLSX, baris ${p.row}`,
        })),
      );
      report.created += rows.length;
    }
    await recordAudit(tx, ctx, {
      action: 'innovation.imported',
      entityType: 'innovation',
      entityId: null,
      regionCode,
      after: { periodId: period.id, year: period.year, created: report.created, rows: report.totalRows },
    });
    return report;
  });
}
