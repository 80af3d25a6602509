/**
 * The public vote of a competition (suara publik). The admin sets when it runs, its share of the final
 * score, whether citizens see the counts while it runs, and who the finalists are. A citizen picks a
 * finalist and gives an e-mail address; a 6-digit code goes out through the platform's mail outbox; the
 * confirmed code is the vote. One vote per normalised address per competition (only a hash of the
 * address is stored); codes expire after 15 minutes and allow 5 tries; an address may ask for 3 codes
 * an hour. The admin sees the counts, the votes the burst rule flags, and voids votes with a reason.
 * At penetapan the counts enter the final ranking with the vote's share.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, asc, count, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { BURST_RULE, flagBursts, normaliseEmail } from '#domain/competition/public-vote.ts';
import type { AdminVoteView, PublicVoteView, VoteSettingsInput, VoteState } from '#shared/api/competition-vote.ts';
import { isScoredStage } from '#shared/api/competitions.ts';
import type { DbOrTx, Db } from '#server/db/client.ts';
import {
  competitionResults,
  competitionVoteRequests,
  competitionVoteSettings,
  competitionVotes,
  competitions,
  mailOutbox,
} from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { allEntries, auditRegion, type CompetitionRow, type EntryWithNames, findCompetition, scopeOf, stagesOf } from './kompetisi.queries.ts';

export const CODE_MINUTES = 15;
export const CODE_ATTEMPTS = 5;
export const CODES_PER_HOUR = 3;

type SettingsRow = typeof competitionVoteSettings.$inferSelect;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Salted with the competition, so the same address's hashes cannot be matched across competitions. */
export const emailHashOf = (competitionId: string, email: string) => sha256(`competition-vote\n${competitionId}\n${normaliseEmail(email)}`);
const codeHashOf = (requestId: string, code: string) => sha256(`competition-vote-code\n${requestId}\n${code}`);

export function voteStateAt(settings: Pick<SettingsRow, 'opensAt' | 'closesAt'>, now: Date): VoteState {
  if (now < settings.opensAt) return 'belum_dibuka';
  if (now >= settings.closesAt) return 'ditutup';
  return 'dibuka';
}

export async function voteSettingsOf(db: DbOrTx, competitionId: string): Promise<SettingsRow | undefined> {
  const [row] = await db
    .select()
    .from(competitionVoteSettings)
    .where(and(eq(competitionVoteSettings.competitionId, competitionId), eq(competitionVoteSettings.enabled, true)));
  return row;
}

/**
 * The finalists: those the admin marked, or the entries still in the competition when the vote opens —
 * the ones the latest advance before the opening let through, or, before any advance, every entry that
 * passed the administrative screening. An advance after the opening does not change the list.
 */
async function finalistsOf(db: DbOrTx, competition: CompetitionRow, settings: SettingsRow): Promise<EntryWithNames[]> {
  const entries = await allEntries(db, scopeOf(competition), competition.id);
  const byCategory = (a: EntryWithNames, b: EntryWithNames) =>
    a.entry.category.localeCompare(b.entry.category) || a.innovationName.localeCompare(b.innovationName, 'id');
  if (settings.finalistMode === 'chosen') {
    const chosen = new Set(settings.finalistEntryIds);
    return entries.filter((e) => chosen.has(e.entry.id)).sort(byCategory);
  }
  const advanced = (await stagesOf(db, competition.id))
    .filter((s) => isScoredStage(s.code) && s.advancedAt !== null && s.advancedAt <= settings.opensAt)
    .at(-1);
  if (!advanced) return entries.filter((e) => e.entry.status === 'lolos').sort(byCategory);
  const through = await db
    .select({ entryId: competitionResults.entryId })
    .from(competitionResults)
    .where(and(eq(competitionResults.stageId, advanced.id), eq(competitionResults.advanced, true)));
  const ids = new Set(through.map((r) => r.entryId));
  return entries.filter((e) => ids.has(e.entry.id)).sort(byCategory);
}

/** Confirmed votes that still count, per entry. */
async function countsOf(db: DbOrTx, competitionId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ entryId: competitionVotes.entryId, n: count() })
    .from(competitionVotes)
    .where(and(eq(competitionVotes.competitionId, competitionId), isNull(competitionVotes.voidedAt)))
    .groupBy(competitionVotes.entryId);
  return new Map(rows.map((r) => [r.entryId, r.n]));
}

function presentSettings(s: SettingsRow) {
  return {
    opensAt: s.opensAt.toISOString(),
    closesAt: s.closesAt.toISOString(),
    sharePercent: s.sharePercent,
    showLive: s.showLive,
    finalistMode: s.finalistMode as 'remaining' | 'chosen',
    finalistEntryIds: s.finalistEntryIds,
    version: s.version,
  };
}

// ---- the admin --------------------------------------------------------------------------------------

