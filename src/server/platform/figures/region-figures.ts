/**
 * The region dashboard's headline figures for MANY regions of one year, in set form: one grouped query
 * per source across all the regions asked for (not the dashboard 552 times), then the same pure engines
 * the dashboard and the source pages use (the IID projection, the assessment figures, the IKM engine,
 * the complaint resolution rate). The national roll-up, the province view and the public national page
 * read them here, so "a figure shown in two places is the same figure": a region's row equals its
 * dashboard (the integration test compares them for the demo regions).
 */
import { and, desc, eq, gte, inArray, like, lt, ne, sql } from 'drizzle-orm';
import { computeFigures } from '#domain/assessments/figures.ts';
import { figureOf, type IidAnswer, type IidPeriodData, projectIidBases } from '#domain/iid/projection.ts';
import { CLOSED_STATUSES } from '#domain/services/complaint-workflow.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  assessmentItems,
  assessments,
  attachments,
  complaints,
  frameworkVersions,
  iidAnswers,
  innovations,
  periods,
  regions,
  services,
  skmPeriods,
  skmTallies,
  units,
  users,
} from '#server/db/schema.ts';
import { type PeriodFramework, pickIidFramework, usableVersionsOfRegions, versionsById } from '#server/platform/frameworks/registry.ts';
import { GOVERNMENT_INDEX_FRAMEWORKS, itemValuesOf } from './assessment-index.ts';
import { resolutionRate } from './complaint-stats.ts';
import { FigureKeep, figureGenerations } from './generations.ts';
import { answerOf, type IidAnswerRow, innovationData, type ProjectedInnovationRow } from './iid-projection.ts';
import { chooseByYear, type SumsRow, totalsOfRow } from './ikm.ts';
import { evaluateTotals, presentIkm, scoresTheNineUnsur } from './ikm-score.ts';
import { COUNTED_STATUSES } from './innovation-target.ts';

export interface RegionYearFigures {
  regionCode: string;
  /** Active accounts and units: a region with either uses the platform. */
  accounts: number;
  units: number;
  innovations: { periodId: string | null; target: number | null; proposed: number; verified: number };
  iid: { frameworkName: string; claimed: string; verified: string; predicate: string | null } | null;
  government: { frameworkName: string; stage: string; basis: 'claimed' | 'verified'; index: string | null; predicate: string | null } | null;
  ikm: { label: string; index: string | null; grade: string | null; responses: number } | null;
  complaints: { received: number; resolved: number; resolutionRate: string | null };
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const codeList = (codes: readonly string[]) =>
  sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );

