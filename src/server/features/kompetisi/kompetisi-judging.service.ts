/**
 * Judging: a stage's panel (users with the juri role of the region), the conflicts each judge
 * declares, the assignment the engine makes (never the entry's own unit, never a declared conflict),
 * and the score sheets. A judge sees and scores only the sheets assigned to them; any other sheet is
 * not there (404). Scoring is blind: until the stage is locked a judge sees no totals.
 */
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { assignJudges } from '#domain/competition/assignment.ts';
import { RubricScoreError, weightedScore } from '#domain/competition/scoring.ts';
import type { Rubric } from '#domain/competition/types.ts';
import { isScoredStage, type JudgeHome, type PanelView, type SheetDetail, type StageCode } from '#shared/api/competitions.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  competitionEntries,
  competitionJudges,
  competitionResults,
  competitionSheets,
  competitionStages,
  competitions,
  innovations,
  regions,
  users,
} from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { noticeOfJudging } from './kompetisi-notices.ts';
import { rubricByCode } from './kompetisi-rubrics.ts';
import {
  allEntries,
  auditRegion,
  competitionById,
  type EntryWithNames,
  findCompetition,
  findEntry,
  findStage,
  NATIONAL,
  type StageRow,
  scopeOf,
  stagesOf,
} from './kompetisi.queries.ts';
import { presentEntryDetail } from './kompetisi.service.ts';

export function rubricOf(stage: StageRow): Rubric {
  const rubric = stage.rubricCode ? rubricByCode(stage.rubricCode) : undefined;
  if (!rubric) throw new AppError('COMPETITION_WRONG_STAGE', { detail: `stage ${stage.code} has no rubric` });
  return rubric;
}

/**
 * The entries a scored stage judges: those the previous scored stage advanced (all of its entries
 * when it advances everyone), else those that passed seleksi administrasi, else every submitted one.
 */
export async function entriesOfStage(db: DbOrTx, regionCode: string, stages: StageRow[], stage: StageRow): Promise<EntryWithNames[]> {
  const entries = await allEntries(db, regionCode, stage.competitionId);
  const prior = stages.filter((s) => s.position < stage.position && isScoredStage(s.code)).at(-1);
  if (prior) {
    const results = await db
      .select({ entryId: competitionResults.entryId, advanced: competitionResults.advanced })
      .from(competitionResults)
      .where(eq(competitionResults.stageId, prior.id));
    const keep = new Set(results.filter((r) => prior.advanceKind === 'none' || r.advanced).map((r) => r.entryId));
    return entries.filter((e) => keep.has(e.entry.id));
  }
  const screened = stages.some((s) => s.code === 'seleksi_administrasi');
  return entries.filter((e) => (screened ? e.entry.status === 'lolos' : e.entry.status === 'diajukan' || e.entry.status === 'lolos'));
}

async function scoredStage(db: DbOrTx, regionCode: string, competitionId: string, stageId: string) {
  const stage = await findStage(db, regionCode, competitionId, stageId);
  if (!stage) throw new AppError('NOT_FOUND');
  if (!isScoredStage(stage.code)) throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'not a scored stage' });
  return stage;
}

// ---- the panel ------------------------------------------------------------------------------------

/** The judges a panel may take: the region's juri accounts, or for a national competition those of every region. */
export async function judgeCandidates(db: DbOrTx, regionCode: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, username: users.username, regionName: sql<string>`coalesce(${regions.name}, '')` })
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(and(regionCode === NATIONAL ? undefined : eq(users.regionCode, regionCode), eq(users.role, 'juri'), eq(users.isActive, true)))
    .orderBy(asc(users.displayName), asc(users.username));
}