/** Enables or changes the public vote; refused once the final ranking is set (it would no longer count). */
export async function saveVoteSettings(ctx: ServiceContext, regionCode: string, competitionId: string, input: VoteSettingsInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const competition = await findCompetition(tx, regionCode, competitionId);
    if (!competition) throw new AppError('NOT_FOUND');
    await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId)).for('update');
    if (competition.status === 'ditetapkan' || competition.status === 'diumumkan')
      throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'the public vote cannot change after penetapan' });
    if (input.finalistMode === 'chosen') {
      const screenedIn = new Set((await allEntries(tx, regionCode, competitionId)).filter((e) => e.entry.status === 'lolos').map((e) => e.entry.id));
      const unknown = input.finalistEntryIds.findIndex((id) => !screenedIn.has(id));
      if (unknown >= 0) throw fieldError(`finalistEntryIds.${unknown}`, 'Finalis harus peserta kompetisi ini yang lolos seleksi administrasi');
    }
    const [before] = await tx.select().from(competitionVoteSettings).where(eq(competitionVoteSettings.competitionId, competitionId));
    if (before && input.version !== undefined && input.version !== before.version) throw new AppError('STALE_VERSION');
    const values = {
      enabled: true,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      sharePercent: input.sharePercent,
      showLive: input.showLive,
      finalistMode: input.finalistMode,
      finalistEntryIds: input.finalistMode === 'chosen' ? [...new Set(input.finalistEntryIds)] : [],
      updatedAt: ctx.now,
    };
    if (before) {
      await tx
        .update(competitionVoteSettings)
        .set({ ...values, version: before.version + 1 })
        .where(eq(competitionVoteSettings.competitionId, competitionId));
    } else {
      await tx.insert(competitionVoteSettings).values({ ...values, competitionId, regionCode });
    }
    await recordAudit(tx, ctx, {
      action: 'competition.vote_configured',
      entityType: 'competition',
      entityId: competitionId,
      regionCode: auditRegion(regionCode),
      before: before ? presentSettings(before) : null,
      after: { ...values, opensAt: input.opensAt, closesAt: input.closesAt },
    });
  });
}

/** The admin's view: counts per finalist (always, the committee needs them to judge bursts), flagged votes. */
export async function voteAdminView(db: Db, regionCode: string, competitionId: string, now: Date): Promise<AdminVoteView> {
  const competition = await findCompetition(db, regionCode, competitionId);
  if (!competition) throw new AppError('NOT_FOUND');
  const entries = await allEntries(db, regionCode, competitionId);
  const candidates = entries
    .filter((e) => e.entry.status === 'lolos')
    .map((e) => ({
      entryId: e.entry.id,
      innovationName: e.innovationName,
      unitName: e.unitName,
      regionName: e.regionName,
      category: e.entry.category,
    }));
  const settings = await voteSettingsOf(db, competitionId);
  const rule = { ...BURST_RULE };
  if (!settings) return { settings: null, state: null, candidates, finalists: [], totalVotes: 0, flagged: [], rule };
  const votes = await db
    .select()
    .from(competitionVotes)
    .where(eq(competitionVotes.competitionId, competitionId))
    .orderBy(asc(competitionVotes.confirmedAt));
  const live = votes.filter((v) => v.voidedAt === null);
  const names = new Map(entries.map((e) => [e.entry.id, e.innovationName]));
  const flags = flagBursts(live);
  const finalists = (await finalistsOf(db, competition, settings)).map((e) => ({
    entryId: e.entry.id,
    innovationName: e.innovationName,
    unitName: e.unitName,
    regionName: e.regionName,
    category: e.entry.category,
    votes: live.filter((v) => v.entryId === e.entry.id).length,
    voided: votes.filter((v) => v.entryId === e.entry.id && v.voidedAt !== null).length,
  }));
  return {
    settings: presentSettings(settings),
    state: voteStateAt(settings, now),
    candidates,
    finalists,
    totalVotes: live.length,
    flagged: live
      .filter((v) => flags.has(v.id))
      .map((v) => ({
        voteId: v.id,
        entryId: v.entryId,
        innovationName: names.get(v.entryId) ?? '',
        addressPrefix: v.addressPrefix,
        confirmedAt: v.confirmedAt.toISOString(),
        reasons: flags.get(v.id) ?? [],
      })),
    rule,
  };
}

