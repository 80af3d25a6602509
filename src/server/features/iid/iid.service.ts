/**
 * Use cases of the region's IID: the SPD answers of a
 * period and the SID answers of each innovation (claimed by the owner, verified by a reviewer), the
 * projected index claimed and verified with its warnings, and the what-if ranking. Scoring is the
 * pure domain (domain/iid, on the scoring engine); this layer loads rows, checks who may act, and writes
 * with its audit entry in one transaction; iid.presenter.ts shapes what it returns.
 */
import { and, eq } from 'drizzle-orm';
import { type Actor, can } from '#domain/access/roles.ts';
import { answerLevel, COUNTED_STATUSES, type IidBasis, innovationScore, projectBasis } from '#domain/iid/projection.ts';
import {
  acceptsBasis,
  acceptsLevel,
  findIndicator,
  type IidIndicator,
  type IidPart,
  type IidStructure,
  iidStructure,
  scoreAt,
} from '#domain/iid/structure.ts';
import { type CarryCandidate, iidLevers } from '#domain/iid/levers.ts';
import { chooseParameter, figureOf } from '#domain/iid/spd-figure.ts';
import { whatIf } from '#domain/iid/what-if.ts';
import { type InnovationStatus, isOwner, isReviewer, statusAfterEdit } from '#domain/innovations/workflow.ts';
import { Ratio, sumRatios } from '#domain/scoring/decimal.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { allowedText } from '#domain/scoring/input.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { isUniqueViolation } from '#server/db/errors.ts';
import { iidAnswers, innovationEvents, innovations } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import type { SpdAnswerInput } from '#shared/api/iid.ts';
import { answerOf, innovationData, loadPeriodData, projectPeriodIid } from '#server/platform/figures/iid-projection.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';
import { findInnovation } from '#server/platform/records.ts';
import {
  findIidPeriod,
  findPreviousPeriod,
  listCarriedIds,
  type IidAnswerRow,
  type IidPeriodRow,
  listInnovationAnswers,
  listInnovationSidEvidence,
  listSpdAnswers,
  listSpdEvidence,
  listSpdFigures,
  lockSpdFigure,
  deleteSpdFigure,
  upsertSpdFigure,
  lockAnswer,
} from './iid.queries.ts';

// ---- framework and data ----------------------------------------------------------------------------

export async function loadPeriod(db: DbOrTx, regionCode: string, periodId: string): Promise<IidPeriodRow> {
  const period = await findIidPeriod(db, regionCode, periodId);
  if (!period) throw new AppError('NOT_FOUND');
  return period;
}

/** Operators see their unit's innovations only; the region's index itself is the region's. */
function isVisible(actor: Actor, row: { unitId: string }): boolean {
  return !(actor.role === 'operator' && actor.unitId) || row.unitId === actor.unitId;
}

// ---- projection and what-if ------------------------------------------------------------------------

export async function getProjection(ctx: ServiceContext, regionCode: string, periodId: string) {
  const period = await loadPeriod(ctx.db, regionCode, periodId);
  const { framework, exact, rules, projection, rows } = await projectPeriodIid(ctx.db, regionCode, period);
  const visible = new Set(rows.filter((r) => isVisible(ctx.actor, r)).map((r) => r.id));
  return { period, framework, exact, rules, projection, unitNames: new Map(rows.map((r) => [r.id, r.unitName])), visible };
}

export type ProjectionView = Awaited<ReturnType<typeof getProjection>>;

/**
 * The levers on the basis, largest gain first: closing the yandas gate, filling an empty seat with a
 * new or a carried innovation, dropping an ineligible one, and the one-step raises (also returned
 * alone as `items`, the older contract). Limited to what the caller may see.
 */
