/**
 * IGA nominee preparation: before the national team's verifikasi lapangan, the region's own judges
 * walk every IID indicator of each nominee and check the evidence behind the answer (sesuai, tidak
 * sesuai, perlu perbaikan), with a note, who checked and when. The readiness is the share of
 * indicators found "sesuai". The admin and the judges on the competition's panels edit; the region's
 * readers (an operator: their own unit's nominees) only read.
 */
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { can } from '#domain/access/roles.ts';
import type { FieldCheckStatus, FieldChecklist, FieldChecklistSummary } from '#shared/api/competitions-iga.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { competitionEntries, competitionFieldChecks, competitionJudges, competitions, innovations, units, users } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { type SheetColumn, writeSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { innovationIndicators } from '#server/platform/innovation-indicators.ts';
import { type CompetitionRow, findCompetition } from './kompetisi.queries.ts';

export const IGA_KIND = 'iga_nominee';

/** Entries still in the running: drafts were never submitted and "tidak lolos" left the competition. */
const OUT_OF_RUNNING = ['draft', 'tidak_lolos'];

type Counts = Record<FieldCheckStatus, number>;

/** sesuai ÷ indicators × 100, one decimal rounded half-up; "0.0" when the framework lists none. */
export function readinessOf(counts: Counts): string {
  const total = counts.belum_diperiksa + counts.sesuai + counts.tidak_sesuai + counts.perlu_perbaikan;
  if (total === 0) return '0.0';
  return new Decimal(counts.sesuai).times(100).dividedBy(total).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}

async function isOnPanel(db: DbOrTx, competitionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: competitionJudges.id })
    .from(competitionJudges)
    .where(and(eq(competitionJudges.competitionId, competitionId), eq(competitionJudges.userId, userId)))
    .limit(1);
  return row !== undefined;
}

interface Rights {
  edit: boolean;
  /** null: every nominee; else only this unit's (an operator's). */
  unitId: string | null;
}

/** What the caller may do with the checklists of this competition; 404 when nothing (as if absent). */
async function rightsOn(ctx: ServiceContext, regionCode: string, competition: CompetitionRow): Promise<Rights> {
  if (can(ctx.actor, 'competitions.manage', regionCode)) return { edit: true, unitId: null };
  if (can(ctx.actor, 'competitions.judge', regionCode) && (await isOnPanel(ctx.db, competition.id, ctx.actor.id)))
    return { edit: true, unitId: null };
  if (can(ctx.actor, 'competitions.read', regionCode)) {
    if (ctx.actor.role === 'operator') {
      if (!ctx.actor.unitId) throw new AppError('NOT_FOUND');
      return { edit: false, unitId: ctx.actor.unitId };
    }
    return { edit: false, unitId: null };
  }
  throw new AppError('NOT_FOUND');
}

async function igaCompetition(db: DbOrTx, regionCode: string, id: string): Promise<CompetitionRow> {
  const competition = await findCompetition(db, regionCode, id);
  if (!competition || competition.kind !== IGA_KIND) throw new AppError('NOT_FOUND');
  return competition;
}

async function nominees(db: DbOrTx, competitionId: string, unitId: string | null, entryId?: string) {
  return db
    .select({
      entryId: competitionEntries.id,
      innovationId: competitionEntries.innovationId,
      innovationName: innovations.name,
      unitId: competitionEntries.unitId,
      unitName: units.name,
    })
    .from(competitionEntries)
    .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
    .innerJoin(units, eq(units.id, competitionEntries.unitId))
    .where(
      and(
        eq(competitionEntries.competitionId, competitionId),
        notInArray(competitionEntries.status, OUT_OF_RUNNING),
        unitId ? eq(competitionEntries.unitId, unitId) : undefined,
        entryId ? eq(competitionEntries.id, entryId) : undefined,
      ),
    )
    .orderBy(innovations.name);
}

type Nominee = Awaited<ReturnType<typeof nominees>>[number];