async function usage(db: DbOrTx, codes: readonly string[]) {
  const [accountRows, unitRows] = await Promise.all([
    db
      .select({ code: users.regionCode, n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(inArray(users.regionCode, [...codes]), eq(users.isActive, true)))
      .groupBy(users.regionCode),
    db
      .select({ code: units.regionCode, n: sql<number>`count(*)::int` })
      .from(units)
      .where(inArray(units.regionCode, [...codes]))
      .groupBy(units.regionCode),
  ]);
  return {
    accounts: new Map(accountRows.map((r) => [r.code ?? '', Number(r.n)])),
    units: new Map(unitRows.map((r) => [r.code, Number(r.n)])),
  };
}

/** The year's innovation period of each region with its counts, as the target dashboard counts them. */
async function periodsOfYear(db: DbOrTx, codes: readonly string[], year: number) {
  return db
    .select({
      id: periods.id,
      regionCode: periods.regionCode,
      year: periods.year,
      targetTotal: periods.targetTotal,
      iidFrameworkVersionId: periods.iidFrameworkVersionId,
      iidEvidenceRequired: periods.iidEvidenceRequired,
      proposed: sql<number>`(count(${innovations.id}) filter (where ${inArray(innovations.status, COUNTED_STATUSES)}))::int`,
      verified: sql<number>`(count(${innovations.id}) filter (where ${innovations.status} = 'terverifikasi'))::int`,
    })
    .from(periods)
    .leftJoin(innovations, and(eq(innovations.periodId, periods.id), eq(innovations.regionCode, periods.regionCode)))
    .where(and(inArray(periods.regionCode, [...codes]), eq(periods.year, year)))
    .groupBy(periods.id);
}

type YearPeriod = Awaited<ReturnType<typeof periodsOfYear>>[number];

/**
 * What a period's IID is computed from, as one text per period. Every change the app makes to an
 * innovation bumps its version or its status and time, every change to an IID answer bumps its version,
 * and evidence rows are added or removed: so counts, version sums, the status mix, the latest change and
 * a hash of the evidence ids move with any insert, change or removal. The innovations part is read from
 * one index (`innovations_period_figures_idx`): ~15 ms for a year of every region, against ~4 ms a
 * region to project them.
 */
async function iidSignatures(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const list = codeList(ids);
  const [own, answered, evidence] = await Promise.all([
    db.execute(sql`
      select i.period_id as "periodId",
        concat_ws(':', count(*), sum(i.version), sum(hashtext(i.status)), max(i.updated_at)) as sig
      from ${innovations} i where i.period_id in (${list}) group by i.period_id`),
    db.execute(sql`
      select a.period_id as "periodId", concat_ws(':', count(*), sum(a.version)) as sig
      from ${iidAnswers} a where a.period_id in (${list}) group by a.period_id`),
    db.execute(sql`
      select i.period_id as "periodId", concat_ws(':', count(*), sum(hashtextextended(e.id::text || e.slot, 0))) as sig
      from ${attachments} e join ${innovations} i on i.id = e.owner_id and i.region_code = e.region_code
      where e.owner_type = 'innovation' and e.slot like 'sid.%' and i.period_id in (${list}) group by i.period_id`),
  ]);
  const part = (result: unknown) => new Map(rowsOf<{ periodId: string; sig: string }>(result).map((r) => [r.periodId, r.sig]));
  const [a, b, c] = [part(own), part(answered), part(evidence)];
  return new Map(ids.map((id) => [id, `${a.get(id) ?? '-'}|${b.get(id) ?? '-'}|${c.get(id) ?? '-'}`]));
}

/**
 * Each period's projected IID, kept (per database handle, in this process) with the key it was
 * computed for: the framework version, the evidence rule and the period's signature, read before the
 * data. A hit therefore means the same inputs, so the same figure; a write read after the signature only
 * makes the next key differ. Several instances each keep their own; none can serve a stale figure.
 */
const keptIid = new FigureKeep<NonNullable<RegionYearFigures['iid']>>(5_000);

/** The projected IID of many periods: signatures first, then the data and the projection of the periods that changed. */
async function iidOfPeriods(db: DbOrTx, list: readonly YearPeriod[]): Promise<Map<string, RegionYearFigures['iid']>> {
  const out = new Map<string, RegionYearFigures['iid']>();
  if (list.length === 0) return out;
  const [signatures, candidates] = await Promise.all([
    iidSignatures(
      db,
      list.map((p) => p.id),
    ),
    usableVersionsOfRegions(db, [...new Set(list.map((p) => p.regionCode))], 'innovations'),
  ]);
  const now = new Date();
  const stale: { period: YearPeriod; version: PeriodFramework; key: string }[] = [];
  for (const period of list) {
    const version = pickIidFramework(candidates.get(period.regionCode) ?? [], period);
    if (!version) continue;
    const key = `${version.id}|${period.iidEvidenceRequired}|${signatures.get(period.id)}`;
    const kept = keptIid.get(db, period.id, key, now);
    if (kept) out.set(period.regionCode, kept);
    else stale.push({ period, version, key });
  }
  if (stale.length === 0) return out;

  const ids = stale.map((s) => s.period.id);
  const [rows, answers, evidence] = await Promise.all([
    db
      .select({
        periodId: innovations.periodId,
        id: innovations.id,
        name: innovations.name,
        status: innovations.status,
        unitId: innovations.unitId,
        unitName: units.name,
        urusanUtama: innovations.urusanUtama,
        urusanIrisan: innovations.urusanIrisan,
        rancangBangun: innovations.rancangBangun,
        waktuPenerapan: innovations.waktuPenerapan,
        waktuPengembangan: innovations.waktuPengembangan,
        uraianPengembangan: innovations.uraianPengembangan,
      })
      .from(innovations)
      .innerJoin(units, eq(units.id, innovations.unitId))
      .where(and(inArray(innovations.periodId, ids), ne(innovations.status, 'ditolak')))
      .orderBy(innovations.name, innovations.id),
    db.select().from(iidAnswers).where(inArray(iidAnswers.periodId, ids)),
    db
      .selectDistinct({ innovationId: attachments.ownerId, target: attachments.slot })
      .from(attachments)
      .innerJoin(innovations, and(eq(innovations.id, attachments.ownerId), eq(innovations.regionCode, attachments.regionCode)))
      .where(and(eq(attachments.ownerType, 'innovation'), inArray(innovations.periodId, ids), like(attachments.slot, 'sid.%'))),
  ]);
  const rowsOfPeriod = new Map<string, ProjectedInnovationRow[]>();
  for (const { periodId, ...r } of rows) {
    if (periodId === null) continue;
    const kept = rowsOfPeriod.get(periodId);
    if (kept) kept.push(r);
    else rowsOfPeriod.set(periodId, [r]);
  }
  const answersOf = new Map<string, IidAnswerRow[]>();
  for (const a of answers) {
    const key = `${a.periodId}/${a.innovationId ?? ''}`;
    const kept = answersOf.get(key);
    if (kept) kept.push(a);
    else answersOf.set(key, [a]);
  }
  const targetsOf = new Map<string, Set<string>>();
  for (const e of evidence) targetsOf.set(e.innovationId, (targetsOf.get(e.innovationId) ?? new Set()).add(e.target));

  for (const { period, version, key } of stale) {
    const spd = new Map<string, IidAnswer>();
    for (const a of answersOf.get(`${period.id}/`) ?? []) {
      const answer = answerOf(a);
      if (answer !== undefined) spd.set(a.indicatorId, answer);
    }
    const data: IidPeriodData = {
      spd,
      innovations: (rowsOfPeriod.get(period.id) ?? []).map((r) =>
        innovationData(r, answersOf.get(`${period.id}/${r.id}`) ?? [], targetsOf.get(r.id) ?? new Set()),
      ),
    };
    // The two projections alone: the warnings and listings of the IID page are not figures.
    const projection = projectIidBases(version.framework, data, { evidenceRequired: period.iidEvidenceRequired });
    const claimed = figureOf(projection.claimed);
    const verified = figureOf(projection.verified);
    const figure = {
      frameworkName: version.framework.name,
      claimed: claimed.index,
      verified: verified.index,
      predicate: verified.predicate,
    };
    out.set(period.regionCode, figure);
    keptIid.set(db, period.id, key, figure);
  }
  return out;
}

/** Each region's SPBE or Pemdi index of the year (Pemdi first), as the dashboard and the assessment report show it. */
async function governmentIndices(db: DbOrTx, codes: readonly string[], year: number): Promise<Map<string, RegionYearFigures['government']>> {
  const out = new Map<string, RegionYearFigures['government']>();
  const found = await db
    .select({
      id: assessments.id,
      regionCode: assessments.regionCode,
      frameworkId: assessments.frameworkId,
      frameworkVersionId: assessments.frameworkVersionId,
      frameworkName: frameworkVersions.name,
      stage: assessments.stage,
    })
    .from(assessments)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessments.frameworkVersionId))
    .where(
      and(
        inArray(assessments.regionCode, [...codes]),
        eq(assessments.year, year),
        inArray(assessments.frameworkId, [...GOVERNMENT_INDEX_FRAMEWORKS]),
      ),
    );
  const chosen = new Map<string, (typeof found)[number]>();
  for (const frameworkId of GOVERNMENT_INDEX_FRAMEWORKS) {
    for (const a of found) if (a.frameworkId === frameworkId && !chosen.has(a.regionCode)) chosen.set(a.regionCode, a);
  }
  if (chosen.size === 0) return out;
  const picked = [...chosen.values()];
  const [versions, items] = await Promise.all([
    versionsById(
      db,
      picked.map((a) => a.frameworkVersionId),
    ),
    db
      .select({
        assessmentId: assessmentItems.assessmentId,
        indicatorId: assessmentItems.indicatorId,
        claimedValue: assessmentItems.claimedValue,
        verification: assessmentItems.verification,
        verifiedValue: assessmentItems.verifiedValue,
      })
      .from(assessmentItems)
      .where(
        inArray(
          assessmentItems.assessmentId,
          picked.map((a) => a.id),
        ),
      ),
  ]);
  const itemsOf = new Map<string, typeof items>();
  for (const i of items) itemsOf.set(i.assessmentId, [...(itemsOf.get(i.assessmentId) ?? []), i]);
  for (const a of picked) {
    const version = versions.get(a.frameworkVersionId);
    // A version of another region is not this region's to score with (the dashboard would not find it).
    if (!version || (version.regionCode !== null && version.regionCode !== a.regionCode)) continue;
    const { claimed, verified } = computeFigures(version.framework, itemValuesOf(itemsOf.get(a.id) ?? []));
    const basis = a.stage === 'mandiri' ? 'claimed' : 'verified';
    const figure = basis === 'claimed' ? claimed : verified;
    out.set(a.regionCode, { frameworkName: a.frameworkName, stage: a.stage, basis, index: figure.index, predicate: figure.predicate });
  }
  return out;
}

