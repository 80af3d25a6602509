/**
 * The projected IID of a period, claimed and verified: the period's innovations that are not rejected,
 * their SID answers and evidence, and the SPD answers, scored by the pure projection (domain/iid) under
 * the period's IID framework. The IID page and the region's dashboard both read it here, so they agree.
 */
import { and, asc, eq, like, ne } from 'drizzle-orm';
import { iidRulesOf } from '#domain/iid/eligibility.ts';
import { type IidAnswer, type IidInnovationData, type IidPeriodData, projectIid } from '#domain/iid/projection.ts';
import type { InnovationStatus } from '#domain/innovations/workflow.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { attachments, iidAnswers, innovations, periods, units } from '#server/db/schema.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';

export type IidAnswerRow = typeof iidAnswers.$inferSelect;

/** SID evidence slots are written `sid.<indicator>` (see domain/iid/structure.ts). */
const SID_TARGETS = 'sid.%';

export async function findIidPeriod(db: DbOrTx, regionCode: string, periodId: string) {
  const [row] = await db
    .select({
      id: periods.id,
      regionCode: periods.regionCode,
      year: periods.year,
      iidFrameworkVersionId: periods.iidFrameworkVersionId,
      iidEvidenceRequired: periods.iidEvidenceRequired,
    })
    .from(periods)
    .where(and(eq(periods.regionCode, regionCode), eq(periods.id, periodId)));
  return row;
}

export type IidPeriodRow = NonNullable<Awaited<ReturnType<typeof findIidPeriod>>>;

/** The period's innovations that are not rejected, with what the projection and its warnings need. */
export async function listProjectedInnovations(db: DbOrTx, regionCode: string, periodId: string) {
  return db
    .select({
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
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, periodId), ne(innovations.status, 'ditolak')))
    .orderBy(asc(innovations.name), asc(innovations.id));
}

export type ProjectedInnovationRow = Awaited<ReturnType<typeof listProjectedInnovations>>[number];

/** Every answer of the period: SPD (innovation null) and SID. */
export async function listPeriodAnswers(db: DbOrTx, regionCode: string, periodId: string): Promise<IidAnswerRow[]> {
  return db
    .select()
    .from(iidAnswers)
    .where(and(eq(iidAnswers.regionCode, regionCode), eq(iidAnswers.periodId, periodId)));
}

/** Which SID slots of which innovations of the period have at least one file or link. */
export async function listSidEvidenceTargets(db: DbOrTx, regionCode: string, periodId: string) {
  return db
    .selectDistinct({ innovationId: attachments.ownerId, target: attachments.slot })
    .from(attachments)
    .innerJoin(innovations, and(eq(innovations.id, attachments.ownerId), eq(innovations.regionCode, regionCode)))
    .where(
      and(
        eq(attachments.regionCode, regionCode),
        eq(attachments.ownerType, 'innovation'),
        eq(innovations.periodId, periodId),
        like(attachments.slot, SID_TARGETS),
      ),
    );
}

export function answerOf(row: IidAnswerRow | undefined): IidAnswer | undefined {
  if (row === undefined) return undefined;
  return {
    claimedLevel: row.claimedLevel,
    verification: row.verification as IidAnswer['verification'],
    verifiedLevel: row.verifiedLevel,
    basisUkur: row.basisUkur,
  };
}

export function innovationData(row: ProjectedInnovationRow, answers: IidAnswerRow[], targets: Set<string>): IidInnovationData {
  const byIndicator = new Map<string, IidAnswer>();
  for (const a of answers) {
    const answer = answerOf(a);
    if (answer !== undefined) byIndicator.set(a.indicatorId, answer);
  }
  return {
    id: row.id,
    name: row.name,
    status: row.status as InnovationStatus,
    urusanUtama: row.urusanUtama,
    urusanIrisan: row.urusanIrisan,
    answers: byIndicator,
    evidenceTargets: targets,
    rancangBangun: row.rancangBangun,
    waktuPenerapan: row.waktuPenerapan,
    waktuPengembangan: row.waktuPengembangan,
    uraianPengembangan: row.uraianPengembangan,
  };
}

/** Everything the projection of a period needs, in three queries. */
export async function loadPeriodData(db: DbOrTx, regionCode: string, periodId: string) {
  const [rows, answers, evidence] = await Promise.all([
    listProjectedInnovations(db, regionCode, periodId),
    listPeriodAnswers(db, regionCode, periodId),
    listSidEvidenceTargets(db, regionCode, periodId),
  ]);
  const answersOf = new Map<string | null, IidAnswerRow[]>();
  for (const a of answers) {
    const list = answersOf.get(a.innovationId);
    if (list === undefined) answersOf.set(a.innovationId, [a]);
    else list.push(a);
  }
  const targetsOf = new Map<string, Set<string>>();
  for (const e of evidence) targetsOf.set(e.innovationId, (targetsOf.get(e.innovationId) ?? new Set()).add(e.target));
  const spd = new Map<string, IidAnswer>();
  for (const a of answersOf.get(null) ?? []) {
    const answer = answerOf(a);
    if (answer !== undefined) spd.set(a.indicatorId, answer);
  }
  const data: IidPeriodData = {
    spd,
    innovations: rows.map((r) => innovationData(r, answersOf.get(r.id) ?? [], targetsOf.get(r.id) ?? new Set())),
  };
  return { rows, data };
}

/** The projection of a period with what its pages show beside it (framework, rules, the rows). */
export async function projectPeriodIid(db: DbOrTx, regionCode: string, period: IidPeriodRow) {
  const { framework, exact } = await iidFrameworkOfPeriod(db, regionCode, period);
  const { rows, data } = await loadPeriodData(db, regionCode, period.id);
  const rules = iidRulesOf(framework);
  const projection = projectIid(framework, data, {
    evidenceRequired: period.iidEvidenceRequired,
    frameworkExact: exact,
    year: period.year,
  });
  return { framework, exact, rules, projection, rows };
}
