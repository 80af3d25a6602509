/**
 * Locking stages and the results: the admin locks the running stage (registration closes, screening
 * ends, or — for a scored stage — the engine aggregates the submitted sheets, normalises when the
 * stage says so, flags outliers and ranks each category with its tie rule), advances the top N or
 * those passing, sets the final ranking (the engine's combination of the scored stages by weight)
 * with the decree, and publishes it. What the engine answered is stored, so the published ranking
 * never moves.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { advance, aggregateStage, combineStages, rankEntries, tieBreakFromCriteria, toPercentScale } from '#domain/competition/scoring.ts';
import type { AdvanceRule, Ranked, Rubric } from '#domain/competition/types.ts';
import { isScoredStage, type PublicResults, type StageCode, type StageResults } from '#shared/api/competitions.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { competitionEntries, competitionResults, competitionSheets, competitionStages, competitions, users } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { rubricByCode } from './kompetisi-rubrics.ts';
import { rubricOf } from './kompetisi-judging.service.ts';
import { assertVoteClosed, voteForRanking } from './kompetisi-vote.service.ts';
import { plainPercent, voteScores, weightsWithVoteShare } from '#domain/competition/public-vote.ts';
import {
  allEntries,
  auditRegion,
  type CompetitionRow,
  type EntryWithNames,
  findCompetition,
  findStage,
  runningStage,
  type StageRow,
  scopeOf,
  stagesOf,
} from './kompetisi.queries.ts';

function rankCategory(
  items: { entryId: string; score: string; perCriterion: Record<string, string>; submittedAt: Date | null }[],
  rubric: Rubric | undefined,
): Ranked[] {
  return rankEntries(
    items.map((i) => ({
      entryId: i.entryId,
      score: i.score,
      tiebreak: rubric
        ? tieBreakFromCriteria(rubric, i.perCriterion, i.submittedAt?.toISOString())
        : i.submittedAt
          ? { submittedAt: i.submittedAt.toISOString() }
          : {},
    })),
  );
}

/** A stage score as a 0–100 score for the combination of stages (the engine's conversion). */
function toPercent(score: string, stage: StageRow): string {
  const rubric = rubricByCode(stage.rubricCode ?? '');
  return rubric ? toPercentScale(rubric, score) : score;
}

async function moveOn(tx: DbOrTx, stages: StageRow[], stage: StageRow, now: Date): Promise<void> {
  await tx.update(competitionStages).set({ status: 'dikunci', lockedAt: now }).where(eq(competitionStages.id, stage.id));
  const next = stages.find((s) => s.position === stage.position + 1);
  if (next) await tx.update(competitionStages).set({ status: 'berjalan' }).where(eq(competitionStages.id, next.id));
}

/** Locks the running stage (see the module header); the next stage starts. */
export async function lockStage(ctx: ServiceContext, regionCode: string, competitionId: string, stageId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stage = await findStage(tx, regionCode, competitionId, stageId);
    if (!stage) throw new AppError('NOT_FOUND');
    await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId)).for('update');
    const stages = await stagesOf(tx, competitionId);
    if (runningStage(stages)?.id !== stage.id || stage.code === 'penetapan') {
      throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'only the running stage (before penetapan) can be locked' });
    }
    let summary: Record<string, unknown> = {};
    if (stage.code === 'seleksi_administrasi') {
      const entries = await allEntries(tx, regionCode, competitionId);
      const pending = entries.filter((e) => e.entry.status === 'diajukan').length;
      if (pending > 0) throw new AppError('COMPETITION_SCREENING_PENDING', { detail: `${pending} entries not screened` });
    }
    if (isScoredStage(stage.code)) summary = await storeStageResults(tx, regionCode, stage);
    await moveOn(tx, stages, stage, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'competition.stage_locked',
      entityType: 'competition_stage',
      entityId: stage.id,
      regionCode: auditRegion(regionCode),
      after: { code: stage.code, ...summary },
    });
  });
}

