/**
 * Use cases of a competition's set-up and its entries: create and edit a competition (before any
 * stage is locked), open registration, enter a unit's verified innovation (eligibility decided by
 * the engine, the reasons returned), write the proposal within each section's word limit, submit
 * before the registration deadline, and the admin's administrative screening.
 */
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { checkEligibility } from '#domain/competition/eligibility.ts';
import type { EligibilityRules, Tahapan } from '#domain/competition/types.ts';
import { countWords } from '#domain/innovations/profile.ts';
import type { InnovationStatus } from '#domain/innovations/workflow.ts';
import { type CompetitionDetail, type CompetitionInput, type EntryDetail, type EntrySummary, isScoredStage } from '#shared/api/competitions.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { attachments, competitionEntries, competitionStages, competitions, innovations, regions } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { listAttachments } from '#server/platform/attachments/attachments.ts';
import { allUnitsOf, findInnovation } from '#server/platform/records.ts';
import { rubricByCode } from './kompetisi-rubrics.ts';
import {
  auditRegion,
  type CompetitionRow,
  type EntryRow,
  type EntryWithNames,
  entryCounts,
  findCompetition,
  findEntry,
  NATIONAL,
  runningStage,
  type StageRow,
  scopeOf,
  stagesOf,
} from './kompetisi.queries.ts';
import { wibDate } from '#domain/schedule/wib.ts';

/** The attachment slot of the SK naming the innovator (on the innovation or on the entry). */
export const INNOVATOR_SK_SLOT = 'sk_inovator';

// ---- presenting --------------------------------------------------------------------------------

export function presentCompetition(
  row: CompetitionRow,
  stages: StageRow[],
  entryCount: number,
  abilities: { manage: boolean; enter: boolean },
): CompetitionDetail {
  const running = runningStage(stages);
  const registration = stages.find((s) => s.code === 'pendaftaran');
  return {
    id: row.id,
    regionCode: scopeOf(row),
    scope: row.scope as CompetitionDetail['scope'],
    participantRegions: row.participantRegions,
    name: row.name,
    year: row.year,
    kind: row.kind as CompetitionDetail['kind'],
    status: row.status as CompetitionDetail['status'],
    currentStage: (running?.code ?? null) as CompetitionDetail['currentStage'],
    entryCount,
    registrationClosesOn: registration?.endsOn ?? '',
    description: row.description,
    categories: row.categories,
    eligibility: row.eligibility as CompetitionDetail['eligibility'],
    sections: row.sections,
    stages: stages.map((s) => ({
      id: s.id,
      code: s.code as CompetitionDetail['stages'][number]['code'],
      position: s.position,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      rubricCode: s.rubricCode,
      judgesPerEntry: s.judgesPerEntry,
      advanceKind: s.advanceKind as 'none' | 'top' | 'passing',
      advanceN: s.advanceN,
      passingScore: s.passingScore,
      weight: s.weight,
      normalise: s.normalise,
      status: s.status as 'menunggu' | 'berjalan' | 'dikunci',
      lockedAt: s.lockedAt?.toISOString() ?? null,
      advancedAt: s.advancedAt?.toISOString() ?? null,
    })),
    decreeNumber: row.decreeNumber,
    decreeDate: row.decreeDate,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    abilities,
  };
}

export function presentEntrySummary(r: EntryWithNames): EntrySummary {
  return {
    id: r.entry.id,
    innovationId: r.entry.innovationId,
    innovationName: r.innovationName,
    unitId: r.entry.unitId,
    unitName: r.unitName,
    regionCode: r.entry.regionCode,
    regionName: r.regionName,
    category: r.entry.category,
    status: r.entry.status as EntrySummary['status'],
    screeningReason: r.entry.screeningReason,
    submittedAt: r.entry.submittedAt?.toISOString() ?? null,
    reachedStage: r.entry.reachedStage,
  };
}

/**
 * One competition as the scope sees it. A region's staff see a national competition their region
 * takes part in, count only their own region's entries and may enter but never manage it; the
 * national admin manages but does not enter (entries come from the regions' units).
 */