export async function getWhatIf(
  ctx: ServiceContext,
  regionCode: string,
  periodId: string,
  query: { basis: IidBasis; limit: number; score?: string | undefined },
) {
  const period = await loadPeriod(ctx.db, regionCode, periodId);
  const { framework } = await iidFrameworkOfPeriod(ctx.db, regionCode, period);
  const { rows, data } = await loadPeriodData(ctx.db, regionCode, periodId);
  const projection = projectBasis(framework, data, query.basis, period.iidEvidenceRequired);
  const visible = new Set(rows.filter((r) => isVisible(ctx.actor, r)).map((r) => r.id));
  const items = whatIf(projection)
    .filter((i) => i.innovationId === null || visible.has(i.innovationId))
    .slice(0, query.limit);
  const carryCandidates = await listCarryCandidates(ctx, regionCode, period, framework);
  const levers = iidLevers(projection, {
    ...(query.score === undefined ? {} : { assumedScore: Ratio.from(query.score) }),
    carryCandidates,
    raiseLimit: query.limit,
  });
  const isShown = (id: string | null) => id === null || visible.has(id) || carryCandidates.some((c) => c.id === id);
  return {
    basis: query.basis,
    index: projection.result.index,
    items,
    levers: { ...levers, levers: levers.levers.filter((l) => isShown(l.innovationId)).slice(0, query.limit) },
    carryCandidates,
  };
}

/**
 * Last period's verified innovations (those the caller may see) that are not yet carried into this
 * one, each scored under this period's framework on the answers it had: what it brings if carried
 * with the same answers and evidence.
 */
async function listCarryCandidates(ctx: ServiceContext, regionCode: string, period: IidPeriodRow, framework: Framework): Promise<CarryCandidate[]> {
  const previous = await findPreviousPeriod(ctx.db, regionCode, period.year);
  if (previous === undefined) return [];
  const [{ rows, data }, carried] = await Promise.all([
    loadPeriodData(ctx.db, regionCode, previous.id),
    listCarriedIds(ctx.db, regionCode, period.id),
  ]);
  const visible = new Set(rows.filter((r) => isVisible(ctx.actor, r)).map((r) => r.id));
  return data.innovations
    .filter((i) => i.status === 'terverifikasi' && !carried.has(i.id) && visible.has(i.id))
    .map((i) => ({
      id: i.id,
      name: i.name,
      score: innovationScore(framework, i, 'verified', previous.iidEvidenceRequired).score,
      urusanUtama: i.urusanUtama,
      urusanIrisan: i.urusanIrisan,
    }))
    .sort((a, b) => b.score.cmp(a.score) || a.name.localeCompare(b.name));
}

// ---- answer sheets ---------------------------------------------------------------------------------

export async function getSpdSheet(ctx: ServiceContext, regionCode: string, periodId: string) {
  const period = await loadPeriod(ctx.db, regionCode, periodId);
  const { framework } = await iidFrameworkOfPeriod(ctx.db, regionCode, period);
  const structure = iidStructure(framework);
  const [answerRows, evidence, figureRows] = await Promise.all([
    listSpdAnswers(ctx.db, regionCode, periodId),
    listSpdEvidence(ctx.db, regionCode, periodId),
    listSpdFigures(ctx.db, regionCode, periodId),
  ]);
  const answers = new Map(answerRows.map((r) => [r.indicatorId, r]));
  const total = (basis: IidBasis) => sumRatios(structure.spd.map((i) => scoreAt(i, answerLevel(answerOf(answers.get(i.id)), basis))));
  return {
    period,
    structure,
    answers,
    evidence,
    figures: new Map(figureRows.map((f) => [f.indicatorId, f])),
    claimedScore: total('claimed'),
    verifiedScore: total('verified'),
    canAnswer: can(ctx.actor, 'periods.write', regionCode),
    canVerify: can(ctx.actor, 'innovations.review', regionCode),
  };
}

export type SpdSheetView = Awaited<ReturnType<typeof getSpdSheet>>;

async function loadVisibleInnovation(db: DbOrTx, actor: Actor, regionCode: string, innovationId: string) {
  const found = await findInnovation(db, regionCode, innovationId, actor);
  if (!found) throw new AppError('NOT_FOUND');
  return found.innovation;
}