/** Aggregates a scored stage's submitted sheets with the engine and stores each category's ranking (also used by the demo). */
export async function storeStageResults(tx: DbOrTx, regionCode: string, stage: StageRow) {
  const rubric = rubricOf(stage);
  const sheets = await tx.select().from(competitionSheets).where(eq(competitionSheets.stageId, stage.id));
  if (sheets.length === 0) throw new AppError('COMPETITION_SHEETS_PENDING', { detail: 'no sheet was assigned' });
  const pending = sheets.filter((s) => s.status !== 'submitted').length;
  if (pending > 0) throw new AppError('COMPETITION_SHEETS_PENDING', { detail: `${pending} sheets not submitted` });
  const result = aggregateStage({
    rubric,
    sheets: sheets.map((s) => ({ judgeId: s.judgeUserId, entryId: s.entryId, scores: s.scores })),
    normalise: stage.normalise,
  });
  const entries = new Map((await allEntries(tx, regionCode, stage.competitionId)).map((e) => [e.entry.id, e]));
  const byCategory = new Map<string, typeof result.entries>();
  for (const e of result.entries) {
    const category = entries.get(e.entryId)?.entry.category ?? '';
    byCategory.set(category, [...(byCategory.get(category) ?? []), e]);
  }
  await tx.delete(competitionResults).where(eq(competitionResults.stageId, stage.id));
  for (const [category, items] of byCategory) {
    const ranked = rankCategory(
      items.map((i) => ({
        entryId: i.entryId,
        score: i.score,
        perCriterion: i.perCriterion,
        submittedAt: entries.get(i.entryId)?.entry.submittedAt ?? null,
      })),
      rubric,
    );
    const aggregate = new Map(items.map((i) => [i.entryId, i]));
    await tx.insert(competitionResults).values(
      ranked.map((r) => ({
        regionCode,
        stageId: stage.id,
        entryId: r.entryId,
        category,
        score: r.score,
        rank: r.rank,
        tied: r.tied,
        judgeCount: aggregate.get(r.entryId)?.judgeCount ?? 0,
        perCriterion: aggregate.get(r.entryId)?.perCriterion ?? {},
      })),
    );
  }
  await tx.update(competitionStages).set({ outliers: result.outliers }).where(eq(competitionStages.id, stage.id));
  return { entries: result.entries.length, outliers: result.outliers.length };
}

/** Marks who goes on from a locked scored stage: the top N of each category, or everyone at or above the passing score. */
export async function advanceStage(
  ctx: ServiceContext,
  regionCode: string,
  competitionId: string,
  stageId: string,
  input: { kind: 'top' | 'passing'; n?: number | undefined; min?: string | undefined },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const stage = await findStage(tx, regionCode, competitionId, stageId);
    if (!stage) throw new AppError('NOT_FOUND');
    if (!isScoredStage(stage.code) || stage.status !== 'dikunci')
      throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'advance follows the lock of a scored stage' });
    const stages = await stagesOf(tx, competitionId);
    const later = stages.filter((s) => s.position > stage.position && isScoredStage(s.code)).map((s) => s.id);
    if (later.length > 0) {
      const started = await tx.select({ id: competitionSheets.id }).from(competitionSheets).where(inArray(competitionSheets.stageId, later)).limit(1);
      if (started.length > 0) throw new AppError('COMPETITION_SCORING_STARTED', { detail: 'the next stage already has judges assigned' });
    }
    const rule: AdvanceRule =
      input.kind === 'top' ? { kind: 'top', n: input.n ?? stage.advanceN ?? 1 } : { kind: 'passing', min: input.min ?? stage.passingScore ?? '0' };
    const rows = await tx.select().from(competitionResults).where(eq(competitionResults.stageId, stage.id));
    const advancing = new Set<string>();
    for (const category of new Set(rows.map((r) => r.category))) {
      const ranked: Ranked[] = rows
        .filter((r) => r.category === category)
        .sort((a, b) => a.rank - b.rank)
        .map((r) => ({ entryId: r.entryId, score: r.score, rank: r.rank, tied: r.tied }));
      for (const id of advance(ranked, rule)) advancing.add(id);
    }
    await tx.update(competitionResults).set({ advanced: false }).where(eq(competitionResults.stageId, stage.id));
    if (advancing.size > 0) {
      await tx
        .update(competitionResults)
        .set({ advanced: true })
        .where(and(eq(competitionResults.stageId, stage.id), inArray(competitionResults.entryId, [...advancing])));
      await tx
        .update(competitionEntries)
        .set({ reachedStage: stage.code })
        .where(inArray(competitionEntries.id, [...advancing]));
    }
    await tx.update(competitionStages).set({ advancedAt: ctx.now }).where(eq(competitionStages.id, stage.id));
    await recordAudit(tx, ctx, {
      action: 'competition.stage_advanced',
      entityType: 'competition_stage',
      entityId: stage.id,
      regionCode: auditRegion(regionCode),
      after: { rule, advanced: [...advancing] },
    });
  });
}