export async function loadCompetitionDetail(db: DbOrTx, regionCode: string, id: string, abilities: { manage: boolean; enter: boolean }) {
  const row = await findCompetition(db, regionCode, id, 'take_part');
  if (!row) throw new AppError('NOT_FOUND');
  const visitor = row.scope === 'national' && regionCode !== NATIONAL;
  const [stages, counts] = await Promise.all([stagesOf(db, id), entryCounts(db, [id], visitor ? regionCode : undefined)]);
  return presentCompetition(row, stages, counts.get(id) ?? 0, {
    manage: abilities.manage && !visitor,
    enter: abilities.enter && regionCode !== NATIONAL,
  });
}

// ---- set-up ------------------------------------------------------------------------------------

function checkRubrics(input: CompetitionInput): void {
  input.stages.forEach((s, i) => {
    if (isScoredStage(s.code) && s.rubricCode && !rubricByCode(s.rubricCode)) throw fieldError(`body.stages.${i}.rubricCode`, 'Rubrik tidak dikenal');
  });
  const categoryCodes = new Set(input.categories.map((c) => c.code));
  for (const code of Object.keys(input.eligibility.categories ?? {})) {
    if (!categoryCodes.has(code)) throw fieldError('body.eligibility.categories', `Kategori ${code} tidak ada di daftar kategori`);
  }
}

function stageValues(regionCode: string, competitionId: string, input: CompetitionInput) {
  return input.stages.map((s, position) => ({
    regionCode,
    competitionId,
    code: s.code,
    position,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    rubricCode: isScoredStage(s.code) ? s.rubricCode : null,
    judgesPerEntry: s.judgesPerEntry,
    advanceKind: isScoredStage(s.code) ? s.advanceKind : 'none',
    advanceN: s.advanceKind === 'top' ? s.advanceN : null,
    passingScore: s.advanceKind === 'passing' ? s.passingScore : null,
    weight: isScoredStage(s.code) ? s.weight : '0',
    normalise: isScoredStage(s.code) ? s.normalise : false,
  }));
}

/** A national competition's participants must be real provinces or regions; a region's own competition has none. */
async function participantsOf(db: DbOrTx, scope: string, input: CompetitionInput): Promise<string[]> {
  if (scope !== NATIONAL) return [];
  const wanted = [...new Set(input.participantRegions)].sort();
  if (wanted.length === 0) return [];
  const known = new Set((await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, wanted))).map((r) => r.code));
  const unknown = wanted.filter((c) => !known.has(c));
  if (unknown.length > 0) throw fieldError('body.participantRegions', `Kode wilayah tidak dikenal: ${unknown.slice(0, 5).join(', ')}`);
  return wanted;
}

function competitionValues(input: CompetitionInput) {
  return {
    name: input.name,
    year: input.year,
    kind: input.kind,
    description: input.description,
    categories: input.categories,
    eligibility: input.eligibility as Record<string, unknown>,
    sections: input.sections,
  };
}

/** Creates a region's competition, or (in the NATIONAL scope) the national admin's competition across regions. */
export async function createCompetition(ctx: ServiceContext, regionCode: string, input: CompetitionInput): Promise<string> {
  checkRubrics(input);
  return ctx.db.transaction(async (tx) => {
    const national = regionCode === NATIONAL;
    const participantRegions = await participantsOf(tx, regionCode, input);
    const [created] = await tx
      .insert(competitions)
      .values({
        ...competitionValues(input),
        regionCode: national ? null : regionCode,
        scope: national ? 'national' : 'region',
        participantRegions,
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: competitions.id });
    if (!created) throw new AppError('INTERNAL');
    await tx.insert(competitionStages).values(stageValues(regionCode, created.id, input));
    await recordAudit(tx, ctx, {
      action: 'competition.created',
      entityType: 'competition',
      entityId: created.id,
      regionCode: auditRegion(regionCode),
      after: input,
    });
    return created.id;
  });
}

