/**
 * Use cases of smart-city programmes: plan one under an element of the masterplan (lead and supporting
 * units, funding per year and source, outputs with yearly KPI targets, linked innovations), change it
 * (guarded by `version`), delete one nobody has reported on yet, and read one whole. Everything a
 * programme carries is written in one transaction with its audit entry.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import { can } from '#domain/access/roles.ts';
import { sumAmounts } from '#domain/kota-cerdas/progress.ts';
import { PROGRESS_RULE } from '#domain/kota-cerdas/progress.ts';
import type { ProgrammeDetail, ProgrammeFields } from '#shared/api/kota-cerdas.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import {
  innovations,
  smartcityFunding,
  smartcityMasterplans,
  smartcityOutputs,
  smartcityOutputTargets,
  smartcityProgrammeInnovations,
  smartcityProgrammes,
  smartcityProgrammeUnits,
  smartcityProgressFigures,
  smartcityProgressReports,
  units,
  users,
} from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { listAttachments } from '#server/platform/attachments/attachments.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { assertRpjmdProgrammeCode } from '#server/platform/rpjmd.ts';
import { unitOf } from '#server/platform/records.ts';
import {
  canReportProgramme,
  findMasterplan,
  findProgramme,
  fundingTable,
  presentProgrammeSummary,
  progressFactsOf,
  elementOf,
  type ProgrammeRow,
  programmesByIds,
} from './kota-cerdas.queries.ts';
import { presentDocument } from './masterplans.service.ts';

const ENTITY = 'smartcity_programme';

function rethrowUnique(err: unknown): never {
  if (uniqueConstraintOf(err) === 'smartcity_programmes_name_uq') throw fieldError('body.name', 'Nama program sudah dipakai di masterplan ini');
  throw err;
}

/** Units, element, innovations and the plan's years: everything the input names must be the region's. */
async function checkReferences(tx: DbOrTx, regionCode: string, masterplanId: string, input: ProgrammeFields): Promise<void> {
  const plan = await findMasterplan(tx, regionCode, masterplanId);
  if (!plan) throw fieldError('body.masterplanId', 'Masterplan tidak ditemukan di daerah ini');
  if (input.startYear < plan.startYear || input.endYear > plan.endYear)
    throw fieldError('body.startYear', `Masa program harus di dalam masa masterplan (${plan.startYear}–${plan.endYear})`);
  if (!(await elementOf(tx, regionCode, masterplanId, input.elementId)))
    throw fieldError('body.elementId', 'Elemen tidak ditemukan di masterplan ini');
  if (!(await unitOf(tx, regionCode, input.leadUnitId))) throw fieldError('body.leadUnitId', 'Unit pengampu tidak ditemukan di daerah ini');
  for (const [i, unitId] of input.supportUnitIds.entries()) {
    if (!(await unitOf(tx, regionCode, unitId))) throw fieldError(`body.supportUnitIds.${i}`, 'Unit pendukung tidak ditemukan di daerah ini');
  }
  const wanted = [...new Set(input.innovationIds)];
  if (wanted.length > 0) {
    const found = await tx
      .select({ id: innovations.id })
      .from(innovations)
      .where(and(eq(innovations.regionCode, regionCode), inArray(innovations.id, wanted)));
    const ok = new Set(found.map((r) => r.id));
    const missing = input.innovationIds.findIndex((id) => !ok.has(id));
    if (missing >= 0) throw fieldError(`body.innovationIds.${missing}`, 'Inovasi tidak ditemukan di daerah ini');
  }
}