export async function addJudge(ctx: ServiceContext, regionCode: string, competitionId: string, stageId: string, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stage = await scoredStage(tx, regionCode, competitionId, stageId);
    if (stage.status === 'dikunci') throw new AppError('COMPETITION_WRONG_STAGE');
    const [user] = await tx
      .select({ id: users.id, regionCode: users.regionCode })
      .from(users)
      .where(
        and(
          eq(users.id, userId),
          regionCode === NATIONAL ? undefined : eq(users.regionCode, regionCode),
          eq(users.role, 'juri'),
          eq(users.isActive, true),
        ),
      );
    if (!user)
      throw fieldError('body.userId', regionCode === NATIONAL ? 'Pilih pengguna berperan juri' : 'Pilih pengguna berperan juri di daerah ini');
    // A judge already on another panel of the competition keeps the conflicts they declared there.
    const [earlier] = await tx
      .select()
      .from(competitionJudges)
      .where(and(eq(competitionJudges.competitionId, competitionId), eq(competitionJudges.userId, userId)))
      .limit(1);
    const inserted = await tx
      .insert(competitionJudges)
      .values({
        // The judge's own region, so that they find their seat (and declare conflicts) from it.
        regionCode: user.regionCode ?? regionCode,
        competitionId,
        stageId,
        userId,
        conflictEntryIds: earlier?.conflictEntryIds ?? [],
        conflictUnitIds: earlier?.conflictUnitIds ?? [],
        conflictNote: earlier?.conflictNote ?? '',
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: competitionJudges.id });
    if (inserted.length === 0) throw fieldError('body.userId', 'Juri ini sudah ada di panel tahap ini');
    await recordAudit(tx, ctx, {
      action: 'competition.judge_added',
      entityType: 'competition_stage',
      entityId: stageId,
      regionCode: auditRegion(regionCode),
      after: { userId },
    });
  });
}

export async function removeJudge(ctx: ServiceContext, regionCode: string, competitionId: string, stageId: string, judgeId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stage = await scoredStage(tx, regionCode, competitionId, stageId);
    const [judge] = await tx
      .select()
      .from(competitionJudges)
      .where(and(eq(competitionJudges.id, judgeId), eq(competitionJudges.stageId, stage.id)));
    if (!judge) throw new AppError('NOT_FOUND');
    const [scored] = await tx
      .select({ n: count() })
      .from(competitionSheets)
      .where(
        and(eq(competitionSheets.stageId, stage.id), eq(competitionSheets.judgeUserId, judge.userId), ne(competitionSheets.scores, sql`'{}'::jsonb`)),
      );
    if ((scored?.n ?? 0) > 0) throw new AppError('COMPETITION_SCORING_STARTED', { detail: 'the judge has already scored entries' });
    await tx.delete(competitionSheets).where(and(eq(competitionSheets.stageId, stage.id), eq(competitionSheets.judgeUserId, judge.userId)));
    await tx.delete(competitionJudges).where(eq(competitionJudges.id, judgeId));
    await recordAudit(tx, ctx, {
      action: 'competition.judge_removed',
      entityType: 'competition_stage',
      entityId: stageId,
      regionCode: auditRegion(regionCode),
      before: { userId: judge.userId },
    });
  });
}