/** Edits the set-up while no stage is locked yet: after that, entrants and judges rely on it. */
export async function updateCompetition(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  input: CompetitionInput & { version: number },
): Promise<void> {
  checkRubrics(input);
  await ctx.db.transaction(async (tx) => {
    const current = await findCompetition(tx, regionCode, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version) throw new AppError('STALE_VERSION');
    const stages = await stagesOf(tx, id);
    if (stages.some((s) => s.status === 'dikunci')) throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'a stage is already locked' });
    const participantRegions = await participantsOf(tx, regionCode, input);
    const [updated] = await tx
      .update(competitions)
      .set({ ...competitionValues(input), participantRegions, version: input.version + 1, updatedAt: ctx.now })
      .where(and(eq(competitions.id, id), eq(competitions.version, input.version)))
      .returning({ id: competitions.id });
    if (!updated) throw new AppError('STALE_VERSION');
    const wasOpen = current.status === 'berjalan';
    // A stage the new set-up keeps is updated in place: its panel of judges and their sheets stay.
    const values = stageValues(regionCode, id, input).map((v, i) => ({ ...v, status: wasOpen && i === 0 ? 'berjalan' : 'menunggu' }));
    const kept = new Set<string>(values.map((v) => v.code));
    for (const old of stages) if (!kept.has(old.code)) await tx.delete(competitionStages).where(eq(competitionStages.id, old.id));
    for (const v of values) {
      const existing = stages.find((s) => s.code === v.code);
      if (existing) await tx.update(competitionStages).set(v).where(eq(competitionStages.id, existing.id));
      else await tx.insert(competitionStages).values(v);
    }
    await recordAudit(tx, ctx, {
      action: 'competition.updated',
      entityType: 'competition',
      entityId: id,
      regionCode: auditRegion(regionCode),
      after: input,
    });
  });
}

/** Opens registration: the competition becomes visible to the units, the first stage runs. */
export async function openCompetition(ctx: ServiceContext, regionCode: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findCompetition(tx, regionCode, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.status !== 'draft') throw new AppError('COMPETITION_WRONG_STAGE');
    const stages = await stagesOf(tx, id);
    const first = stages[0];
    if (!first) throw new AppError('INTERNAL');
    await tx
      .update(competitions)
      .set({ status: 'berjalan', version: current.version + 1, updatedAt: ctx.now })
      .where(eq(competitions.id, id));
    await tx.update(competitionStages).set({ status: 'berjalan' }).where(eq(competitionStages.id, first.id));
    await recordAudit(tx, ctx, { action: 'competition.opened', entityType: 'competition', entityId: id, regionCode: auditRegion(regionCode) });
  });
}

// ---- entries -----------------------------------------------------------------------------------

/** Registration is open: the competition runs, its pendaftaran stage runs, and its last day has not passed. */
function checkRegistrationOpen(stages: StageRow[], now: Date): void {
  const registration = stages.find((s) => s.code === 'pendaftaran');
  if (!registration || registration.status === 'menunggu') throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'registration is not open' });
  if (registration.status === 'dikunci' || wibDate(now) > registration.endsOn) throw new AppError('COMPETITION_DEADLINE_PASSED');
}

async function unitEntryCounts(tx: DbOrTx, competitionId: string, unitId: string, category: string, excludeEntryId: string | null) {
  const base = and(
    eq(competitionEntries.competitionId, competitionId),
    eq(competitionEntries.unitId, unitId),
    excludeEntryId ? ne(competitionEntries.id, excludeEntryId) : undefined,
  );
  const [all] = await tx.select({ n: count() }).from(competitionEntries).where(base);
  const [inCategory] = await tx
    .select({ n: count() })
    .from(competitionEntries)
    .where(and(base, eq(competitionEntries.category, category)));
  return { entriesOfUnitInCompetition: all?.n ?? 0, entriesOfUnitInCategory: inCategory?.n ?? 0 };
}

async function hasSk(tx: DbOrTx, regionCode: string, innovationId: string, entryId: string | null): Promise<boolean> {
  const owners = [{ type: 'innovation' as const, id: innovationId }, ...(entryId ? [{ type: 'competition_entry' as const, id: entryId }] : [])];
  for (const o of owners) {
    const [row] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(
        and(
          eq(attachments.regionCode, regionCode),
          eq(attachments.ownerType, o.type),
          eq(attachments.ownerId, o.id),
          eq(attachments.slot, INNOVATOR_SK_SLOT),
        ),
      );
    if ((row?.n ?? 0) > 0) return true;
  }
  return false;
}

