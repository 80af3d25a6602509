/**
 * The target figures of an innovation period: counts by status and profile, each owing unit against its
 * minimum, yandas coverage. The innovation feature's target dashboard and the region's dashboard both
 * read them here, so the two always show the same numbers.
 */
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { JENIS, TAHAPAN, URUSAN, YANDAS } from '#domain/innovations/profile.ts';
import { INNOVATION_STATUSES, type InnovationStatus } from '#domain/innovations/workflow.ts';
import { OPD_KINDS, UNIT_KINDS } from '#domain/units/unit-kinds.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovations, units } from '#server/db/schema.ts';
import type { Period, PeriodDashboard } from '#shared/api/innovations.ts';

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
