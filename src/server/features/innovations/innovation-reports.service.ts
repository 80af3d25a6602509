/**
 * Reports on a period's innovations: the target dashboard, computed with SQL
 * aggregates, and the XLSX export in the column order of the national IID application's profile form
 * (domain doc §2.9), which the import (innovation-import.service.ts) reads back.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { type BENTUK, type INISIATOR, JENIS, TAHAPAN, type TEMATIK, URUSAN, YANDAS } from '#domain/innovations/profile.ts';
import { INNOVATION_STATUSES, type InnovationStatus } from '#domain/innovations/workflow.ts';
import { OPD_KINDS, UNIT_KINDS } from '#domain/units/unit-kinds.ts';
import type { Period, PeriodDashboard } from '#shared/api/innovations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovations, units } from '#server/db/schema.ts';
import { DATE_FORMAT, dateCell, type SheetColumn, writeSheet } from '#server/lib/xlsx.ts';

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
} as const satisfies {
  tahapan: Record<(typeof TAHAPAN)[number], string>;
  inisiator: Record<(typeof INISIATOR)[number], string>;
  jenis: Record<(typeof JENIS)[number], string>;
  bentuk: Record<(typeof BENTUK)[number], string>;
  tematik: Record<(typeof TEMATIK)[number], string>;
  status: Record<InnovationStatus, string>;
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
};

// ---- dashboard --------------------------------------------------------------------------------

/**
 * The statuses that count toward the period's targets: what a unit has proposed (diajukan) and is still
 * alive (dikembalikan for a fix, terverifikasi). A draft has not been proposed yet, so a unit whose only
 * innovation is a draft has not met its minimum; a rejected (`ditolak`) one is out. Both appear only in
 * the count by status (and a unit's drafts beside its count, so it sees what is left to submit).
 * `verified` counts `terverifikasi` alone.
 */
export const COUNTED_STATUSES: InnovationStatus[] = INNOVATION_STATUSES.filter((s) => s !== 'draft' && s !== 'ditolak');

/** Sub-units owe the minimum only when the period says so; OPDs and kecamatan always do. */
function owingKinds(countsSubUnits: boolean): string[] {
  return countsSubUnits ? [...UNIT_KINDS] : [...OPD_KINDS, 'kecamatan'];
}

/** The key under which innovations with an empty field are counted. */
export const UNSET_KEY = 'belum_diisi';

type CountRow = { key: string | null; count: number };

/**
 * Counts in the vocabulary's order (zeros kept when `keepZero`, otherwise largest first), then the
 * innovations that leave the field empty, if any.
 */
function countsInOrder(rows: CountRow[], order: readonly string[], keepZero: boolean) {
  const byKey = new Map(rows.map((r) => [r.key ?? UNSET_KEY, r.count]));
  const inOrder = order.map((key) => ({ key, count: byKey.get(key) ?? 0 }));
  const known = keepZero ? inOrder : inOrder.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  const unset = byKey.get(UNSET_KEY) ?? 0;
  return unset > 0 ? [...known, { key: UNSET_KEY, count: unset }] : known;
}

