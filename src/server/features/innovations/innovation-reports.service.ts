/**
 * Reports on a period's innovations: the target dashboard, computed with SQL
 * aggregates, and the XLSX export in the column order of the national IID application's profile form
 * (domain doc §2.9), which the import (innovation-import.service.ts) reads back.
 */
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';

import {
  ASTA_CITA,
  type BENTUK,
  type INISIATOR,
  type JENIS,
  type KLASIFIKASI,
  PKPN_KLASTER,
  type SUMBER_ANGGARAN,
  type TAHAPAN,
  type TEMATIK,
  URUSAN,
} from '#domain/innovations/profile.ts';
import { tematikOptionsOfPeriod } from '#server/platform/innovation-profile.ts';
import type { InnovationStatus } from '#domain/innovations/workflow.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovations, units } from '#server/db/schema.ts';
import { DATE_FORMAT, dateCell, type SheetColumn, streamSheet } from '#server/lib/xlsx.ts';
import type { Period } from '#shared/api/innovations.ts';

// ---- labels -----------------------------------------------------------------------------------

/** Human labels of the profile vocabularies, as the national application shows them. */
export const PROFILE_LABELS = {
  tahapan: { inisiatif: 'Inisiatif', uji_coba: 'Uji coba', penerapan: 'Penerapan' },
  inisiator: {
    kepala_daerah: 'Kepala Daerah',
    anggota_dprd: 'Anggota DPRD',
    opd: 'OPD',
    asn: 'ASN',
    masyarakat: 'Masyarakat',
  },
  jenis: { digital: 'Digital', non_digital: 'Non digital' },
  bentuk: {
    tata_kelola: 'Inovasi tata kelola pemerintahan daerah',
    pelayanan_publik: 'Inovasi pelayanan publik',
    lainnya: 'Inovasi daerah lainnya sesuai urusan pemerintahan',
  },
  tematik: {
    digitalisasi_layanan: 'Digitalisasi layanan pemerintahan',
    penanggulangan_kemiskinan: 'Penanggulangan kemiskinan',
    kemudahan_investasi: 'Kemudahan investasi',
    prioritas_aktual_presiden: 'Prioritas aktual presiden',
    non_tematik: 'Non tematik',
  },
  status: { draft: 'Draf', diajukan: 'Diajukan', dikembalikan: 'Dikembalikan', terverifikasi: 'Terverifikasi', ditolak: 'Ditolak' },
  klasifikasi: { perangkat_daerah: 'Inovasi Perangkat Daerah', desa: 'Inovasi Desa', masyarakat: 'Inovasi Masyarakat' },
  astaCita: Object.fromEntries(ASTA_CITA.map((a) => [a.id, `Asta Cita ${a.id}`])) as Record<(typeof ASTA_CITA)[number]['id'], string>,
  pkpnKlaster: Object.fromEntries(PKPN_KLASTER.map((k) => [k.id, k.name])) as Record<(typeof PKPN_KLASTER)[number]['id'], string>,
  sumberAnggaran: { apbd: 'APBD', apbdes: 'APBDes', apbn: 'APBN', swasta: 'Swasta', lainnya: 'Lainnya' },
} as const satisfies {
  tahapan: Record<(typeof TAHAPAN)[number], string>;
  inisiator: Record<(typeof INISIATOR)[number], string>;
  jenis: Record<(typeof JENIS)[number], string>;
  bentuk: Record<(typeof BENTUK)[number], string>;
  tematik: Record<(typeof TEMATIK)[number], string>;
  status: Record<InnovationStatus, string>;
  klasifikasi: Record<(typeof KLASIFIKASI)[number], string>;
  astaCita: Record<string, string>;
  pkpnKlaster: Record<string, string>;
  sumberAnggaran: Record<(typeof SUMBER_ANGGARAN)[number], string>;
};

export type LabelledField = keyof typeof PROFILE_LABELS;

export function labelOf(field: LabelledField, id: string | null): string | null {
  if (id === null) return null;
  const labels: Record<string, string> = PROFILE_LABELS[field];
  return labels[id] ?? id;
}