/** Each region's IKM of the year: its latest survey period starting in the year, from the tallies of its services. */
async function ikmOfYear(db: DbOrTx, codes: readonly string[], year: number): Promise<Map<string, RegionYearFigures['ikm']>> {
  const out = new Map<string, RegionYearFigures['ikm']>();
  const all = await db
    .select()
    .from(skmPeriods)
    .where(and(inArray(skmPeriods.regionCode, [...codes]), eq(skmPeriods.year, year)))
    .orderBy(desc(skmPeriods.startsOn), desc(skmPeriods.id));
  const latest = new Map<string, (typeof all)[number]>();
  for (const p of all) if (!latest.has(p.regionCode)) latest.set(p.regionCode, p);
  if (latest.size === 0) return out;
  const chosen = [...latest.values()];
  const [sums, candidates, named] = await Promise.all([
    db.execute(sql`
      select t.period_id as "periodId", ${sql.raw(TALLY_SUMS)}
      from ${skmTallies} t
      join ${skmPeriods} p on p.id = t.period_id
      join ${services} s on s.id = t.service_id and s.region_code = p.region_code
      where t.period_id in (${codeList(chosen.map((p) => p.id))})
      group by t.period_id`),
    usableVersionsOfRegions(
      db,
      chosen.map((p) => p.regionCode),
      'survey',
    ),
    versionsById(
      db,
      chosen.flatMap((p) => (p.frameworkVersionId ? [p.frameworkVersionId] : [])),
    ),
  ]);
  const totalsOf = new Map(rowsOf<SumsRow & { periodId: string }>(sums).map((r) => [r.periodId, totalsOfRow(r)]));
  for (const p of chosen) {
    const version = p.frameworkVersionId ? named.get(p.frameworkVersionId) : chooseByYear(candidates.get(p.regionCode) ?? [], p.year);
    if (!version || !scoresTheNineUnsur(version.framework) || (version.regionCode !== null && version.regionCode !== p.regionCode)) continue;
    const totals = totalsOf.get(p.id);
    const result = totals ? evaluateTotals(version.framework, totals) : null;
    const ikm = result && totals ? presentIkm(result, totals.responses) : null;
    out.set(p.regionCode, {
      label: p.semester === null ? String(p.year) : `${p.year} Semester ${p.semester}`,
      index: ikm?.index ?? null,
      grade: ikm?.grade ?? null,
      responses: totals?.responses ?? 0,
    });
  }
  return out;
}