type InnovationRow = typeof innovations.$inferSelect;

/** The engine's verdict on one innovation for one category of this competition. */
export async function eligibilityOf(
  tx: DbOrTx,
  competition: CompetitionRow,
  innovation: InnovationRow,
  category: string,
  options: { entryId: string | null; today: string },
) {
  const counts = await unitEntryCounts(tx, competition.id, innovation.unitId, category, options.entryId);
  return checkEligibility(
    competition.eligibility as unknown as EligibilityRules,
    {
      status: innovation.status as InnovationStatus,
      tahapan: (innovation.tahapan ?? 'inisiatif') as Tahapan,
      penerapanDate: innovation.waktuPenerapan,
      hasInnovatorSk: await hasSk(tx, innovation.regionCode, innovation.id, options.entryId),
      unitId: innovation.unitId,
      category,
    },
    { ...counts, today: options.today },
  );
}

function notEligible(failures: { rule: string; message: string }[]): AppError {
  return new AppError('COMPETITION_NOT_ELIGIBLE', { issues: failures.map((f) => ({ field: `eligibility.${f.rule}`, reason: f.message })) });
}

/** Which innovations of the unit could enter in the category, each with the engine's reasons. */
export async function listCandidates(ctx: ServiceContext, regionCode: string, competitionId: string, category: string, unitId: string | null) {
  const competition = await findCompetition(ctx.db, regionCode, competitionId, 'take_part');
  if (!competition) throw new AppError('NOT_FOUND');
  if (!competition.categories.some((c) => c.code === category)) throw fieldError('querystring.category', 'Kategori tidak ada di kompetisi ini');
  const unit = ctx.actor.role === 'operator' ? ctx.actor.unitId : unitId;
  const rows = await ctx.db
    .select({ innovation: innovations })
    .from(innovations)
    .where(and(eq(innovations.regionCode, regionCode), unit ? eq(innovations.unitId, unit) : undefined, ne(innovations.status, 'ditolak')))
    .orderBy(innovations.name, innovations.id)
    .limit(500);
  const entered = new Set(
    (
      await ctx.db.select({ id: competitionEntries.innovationId }).from(competitionEntries).where(eq(competitionEntries.competitionId, competitionId))
    ).map((r) => r.id),
  );
  const unitNames = await unitNamesOf(ctx.db, regionCode);
  const today = wibDate(ctx.now);
  const items = [];
  for (const { innovation } of rows) {
    const verdict = await eligibilityOf(ctx.db, competition, innovation, category, { entryId: null, today });
    items.push({
      id: innovation.id,
      name: innovation.name,
      unitId: innovation.unitId,
      unitName: unitNames.get(innovation.unitId) ?? '',
      status: innovation.status,
      tahapan: innovation.tahapan,
      alreadyEntered: entered.has(innovation.id),
      eligible: verdict.eligible,
      failures: verdict.failures,
    });
  }
  return items;
}

async function unitNamesOf(db: DbOrTx, regionCode: string): Promise<Map<string, string>> {
  return new Map((await allUnitsOf(db, regionCode)).map((u) => [u.id, u.name]));
}

/** Prefills the sections whose code names a profile field of the innovation (tujuan, manfaat, hasil, rancang_bangun). */
function prefilledSections(sections: CompetitionRow['sections'], innovation: InnovationRow): Record<string, string> {
  const fromProfile: Record<string, string> = {
    tujuan: innovation.tujuan,
    manfaat: innovation.manfaat,
    hasil: innovation.hasil,
    rancang_bangun: innovation.rancangBangun,
    latar_belakang: innovation.rancangBangun,
  };
  const out: Record<string, string> = {};
  for (const s of sections) out[s.code] = fromProfile[s.code] ?? '';
  return out;
}