export async function getSidSheet(ctx: ServiceContext, regionCode: string, innovationId: string) {
  const row = await loadVisibleInnovation(ctx.db, ctx.actor, regionCode, innovationId);
  const period = await loadPeriod(ctx.db, regionCode, row.periodId);
  const { framework } = await iidFrameworkOfPeriod(ctx.db, regionCode, period);
  const [answerRows, evidenceRows] = await Promise.all([
    listInnovationAnswers(ctx.db, regionCode, period.id, innovationId),
    listInnovationSidEvidence(ctx.db, regionCode, innovationId),
  ]);
  const status = row.status as InnovationStatus;
  const data = innovationData({ ...row, unitName: '' }, answerRows, new Set(evidenceRows.map((e) => e.slot)));
  const ref = { status, regionCode, unitId: row.unitId };
  return {
    innovation: { id: row.id, name: row.name, status },
    period,
    structure: iidStructure(framework),
    answers: new Map(answerRows.map((a) => [a.indicatorId, a])),
    evidence: evidenceRows,
    claimed: innovationScore(framework, data, 'claimed', period.iidEvidenceRequired),
    verified: innovationScore(framework, data, 'verified', period.iidEvidenceRequired),
    countsForVerified: COUNTED_STATUSES.verified.includes(status),
    canAnswer: can(ctx.actor, 'innovations.write', regionCode) && isOwner(ctx.actor, ref) && statusAfterEdit(status) !== null,
    canVerify: can(ctx.actor, 'innovations.review', regionCode) && isReviewer(ctx.actor, ref) && isVerifiable(status),
  };
}

export type SidSheetView = Awaited<ReturnType<typeof getSidSheet>>;

// ---- writes ----------------------------------------------------------------------------------------

/** Reviewers verify indicators of submitted innovations, and may still correct a verified one. */
function isVerifiable(status: InnovationStatus): boolean {
  return status === 'diajukan' || status === 'terverifikasi';
}

export function indicatorOr400(structure: IidStructure, part: IidPart, indicatorId: string): IidIndicator {
  const found = findIndicator(structure, part, indicatorId);
  if (found !== undefined) return found;
  const other = findIndicator(structure, part === 'spd' ? 'sid' : 'spd', indicatorId);
  const name = structure.framework.name;
  const reason =
    other === undefined
      ? `Indikator "${indicatorId}" tidak ada di antara indikator ${part.toUpperCase()} ${name}`
      : part === 'sid'
        ? `Indikator ${indicatorId} adalah indikator SPD (tingkat daerah); isi pada SPD periode`
        : `Indikator ${indicatorId} dinilai per inovasi (SID); isi pada inovasinya`;
  throw fieldError('params.indicatorId', reason);
}

function checkLevel(indicator: IidIndicator, level: number, field: string): void {
  if (acceptsLevel(indicator, level)) return;
  throw fieldError(field, `Parameter ${level} tidak sah untuk indikator ${indicator.id} (${indicator.name}); isi ${allowedText(indicator.node).id}`);
}

/** What a write leaves behind: the answer row (none when never answered) and the innovation's status. */
export interface AnswerResult {
  key: AnswerKey;
  row: IidAnswerRow | undefined;
  innovationStatus: InnovationStatus | null;
}

function auditView(row: IidAnswerRow | undefined) {
  return row === undefined
    ? null
    : {
        claimedLevel: row.claimedLevel,
        basisUkur: row.basisUkur,
        verification: row.verification,
        verifiedLevel: row.verifiedLevel,
        verifierNote: row.verifierNote,
      };
}

/**
 * The measurement basis stored with a claim: required with a level above 0 on an indicator that has
 * bases (its parameters mean different things on each), refused on one that has none, and dropped with
 * a level of 0 or none.
 */