const URUSAN_NAMES = new Map(URUSAN.map((u) => [u.id, u.name]));
export function urusanName(id: string): string {
  return URUSAN_NAMES.get(id) ?? id;
}

/** Urusan names contain commas ("Koperasi, Usaha Kecil dan Menengah"), so a list is joined with semicolons. */
export const URUSAN_LIST_SEPARATOR = '; ';

// ---- the sheet --------------------------------------------------------------------------------

/**
 * The columns of the innovation sheet, in order: first the profile fields of the national application's
 * form (§2.9: 1.1 Nama inovasi … 1.13 Waktu penerapan, with tematik and urusan irisan where the 2023
 * form has them), then Sinergi's own. `aliases` are the other header texts the import accepts
 * (compared in lower case). The export writes `header`; the import reads every column but Status.
 */
export const SHEET_COLUMNS = [
  { key: 'name', header: 'Nama inovasi', aliases: ['nama', 'nama inovasi daerah', 'name'] },
  { key: 'unit', header: 'Dibuat oleh', aliases: ['dibuat oleh (unit)', 'unit', 'perangkat daerah', 'opd', 'unit pengusul'] },
  { key: 'tahapan', header: 'Tahapan', aliases: ['tahapan inovasi'] },
  { key: 'inisiator', header: 'Inisiator', aliases: ['inisiator inovasi'] },
  { key: 'jenis', header: 'Jenis', aliases: ['jenis inovasi'] },
  { key: 'bentuk', header: 'Bentuk', aliases: ['bentuk inovasi'] },
  { key: 'urusanUtama', header: 'Urusan utama', aliases: ['urusan', 'urusan pemerintahan'] },
  { key: 'urusanIrisan', header: 'Urusan irisan', aliases: ['urusan lain', 'urusan lain yang beririsan'] },
  { key: 'tematik', header: 'Tematik', aliases: [] },
  { key: 'rancangBangun', header: 'Rancang bangun', aliases: ['rancang bangun dan pokok perubahan yang dilakukan'] },
  { key: 'tujuan', header: 'Tujuan', aliases: ['tujuan inovasi'] },
  { key: 'manfaat', header: 'Manfaat', aliases: ['manfaat yang diperoleh'] },
  { key: 'hasil', header: 'Hasil', aliases: ['hasil inovasi'] },
  { key: 'waktuUjiCoba', header: 'Waktu uji coba', aliases: ['waktu uji coba inovasi'] },
  { key: 'waktuPenerapan', header: 'Waktu penerapan', aliases: ['waktu implementasi', 'waktu implementasi / penerapan'] },
  { key: 'status', header: 'Status', aliases: [] },
  { key: 'koordinat', header: 'Koordinat', aliases: ['titik koordinat', 'lokasi'] },
  { key: 'contactName', header: 'Nama narahubung', aliases: ['narahubung'] },
  { key: 'contactPhone', header: 'Telepon narahubung', aliases: ['telepon', 'no. telepon narahubung'] },
  { key: 'contactEmail', header: 'Surel narahubung', aliases: ['surel', 'email', 'email narahubung'] },
  // The 2026 form's fields, after the older columns so that sheets written before them still read.
  { key: 'klasifikasi', header: 'Klasifikasi', aliases: ['klasifikasi inovasi'] },
  { key: 'namaInisiator', header: 'Nama inisiator', aliases: ['nama inisiator inovasi'] },
  { key: 'astaCita', header: 'Asta Cita', aliases: ['astacita'] },
  { key: 'pkpnKlaster', header: 'Klaster PKPN', aliases: ['pkpn', 'pkpn klaster'] },
  { key: 'pkpnProgram', header: 'Program PKPN', aliases: ['pkpn program'] },
  { key: 'anggaran', header: 'Anggaran (Rp)', aliases: ['anggaran', 'anggaran rp', 'nilai anggaran'] },
  { key: 'sumberAnggaran', header: 'Sumber anggaran', aliases: ['sumber dana'] },
] as const;

export type SheetKey = (typeof SHEET_COLUMNS)[number]['key'];