/**
 * Penetapan: the final ranking of each category, combining the scored stages by their weights, over
 * the entries that reached the last scored stage; recorded with the decree.
 */
export async function finaliseCompetition(
  ctx: ServiceContext,
  regionCode: string,
  competitionId: string,
  input: { decreeNumber: string; decreeDate: string },
) {
  await ctx.db.transaction(async (tx) => {
    const competition = await findCompetition(tx, regionCode, competitionId);
    if (!competition) throw new AppError('NOT_FOUND');
    await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId)).for('update');
    const stages = await stagesOf(tx, competitionId);
    const penetapan = runningStage(stages);
    if (competition.status !== 'berjalan' || penetapan?.code !== 'penetapan')
      throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'every stage before penetapan must be locked' });
    await assertVoteClosed(tx, competitionId, ctx.now);
    const combined = await storeFinalRanking(tx, regionCode, competitionId, stages, penetapan);
    await tx
      .update(competitions)
      .set({
        status: 'ditetapkan',
        decreeNumber: input.decreeNumber,
        decreeDate: input.decreeDate,
        version: competition.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(competitions.id, competitionId));
    await tx.update(competitionStages).set({ status: 'dikunci', lockedAt: ctx.now }).where(eq(competitionStages.id, penetapan.id));
    await recordAudit(tx, ctx, {
      action: 'competition.finalised',
      entityType: 'competition',
      entityId: competitionId,
      regionCode: auditRegion(regionCode),
      after: { ...input, combined },
    });
  });
}

/**
 * The final ranking of each category: the engine's combination of the scored stages by weight over the
 * entries that reached the last scored stage, ranked with the tie rule, stored on the penetapan stage.
 */
export async function storeFinalRanking(tx: DbOrTx, regionCode: string, competitionId: string, stages: StageRow[], penetapan: StageRow) {
  const scored = stages.filter((s) => isScoredStage(s.code));
  const last = scored.at(-1);
  if (!last) throw new AppError('INTERNAL');
  const results = await tx
    .select()
    .from(competitionResults)
    .where(
      inArray(
        competitionResults.stageId,
        scored.map((s) => s.id),
      ),
    );
  const finalists = results.filter((r) => r.stageId === last.id);
  const finalistIds = new Set(finalists.map((f) => f.entryId));
  // With a public vote, the stages keep (100 − share) % of the final score and the vote takes its share.
  const vote = await voteForRanking(tx, competitionId);
  const weights = vote
    ? weightsWithVoteShare(
        scored.map((s) => s.weight),
        vote.share,
      )
    : scored.map((s) => s.weight);
  const combined = combineStages({
    stages: scored.map((s, i) => ({
      code: s.code,
      weight: weights[i] ?? s.weight,
      scores: Object.fromEntries(
        results.filter((r) => r.stageId === s.id && finalistIds.has(r.entryId)).map((r) => [r.entryId, toPercent(r.score, s)]),
      ),
    })),
    ...(vote ? { vote: { share: vote.share, counts: Object.fromEntries(Object.entries(vote.counts).filter(([id]) => finalistIds.has(id))) } } : {}),
  });
  const entries = new Map((await allEntries(tx, regionCode, competitionId)).map((e) => [e.entry.id, e]));
  const lastRubric = rubricByCode(last.rubricCode ?? '');
  await tx.delete(competitionResults).where(eq(competitionResults.stageId, penetapan.id));
  for (const category of new Set(finalists.map((f) => f.category))) {
    const inCategory = finalists.filter((f) => f.category === category);
    const ranked = rankCategory(
      inCategory.map((f) => ({
        entryId: f.entryId,
        score: combined[f.entryId] ?? '0',
        perCriterion: f.perCriterion,
        submittedAt: entries.get(f.entryId)?.entry.submittedAt ?? null,
      })),
      lastRubric,
    );
    const byId = new Map(inCategory.map((f) => [f.entryId, f]));
    await tx.insert(competitionResults).values(
      ranked.map((r) => ({
        regionCode,
        stageId: penetapan.id,
        entryId: r.entryId,
        category,
        score: r.score,
        rank: r.rank,
        tied: r.tied,
        judgeCount: byId.get(r.entryId)?.judgeCount ?? 0,
        perCriterion: byId.get(r.entryId)?.perCriterion ?? {},
        advanced: false,
      })),
    );
  }
  return combined;
}

