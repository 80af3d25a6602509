/**
 * The reads behind "Tugas saya": what waits on a person, one query per kind across the tables of the
 * innovation, assessment, complaint, smart-city and competition modules (so it lives in the platform,
 * which every feature may use, and no feature reaches into another). Each query is scoped to the region
 * (and the unit or the judge where the role needs), puts overdue items first, returns at most `limit`
 * rows and counts the whole set in the same statement (a window count), so a busy region costs one
 * short query per kind.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { indicatorsById } from '#domain/assessments/indicators.ts';
import { reportsOwed } from '#domain/kota-cerdas/report-due.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  assessmentItems,
  assessments,
  competitionEntries,
  competitionSheets,
  competitionStages,
  competitions,
  complaintCategories,
  complaints,
  frameworkVersions,
  innovations,
  periods,
  smartcityMasterplans,
  smartcityProgrammes,
  smartcityProgressReports,
  units,
} from '#server/db/schema.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';
import type { TaskGroup, TaskItem, TaskKind } from '#shared/api/tugas.ts';

export interface TaskScope {
  db: DbOrTx;
  regionCode: string;
  /** `YYYY-MM-DD` on the regional calendar. */
  today: string;
  /** The moment overdue complaints are measured against. */
  now: Date;
  limit: number;
}

interface Row extends TaskItem {
  total: number;
  overdueCount: number;
}

function groupOf(kind: TaskKind, rows: readonly Row[]): TaskGroup {
  const first = rows[0];
  return {
    kind,
    total: first?.total ?? 0,
    overdue: first?.overdueCount ?? 0,
    items: rows.map(({ total: _t, overdueCount: _o, ...item }) => item),
  };
}