async function buildChecklist(
  db: DbOrTx,
  regionCode: string,
  competition: CompetitionRow,
  nominee: Nominee,
  canEdit: boolean,
): Promise<FieldChecklist> {
  const indicators = await innovationIndicators(db, regionCode, nominee.innovationId);
  if (!indicators) throw new AppError('NOT_FOUND');
  const checks = await db
    .select({ check: competitionFieldChecks, checkerName: users.displayName })
    .from(competitionFieldChecks)
    .leftJoin(users, eq(users.id, competitionFieldChecks.checkedBy))
    .where(eq(competitionFieldChecks.entryId, nominee.entryId));
  const checkOf = new Map(checks.map((c) => [c.check.indicatorId, c]));
  const counts: Counts = { belum_diperiksa: 0, sesuai: 0, tidak_sesuai: 0, perlu_perbaikan: 0 };
  const lines = indicators.lines.map((line) => {
    const found = checkOf.get(line.indicatorId);
    const status = (found?.check.status ?? 'belum_diperiksa') as FieldCheckStatus;
    counts[status] += 1;
    return {
      indicatorId: line.indicatorId,
      name: line.name,
      variable: line.variable,
      claimedLevel: line.claimedLevel,
      claimedLabel: line.claimedLabel,
      verification: line.verification,
      evidence: line.evidence,
      status,
      note: found?.check.note ?? '',
      checkedBy: found?.checkerName ?? null,
      checkedAt: found?.check.checkedAt?.toISOString() ?? null,
      version: found?.check.version ?? 0,
    };
  });
  return {
    competitionId: competition.id,
    competitionName: competition.name,
    entryId: nominee.entryId,
    innovationId: nominee.innovationId,
    innovationName: nominee.innovationName,
    unitName: nominee.unitName,
    frameworkName: indicators.frameworkName,
    readiness: readinessOf(counts),
    counts,
    canEdit,
    lines,
  };
}

export async function fieldChecklist(ctx: ServiceContext, regionCode: string, competitionId: string, entryId: string): Promise<FieldChecklist> {
  const competition = await igaCompetition(ctx.db, regionCode, competitionId);
  const rights = await rightsOn(ctx, regionCode, competition);
  const [nominee] = await nominees(ctx.db, competition.id, rights.unitId, entryId);
  if (!nominee) throw new AppError('NOT_FOUND');
  return buildChecklist(ctx.db, regionCode, competition, nominee, rights.edit);
}

function summaryOf(c: FieldChecklist): FieldChecklistSummary {
  return {
    competitionId: c.competitionId,
    competitionName: c.competitionName,
    entryId: c.entryId,
    innovationName: c.innovationName,
    unitName: c.unitName,
    readiness: c.readiness,
    counts: c.counts,
    total: c.lines.length,
  };
}

/** The nominees of one IGA preparation competition with their readiness. */
export async function fieldChecklists(ctx: ServiceContext, regionCode: string, competitionId: string) {
  const competition = await igaCompetition(ctx.db, regionCode, competitionId);
  const rights = await rightsOn(ctx, regionCode, competition);
  const items: FieldChecklistSummary[] = [];
  for (const n of await nominees(ctx.db, competition.id, rights.unitId)) {
    items.push(summaryOf(await buildChecklist(ctx.db, regionCode, competition, n, rights.edit)));
  }
  return { items, canEdit: rights.edit };
}

/** A judge's home: the nominees of every IGA preparation competition whose panel they sit on. */
export async function myFieldChecklists(ctx: ServiceContext, regionCode: string) {
  const manage = can(ctx.actor, 'competitions.manage', regionCode);
  let ids: string[];
  if (manage) {
    ids = (
      await ctx.db
        .select({ id: competitions.id })
        .from(competitions)
        .where(and(eq(competitions.regionCode, regionCode), eq(competitions.kind, IGA_KIND)))
    ).map((r) => r.id);
  } else {
    ids = (
      await ctx.db
        .selectDistinct({ id: competitions.id })
        .from(competitions)
        .innerJoin(competitionJudges, eq(competitionJudges.competitionId, competitions.id))
        .where(and(eq(competitions.regionCode, regionCode), eq(competitions.kind, IGA_KIND), eq(competitionJudges.userId, ctx.actor.id)))
    ).map((r) => r.id);
  }
  const items: FieldChecklistSummary[] = [];
  if (ids.length === 0) return { items, canEdit: false };
  const rows = await ctx.db.select().from(competitions).where(inArray(competitions.id, ids)).orderBy(competitions.name);
  for (const competition of rows) {
    for (const n of await nominees(ctx.db, competition.id, null))
      items.push(summaryOf(await buildChecklist(ctx.db, regionCode, competition, n, true)));
  }
  return { items, canEdit: true };
}