const WIDTHS: Partial<Record<SheetKey, number>> = {
  name: 48,
  unit: 36,
  bentuk: 32,
  urusanUtama: 30,
  urusanIrisan: 40,
  tematik: 30,
  rancangBangun: 60,
  tujuan: 40,
  manfaat: 40,
  hasil: 40,
  waktuUjiCoba: 14,
  waktuPenerapan: 14,
  koordinat: 24,
  namaInisiator: 28,
  pkpnKlaster: 30,
  pkpnProgram: 30,
  anggaran: 20,
};

export { COUNTED_STATUSES, periodDashboardData, UNSET_KEY } from '#server/platform/figures/innovation-target.ts';

// ---- export -----------------------------------------------------------------------------------

/**
 * Rows per database read of the export: the next batch is read while one is written, and rows that live
 * across that wait outlast the young generation's collections; small batches keep that garbage small.
 * Measured on a period of 200,000 innovations in one process: 2,000 rows a batch took 18.5 s and grew
 * the process by ~225 MiB, 500 rows 16.6 s and ~120 MiB, 250 rows 15.7 s and ~95 MiB.
 */
export const EXPORT_BATCH_ROWS = 250;

const sheetFields = {
  id: innovations.id,
  name: innovations.name,
  status: innovations.status,
  tahapan: innovations.tahapan,
  inisiator: innovations.inisiator,
  jenis: innovations.jenis,
  bentuk: innovations.bentuk,
  urusanUtama: innovations.urusanUtama,
  urusanIrisan: innovations.urusanIrisan,
  tematik: innovations.tematik,
  rancangBangun: innovations.rancangBangun,
  tujuan: innovations.tujuan,
  manfaat: innovations.manfaat,
  hasil: innovations.hasil,
  waktuUjiCoba: innovations.waktuUjiCoba,
  waktuPenerapan: innovations.waktuPenerapan,
  latitude: innovations.latitude,
  longitude: innovations.longitude,
  contactName: innovations.contactName,
  contactPhone: innovations.contactPhone,
  contactEmail: innovations.contactEmail,
  klasifikasi: innovations.klasifikasi,
  namaInisiator: innovations.namaInisiator,
  astaCita: innovations.astaCita,
  pkpnKlaster: innovations.pkpnKlaster,
  pkpnProgram: innovations.pkpnProgram,
  anggaran: innovations.anggaran,
  sumberAnggaran: innovations.sumberAnggaran,
};

/** The units of the region that have an innovation in the period, in the sheet's order (by name). */
async function unitsWithInnovations(db: DbOrTx, regionCode: string, periodId: string) {
  const proposing = db
    .select({ unitId: innovations.unitId })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, periodId)));
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.regionCode, regionCode), inArray(units.id, proposing)))
    .orderBy(asc(units.name), asc(units.id));
}

/**
 * One keyset page of a unit's innovations in the period, after (name, id) when given. The unit's name
 * comes back on every row rather than each row being copied to add it: with a copy per row, a download of
 * 200,000 rows grew the process by 110 to 170 MiB (garbage that outlived the young generation while its
 * batch was written), without it by 20 to 40 MiB, and it is faster.
 */