async function countByColumn(db: DbOrTx, where: SQL | undefined, column: PgColumn): Promise<CountRow[]> {
  const rows = await db
    .select({ key: sql<string | null>`${column}`, count: sql<number>`count(*)::int` })
    .from(innovations)
    .where(where)
    .groupBy(column);
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/**
 * Each owing unit with its innovations. When sub-units do not owe the minimum, what they propose is
 * credited to the unit above them (a school's innovation to its education office, a kelurahan's to
 * its kecamatan), as regions report them; when they do owe it, each unit counts only its own. A left
 * join keeps units with no innovation, so they show with 0.
 */
async function unitCounts(db: DbOrTx, regionCode: string, period: Period) {
  const member = alias(units, 'member');
  const memberOf = period.countsSubUnits ? eq(member.id, units.id) : or(eq(member.id, units.id), eq(member.parentId, units.id));
  return db
    .select({
      unitId: units.id,
      unitName: units.name,
      kind: units.kind,
      total: sql<number>`(count(${innovations.id}) filter (where ${inArray(innovations.status, COUNTED_STATUSES)}))::int`,
      verified: sql<number>`(count(${innovations.id}) filter (where ${innovations.status} = 'terverifikasi'))::int`,
      drafts: sql<number>`(count(${innovations.id}) filter (where ${innovations.status} = 'draft'))::int`,
    })
    .from(units)
    .leftJoin(member, and(eq(member.regionCode, regionCode), memberOf))
    .leftJoin(innovations, and(eq(innovations.unitId, member.id), eq(innovations.regionCode, regionCode), eq(innovations.periodId, period.id)))
    .where(and(eq(units.regionCode, regionCode), inArray(units.kind, owingKinds(period.countsSubUnits))))
    .groupBy(units.id, units.name, units.kind)
    .orderBy(asc(units.name), asc(units.id));
}

/**
 * How many counted innovations serve each of the six yandas urusan, as urusan utama or among the
 * irisan (an innovation counts once per urusan it serves).
 */
async function yandasCounts(db: DbOrTx, regionCode: string, periodId: string) {
  const ids = sql.join(
    YANDAS.map((y) => sql`${y.id}`),
    sql`, `,
  );
  const yandasId = sql<string>`y.id`;
  const rows = await db
    .select({ urusan: yandasId, count: sql<number>`count(${innovations.id})::int` })
    .from(sql`unnest(array[${ids}]::text[]) as y(id)`)
    .leftJoin(
      innovations,
      and(
        eq(innovations.regionCode, regionCode),
        eq(innovations.periodId, periodId),
        inArray(innovations.status, COUNTED_STATUSES),
        or(eq(innovations.urusanUtama, yandasId), sql`${innovations.urusanIrisan} @> jsonb_build_array(${yandasId})`),
      ),
    )
    .groupBy(yandasId);
  const byId = new Map(rows.map((r) => [r.urusan, Number(r.count)]));
  return YANDAS.map((y) => ({ urusan: y.id, name: y.name, count: byId.get(y.id) ?? 0 }));
}

export async function periodDashboardData(db: DbOrTx, regionCode: string, period: Period): Promise<PeriodDashboard> {
  const inPeriod = and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, period.id));
  const counted = and(inPeriod, inArray(innovations.status, COUNTED_STATUSES));
  const [byStatus, byTahapan, byJenis, byUrusan, unitRows, yandas] = await Promise.all([
    countByColumn(db, inPeriod, innovations.status),
    countByColumn(db, counted, innovations.tahapan),
    countByColumn(db, counted, innovations.jenis),
    countByColumn(db, counted, innovations.urusanUtama),
    unitCounts(db, regionCode, period),
    yandasCounts(db, regionCode, period.id),
  ]);

  const statusCounts = countsInOrder(byStatus, INNOVATION_STATUSES, true);
  const countOf = (status: InnovationStatus) => statusCounts.find((c) => c.key === status)?.count ?? 0;

  const unitList = unitRows
    .map((u) => {
      const total = Number(u.total);
      return {
        unitId: u.unitId,
        unitName: u.unitName,
        kind: u.kind,
        total,
        verified: Number(u.verified),
        drafts: Number(u.drafts),
        minimum: period.minPerUnit,
        meetsMinimum: total >= period.minPerUnit,
      };
    })
    // Units short of their minimum first, so they stand out; by name within each group (stable sort).
    .sort((a, b) => Number(a.meetsMinimum) - Number(b.meetsMinimum));

  return {
    period,
    total: COUNTED_STATUSES.reduce((n, s) => n + countOf(s), 0),
    verified: countOf('terverifikasi'),
    byStatus: statusCounts,
    byTahapan: countsInOrder(byTahapan, TAHAPAN, true),
    byJenis: countsInOrder(byJenis, JENIS, true),
    byUrusan: countsInOrder(
      byUrusan,
      URUSAN.map((u) => u.id),
      false,
    ),
    units: unitList,
    yandas,
    yandasCovered: yandas.filter((y) => y.count > 0).length,
  };
}

// ---- export -----------------------------------------------------------------------------------

export async function periodInnovationsForSheet(db: DbOrTx, regionCode: string, periodId: string) {
  return db
    .select({
      name: innovations.name,
      unitName: units.name,
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
    })
    .from(innovations)
    .innerJoin(units, and(eq(units.id, innovations.unitId), eq(units.regionCode, regionCode)))
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, periodId)))
    .orderBy(asc(units.name), asc(innovations.name), asc(innovations.id));
}

type SheetItem = Awaited<ReturnType<typeof periodInnovationsForSheet>>[number];

const SHEET_VALUES: Record<SheetKey, (r: SheetItem) => string | Date | null> = {
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
};

/** One row per innovation of the period (every status), in the national form's column order. */
export async function exportPeriodInnovations(db: DbOrTx, regionCode: string, period: Period): Promise<Buffer> {
  const rows = await periodInnovationsForSheet(db, regionCode, period.id);
  const columns: SheetColumn<SheetItem>[] = SHEET_COLUMNS.map((c) => ({
    header: c.header,
    width: WIDTHS[c.key] ?? 18,
    value: SHEET_VALUES[c.key],
    ...(c.key === 'waktuUjiCoba' || c.key === 'waktuPenerapan' ? { numFmt: DATE_FORMAT } : {}),
  }));
  return writeSheet(`Inovasi ${period.year}`, columns, rows);
}