/**
 * Records one line's check. The line must be an indicator of the innovation's framework; `version` is
 * the one the checker saw (0 for a line never checked), so two judges at the same line take turns.
 */
export async function saveFieldCheck(
  ctx: ServiceContext,
  regionCode: string,
  competitionId: string,
  entryId: string,
  indicatorId: string,
  input: { status: FieldCheckStatus; note: string; version: number },
): Promise<void> {
  const competition = await igaCompetition(ctx.db, regionCode, competitionId);
  const rights = await rightsOn(ctx, regionCode, competition);
  if (!rights.edit) throw new AppError('FORBIDDEN');
  if (competition.status === 'ditetapkan' || competition.status === 'diumumkan') {
    throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'the competition is decided; its checklists are kept as they were' });
  }
  const [nominee] = await nominees(ctx.db, competition.id, null, entryId);
  if (!nominee) throw new AppError('NOT_FOUND');
  const indicators = await innovationIndicators(ctx.db, regionCode, nominee.innovationId);
  if (!indicators?.lines.some((l) => l.indicatorId === indicatorId)) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(competitionFieldChecks)
      .where(and(eq(competitionFieldChecks.entryId, entryId), eq(competitionFieldChecks.indicatorId, indicatorId)))
      .for('update');
    if ((current?.version ?? 0) !== input.version) throw new AppError('STALE_VERSION');
    const values = { status: input.status, note: input.note, checkedBy: ctx.actor.id, checkedAt: ctx.now };
    if (current) {
      await tx
        .update(competitionFieldChecks)
        .set({ ...values, version: current.version + 1 })
        .where(eq(competitionFieldChecks.id, current.id));
    } else {
      await tx.insert(competitionFieldChecks).values({ ...values, regionCode, competitionId, entryId, indicatorId });
    }
    await recordAudit(tx, ctx, {
      action: 'competition.field_check_saved',
      entityType: 'competition_entry',
      entityId: entryId,
      regionCode,
      before: current ? { indicatorId, status: current.status, note: current.note } : { indicatorId, status: 'belum_diperiksa' },
      after: { indicatorId, status: input.status, note: input.note },
    });
  });
}

const STATUS_TEXT: Record<FieldCheckStatus, string> = {
  belum_diperiksa: 'Belum diperiksa',
  sesuai: 'Sesuai',
  tidak_sesuai: 'Tidak sesuai',
  perlu_perbaikan: 'Perlu perbaikan',
};

/** The checklist as a sheet the team prints and carries on the field visit. */
export async function fieldChecklistXlsx(ctx: ServiceContext, regionCode: string, competitionId: string, entryId: string): Promise<Buffer> {
  const c = await fieldChecklist(ctx, regionCode, competitionId, entryId);
  type Line = FieldChecklist['lines'][number];
  const columns: SheetColumn<Line>[] = [
    { header: 'No. indikator', value: (l) => l.indicatorId, width: 12 },
    { header: 'Indikator', value: (l) => l.name, width: 45 },
    { header: 'Variabel', value: (l) => l.variable ?? '', width: 20 },
    {
      header: 'Jawaban inovasi',
      value: (l) => (l.claimedLevel === null ? 'Belum dijawab' : `${l.claimedLevel}${l.claimedLabel ? ` — ${l.claimedLabel}` : ''}`),
      width: 40,
    },
    { header: 'Bukti dukung', value: (l) => l.evidence.map((e) => e.fileName ?? e.url ?? e.title).join('; ') || 'Tidak ada', width: 40 },
    { header: 'Status', value: (l) => STATUS_TEXT[l.status], width: 18 },
    { header: 'Catatan', value: (l) => l.note, width: 40 },
    { header: 'Diperiksa oleh', value: (l) => l.checkedBy ?? '', width: 22 },
    { header: 'Waktu periksa', value: (l) => (l.checkedAt ? new Date(l.checkedAt) : null), width: 20, numFmt: 'dd/mm/yyyy hh:mm' },
  ];
  return writeSheet('Validasi lapangan', columns, c.lines);
}