const TALLY_SUMS = [
  'coalesce(sum(t.responses), 0)::int as responses',
  ...Array.from({ length: 9 }, (_, i) => [
    `coalesce(sum(t.s${i + 1}), 0)::int as s${i + 1}`,
    `coalesce(sum(t.c${i + 1}), 0)::int as c${i + 1}`,
  ]).flat(),
].join(', ');

/** Complaints filed in the calendar year (WIB), counted as the complaint statistics page counts them. */
async function complaintsOfYear(db: DbOrTx, codes: readonly string[], year: number) {
  const rows = await db
    .select({
      code: complaints.regionCode,
      received: sql<number>`count(*)::int`,
      resolved: sql<number>`(count(*) filter (where ${complaints.status} = 'selesai'))::int`,
      closed: sql<number>`(count(*) filter (where ${inArray(complaints.status, [...CLOSED_STATUSES])}))::int`,
    })
    .from(complaints)
    .where(
      and(
        inArray(complaints.regionCode, [...codes]),
        gte(complaints.createdAt, new Date(`${year}-01-01T00:00:00+07:00`)),
        lt(complaints.createdAt, new Date(`${year + 1}-01-01T00:00:00+07:00`)),
      ),
    )
    .groupBy(complaints.regionCode);
  return new Map(
    rows.map((r) => [
      r.code,
      { received: Number(r.received), resolved: Number(r.resolved), resolutionRate: resolutionRate(Number(r.resolved), Number(r.closed)) },
    ]),
  );
}