function basisFor(indicator: IidIndicator, level: number | null, basisUkur: string | null | undefined): string | null {
  if (indicator.bases.length === 0) {
    if (basisUkur !== undefined && basisUkur !== null) {
      throw fieldError('body.basisUkur', `Indikator ${indicator.id} (${indicator.name}) tidak memakai basis ukur`);
    }
    return null;
  }
  if (level === null || level === 0) return null;
  const keys = indicator.bases.map((b) => b.key).join(', ');
  if (basisUkur === undefined || basisUkur === null) {
    throw fieldError('body.basisUkur', `Pilih basis ukur indikator ${indicator.id} (${indicator.name}): ${keys}`);
  }
  if (!acceptsBasis(indicator, basisUkur)) {
    throw fieldError('body.basisUkur', `Basis ukur "${basisUkur}" tidak ada pada indikator ${indicator.id}; pilih ${keys}`);
  }
  return basisUkur;
}

export interface AnswerKey {
  regionCode: string;
  periodId: string;
  innovationId: string | null;
  indicatorId: string;
}

/**
 * Writes a claim: a changed level resets the verification to pending (SIMONDA's rule, domain doc §2.7).
 * `version`, when given, must be the answer's current version (0 before the first answer).
 */
async function writeClaim(
  ctx: ServiceContext,
  tx: DbOrTx,
  key: AnswerKey,
  claim: { level: number | null; basisUkur: string | null },
  version: number | undefined,
  beforeWrite: () => Promise<InnovationStatus | null>,
  innovationStatus: InnovationStatus | null,
  isForced = false,
): Promise<AnswerResult> {
  const { level, basisUkur } = claim;
  const current = await lockAnswer(tx, key);
  const currentVersion = current?.version ?? 0;
  if (version !== undefined && version !== currentVersion) throw new AppError('STALE_VERSION');
  // Another basis is another claim (the same level means another thing), so it is verified again too.
  if (!isForced && (current?.claimedLevel ?? null) === level && (current?.basisUkur ?? null) === basisUkur) {
    return { key, row: current, innovationStatus };
  }
  const statusAfter = await beforeWrite();
  const values = {
    claimedLevel: level,
    basisUkur,
    verification: 'pending',
    verifiedLevel: null,
    verifierNote: null,
    updatedBy: ctx.actor.id,
    updatedAt: ctx.now,
  };
  let written: IidAnswerRow | undefined;
  if (current === undefined) {
    [written] = await tx
      .insert(iidAnswers)
      .values({ ...key, ...values, version: 1 })
      .returning();
  } else {
    [written] = await tx
      .update(iidAnswers)
      .set({ ...values, version: currentVersion + 1 })
      .where(and(eq(iidAnswers.id, current.id), eq(iidAnswers.regionCode, key.regionCode), eq(iidAnswers.version, currentVersion)))
      .returning();
  }
  if (written === undefined) throw new AppError('STALE_VERSION');
  await recordAudit(tx, ctx, {
    action: key.innovationId === null ? 'iid.spd.answered' : 'iid.answer.answered',
    entityType: 'iid_answer',
    entityId: written.id,
    regionCode: key.regionCode,
    before: auditView(current),
    after: { periodId: key.periodId, innovationId: key.innovationId, indicatorId: key.indicatorId, ...auditView(written) },
  });
  return { key, row: written, innovationStatus: statusAfter };
}

/** Two first answers of the same indicator at once: the second is told to reload. */
async function mappingRaces<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'iid_answers_uq')) throw new AppError('STALE_VERSION');
    throw err;
  }
}