/** Voids votes (a flagged burst, usually) with the reason; refused once the final ranking is set. */
export async function voidVotes(ctx: ServiceContext, regionCode: string, competitionId: string, input: { voteIds: string[]; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const competition = await findCompetition(tx, regionCode, competitionId);
    if (!competition) throw new AppError('NOT_FOUND');
    if (competition.status === 'ditetapkan' || competition.status === 'diumumkan')
      throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'votes cannot be voided after penetapan' });
    const voided = await tx
      .update(competitionVotes)
      .set({ voidedAt: ctx.now, voidReason: input.reason, voidedBy: ctx.actor.id })
      .where(
        and(
          eq(competitionVotes.regionCode, regionCode),
          eq(competitionVotes.competitionId, competitionId),
          inArray(competitionVotes.id, input.voteIds),
          isNull(competitionVotes.voidedAt),
        ),
      )
      .returning({ id: competitionVotes.id, entryId: competitionVotes.entryId });
    if (voided.length === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'competition.votes_voided',
      entityType: 'competition',
      entityId: competitionId,
      regionCode: auditRegion(regionCode),
      after: { reason: input.reason, votes: voided },
    });
    return { voided: voided.length };
  });
}

/** The vote's share and counts for the final ranking; null when the competition has no public vote. */
export async function voteForRanking(db: DbOrTx, competitionId: string): Promise<{ share: string; counts: Record<string, number> } | null> {
  const settings = await voteSettingsOf(db, competitionId);
  if (!settings) return null;
  return { share: settings.sharePercent, counts: Object.fromEntries(await countsOf(db, competitionId)) };
}

/** Penetapan waits for the vote to close, so the ranking does not move after the decree. */
export async function assertVoteClosed(db: DbOrTx, competitionId: string, now: Date): Promise<void> {
  const settings = await voteSettingsOf(db, competitionId);
  if (settings && voteStateAt(settings, now) !== 'ditutup') throw new AppError('COMPETITION_VOTE_STILL_OPEN');
}

// ---- the citizens -----------------------------------------------------------------------------------

/** Who a finalist is, as a citizen reads it: the unit, and in a national competition its region too. */
const finalistOf = (competition: CompetitionRow, e: EntryWithNames) =>
  competition.scope === 'national' ? `${e.unitName}, ${e.regionName}` : e.unitName;

async function publicCompetition(db: DbOrTx, id: string) {
  const [competition] = await db.select().from(competitions).where(eq(competitions.id, id));
  // A draft competition has no public face; neither has one without a vote.
  if (!competition || competition.status === 'draft') throw new AppError('NOT_FOUND');
  const settings = await voteSettingsOf(db, id);
  if (!settings) throw new AppError('NOT_FOUND');
  return { competition, settings };
}

export async function publicVoteView(db: Db, id: string, now: Date): Promise<PublicVoteView> {
  const { competition, settings } = await publicCompetition(db, id);
  const state = voteStateAt(settings, now);
  const countsShown = state === 'ditutup' || (state === 'dibuka' && settings.showLive);
  const counts = countsShown ? await countsOf(db, id) : null;
  const categoryNames = new Map(competition.categories.map((c) => [c.code, c.name]));
  return {
    competition: { id: competition.id, name: competition.name, year: competition.year, regionCode: scopeOf(competition) },
    opensAt: settings.opensAt.toISOString(),
    closesAt: settings.closesAt.toISOString(),
    state,
    countsShown,
    finalists: (await finalistsOf(db, competition, settings)).map((e) => ({
      entryId: e.entry.id,
      innovationId: e.entry.innovationId,
      name: e.innovationName,
      unitName: e.unitName,
      regionName: e.regionName,
      categoryName: categoryNames.get(e.entry.category) ?? e.entry.category,
      votes: counts ? (counts.get(e.entry.id) ?? 0) : null,
    })),
  };
}

/**
 * Writes a 6-digit code for the chosen finalist into the mail outbox, addressed to the citizen. Returns
 * the outbox mail's id so the caller can have it sent as soon as this transaction has committed.
 */