const total = () => sql<number>`(count(*) over())::int`;
const overdueCount = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}) over())::int`;
const CLOSED_COMPLAINTS = ['selesai', 'ditolak', 'duplikat'];

/** A unit's innovations in one state (returned or draft), with the window they must be submitted in. */
async function unitInnovations(scope: TaskScope, unitId: string, status: 'dikembalikan' | 'draft'): Promise<Row[]> {
  const late = sql`${periods.closesOn} < ${scope.today}::date`;
  // The verifier's words: the note of the latest return, else the notes per field it left.
  const note =
    status === 'dikembalikan'
      ? sql<string | null>`coalesce(
          (select e.note from innovation_events e
            where e.innovation_id = ${innovations.id} and e.to_status = 'dikembalikan' and coalesce(e.note, '') <> ''
            order by e.at desc limit 1),
          (select string_agg(r.v, ' · ') from jsonb_each_text(${innovations.reviewNotes}) as r(k, v)))`
      : sql<string | null>`null`;
  const rows = await scope.db
    .select({
      id: innovations.id,
      title: innovations.name,
      year: periods.year,
      note,
      dueOn: periods.closesOn,
      overdue: sql<boolean>`${late}`,
      total: total(),
      overdueCount: overdueCount(late),
    })
    .from(innovations)
    .innerJoin(periods, eq(periods.id, innovations.periodId))
    .where(and(eq(innovations.regionCode, scope.regionCode), eq(innovations.unitId, unitId), eq(innovations.status, status)))
    .orderBy(sql`${late} desc`, asc(periods.closesOn), asc(innovations.updatedAt), asc(innovations.id))
    .limit(scope.limit);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    context: String(r.year),
    note: r.note,
    link: `/inovasi/${r.id}`,
    dueOn: r.dueOn,
    overdue: r.overdue,
    tag: null,
    total: r.total,
    overdueCount: r.overdueCount,
  }));
}

export const returnedInnovations = (scope: TaskScope, unitId: string) => unitInnovations(scope, unitId, 'dikembalikan');
export const draftInnovations = (scope: TaskScope, unitId: string) => unitInnovations(scope, unitId, 'draft');

/** Indicators of self-assessments still being filled, assigned to the unit and not answered yet. */
export async function assignedIndicators(scope: TaskScope, unitId: string): Promise<Row[]> {
  const deadline = sql<string | null>`coalesce(${assessmentItems.deadline}, ${assessments.deadline})::text`;
  const late = sql`coalesce(${assessmentItems.deadline}, ${assessments.deadline}) < ${scope.today}::date`;
  const rows = await scope.db
    .select({
      id: assessmentItems.id,
      indicatorId: assessmentItems.indicatorId,
      assessmentId: assessments.id,
      versionId: assessments.frameworkVersionId,
      framework: frameworkVersions.name,
      year: assessments.year,
      dueOn: deadline,
      overdue: sql<boolean>`coalesce(${late}, false)`,
      total: total(),
      overdueCount: overdueCount(late),
    })
    .from(assessmentItems)
    .innerJoin(assessments, eq(assessments.id, assessmentItems.assessmentId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessments.frameworkVersionId))
    .where(
      and(
        eq(assessmentItems.regionCode, scope.regionCode),
        eq(assessmentItems.unitId, unitId),
        eq(assessments.stage, 'mandiri'),
        isNull(assessmentItems.claimedValue),
      ),
    )
    .orderBy(
      sql`coalesce(${late}, false) desc`,
      sql`${deadline} asc nulls last`,
      asc(assessments.year),
      // Indicator codes are numbers as text: 2 before 10.
      sql`length(${assessmentItems.indicatorId})`,
      asc(assessmentItems.indicatorId),
    )
    .limit(scope.limit);
  // The indicators' names come from the framework version each assessment was scored with (cached parses).
  const names = new Map<string, Map<string, string>>();
  for (const versionId of new Set(rows.map((r) => r.versionId))) {
    const version = await loadFrameworkVersion(scope.db, scope.regionCode, versionId);
    const byId = version ? indicatorsById(version.framework) : new Map();
    names.set(versionId, new Map([...byId].map(([id, indicator]) => [id, indicator.name as string])));
  }
  return rows.map((r) => {
    const name = names.get(r.versionId)?.get(r.indicatorId);
    return {
      id: r.id,
      title: name ? `${r.indicatorId}. ${name}` : r.indicatorId,
      context: `${r.framework} ${r.year}`,
      note: null,
      link: `/penilaian/${r.assessmentId}`,
      dueOn: r.dueOn,
      overdue: r.overdue,
      tag: null,
      total: r.total,
      overdueCount: r.overdueCount,
    };
  });
}

/** Complaints in the unit's inbox not resolved yet, past their SLA first. */
export async function unitComplaints(scope: TaskScope, unitId: string): Promise<Row[]> {
  const late = sql`${complaints.dueAt} < ${scope.now.toISOString()}::timestamptz`;
  const rows = await scope.db
    .select({
      id: complaints.id,
      code: complaints.trackingCode,
      category: complaintCategories.name,
      description: complaints.description,
      dueOn: sql<string>`(${complaints.dueAt} at time zone 'Asia/Jakarta')::date::text`,
      overdue: sql<boolean>`${late}`,
      status: complaints.status,
      total: total(),
      overdueCount: overdueCount(late),
    })
    .from(complaints)
    .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
    .where(
      and(
        eq(complaints.regionCode, scope.regionCode),
        eq(complaints.unitId, unitId),
        sql`${complaints.status} not in (${sql.join(
          CLOSED_COMPLAINTS.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(sql`${late} desc`, asc(complaints.dueAt), asc(complaints.id))
    .limit(scope.limit);
  return rows.map((r) => ({
    id: r.id,
    title: `${r.code} · ${r.category}`,
    context: r.description.length > 140 ? `${r.description.slice(0, 139)}…` : r.description,
    note: null,
    link: `/pengaduan-masuk/${r.id}`,
    dueOn: r.dueOn,
    overdue: r.overdue,
    tag: r.status,
    total: r.total,
    overdueCount: r.overdueCount,
  }));
}

/**
 * Quarterly reports owed by the programmes the unit leads in the region's active masterplan: one query
 * reads the programmes with the quarters they reported, the due-date rule (domain/kota-cerdas/report-due)
 * decides what is owed.
 */
export async function programmeReports(scope: TaskScope, unitId: string): Promise<Row[]> {
  const rows = await scope.db
    .select({
      id: smartcityProgrammes.id,
      name: smartcityProgrammes.name,
      startYear: smartcityProgrammes.startYear,
      startQuarter: smartcityProgrammes.startQuarter,
      endYear: smartcityProgrammes.endYear,
      endQuarter: smartcityProgrammes.endQuarter,
      reported: sql<{ year: number; quarter: number }[]>`coalesce((
        select json_agg(json_build_object('year', r.year, 'quarter', r.quarter))
        from ${smartcityProgressReports} r where r.programme_id = ${smartcityProgrammes.id}), '[]'::json)`,
    })
    .from(smartcityProgrammes)
    .innerJoin(smartcityMasterplans, eq(smartcityMasterplans.id, smartcityProgrammes.masterplanId))
    .where(
      and(eq(smartcityProgrammes.regionCode, scope.regionCode), eq(smartcityProgrammes.leadUnitId, unitId), eq(smartcityMasterplans.isActive, true)),
    );
  const owed = rows
    .flatMap((p) =>
      reportsOwed(p, p.reported, scope.today).map((q) => ({
        id: `${p.id}:${q.year}-${q.quarter}`,
        title: p.name,
        context: null,
        note: `${q.year} TW${q.quarter}`,
        link: `/kota-cerdas/program/${p.id}`,
        dueOn: q.dueOn,
        overdue: q.overdue,
        tag: null,
      })),
    )
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'id'));
  const late = owed.filter((o) => o.overdue).length;
  return owed.slice(0, scope.limit).map((o) => ({ ...o, total: owed.length, overdueCount: late }));
}