export async function answerSpd(
  ctx: ServiceContext,
  regionCode: string,
  periodId: string,
  indicatorId: string,
  body: SpdAnswerInput,
): Promise<AnswerResult> {
  return mappingRaces(() =>
    ctx.db.transaction(async (tx) => {
      const period = await loadPeriod(tx, regionCode, periodId);
      const indicator = indicatorOr400(iidStructure((await iidFrameworkOfPeriod(tx, regionCode, period)).framework), 'spd', indicatorId);
      const key = { regionCode, periodId: period.id, innovationId: null, indicatorId: indicator.id };
      const figure = figureOf(indicator);
      if (figure === null) {
        if (body.figure !== undefined && body.figure !== null) {
          throw fieldError('body.figure', `Indikator ${indicator.id} (${indicator.name}) diisi dengan parameter, bukan angka`);
        }
        if (body.level !== null) checkLevel(indicator, body.level, 'body.level');
        return writeClaim(ctx, tx, key, { level: body.level, basisUkur: null }, body.version, async () => null, null);
      }
      // The parameter follows from the figure; nobody picks another one by hand.
      if (body.figure === undefined || body.figure === null) {
        if (body.level !== null) {
          throw fieldError(
            'body.figure',
            `Parameter indikator ${indicator.id} (${indicator.name}) ditentukan dari ${figure.name}: isi angka dan sumbernya, parameternya dipilih otomatis`,
          );
        }
        const result = await writeClaim(ctx, tx, key, { level: null, basisUkur: null }, body.version, async () => null, null);
        await deleteSpdFigure(tx, key);
        return result;
      }
      const choice = chooseParameter(figure, body.figure.value);
      if (!choice.ok) throw fieldError('body.figure.value', choice.reason);
      if (body.level !== null && body.level !== choice.level) {
        throw fieldError(
          'body.level',
          `Parameter indikator ${indicator.id} ditentukan dari angkanya: ${choice.rule} memberi parameter ${choice.level}; parameter ${body.level} tidak dapat dipilih untuk angka ini`,
        );
      }
      const entered = { value: body.figure.value.trim(), source: body.figure.source, sourceUrl: body.figure.sourceUrl ?? null };
      const before = await lockSpdFigure(tx, key);
      const changed =
        before === undefined || before.value !== entered.value || before.source !== entered.source || before.sourceUrl !== entered.sourceUrl;
      // Another figure is another claim even when it lands on the same parameter: verified again.
      const result = await writeClaim(ctx, tx, key, { level: choice.level, basisUkur: null }, body.version, async () => null, null, changed);
      if (changed) {
        await upsertSpdFigure(tx, key, entered, before, ctx.actor.id, ctx.now);
        await recordAudit(tx, ctx, {
          action: 'iid.spd.figure',
          entityType: 'iid_spd_figure',
          entityId: result.row?.id ?? null,
          regionCode,
          before: before === undefined ? null : { value: before.value, source: before.source, sourceUrl: before.sourceUrl },
          after: { indicatorId: indicator.id, ...entered, level: choice.level, rule: choice.rule },
        });
      }
      return result;
    }),
  );
}

export async function answerInnovation(
  ctx: ServiceContext,
  regionCode: string,
  innovationId: string,
  indicatorId: string,
  body: { level: number | null; basisUkur?: string | null | undefined; version?: number | undefined },
): Promise<AnswerResult> {
  return mappingRaces(() =>
    ctx.db.transaction(async (tx) => {
      const row = await loadVisibleInnovation(tx, ctx.actor, regionCode, innovationId);
      const status = row.status as InnovationStatus;
      if (!isOwner(ctx.actor, { status, regionCode, unitId: row.unitId })) throw new AppError('FORBIDDEN');
      const next = statusAfterEdit(status);
      if (next === null) throw new AppError('IID_ANSWERS_LOCKED', { detail: `the IID answers of an innovation that is ${status} cannot change` });
      const period = await loadPeriod(tx, regionCode, row.periodId);
      const indicator = indicatorOr400(iidStructure((await iidFrameworkOfPeriod(tx, regionCode, period)).framework), 'sid', indicatorId);
      if (body.level !== null) checkLevel(indicator, body.level, 'body.level');
      const basisUkur = basisFor(indicator, body.level, body.basisUkur);
      const key = { regionCode, periodId: period.id, innovationId: row.id, indicatorId: indicator.id };
      // Touching the innovation locks it (a concurrent submit waits) and, after verification, sends it
      // back for review with a timeline event, exactly as a profile or evidence edit does.
      const touchInnovation = async (): Promise<InnovationStatus> => {
        const isSentBack = next !== status;
        const [touched] = await tx
          .update(innovations)
          .set({ status: next, updatedAt: ctx.now, ...(isSentBack ? { version: row.version + 1 } : {}) })
          .where(and(eq(innovations.id, row.id), eq(innovations.regionCode, regionCode), eq(innovations.status, status)))
          .returning({ id: innovations.id });
        if (!touched) throw new AppError('STALE_VERSION');
        if (isSentBack) {
          await tx.insert(innovationEvents).values({
            innovationId: row.id,
            regionCode,
            at: ctx.now,
            actorId: ctx.actor.id,
            actorName: ctx.actor.displayName,
            action: 'edited_after_verification',
            fromStatus: status,
            toStatus: next,
            note: `Indikator IID ${indicator.id} (${indicator.name}) diubah`,
          });
        }
        return next;
      };
      return writeClaim(ctx, tx, key, { level: body.level, basisUkur }, body.version, touchInnovation, status);
    }),
  );
}