export async function publishCompetition(ctx: ServiceContext, regionCode: string, competitionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const competition = await findCompetition(tx, regionCode, competitionId);
    if (!competition) throw new AppError('NOT_FOUND');
    if (competition.status !== 'ditetapkan') throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'publish follows penetapan' });
    await tx
      .update(competitions)
      .set({ status: 'diumumkan', publishedAt: ctx.now, version: competition.version + 1, updatedAt: ctx.now })
      .where(eq(competitions.id, competitionId));
    await recordAudit(tx, ctx, {
      action: 'competition.published',
      entityType: 'competition',
      entityId: competitionId,
      regionCode: auditRegion(regionCode),
    });
  });
}

// ---- reading results ------------------------------------------------------------------------------

export async function stageResults(db: DbOrTx, regionCode: string, competitionId: string, stageId: string): Promise<StageResults> {
  const stage = await findStage(db, regionCode, competitionId, stageId);
  if (!stage) throw new AppError('NOT_FOUND');
  const entries = new Map((await allEntries(db, regionCode, competitionId)).map((e) => [e.entry.id, e]));
  const rows = await db
    .select()
    .from(competitionResults)
    .where(eq(competitionResults.stageId, stage.id))
    .orderBy(asc(competitionResults.category), asc(competitionResults.rank));
  const sheets = await db
    .select({
      judgeUserId: competitionSheets.judgeUserId,
      entryId: competitionSheets.entryId,
      scores: competitionSheets.scores,
      name: users.displayName,
    })
    .from(competitionSheets)
    .innerJoin(users, eq(users.id, competitionSheets.judgeUserId))
    .where(eq(competitionSheets.stageId, stage.id));
  const judgeNames = new Map(sheets.map((s) => [s.judgeUserId, s.name]));
  let judges: StageResults['judges'] = [];
  if (stage.status === 'dikunci' && isScoredStage(stage.code) && sheets.length > 0) {
    // The judges' means and spreads, for the committee to see who scored harshly (the engine's figures).
    const agg = aggregateStage({
      rubric: rubricOf(stage),
      sheets: sheets.map((s) => ({ judgeId: s.judgeUserId, entryId: s.entryId, scores: s.scores })),
      normalise: false,
    });
    judges = agg.judges.map((j) => ({ judgeName: judgeNames.get(j.judgeId) ?? '', mean: j.mean, sd: j.sd }));
  }
  return {
    stageId: stage.id,
    code: stage.code as StageCode,
    locked: stage.status === 'dikunci',
    advanced: stage.advancedAt !== null,
    items: rows.map((r) => ({
      entryId: r.entryId,
      innovationName: entries.get(r.entryId)?.innovationName ?? '',
      unitName: entries.get(r.entryId)?.unitName ?? '',
      regionName: entries.get(r.entryId)?.regionName ?? '',
      category: r.category,
      score: r.score,
      rank: r.rank,
      tied: r.tied,
      judgeCount: r.judgeCount,
      perCriterion: r.perCriterion,
      advanced: r.advanced,
    })),
    outliers: stage.outliers.map((o) => ({
      entryId: o.entryId,
      judgeName: judgeNames.get(o.judgeId) ?? '',
      innovationName: entries.get(o.entryId)?.innovationName ?? '',
      deviation: o.deviation,
    })),
    judges,
  };
}