/** Runs the engine's assignment for the stage; allowed until the first score is written. */
export async function assignStage(ctx: ServiceContext, regionCode: string, competitionId: string, stageId: string) {
  return ctx.db.transaction(async (tx) => {
    const stage = await scoredStage(tx, regionCode, competitionId, stageId);
    if (stage.status !== 'berjalan') throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'assignment happens while the stage runs' });
    await tx.select({ id: competitionStages.id }).from(competitionStages).where(eq(competitionStages.id, stage.id)).for('update');
    const [started] = await tx
      .select({ n: count() })
      .from(competitionSheets)
      .where(and(eq(competitionSheets.stageId, stage.id), ne(competitionSheets.scores, sql`'{}'::jsonb`)));
    if ((started?.n ?? 0) > 0) throw new AppError('COMPETITION_SCORING_STARTED');
    const stages = await stagesOf(tx, competitionId);
    const entries = await entriesOfStage(tx, regionCode, stages, stage);
    const panel = await tx
      .select({ judge: competitionJudges, unitId: users.unitId, regionCode: users.regionCode })
      .from(competitionJudges)
      .innerJoin(users, eq(users.id, competitionJudges.userId))
      .where(eq(competitionJudges.stageId, stage.id));
    // Across regions a judge never scores an entry of their own region (docs/scoring/kompetisi.md).
    const national = regionCode === NATIONAL;
    const result = assignJudges({
      entries: entries.map((e) => ({
        id: e.entry.id,
        unitId: e.entry.unitId,
        category: e.entry.category,
        ...(national ? { regionCode: e.entry.regionCode } : {}),
      })),
      judges: panel.map((p) => ({
        id: p.judge.userId,
        unitId: p.unitId,
        conflictEntryIds: p.judge.conflictEntryIds,
        conflictUnitIds: p.judge.conflictUnitIds,
        ...(national ? { regionCode: p.regionCode } : {}),
      })),
      perEntry: stage.judgesPerEntry,
    });
    const judgeRegion = new Map(panel.map((p) => [p.judge.userId, p.judge.regionCode]));
    await tx.delete(competitionSheets).where(eq(competitionSheets.stageId, stage.id));
    if (result.assignments.length > 0) {
      // A sheet carries its judge's region: the judge finds it from their own region's judging page.
      await tx.insert(competitionSheets).values(
        result.assignments.map((a) => ({
          regionCode: judgeRegion.get(a.judgeId) ?? regionCode,
          stageId: stage.id,
          entryId: a.entryId,
          judgeUserId: a.judgeId,
          updatedAt: ctx.now,
        })),
      );
    }
    const competition = await findCompetition(tx, regionCode, competitionId);
    await noticeOfJudging(tx, ctx, stage, competition?.name ?? '', result.assignments);
    await recordAudit(tx, ctx, {
      action: 'competition.judges_assigned',
      entityType: 'competition_stage',
      entityId: stage.id,
      regionCode: auditRegion(regionCode),
      after: { assignments: result.assignments.length, shortfalls: result.shortfalls },
    });
    return result;
  });
}

export async function panelOf(db: DbOrTx, regionCode: string, competitionId: string, stageId: string): Promise<PanelView> {
  const stage = await scoredStage(db, regionCode, competitionId, stageId);
  const stages = await stagesOf(db, competitionId);
  const [judges, sheets, entries] = await Promise.all([
    db
      .select({ judge: competitionJudges, displayName: users.displayName, username: users.username })
      .from(competitionJudges)
      .innerJoin(users, eq(users.id, competitionJudges.userId))
      .where(eq(competitionJudges.stageId, stage.id))
      .orderBy(asc(users.displayName)),
    db
      .select({ sheet: competitionSheets, innovationName: innovations.name, judgeName: users.displayName })
      .from(competitionSheets)
      .innerJoin(competitionEntries, eq(competitionEntries.id, competitionSheets.entryId))
      .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
      .innerJoin(users, eq(users.id, competitionSheets.judgeUserId))
      .where(eq(competitionSheets.stageId, stage.id))
      .orderBy(asc(innovations.name), asc(users.displayName)),
    entriesOfStage(db, regionCode, stages, stage),
  ]);
  const perEntry = new Map<string, number>();
  for (const s of sheets) perEntry.set(s.sheet.entryId, (perEntry.get(s.sheet.entryId) ?? 0) + 1);
  return {
    stageId: stage.id,
    judges: judges.map((j) => ({
      id: j.judge.id,
      userId: j.judge.userId,
      displayName: j.displayName,
      username: j.username,
      conflictEntryIds: j.judge.conflictEntryIds,
      conflictUnitIds: j.judge.conflictUnitIds,
      conflictNote: j.judge.conflictNote,
      assigned: sheets.filter((s) => s.sheet.judgeUserId === j.judge.userId).length,
      submitted: sheets.filter((s) => s.sheet.judgeUserId === j.judge.userId && s.sheet.status === 'submitted').length,
    })),
    shortfalls: entries
      .filter((e) => (perEntry.get(e.entry.id) ?? 0) < stage.judgesPerEntry)
      .map((e) => ({ entryId: e.entry.id, innovationName: e.innovationName, assigned: perEntry.get(e.entry.id) ?? 0, needed: stage.judgesPerEntry })),
    sheets: sheets.map((s) => ({
      id: s.sheet.id,
      entryId: s.sheet.entryId,
      innovationName: s.innovationName,
      judgeUserId: s.sheet.judgeUserId,
      judgeName: s.judgeName,
      status: s.sheet.status as 'draft' | 'submitted',
      reopenReason: s.sheet.reopenReason,
    })),
  };
}