/** Support units, funding and innovation links: replaced whole on every save. */
async function writeChildren(tx: DbOrTx, regionCode: string, programmeId: string, input: ProgrammeFields): Promise<void> {
  await tx.delete(smartcityProgrammeUnits).where(eq(smartcityProgrammeUnits.programmeId, programmeId));
  await tx.delete(smartcityFunding).where(eq(smartcityFunding.programmeId, programmeId));
  await tx.delete(smartcityProgrammeInnovations).where(eq(smartcityProgrammeInnovations.programmeId, programmeId));
  const supportIds = [...new Set(input.supportUnitIds)];
  if (supportIds.length > 0) await tx.insert(smartcityProgrammeUnits).values(supportIds.map((unitId) => ({ programmeId, unitId })));
  if (input.funding.length > 0) await tx.insert(smartcityFunding).values(input.funding.map((f) => ({ programmeId, ...f })));
  const innovationIds = [...new Set(input.innovationIds)];
  if (innovationIds.length > 0)
    await tx.insert(smartcityProgrammeInnovations).values(innovationIds.map((innovationId) => ({ programmeId, innovationId, regionCode })));
}

/**
 * Outputs keep their ids (quarter figures refer to them); new ones are added; one left out is removed
 * unless a quarter has a figure for it. Targets are replaced whole.
 */
async function writeOutputs(tx: DbOrTx, programmeId: string, outputs: ProgrammeFields['outputs']): Promise<void> {
  const existing = await tx.select({ id: smartcityOutputs.id }).from(smartcityOutputs).where(eq(smartcityOutputs.programmeId, programmeId));
  const known = new Set(existing.map((o) => o.id));
  outputs.forEach((o, i) => {
    if (o.id && !known.has(o.id)) throw fieldError(`body.outputs.${i}.id`, 'Keluaran ini bukan milik program ini');
  });
  const kept = new Set(outputs.map((o) => o.id).filter((id): id is string => Boolean(id)));
  const dropped = [...known].filter((id) => !kept.has(id));
  if (dropped.length > 0) {
    const [used] = await tx.select({ n: count() }).from(smartcityProgressFigures).where(inArray(smartcityProgressFigures.outputId, dropped));
    if (used && used.n > 0) throw fieldError('body.outputs', 'Keluaran yang sudah punya realisasi triwulan tidak dapat dihapus');
    await tx.delete(smartcityOutputs).where(inArray(smartcityOutputs.id, dropped));
  }
  for (const [i, o] of outputs.entries()) {
    const values = { name: o.name, kpiName: o.kpiName, unitOfMeasure: o.unitOfMeasure, position: i + 1 };
    let outputId = o.id ?? null;
    if (outputId) {
      await tx.update(smartcityOutputs).set(values).where(eq(smartcityOutputs.id, outputId));
      await tx.delete(smartcityOutputTargets).where(eq(smartcityOutputTargets.outputId, outputId));
    } else {
      const [created] = await tx
        .insert(smartcityOutputs)
        .values({ ...values, programmeId })
        .returning({ id: smartcityOutputs.id });
      outputId = created?.id ?? null;
    }
    if (!outputId) throw new AppError('INTERNAL');
    const id = outputId;
    if (o.targets.length > 0)
      await tx.insert(smartcityOutputTargets).values(o.targets.map((t) => ({ outputId: id, year: t.year, target: t.target })));
  }
}

const programmeColumns = (input: ProgrammeFields) => ({
  elementId: input.elementId,
  name: input.name,
  description: input.description,
  kind: input.kind,
  stage: input.stage,
  leadUnitId: input.leadUnitId,
  rpjmdProgramCode: input.rpjmdProgramCode,
  startYear: input.startYear,
  startQuarter: input.startQuarter,
  endYear: input.endYear,
  endQuarter: input.endQuarter,
});

export async function createProgramme(ctx: ServiceContext, regionCode: string, input: ProgrammeFields & { masterplanId: string }): Promise<string> {
  return ctx.db
    .transaction(async (tx) => {
      await checkReferences(tx, regionCode, input.masterplanId, input);
      await assertRpjmdProgrammeCode(tx, regionCode, input.rpjmdProgramCode, 'body.rpjmdProgramCode');
      const [created] = await tx
        .insert(smartcityProgrammes)
        .values({ ...programmeColumns(input), regionCode, masterplanId: input.masterplanId, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: smartcityProgrammes.id });
      if (!created) throw new AppError('INTERNAL');
      await writeChildren(tx, regionCode, created.id, input);
      await writeOutputs(tx, created.id, input.outputs);
      await recordAudit(tx, ctx, { action: 'smartcity_programme.created', entityType: ENTITY, entityId: created.id, regionCode, after: input });
      return created.id;
    })
    .catch(rethrowUnique);
}