/** Innovations submitted and awaiting verification in the region, the longest waiting first. */
export async function verificationQueue(scope: TaskScope): Promise<Row[]> {
  const rows = await scope.db
    .select({
      id: innovations.id,
      title: innovations.name,
      unit: units.name,
      submittedAt: innovations.submittedAt,
      total: total(),
    })
    .from(innovations)
    .innerJoin(units, eq(units.id, innovations.unitId))
    .where(and(eq(innovations.regionCode, scope.regionCode), eq(innovations.status, 'diajukan')))
    .orderBy(sql`${innovations.submittedAt} asc nulls last`, asc(innovations.id))
    .limit(scope.limit);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    context: r.unit,
    note: r.submittedAt ? r.submittedAt.toISOString() : null,
    link: `/inovasi/${r.id}`,
    dueOn: null,
    overdue: false,
    tag: null,
    total: r.total,
    overdueCount: 0,
  }));
}

/** The judge's sheets not yet submitted in running stages. */
export async function judgingSheets(scope: TaskScope, judgeUserId: string): Promise<Row[]> {
  const late = sql`${competitionStages.endsOn} < ${scope.today}::date`;
  const rows = await scope.db
    .select({
      id: competitionSheets.id,
      title: innovations.name,
      competition: competitions.name,
      stage: competitionStages.code,
      dueOn: competitionStages.endsOn,
      overdue: sql<boolean>`${late}`,
      total: total(),
      overdueCount: overdueCount(late),
    })
    .from(competitionSheets)
    .innerJoin(competitionStages, eq(competitionStages.id, competitionSheets.stageId))
    .innerJoin(competitions, eq(competitions.id, competitionStages.competitionId))
    .innerJoin(competitionEntries, eq(competitionEntries.id, competitionSheets.entryId))
    .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
    .where(
      and(
        eq(competitionSheets.regionCode, scope.regionCode),
        eq(competitionSheets.judgeUserId, judgeUserId),
        eq(competitionSheets.status, 'draft'),
        eq(competitionStages.status, 'berjalan'),
      ),
    )
    .orderBy(sql`${late} desc`, asc(competitionStages.endsOn), asc(innovations.name), asc(competitionSheets.id))
    .limit(scope.limit);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    context: r.competition,
    note: null,
    link: `/penjurian/${r.id}`,
    dueOn: r.dueOn,
    overdue: r.overdue,
    tag: r.stage,
    total: r.total,
    overdueCount: r.overdueCount,
  }));
}

/**
 * Entries submitted to a competition whose administrative screening is running and has not decided
 * them (screening is only possible in that stage), late once the stage's last day has passed.
 */