/**
 * Each region's row of a year, kept while the region's generation is unchanged: a roll-up of 552
 * regions computes again only the regions whose data moved since it was last read.
 */
const keptRows = new FigureKeep<RegionYearFigures>(20_000);

/** The headline figures of a year for each of the regions: kept rows, and the others computed in set form. */
export async function regionFiguresOfYear(db: DbOrTx, codes: readonly string[], year: number): Promise<Map<string, RegionYearFigures>> {
  // A few regions by name, many by reading every region's number at once (one small table).
  const generationOf = await figureGenerations(db, codes.length > 50 ? null : codes);
  const now = new Date();
  const out = new Map<string, RegionYearFigures>();
  const stale: string[] = [];
  for (const code of codes) {
    const row = keptRows.get(db, `${code}|${year}`, generationOf(code), now);
    if (row) out.set(code, row);
    else stale.push(code);
  }
  const computed = await computeRegionFigures(db, stale, year);
  for (const code of stale) {
    const row = computed.get(code);
    if (!row) continue;
    keptRows.set(db, `${code}|${year}`, generationOf(code), row);
    out.set(code, row);
  }
  // In the order asked for, as the set-form computation gives it.
  return new Map(codes.flatMap((code) => (out.has(code) ? [[code, out.get(code) as RegionYearFigures]] : [])));
}

/** The headline figures of a year for each of the regions, one grouped query per source. */
async function computeRegionFigures(db: DbOrTx, codes: readonly string[], year: number): Promise<Map<string, RegionYearFigures>> {
  const out = new Map<string, RegionYearFigures>();
  if (codes.length === 0) return out;
  const [use, yearPeriods, government, ikm, complaintFigures] = await Promise.all([
    usage(db, codes),
    periodsOfYear(db, codes, year),
    governmentIndices(db, codes, year),
    ikmOfYear(db, codes, year),
    complaintsOfYear(db, codes, year),
  ]);
  const iid = await iidOfPeriods(db, yearPeriods);
  const periodOf = new Map(yearPeriods.map((p) => [p.regionCode, p]));
  for (const code of codes) {
    const period = periodOf.get(code);
    out.set(code, {
      regionCode: code,
      accounts: use.accounts.get(code) ?? 0,
      units: use.units.get(code) ?? 0,
      innovations: {
        periodId: period?.id ?? null,
        target: period?.targetTotal ?? null,
        proposed: Number(period?.proposed ?? 0),
        verified: Number(period?.verified ?? 0),
      },
      iid: iid.get(code) ?? null,
      government: government.get(code) ?? null,
      ikm: ikm.get(code) ?? null,
      complaints: complaintFigures.get(code) ?? { received: 0, resolved: 0, resolutionRate: null },
    });
  }
  return out;
}

/**
 * Computes this year's and last year's rows of every region once after the server starts, so the first
 * national admin to open the roll-up of a country does not wait for all of it (about ten seconds for
 * 552 regions on two cores); on one city it is a moment. Failures are only logged: a request computes
 * whatever is missing anyway.
 */
export async function warmRegionFigures(db: DbOrTx, year: number): Promise<{ regions: number; ms: number }> {
  const started = performance.now();
  const codes = (await db.select({ code: regions.code }).from(regions)).map((r) => r.code);
  await regionFiguresOfYear(db, codes, year);
  await regionFiguresOfYear(db, codes, year - 1);
  return { regions: codes.length, ms: Math.round(performance.now() - started) };
}