async function lockProgramme(tx: DbOrTx, regionCode: string, id: string) {
  const [row] = await tx
    .select()
    .from(smartcityProgrammes)
    .where(and(eq(smartcityProgrammes.regionCode, regionCode), eq(smartcityProgrammes.id, id)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateProgramme(ctx: ServiceContext, regionCode: string, id: string, input: ProgrammeFields & { version: number }) {
  await ctx.db
    .transaction(async (tx) => {
      const current = await lockProgramme(tx, regionCode, id);
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await checkReferences(tx, regionCode, current.masterplanId, input);
      await assertRpjmdProgrammeCode(tx, regionCode, input.rpjmdProgramCode, 'body.rpjmdProgramCode', current.rpjmdProgramCode);
      const [outside] = await tx
        .select({ n: count() })
        .from(smartcityProgressReports)
        .where(
          and(
            eq(smartcityProgressReports.programmeId, id),
            sql`(${smartcityProgressReports.year} * 4 + ${smartcityProgressReports.quarter} < ${input.startYear * 4 + input.startQuarter} or ${smartcityProgressReports.year} * 4 + ${smartcityProgressReports.quarter} > ${input.endYear * 4 + input.endQuarter})`,
          ),
        );
      if (outside && outside.n > 0) throw fieldError('body.endYear', 'Sudah ada laporan triwulan di luar masa program yang baru');
      await tx
        .update(smartcityProgrammes)
        .set({ ...programmeColumns(input), version: current.version + 1, updatedAt: ctx.now })
        .where(eq(smartcityProgrammes.id, id));
      await writeChildren(tx, regionCode, id, input);
      await writeOutputs(tx, id, input.outputs);
      const { version: _v, ...after } = input;
      const { id: _i, regionCode: _r, createdAt: _c, updatedAt: _u, version: _cv, ...before } = current;
      await recordAudit(tx, ctx, {
        action: 'smartcity_programme.updated',
        entityType: ENTITY,
        entityId: id,
        regionCode,
        before,
        after,
      });
    })
    .catch(rethrowUnique);
}

/** A programme with quarterly reports is history: it stays (edit it instead). One without goes with everything it carries. */
export async function deleteProgramme(ctx: ServiceContext, regionCode: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await lockProgramme(tx, regionCode, id);
    const [reported] = await tx.select({ n: count() }).from(smartcityProgressReports).where(eq(smartcityProgressReports.programmeId, id));
    if (reported && reported.n > 0) throw new AppError('IN_USE', { detail: `programme has ${reported.n} quarterly reports` });
    await tx.delete(smartcityProgrammes).where(eq(smartcityProgrammes.id, id));
    await recordAudit(tx, ctx, {
      action: 'smartcity_programme.deleted',
      entityType: ENTITY,
      entityId: id,
      regionCode,
      before: { name: current.name, kind: current.kind, leadUnitId: current.leadUnitId, masterplanId: current.masterplanId },
    });
  });
}

export async function programmeDetail(ctx: ServiceContext, regionCode: string, id: string): Promise<ProgrammeDetail> {
  const db = ctx.db;
  const row = await findProgramme(db, regionCode, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentProgrammeDetail(db, ctx.actor, row);
}

export async function presentProgrammeDetail(db: DbOrTx, actor: Actor, row: ProgrammeRow): Promise<ProgrammeDetail> {
  const { regionCode, id } = row;
  const [plan, facts, support, funding, linked] = await Promise.all([
    findMasterplan(db, regionCode, row.masterplanId),
    progressFactsOf(db, regionCode, [id]),
    db
      .select({ id: units.id, name: units.name })
      .from(smartcityProgrammeUnits)
      .innerJoin(units, eq(units.id, smartcityProgrammeUnits.unitId))
      .where(eq(smartcityProgrammeUnits.programmeId, id))
      .orderBy(asc(units.name)),
    db.select().from(smartcityFunding).where(eq(smartcityFunding.programmeId, id)),
    db
      .select({ id: innovations.id, name: innovations.name, unitName: units.name, status: innovations.status })
      .from(smartcityProgrammeInnovations)
      .innerJoin(innovations, eq(innovations.id, smartcityProgrammeInnovations.innovationId))
      .innerJoin(units, eq(units.id, innovations.unitId))
      .where(and(eq(smartcityProgrammeInnovations.programmeId, id), eq(innovations.regionCode, regionCode)))
      .orderBy(asc(innovations.name)),
  ]);
  if (!plan) throw new AppError('NOT_FOUND');
  const reportIds = facts.reports.map((r) => r.id);
  const reporterIds = [...new Set(facts.reports.map((r) => r.reportedBy).filter((v): v is string => v !== null))];
  const [evidence, reporters] = await Promise.all([
    listAttachments(db, regionCode, 'smartcity_progress', reportIds),
    reporterIds.length === 0 ? [] : db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, reporterIds)),
  ]);
  const nameOf = new Map(reporters.map((u) => [u.id, u.name]));
  return {
    ...presentProgrammeSummary(row, facts, actor),
    masterplan: { id: plan.id, title: plan.title, startYear: plan.startYear, endYear: plan.endYear },
    description: row.description,
    rpjmdProgramCode: row.rpjmdProgramCode,
    supportUnits: support,
    funding: fundingTable(funding.map((f) => ({ year: f.year, source: f.source as 'apbd', amount: f.amount }))),
    budgetRealisedTotal: sumAmounts(facts.reports.map((r) => r.budgetRealised)),
    outputs: facts.outputs.map(({ programmeId: _p, ...o }) => o),
    innovations: linked,
    // Newest quarter first: that is what the unit and the reader look for.
    reports: [...facts.reports].reverse().map((r) => ({
      id: r.id,
      year: r.year,
      quarter: r.quarter,
      status: r.status,
      obstacle: r.obstacle,
      note: r.note,
      budgetRealised: r.budgetRealised,
      figures: r.figures,
      evidence: evidence.filter((a) => a.ownerId === r.id).map(presentDocument),
      reportedByName: r.reportedBy ? (nameOf.get(r.reportedBy) ?? null) : null,
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    })),
    progressRule: PROGRESS_RULE,
    canManage: can(actor, 'smartcity.manage', regionCode),
    canReport: canReportProgramme(actor, regionCode, row.leadUnitId),
    version: row.version,
  };
}