/** The final ranking per category, as stored at penetapan. */
export async function finalRanking(db: DbOrTx, competition: CompetitionRow) {
  const stages = await stagesOf(db, competition.id);
  const penetapan = stages.find((s) => s.code === 'penetapan');
  const lastScored = stages.filter((s) => isScoredStage(s.code)).at(-1);
  const rubric = lastScored?.rubricCode ? rubricByCode(lastScored.rubricCode) : undefined;
  if (!penetapan)
    return {
      rubric,
      categories: [] as { code: string; name: string; ranking: (typeof competitionResults.$inferSelect & { e: EntryWithNames | undefined })[] }[],
    };
  const entries = new Map((await allEntries(db, scopeOf(competition), competition.id)).map((e) => [e.entry.id, e]));
  const rows = await db.select().from(competitionResults).where(eq(competitionResults.stageId, penetapan.id)).orderBy(asc(competitionResults.rank));
  return {
    rubric,
    categories: competition.categories.map((c) => ({
      code: c.code,
      name: c.name,
      ranking: rows.filter((r) => r.category === c.code).map((r) => ({ ...r, e: entries.get(r.entryId) })),
    })),
  };
}

/**
 * The region's public list: its own competitions, and the national competitions in which its units
 * have entries (so a region's website shows where its innovations compete, and a national
 * competition the region never entered does not crowd its list).
 */
export async function publicCompetitions(db: DbOrTx, regionCode: string) {
  const enteredNational = sql`(${competitions.scope} = 'national' and exists (select 1 from ${competitionEntries} where ${competitionEntries.competitionId} = ${competitions.id} and ${competitionEntries.regionCode} = ${regionCode}))`;
  const rows = await db
    .select()
    .from(competitions)
    .where(and(or(eq(competitions.regionCode, regionCode), enteredNational), inArray(competitions.status, ['berjalan', 'ditetapkan', 'diumumkan'])))
    .orderBy(asc(competitions.year), asc(competitions.name));
  const items = [];
  for (const row of rows) {
    const stages = await stagesOf(db, row.id);
    const stage = row.status === 'diumumkan' ? 'diumumkan' : (runningStage(stages)?.code ?? 'penetapan');
    items.push({ id: row.id, name: row.name, year: row.year, kind: row.kind, stage, scope: row.scope as 'region' | 'national' });
  }
  return items;
}

export async function publicResults(db: DbOrTx, id: string): Promise<PublicResults> {
  const [row] = await db.select().from(competitions).where(eq(competitions.id, id));
  // Before publication the results do not exist for the public, whatever the committee knows.
  if (row?.status !== 'diumumkan' || !row.decreeNumber || !row.decreeDate) throw new AppError('NOT_FOUND');
  const ranking = await finalRanking(db, row);
  const vote = await voteForRanking(db, row.id);
  const ranked = ranking.categories.flatMap((c) => c.ranking.map((r) => r.entryId));
  const scores = vote ? voteScores(vote.counts, ranked) : {};
  return {
    voteShare: vote ? plainPercent(vote.share) : null,
    published: true,
    competition: { id: row.id, name: row.name, year: row.year, kind: row.kind, regionCode: scopeOf(row) },
    decree: { number: row.decreeNumber, date: row.decreeDate },
    criteria: (ranking.rubric?.criteria ?? []).map((c) => ({ code: c.code, name: c.name, weight: c.weight })),
    categories: ranking.categories.map((c) => ({
      code: c.code,
      name: c.name,
      ranking: c.ranking.map((r) => ({
        rank: r.rank,
        innovationId: r.e?.entry.innovationId ?? '',
        name: r.e?.innovationName ?? '',
        unitName: r.e?.unitName ?? '',
        regionName: r.e?.regionName ?? '',
        score: r.score,
        perCriterion: r.perCriterion,
        votes: vote ? (vote.counts[r.entryId] ?? 0) : null,
        voteScore: vote ? (scores[r.entryId] ?? '0.00') : null,
      })),
    })),
  };
}