export async function createEntry(
  ctx: ServiceContext,
  regionCode: string,
  competitionId: string,
  input: { innovationId: string; category: string },
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    // A region's unit enters its own competition or a national one open to the region.
    const competition = await findCompetition(tx, regionCode, competitionId, 'take_part');
    if (!competition) throw new AppError('NOT_FOUND');
    // One entry at a time per competition, so two clerks pressing "Daftarkan" cannot both pass the cap.
    await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId)).for('update');
    checkRegistrationOpen(await stagesOf(tx, competitionId), ctx.now);
    if (!competition.categories.some((c) => c.code === input.category)) throw fieldError('body.category', 'Kategori tidak ada di kompetisi ini');
    const found = await findInnovation(tx, regionCode, input.innovationId, ctx.actor);
    if (!found) throw fieldError('body.innovationId', 'Inovasi tidak ditemukan di unit Anda');
    const innovation = found.innovation;
    const verdict = await eligibilityOf(tx, competition, innovation, input.category, { entryId: null, today: wibDate(ctx.now) });
    // The SK can still be attached to the entry before it is submitted; every other rule refuses now.
    const blocking = verdict.failures.filter((f) => f.rule !== 'innovator_sk');
    if (blocking.length > 0) throw notEligible(verdict.failures);
    const [dup] = await tx
      .select({ id: competitionEntries.id })
      .from(competitionEntries)
      .where(and(eq(competitionEntries.competitionId, competitionId), eq(competitionEntries.innovationId, innovation.id)));
    if (dup) throw fieldError('body.innovationId', 'Inovasi ini sudah didaftarkan di kompetisi ini');
    const [created] = await tx
      .insert(competitionEntries)
      .values({
        regionCode,
        competitionId,
        innovationId: innovation.id,
        unitId: innovation.unitId,
        category: input.category,
        sections: prefilledSections(competition.sections, innovation),
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: competitionEntries.id });
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, ctx, {
      action: 'competition_entry.created',
      entityType: 'competition_entry',
      entityId: created.id,
      regionCode,
      after: { competitionId, innovationId: innovation.id, category: input.category },
    });
    return created.id;
  });
}

function sectionIssues(competition: CompetitionRow, sections: Record<string, string>, requireAll: boolean) {
  const issues: { field: string; reason: string }[] = [];
  const known = new Set(competition.sections.map((s) => s.code));
  for (const code of Object.keys(sections))
    if (!known.has(code)) issues.push({ field: `sections.${code}`, reason: 'Bagian ini tidak ada di proposal kompetisi' });
  for (const s of competition.sections) {
    const words = countWords(sections[s.code] ?? '');
    if (words > s.wordLimit) issues.push({ field: `sections.${s.code}`, reason: `${s.title}: ${words} kata, paling banyak ${s.wordLimit} kata` });
    if (requireAll && words === 0) issues.push({ field: `sections.${s.code}`, reason: `${s.title} wajib diisi` });
  }
  return issues;
}

async function editableEntry(tx: DbOrTx, ctx: ServiceContext, regionCode: string, competitionId: string, entryId: string) {
  const competition = await findCompetition(tx, regionCode, competitionId, 'take_part');
  if (!competition) throw new AppError('NOT_FOUND');
  const found = await findEntry(tx, regionCode, competitionId, entryId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  if (found.entry.status !== 'draft') throw new AppError('COMPETITION_ENTRY_LOCKED');
  checkRegistrationOpen(await stagesOf(tx, competitionId), ctx.now);
  return { competition, entry: found.entry };
}

export async function updateEntry(
  ctx: ServiceContext,
  regionCode: string,
  competitionId: string,
  entryId: string,
  input: { sections: Record<string, string>; videoUrl: string | null; version: number },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { competition, entry } = await editableEntry(tx, ctx, regionCode, competitionId, entryId);
    if (entry.version !== input.version) throw new AppError('STALE_VERSION');
    const issues = sectionIssues(competition, input.sections, false);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
    const sections = { ...entry.sections, ...input.sections };
    const [updated] = await tx
      .update(competitionEntries)
      .set({ sections, videoUrl: input.videoUrl, version: entry.version + 1, updatedAt: ctx.now })
      .where(and(eq(competitionEntries.id, entryId), eq(competitionEntries.version, input.version)))
      .returning({ id: competitionEntries.id });
    if (!updated) throw new AppError('STALE_VERSION');
    await recordAudit(tx, ctx, {
      action: 'competition_entry.updated',
      entityType: 'competition_entry',
      entityId: entryId,
      regionCode,
      after: { words: Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, countWords(v)])), videoUrl: input.videoUrl },
    });
  });
}