/** The admin reopens a submitted sheet while its stage runs; the reason is required and audited. */
export async function reopenSheet(ctx: ServiceContext, regionCode: string, competitionId: string, stageId: string, sheetId: string, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const stage = await scoredStage(tx, regionCode, competitionId, stageId);
    const [sheet] = await tx
      .select()
      .from(competitionSheets)
      .where(
        and(
          regionCode === NATIONAL ? undefined : eq(competitionSheets.regionCode, regionCode),
          eq(competitionSheets.stageId, stage.id),
          eq(competitionSheets.id, sheetId),
        ),
      );
    if (!sheet) throw new AppError('NOT_FOUND');
    if (stage.status !== 'berjalan') throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'the stage is locked' });
    if (sheet.status !== 'submitted') throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'the sheet is not submitted' });
    await tx
      .update(competitionSheets)
      .set({ status: 'draft', reopenReason: reason, submittedAt: null, version: sheet.version + 1, updatedAt: ctx.now })
      .where(eq(competitionSheets.id, sheet.id));
    await recordAudit(tx, ctx, {
      action: 'competition_sheet.reopened',
      entityType: 'competition_sheet',
      entityId: sheet.id,
      regionCode: auditRegion(regionCode),
      before: { status: 'submitted', scores: sheet.scores },
      after: { status: 'draft', reason },
    });
  });
}

// ---- the judge's side -----------------------------------------------------------------------------

export async function judgeHome(ctx: ServiceContext, regionCode: string): Promise<JudgeHome> {
  const rows = await ctx.db
    .select({
      sheet: competitionSheets,
      stage: competitionStages,
      competitionName: competitions.name,
      competitionKind: competitions.kind,
      competitionId: competitions.id,
      innovationName: innovations.name,
      category: competitionEntries.category,
    })
    .from(competitionSheets)
    .innerJoin(competitionStages, eq(competitionStages.id, competitionSheets.stageId))
    .innerJoin(competitions, eq(competitions.id, competitionStages.competitionId))
    .innerJoin(competitionEntries, eq(competitionEntries.id, competitionSheets.entryId))
    .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
    .where(and(eq(competitionSheets.regionCode, regionCode), eq(competitionSheets.judgeUserId, ctx.actor.id)))
    .orderBy(asc(competitions.name), asc(competitionStages.position), asc(innovations.name));
  const panels = await ctx.db
    .select({ judge: competitionJudges, competitionName: competitions.name })
    .from(competitionJudges)
    .innerJoin(competitions, eq(competitions.id, competitionJudges.competitionId))
    .where(and(eq(competitionJudges.regionCode, regionCode), eq(competitionJudges.userId, ctx.actor.id)))
    .orderBy(asc(competitions.name));
  const seen = new Set<string>();
  return {
    items: rows.map((r) => {
      const rubric = r.stage.rubricCode ? rubricByCode(r.stage.rubricCode) : undefined;
      return {
        sheetId: r.sheet.id,
        competitionId: r.competitionId,
        competitionName: r.competitionName,
        competitionKind: r.competitionKind as JudgeHome['items'][number]['competitionKind'],
        stageCode: r.stage.code as StageCode,
        stageEndsOn: r.stage.endsOn,
        stageLocked: r.stage.status === 'dikunci',
        entryId: r.sheet.entryId,
        innovationName: r.innovationName,
        category: r.category,
        status: r.sheet.status as 'draft' | 'submitted',
        scoredCriteria: Object.values(r.sheet.scores).filter((v) => v !== '').length,
        criteriaCount: rubric?.criteria.length ?? 0,
      };
    }),
    panels: panels
      .filter((p) => {
        if (seen.has(p.judge.competitionId)) return false;
        seen.add(p.judge.competitionId);
        return true;
      })
      .map((p) => ({
        competitionId: p.judge.competitionId,
        competitionName: p.competitionName,
        conflictUnitIds: p.judge.conflictUnitIds,
        conflictEntryIds: p.judge.conflictEntryIds,
        conflictNote: p.judge.conflictNote,
      })),
  };
}