/** The programmes that carry out one innovation (for the innovation's page). */
export async function programmesOfInnovation(ctx: ServiceContext, regionCode: string, innovationId: string) {
  const links = await ctx.db
    .select({ id: smartcityProgrammeInnovations.programmeId })
    .from(smartcityProgrammeInnovations)
    .where(and(eq(smartcityProgrammeInnovations.regionCode, regionCode), eq(smartcityProgrammeInnovations.innovationId, innovationId)));
  const rows = await programmesByIds(
    ctx.db,
    regionCode,
    links.map((l) => l.id),
  );
  const ids = rows.map((r) => r.id);
  const [facts, plans] = await Promise.all([
    progressFactsOf(ctx.db, regionCode, ids),
    ids.length === 0
      ? []
      : ctx.db
          .select({ id: smartcityMasterplans.id, title: smartcityMasterplans.title })
          .from(smartcityMasterplans)
          .where(
            and(eq(smartcityMasterplans.regionCode, regionCode), inArray(smartcityMasterplans.id, [...new Set(rows.map((r) => r.masterplanId))])),
          ),
  ]);
  const titleOf = new Map(plans.map((p) => [p.id, p.title]));
  return {
    items: rows.map((row) => {
      const summary = presentProgrammeSummary(row, facts, ctx.actor);
      return {
        id: row.id,
        name: row.name,
        kind: summary.kind,
        masterplanTitle: titleOf.get(row.masterplanId) ?? '',
        status: summary.status,
        progress: summary.progress,
      };
    }),
  };
}