function unitSheetPage(
  db: DbOrTx,
  regionCode: string,
  periodId: string,
  unit: { id: string; name: string },
  after: { name: string; id: string } | null,
  limit: number,
) {
  return db
    .select({ ...sheetFields, unitName: sql<string>`${unit.name}::text` })
    .from(innovations)
    .where(
      and(
        eq(innovations.regionCode, regionCode),
        eq(innovations.periodId, periodId),
        eq(innovations.unitId, unit.id),
        after ? sql`(${innovations.name}, ${innovations.id}) > (${after.name}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(innovations.name), asc(innovations.id))
    .limit(limit);
}

/**
 * The period's innovations in the sheet's order (the proposing unit's name, then the innovation's name),
 * a batch at a time: unit by unit, and within a unit keyset pages on (name, id), so no read sorts or holds
 * more than one unit's innovations and no read skips rows with an OFFSET. Each page is its own statement:
 * on the embedded database a transaction held for the whole download would stop every other request, so
 * an innovation renamed while a long export runs may be missed or appear twice in that file.
 * "Dibuat oleh" is the proposing unit (`innovations.unit_id`), named as the unit is named today.
 */
export async function* periodInnovationBatches(db: DbOrTx, regionCode: string, periodId: string, batchRows = EXPORT_BATCH_ROWS) {
  const unitList = await unitsWithInnovations(db, regionCode, periodId);
  for (const unit of unitList) {
    let after: { name: string; id: string } | null = null;
    for (;;) {
      const page = await unitSheetPage(db, regionCode, periodId, unit, after, batchRows);
      const last = page.at(-1);
      if (!last) break;
      yield page;
      if (page.length < batchRows) break;
      after = { name: last.name, id: last.id };
    }
  }
}

type SheetItem = Awaited<ReturnType<typeof unitSheetPage>>[number];

const SHEET_VALUES: Record<SheetKey, (r: SheetItem) => string | number | Date | null> = {
  name: (r) => r.name,
  unit: (r) => r.unitName,
  tahapan: (r) => labelOf('tahapan', r.tahapan),
  inisiator: (r) => labelOf('inisiator', r.inisiator),
  jenis: (r) => labelOf('jenis', r.jenis),
  bentuk: (r) => labelOf('bentuk', r.bentuk),
  urusanUtama: (r) => (r.urusanUtama ? urusanName(r.urusanUtama) : null),
  urusanIrisan: (r) => r.urusanIrisan.map(urusanName).join(URUSAN_LIST_SEPARATOR) || null,
  tematik: (r) => labelOf('tematik', r.tematik),
  rancangBangun: (r) => r.rancangBangun || null,
  tujuan: (r) => r.tujuan || null,
  manfaat: (r) => r.manfaat || null,
  hasil: (r) => r.hasil || null,
  waktuUjiCoba: (r) => dateCell(r.waktuUjiCoba),
  waktuPenerapan: (r) => dateCell(r.waktuPenerapan),
  status: (r) => labelOf('status', r.status),
  // numeric(9,6) comes back as text: keep it as stored rather than round-tripping through a float.
  koordinat: (r) => (r.latitude !== null && r.longitude !== null ? `${r.latitude}, ${r.longitude}` : null),
  contactName: (r) => r.contactName,
  contactPhone: (r) => r.contactPhone,
  contactEmail: (r) => r.contactEmail,
  klasifikasi: (r) => labelOf('klasifikasi', r.klasifikasi),
  namaInisiator: (r) => r.namaInisiator,
  astaCita: (r) => labelOf('astaCita', r.astaCita),
  pkpnKlaster: (r) => labelOf('pkpnKlaster', r.pkpnKlaster),
  pkpnProgram: (r) => r.pkpnProgram,
  // A number cell so the clerk can sum it; numeric(15,2) fits a spreadsheet number to the sen.
  anggaran: (r) => (r.anggaran === null ? null : Number(r.anggaran)),
  sumberAnggaran: (r) => labelOf('sumberAnggaran', r.sumberAnggaran),
};

/**
 * One row per innovation of the period (every status), in the national form's column order, streamed: a
 * region with 200,000 innovations in a period is written in batches, never loaded whole (see `streamSheet`
 * for what a failure does before and after the first byte).
 */
export async function exportPeriodInnovations(db: DbOrTx, regionCode: string, period: Period): Promise<Readable> {
  // The tematik's name from the period's framework (its list is year data).
  const tematikNames = new Map((await tematikOptionsOfPeriod(db, regionCode, period)).map((o) => [o.id, o.name]));
  const values = {
    ...SHEET_VALUES,
    tematik: (r: SheetItem) => (r.tematik === null ? null : (tematikNames.get(r.tematik) ?? labelOf('tematik', r.tematik))),
  };
  const columns: SheetColumn<SheetItem>[] = SHEET_COLUMNS.map((c) => ({
    header: c.header,
    width: WIDTHS[c.key] ?? 18,
    value: values[c.key],
    ...(c.key === 'waktuUjiCoba' || c.key === 'waktuPenerapan' ? { numFmt: DATE_FORMAT } : {}),
    ...(c.key === 'anggaran' ? { numFmt: '#,##0.00' } : {}),
  }));
  return streamSheet(`Inovasi ${period.year}`, columns, periodInnovationBatches(db, regionCode, period.id));
}