/** Submits the proposal: registration still open, every section within its limit, eligibility re-checked in full. */
export async function submitEntry(ctx: ServiceContext, regionCode: string, competitionId: string, entryId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { competition, entry } = await editableEntry(tx, ctx, regionCode, competitionId, entryId);
    const issues = sectionIssues(competition, entry.sections, true);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
    const found = await findInnovation(tx, regionCode, entry.innovationId);
    if (!found) throw new AppError('NOT_FOUND');
    const verdict = await eligibilityOf(tx, competition, found.innovation, entry.category, { entryId, today: wibDate(ctx.now) });
    if (!verdict.eligible) throw notEligible(verdict.failures);
    await tx
      .update(competitionEntries)
      .set({ status: 'diajukan', submittedAt: ctx.now, version: entry.version + 1, updatedAt: ctx.now })
      .where(eq(competitionEntries.id, entryId));
    await recordAudit(tx, ctx, { action: 'competition_entry.submitted', entityType: 'competition_entry', entityId: entryId, regionCode });
  });
}

/** The admin's administrative screening of a submitted entry, during seleksi administrasi. */
export async function screenEntry(
  ctx: ServiceContext,
  regionCode: string,
  competitionId: string,
  entryId: string,
  input: { decision: 'lolos' | 'tidak_lolos'; reason: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Only the competition's organiser screens: a region cannot screen its own entry in a national one.
    if (!(await findCompetition(tx, regionCode, competitionId))) throw new AppError('NOT_FOUND');
    const found = await findEntry(tx, regionCode, competitionId, entryId);
    if (!found) throw new AppError('NOT_FOUND');
    const stage = runningStage(await stagesOf(tx, competitionId));
    if (stage?.code !== 'seleksi_administrasi')
      throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'screening happens during seleksi administrasi' });
    if (found.entry.status === 'draft') throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'the entry was never submitted' });
    await tx
      .update(competitionEntries)
      .set({ status: input.decision, screeningReason: input.reason, screenedAt: ctx.now, version: found.entry.version + 1, updatedAt: ctx.now })
      .where(eq(competitionEntries.id, entryId));
    await recordAudit(tx, ctx, {
      action: 'competition_entry.screened',
      entityType: 'competition_entry',
      entityId: entryId,
      regionCode: found.entry.regionCode,
      before: { status: found.entry.status },
      after: input,
    });
  });
}

export async function entryDetail(ctx: ServiceContext, regionCode: string, competitionId: string, entryId: string): Promise<EntryDetail> {
  const found = await findEntry(ctx.db, regionCode, competitionId, entryId, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  return presentEntryDetail(ctx.db, found, ctx.actor.role !== 'verifikator' && ctx.actor.role !== 'pimpinan');
}

export async function presentEntryDetail(db: DbOrTx, found: EntryWithNames, mayEdit: boolean): Promise<EntryDetail> {
  const innovation = await findInnovation(db, found.entry.regionCode, found.entry.innovationId);
  const files = await listAttachments(db, found.entry.regionCode, 'competition_entry', [found.entry.id]);
  const i = innovation?.innovation;
  return {
    ...presentEntrySummary(found),
    competitionId: found.entry.competitionId,
    sections: found.entry.sections,
    videoUrl: found.entry.videoUrl,
    profile: {
      tahapan: i?.tahapan ?? null,
      jenis: i?.jenis ?? null,
      bentuk: i?.bentuk ?? null,
      urusanUtama: i?.urusanUtama ?? null,
      waktuPenerapan: i?.waktuPenerapan ?? null,
      tujuan: i?.tujuan ?? '',
      manfaat: i?.manfaat ?? '',
      hasil: i?.hasil ?? '',
    },
    attachments: files.map((a) => ({ id: a.id, kind: a.kind as 'file' | 'link', title: a.title, fileName: a.fileName, url: a.url })),
    version: found.entry.version,
    canEdit: mayEdit && found.entry.status === 'draft',
  };
}

export type { EntryRow };