/**
 * A judge declares conflicts of interest in a competition: units (their former office, a relative's
 * agency) and entries among those assigned to them. A conflicting draft sheet without scores is
 * withdrawn at once, so the admin sees the shortfall and runs the assignment again.
 */
export async function declareConflicts(
  ctx: ServiceContext,
  regionCode: string,
  competitionId: string,
  input: { conflictUnitIds: string[]; conflictEntryIds: string[]; note: string },
) {
  await ctx.db.transaction(async (tx) => {
    const mine = await tx
      .select()
      .from(competitionJudges)
      .where(
        and(
          eq(competitionJudges.regionCode, regionCode),
          eq(competitionJudges.competitionId, competitionId),
          eq(competitionJudges.userId, ctx.actor.id),
        ),
      );
    if (mine.length === 0) throw new AppError('NOT_FOUND');
    const stageIds = mine.map((m) => m.stageId);
    const assigned = await tx
      .select({ sheet: competitionSheets, unitId: competitionEntries.unitId })
      .from(competitionSheets)
      .innerJoin(competitionEntries, eq(competitionEntries.id, competitionSheets.entryId))
      .where(and(inArray(competitionSheets.stageId, stageIds), eq(competitionSheets.judgeUserId, ctx.actor.id)));
    const assignedEntryIds = new Set(assigned.map((a) => a.sheet.entryId));
    const previous = new Set(mine.flatMap((m) => m.conflictEntryIds));
    for (const id of input.conflictEntryIds) {
      if (!assignedEntryIds.has(id) && !previous.has(id)) throw fieldError('body.conflictEntryIds', 'Peserta ini tidak ditugaskan kepada Anda');
    }
    await tx
      .update(competitionJudges)
      .set({ conflictUnitIds: input.conflictUnitIds, conflictEntryIds: input.conflictEntryIds, conflictNote: input.note })
      .where(and(eq(competitionJudges.competitionId, competitionId), eq(competitionJudges.userId, ctx.actor.id)));
    const withdraw = assigned.filter(
      (a) =>
        a.sheet.status === 'draft' &&
        Object.keys(a.sheet.scores).length === 0 &&
        (input.conflictEntryIds.includes(a.sheet.entryId) || input.conflictUnitIds.includes(a.unitId)),
    );
    if (withdraw.length > 0)
      await tx.delete(competitionSheets).where(
        inArray(
          competitionSheets.id,
          withdraw.map((w) => w.sheet.id),
        ),
      );
    await recordAudit(tx, ctx, {
      action: 'competition.conflicts_declared',
      entityType: 'competition',
      entityId: competitionId,
      regionCode,
      after: { ...input, withdrawnSheets: withdraw.length },
    });
  });
}