type VerifyBody = { decision: 'accept' } | { decision: 'correct'; level: number; note: string };

async function writeVerification(ctx: ServiceContext, tx: DbOrTx, key: AnswerKey, indicator: IidIndicator, body: VerifyBody) {
  const current = await lockAnswer(tx, key);
  if (current === undefined || current.claimedLevel === null) {
    throw new AppError('IID_NOTHING_TO_VERIFY', { detail: `indicator ${indicator.id} has no claimed level to verify` });
  }
  if (body.decision === 'correct') checkLevel(indicator, body.level, 'body.level');
  const verification =
    body.decision === 'accept'
      ? { verification: 'accepted', verifiedLevel: current.claimedLevel, verifierNote: null }
      : { verification: 'corrected', verifiedLevel: body.level, verifierNote: body.note };
  const [written] = await tx
    .update(iidAnswers)
    .set({ ...verification, version: current.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.now })
    .where(and(eq(iidAnswers.id, current.id), eq(iidAnswers.regionCode, key.regionCode), eq(iidAnswers.version, current.version)))
    .returning();
  if (written === undefined) throw new AppError('STALE_VERSION');
  await recordAudit(tx, ctx, {
    action: key.innovationId === null ? 'iid.spd.verified' : 'iid.answer.verified',
    entityType: 'iid_answer',
    entityId: written.id,
    regionCode: key.regionCode,
    before: auditView(current),
    after: { periodId: key.periodId, innovationId: key.innovationId, indicatorId: key.indicatorId, ...auditView(written) },
  });
  return written;
}

export async function verifySpd(
  ctx: ServiceContext,
  regionCode: string,
  periodId: string,
  indicatorId: string,
  body: VerifyBody,
): Promise<AnswerResult> {
  return ctx.db.transaction(async (tx) => {
    const period = await loadPeriod(tx, regionCode, periodId);
    const indicator = indicatorOr400(iidStructure((await iidFrameworkOfPeriod(tx, regionCode, period)).framework), 'spd', indicatorId);
    const key = { regionCode, periodId: period.id, innovationId: null, indicatorId: indicator.id };
    return { key, row: await writeVerification(ctx, tx, key, indicator, body), innovationStatus: null };
  });
}

export async function verifyInnovationAnswer(
  ctx: ServiceContext,
  regionCode: string,
  innovationId: string,
  indicatorId: string,
  body: VerifyBody,
): Promise<AnswerResult> {
  return ctx.db.transaction(async (tx) => {
    const row = await loadVisibleInnovation(tx, ctx.actor, regionCode, innovationId);
    const status = row.status as InnovationStatus;
    if (!isReviewer(ctx.actor, { status, regionCode, unitId: row.unitId })) throw new AppError('FORBIDDEN');
    if (!isVerifiable(status))
      throw new AppError('IID_NOT_VERIFIABLE', { detail: `the IID answers of an innovation that is ${status} are not verified` });
    const period = await loadPeriod(tx, regionCode, row.periodId);
    const indicator = indicatorOr400(iidStructure((await iidFrameworkOfPeriod(tx, regionCode, period)).framework), 'sid', indicatorId);
    const key = { regionCode, periodId: period.id, innovationId: row.id, indicatorId: indicator.id };
    return { key, row: await writeVerification(ctx, tx, key, indicator, body), innovationStatus: status };
  });
}