export async function requestVoteCode(
  db: Db,
  input: { competitionId: string; entryId: string; email: string; addressPrefix: string; now: Date },
): Promise<{ requestId: string; expiresAt: string; mailId: string }> {
  return db.transaction(async (tx) => {
    const { competition, settings } = await publicCompetition(tx, input.competitionId);
    if (voteStateAt(settings, input.now) !== 'dibuka') throw new AppError('COMPETITION_VOTE_CLOSED');
    const finalist = (await finalistsOf(tx, competition, settings)).find((e) => e.entry.id === input.entryId);
    if (!finalist) throw fieldError('entryId', 'Pilih salah satu finalis yang tercantum');
    const emailHash = emailHashOf(competition.id, input.email);
    const [voted] = await tx
      .select({ id: competitionVotes.id })
      .from(competitionVotes)
      .where(and(eq(competitionVotes.competitionId, competition.id), eq(competitionVotes.emailHash, emailHash)));
    if (voted) throw new AppError('COMPETITION_VOTE_ALREADY');
    // Three codes an hour per address: enough for a typo or a slow inbox, too few to flood someone's mail.
    const [recent] = await tx
      .select({ n: count() })
      .from(competitionVoteRequests)
      .where(
        and(
          eq(competitionVoteRequests.competitionId, competition.id),
          eq(competitionVoteRequests.emailHash, emailHash),
          gte(competitionVoteRequests.createdAt, new Date(input.now.getTime() - 3_600_000)),
        ),
      );
    if ((recent?.n ?? 0) >= CODES_PER_HOUR) throw new AppError('COMPETITION_VOTE_TOO_MANY_CODES');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(input.now.getTime() + CODE_MINUTES * 60_000);
    const [mail] = await tx
      .insert(mailOutbox)
      .values({
        toAddress: input.email.trim(),
        subject: `Kode konfirmasi suara: ${competition.name}`,
        body: [
          `Kode konfirmasi suara Anda: ${code}`,
          '',
          `Pilihan Anda: ${finalist.innovationName} (${finalistOf(competition, finalist)}).`,
          `Masukkan kode ini di halaman pemilihan dalam ${CODE_MINUTES} menit. Abaikan surel ini bila Anda tidak memintanya.`,
          '',
          `Your vote confirmation code: ${code} (valid for ${CODE_MINUTES} minutes).`,
        ].join('\n'),
        link: `/kompetisi/${competition.id}/pilih`,
        nextAttemptAt: input.now,
      })
      .returning({ id: mailOutbox.id });
    if (!mail) throw new AppError('INTERNAL');
    const [request] = await tx
      .insert(competitionVoteRequests)
      .values({
        regionCode: scopeOf(competition),
        competitionId: competition.id,
        entryId: finalist.entry.id,
        emailHash,
        codeHash: '',
        mailId: mail.id,
        addressPrefix: input.addressPrefix,
        expiresAt,
        createdAt: input.now,
      })
      .returning({ id: competitionVoteRequests.id });
    if (!request) throw new AppError('INTERNAL');
    await tx
      .update(competitionVoteRequests)
      .set({ codeHash: codeHashOf(request.id, code) })
      .where(eq(competitionVoteRequests.id, request.id));
    return { requestId: request.id, expiresAt: expiresAt.toISOString(), mailId: mail.id };
  });
}

type ConfirmOutcome = { ok: true; entryId: string } | { ok: false; code: 'COMPETITION_VOTE_CODE_WRONG' | 'COMPETITION_VOTE_CODE_EXPIRED' };

/** The confirmed code becomes the vote; a wrong try is counted (and kept) before the refusal. */
export async function confirmVoteCode(
  db: Db,
  input: { competitionId: string; requestId: string; code: string; now: Date },
): Promise<{ counted: true; entryId: string }> {
  const outcome: ConfirmOutcome = await db.transaction(async (tx) => {
    const { settings } = await publicCompetition(tx, input.competitionId);
    if (voteStateAt(settings, input.now) !== 'dibuka') throw new AppError('COMPETITION_VOTE_CLOSED');
    const [request] = await tx
      .select()
      .from(competitionVoteRequests)
      .where(and(eq(competitionVoteRequests.id, input.requestId), eq(competitionVoteRequests.competitionId, input.competitionId)))
      .for('update');
    if (!request) throw new AppError('NOT_FOUND');
    if (request.confirmedAt !== null) throw new AppError('COMPETITION_VOTE_ALREADY');
    if (request.expiresAt <= input.now || request.attempts >= CODE_ATTEMPTS) return { ok: false, code: 'COMPETITION_VOTE_CODE_EXPIRED' };
    const expected = Buffer.from(request.codeHash, 'hex');
    const given = Buffer.from(codeHashOf(request.id, input.code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await tx
        .update(competitionVoteRequests)
        .set({ attempts: sql`${competitionVoteRequests.attempts} + 1` })
        .where(eq(competitionVoteRequests.id, request.id));
      return { ok: false, code: 'COMPETITION_VOTE_CODE_WRONG' };
    }
    const [vote] = await tx
      .insert(competitionVotes)
      .values({
        regionCode: request.regionCode,
        competitionId: request.competitionId,
        entryId: request.entryId,
        emailHash: request.emailHash,
        addressPrefix: request.addressPrefix,
        confirmedAt: input.now,
      })
      .onConflictDoNothing()
      .returning({ id: competitionVotes.id });
    if (!vote) throw new AppError('COMPETITION_VOTE_ALREADY');
    await tx.update(competitionVoteRequests).set({ confirmedAt: input.now }).where(eq(competitionVoteRequests.id, request.id));
    // The code reached its reader: the outbox row, the one place the address is written, goes.
    if (request.mailId) await tx.delete(mailOutbox).where(eq(mailOutbox.id, request.mailId));
    return { ok: true, entryId: request.entryId };
  });
  if (!outcome.ok) throw new AppError(outcome.code);
  return { counted: true, entryId: outcome.entryId };
}