export async function entriesToScreen(scope: TaskScope): Promise<Row[]> {
  const late = sql`${competitionStages.endsOn} < ${scope.today}::date`;
  const rows = await scope.db
    .select({
      id: competitionEntries.id,
      competitionId: competitions.id,
      title: innovations.name,
      competition: competitions.name,
      unit: units.name,
      dueOn: competitionStages.endsOn,
      overdue: sql<boolean>`${late}`,
      total: total(),
      overdueCount: overdueCount(late),
    })
    .from(competitionEntries)
    .innerJoin(competitions, eq(competitions.id, competitionEntries.competitionId))
    .innerJoin(
      competitionStages,
      and(
        eq(competitionStages.competitionId, competitions.id),
        eq(competitionStages.code, 'seleksi_administrasi'),
        eq(competitionStages.status, 'berjalan'),
      ),
    )
    .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
    .innerJoin(units, eq(units.id, competitionEntries.unitId))
    .where(
      and(
        eq(competitionEntries.regionCode, scope.regionCode),
        // The region's own competitions: a national one is screened by the national admin, not the region.
        eq(competitions.scope, 'region'),
        eq(competitionEntries.status, 'diajukan'),
        eq(competitions.status, 'berjalan'),
      ),
    )
    .orderBy(sql`${late} desc`, asc(competitionStages.endsOn), asc(competitionEntries.submittedAt), asc(competitionEntries.id))
    .limit(scope.limit);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    context: `${r.competition} · ${r.unit}`,
    note: null,
    link: `/kompetisi/${r.competitionId}/peserta/${r.id}`,
    dueOn: r.dueOn,
    overdue: r.overdue,
    tag: null,
    total: r.total,
    overdueCount: r.overdueCount,
  }));
}

/** Days ahead a regional admin is shown a closing window or deadline. */
export const DEADLINE_HORIZON_DAYS = 14;

/**
 * What closes within the horizon in the region: innovation reporting windows, self-assessment
 * deadlines (assessments still being filled) and the dates of running competition stages. One
 * statement (a union), soonest first.
 */
export async function closingDeadlines(scope: TaskScope): Promise<Row[]> {
  const { db, regionCode, today, limit } = scope;
  const horizon = sql`(${today}::date + ${DEADLINE_HORIZON_DAYS}::int)`;
  const result = await db.execute(sql`
    with due as (
      select p.id::text as id, p.year::text as title, null::text as context, '/periode' as link,
             p.closes_on as due_on, 'period' as tag
        from ${periods} p
       where p.region_code = ${regionCode} and p.closes_on between ${today}::date and ${horizon}
      union all
      select a.id::text, f.name || ' ' || a.year, null, '/penilaian/' || a.id, a.deadline, 'assessment'
        from ${assessments} a join ${frameworkVersions} f on f.id = a.framework_version_id
       where a.region_code = ${regionCode} and a.stage = 'mandiri' and a.deadline between ${today}::date and ${horizon}
      union all
      select s.id::text, c.name, s.code, '/kompetisi/' || c.id, s.ends_on, 'competition_stage'
        from ${competitionStages} s join ${competitions} c on c.id = s.competition_id
       where s.region_code = ${regionCode} and s.status = 'berjalan' and c.status = 'berjalan'
         and s.ends_on between ${today}::date and ${horizon}
    )
    select id, title, context, link, due_on::text as due_on, tag, (count(*) over())::int as total
      from due order by due_on, tag, title limit ${limit}`);
  const rows = (result as unknown as { rows: unknown[] }).rows as {
    id: string;
    title: string;
    context: string | null;
    link: string;
    due_on: string;
    tag: string;
    total: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    context: r.context,
    note: null,
    link: r.link,
    dueOn: r.due_on,
    overdue: false,
    tag: r.tag,
    total: Number(r.total),
    overdueCount: 0,
  }));
}

export type TaskQuery = (scope: TaskScope) => Promise<Row[]>;

/** The groups for a list of kinds, each from its own query, in the order given. */
export async function taskGroups(scope: TaskScope, kinds: readonly [TaskKind, TaskQuery][]): Promise<TaskGroup[]> {
  const out: TaskGroup[] = [];
  // One after another: a transaction or a single PGlite connection serves one statement at a time.
  for (const [kind, query] of kinds) out.push(groupOf(kind, await query(scope)));
  return out;
}