async function mySheet(db: DbOrTx, ctx: ServiceContext, regionCode: string, sheetId: string) {
  const [row] = await db
    .select({ sheet: competitionSheets, stage: competitionStages, competitionName: competitions.name })
    .from(competitionSheets)
    .innerJoin(competitionStages, eq(competitionStages.id, competitionSheets.stageId))
    .innerJoin(competitions, eq(competitions.id, competitionStages.competitionId))
    .where(and(eq(competitionSheets.regionCode, regionCode), eq(competitionSheets.id, sheetId), eq(competitionSheets.judgeUserId, ctx.actor.id)));
  // Another judge's sheet, or one that does not exist: the same answer.
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function sheetDetail(ctx: ServiceContext, regionCode: string, sheetId: string): Promise<SheetDetail> {
  const { sheet, stage, competitionName } = await mySheet(ctx.db, ctx, regionCode, sheetId);
  const rubric = rubricOf(stage);
  // The sheet is the judge's: it proves access to its entry, in whichever region the entry is.
  const competition = await competitionById(ctx.db, stage.competitionId);
  const found = competition ? await findEntry(ctx.db, scopeOf(competition), stage.competitionId, sheet.entryId) : undefined;
  if (!competition || !found) throw new AppError('NOT_FOUND');
  const entry = await presentEntryDetail(ctx.db, found, false);
  const locked = stage.status === 'dikunci';
  let total: string | null = null;
  if (locked && sheet.status === 'submitted') total = weightedScore(rubric, sheet.scores);
  return {
    id: sheet.id,
    status: sheet.status as 'draft' | 'submitted',
    scores: sheet.scores,
    comments: sheet.comments,
    version: sheet.version,
    reopenReason: sheet.reopenReason,
    competitionName,
    stageCode: stage.code as StageCode,
    stageLocked: locked,
    rubric,
    entry: {
      id: entry.id,
      regionCode: entry.regionCode,
      innovationName: entry.innovationName,
      category: entry.category,
      videoUrl: entry.videoUrl,
      profile: entry.profile,
      sections: competition.sections.map((s) => ({ code: s.code, title: s.title, text: entry.sections[s.code] ?? '' })),
      attachments: entry.attachments,
    },
    total,
  };
}

/** A draft score: a number on the rubric's scale (the full check, step included, runs at submission). */
function checkDraftScores(rubric: Rubric, scores: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const issues: { field: string; reason: string }[] = [];
  const min = new Decimal(rubric.scale.min);
  const max = new Decimal(rubric.scale.max);
  for (const [code, raw] of Object.entries(scores)) {
    const criterion = rubric.criteria.find((c) => c.code === code);
    if (!criterion) {
      issues.push({ field: `scores.${code}`, reason: 'Kriteria tidak ada di rubrik' });
      continue;
    }
    const text = raw.trim().replace(',', '.');
    if (text === '') continue;
    if (!/^-?\d+(\.\d+)?$/.test(text)) {
      issues.push({ field: `scores.${code}`, reason: `${criterion.name}: nilai harus berupa angka` });
      continue;
    }
    const value = new Decimal(text);
    if (value.lt(min) || value.gt(max)) {
      issues.push({ field: `scores.${code}`, reason: `${criterion.name}: nilai ${rubric.scale.min}–${rubric.scale.max}` });
      continue;
    }
    out[code] = text;
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
  return out;
}

export async function saveSheet(
  ctx: ServiceContext,
  regionCode: string,
  sheetId: string,
  input: { scores: Record<string, string>; comments: Record<string, string>; version: number },
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const { sheet, stage } = await mySheet(tx, ctx, regionCode, sheetId);
    if (stage.status !== 'berjalan') throw new AppError('COMPETITION_WRONG_STAGE');
    if (sheet.status === 'submitted') throw new AppError('COMPETITION_SHEET_SUBMITTED');
    if (sheet.version !== input.version) throw new AppError('STALE_VERSION');
    const rubric = rubricOf(stage);
    const scores = checkDraftScores(rubric, input.scores);
    const comments = Object.fromEntries(
      Object.entries(input.comments).filter(([k, v]) => rubric.criteria.some((c) => c.code === k) && v.trim() !== ''),
    );
    const [updated] = await tx
      .update(competitionSheets)
      .set({ scores, comments, version: sheet.version + 1, updatedAt: ctx.now })
      .where(and(eq(competitionSheets.id, sheet.id), eq(competitionSheets.version, input.version)))
      .returning({ version: competitionSheets.version });
    if (!updated) throw new AppError('STALE_VERSION');
    return updated.version;
  });
}

export async function submitSheet(ctx: ServiceContext, regionCode: string, sheetId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { sheet, stage } = await mySheet(tx, ctx, regionCode, sheetId);
    if (stage.status !== 'berjalan') throw new AppError('COMPETITION_WRONG_STAGE');
    if (sheet.status === 'submitted') throw new AppError('COMPETITION_SHEET_SUBMITTED');
    const rubric = rubricOf(stage);
    try {
      weightedScore(rubric, sheet.scores);
    } catch (err) {
      if (err instanceof RubricScoreError) throw fieldError(`scores.${err.criterion}`, err.message);
      throw err;
    }
    await tx
      .update(competitionSheets)
      .set({ status: 'submitted', submittedAt: ctx.now, version: sheet.version + 1, updatedAt: ctx.now })
      .where(eq(competitionSheets.id, sheet.id));
    await recordAudit(tx, ctx, {
      action: 'competition_sheet.submitted',
      entityType: 'competition_sheet',
      entityId: sheet.id,
      regionCode,
      after: { scores: sheet.scores },
    });
  });
}
