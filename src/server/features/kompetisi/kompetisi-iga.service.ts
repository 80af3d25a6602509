/**
 * IGA nominee preparation: before the national team's verifikasi lapangan, the region's own judges
 * walk every IID indicator of each nominee and check the evidence behind the answer (sesuai, tidak
 * sesuai, perlu perbaikan), with a note, who checked and when. The readiness is the share of
 * indicators found "sesuai". The admin and the judges on the competition's panels edit; the region's
 * readers (an operator: their own unit's nominees) only read. A national IGA preparation works the same
 * way across regions: the national admin edits, its judges edit from their own region (never their own
 * region's nominees), a participating region's staff read their region's nominees.
 */
import { and, eq, inArray, ne, notInArray, or } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { can } from '#domain/access/roles.ts';
import type { FieldCheckStatus, FieldChecklist, FieldChecklistSummary } from '#shared/api/competitions-iga.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  competitionEntries,
  competitionFieldChecks,
  competitionJudges,
  competitions,
  innovations,
  regions,
  units,
  users,
} from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { type SheetColumn, writeSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { innovationIndicators } from '#server/platform/innovation-indicators.ts';
import { auditRegion, type CompetitionRow, competitionById, findCompetition, NATIONAL } from './kompetisi.queries.ts';

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
  /** Only this region's nominees (a region's staff looking at a national competition). */
  regionCode: string | null;
  /** Not this region's nominees (a judge of a national competition never checks their own region's). */
  notRegionCode: string | null;
}

const EVERY_NOMINEE = { unitId: null, regionCode: null, notRegionCode: null };

/** What the caller may do with the checklists of a region's own competition; 404 when nothing (as if absent). */
async function rightsOn(ctx: ServiceContext, regionCode: string, competition: CompetitionRow): Promise<Rights> {
  if (can(ctx.actor, 'competitions.manage', regionCode)) return { edit: true, ...EVERY_NOMINEE };
  if (can(ctx.actor, 'competitions.judge', regionCode) && (await isOnPanel(ctx.db, competition.id, ctx.actor.id)))
    return { edit: true, ...EVERY_NOMINEE };
  if (can(ctx.actor, 'competitions.read', regionCode)) {
    if (ctx.actor.role === 'operator') {
      if (!ctx.actor.unitId) throw new AppError('NOT_FOUND');
      return { edit: false, ...EVERY_NOMINEE, unitId: ctx.actor.unitId };
    }
    return { edit: false, ...EVERY_NOMINEE };
  }
  throw new AppError('NOT_FOUND');
}

/**
 * What a region's member may do with the checklists of a national competition: its judges edit (from
 * their own region, every nominee but their region's, as in the assignment), the staff of a region
 * taking part read their region's nominees (an operator: their unit's); only the national admin, from
 * the national routes, edits every nominee.
 */
async function rightsOnNational(ctx: ServiceContext, regionCode: string, competition: CompetitionRow): Promise<Rights> {
  if (can(ctx.actor, 'competitions.judge', regionCode) && (await isOnPanel(ctx.db, competition.id, ctx.actor.id)))
    return { edit: true, ...EVERY_NOMINEE, notRegionCode: regionCode };
  if (can(ctx.actor, 'competitions.read', regionCode) && (await findCompetition(ctx.db, regionCode, competition.id, 'take_part'))) {
    if (ctx.actor.role === 'operator') {
      if (!ctx.actor.unitId) throw new AppError('NOT_FOUND');
      return { edit: false, ...EVERY_NOMINEE, unitId: ctx.actor.unitId, regionCode };
    }
    return { edit: false, ...EVERY_NOMINEE, regionCode };
  }
  throw new AppError('NOT_FOUND');
}

/** The IGA preparation competition as the scope reaches it, with the caller's rights; 404 otherwise. */
async function igaCompetition(ctx: ServiceContext, scope: string, id: string): Promise<{ competition: CompetitionRow; rights: Rights }> {
  if (scope === NATIONAL) {
    const competition = await findCompetition(ctx.db, NATIONAL, id);
    if (!competition || competition.kind !== IGA_KIND) throw new AppError('NOT_FOUND');
    return { competition, rights: { edit: true, ...EVERY_NOMINEE } };
  }
  const competition = await competitionById(ctx.db, id);
  if (!competition || competition.kind !== IGA_KIND) throw new AppError('NOT_FOUND');
  if (competition.scope === 'national') return { competition, rights: await rightsOnNational(ctx, scope, competition) };
  if (competition.regionCode !== scope) throw new AppError('NOT_FOUND');
  return { competition, rights: await rightsOn(ctx, scope, competition) };
}

async function nominees(db: DbOrTx, competitionId: string, rights: Omit<Rights, 'edit'>, entryId?: string) {
  return db
    .select({
      entryId: competitionEntries.id,
      innovationId: competitionEntries.innovationId,
      innovationName: innovations.name,
      unitId: competitionEntries.unitId,
      unitName: units.name,
      regionCode: competitionEntries.regionCode,
      regionName: regions.name,
    })
    .from(competitionEntries)
    .innerJoin(innovations, eq(innovations.id, competitionEntries.innovationId))
    .innerJoin(units, eq(units.id, competitionEntries.unitId))
    .innerJoin(regions, eq(regions.code, competitionEntries.regionCode))
    .where(
      and(
        eq(competitionEntries.competitionId, competitionId),
        notInArray(competitionEntries.status, OUT_OF_RUNNING),
        rights.unitId ? eq(competitionEntries.unitId, rights.unitId) : undefined,
        rights.regionCode ? eq(competitionEntries.regionCode, rights.regionCode) : undefined,
        rights.notRegionCode ? ne(competitionEntries.regionCode, rights.notRegionCode) : undefined,
        entryId ? eq(competitionEntries.id, entryId) : undefined,
      ),
    )
    .orderBy(innovations.name);
}

type Nominee = Awaited<ReturnType<typeof nominees>>[number];

async function buildChecklist(db: DbOrTx, competition: CompetitionRow, nominee: Nominee, canEdit: boolean): Promise<FieldChecklist> {
  // The innovation lives in the entering unit's region, which for a national competition is not the scope's.
  const indicators = await innovationIndicators(db, nominee.regionCode, nominee.innovationId);
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
    competitionScope: competition.scope as 'region' | 'national',
    entryId: nominee.entryId,
    innovationId: nominee.innovationId,
    innovationName: nominee.innovationName,
    unitName: nominee.unitName,
    regionName: nominee.regionName,
    frameworkName: indicators.frameworkName,
    readiness: readinessOf(counts),
    counts,
    canEdit,
    lines,
  };
}

export async function fieldChecklist(ctx: ServiceContext, scope: string, competitionId: string, entryId: string): Promise<FieldChecklist> {
  const { competition, rights } = await igaCompetition(ctx, scope, competitionId);
  const [nominee] = await nominees(ctx.db, competition.id, rights, entryId);
  if (!nominee) throw new AppError('NOT_FOUND');
  return buildChecklist(ctx.db, competition, nominee, rights.edit);
}

function summaryOf(c: FieldChecklist): FieldChecklistSummary {
  return {
    competitionId: c.competitionId,
    competitionName: c.competitionName,
    competitionScope: c.competitionScope,
    entryId: c.entryId,
    innovationName: c.innovationName,
    unitName: c.unitName,
    regionName: c.regionName,
    readiness: c.readiness,
    counts: c.counts,
    total: c.lines.length,
  };
}

/** The nominees of one IGA preparation competition with their readiness. */
export async function fieldChecklists(ctx: ServiceContext, scope: string, competitionId: string) {
  const { competition, rights } = await igaCompetition(ctx, scope, competitionId);
  const items: FieldChecklistSummary[] = [];
  for (const n of await nominees(ctx.db, competition.id, rights)) {
    items.push(summaryOf(await buildChecklist(ctx.db, competition, n, rights.edit)));
  }
  return { items, canEdit: rights.edit };
}

/**
 * A judge's home: the nominees of every IGA preparation competition whose panel they sit on, the
 * region's own and the national ones (there, every nominee but their own region's); the admin's: the
 * region's own IGA preparations.
 */
export async function myFieldChecklists(ctx: ServiceContext, regionCode: string) {
  const manage = can(ctx.actor, 'competitions.manage', regionCode);
  let rows: CompetitionRow[];
  if (manage) {
    rows = await ctx.db
      .select()
      .from(competitions)
      .where(and(eq(competitions.regionCode, regionCode), eq(competitions.kind, IGA_KIND)))
      .orderBy(competitions.name);
  } else {
    const seated = ctx.db
      .select({ id: competitionJudges.competitionId })
      .from(competitionJudges)
      .where(and(eq(competitionJudges.regionCode, regionCode), eq(competitionJudges.userId, ctx.actor.id)));
    rows = await ctx.db
      .select()
      .from(competitions)
      .where(
        and(
          inArray(competitions.id, seated),
          eq(competitions.kind, IGA_KIND),
          or(eq(competitions.regionCode, regionCode), eq(competitions.scope, 'national')),
        ),
      )
      .orderBy(competitions.name);
  }
  const items: FieldChecklistSummary[] = [];
  if (rows.length === 0) return { items, canEdit: false };
  for (const competition of rows) {
    const rights = competition.scope === 'national' ? { ...EVERY_NOMINEE, notRegionCode: regionCode } : EVERY_NOMINEE;
    for (const n of await nominees(ctx.db, competition.id, rights)) items.push(summaryOf(await buildChecklist(ctx.db, competition, n, true)));
  }
  return { items, canEdit: true };
}

/**
 * Records one line's check. The line must be an indicator of the innovation's framework; `version` is
 * the one the checker saw (0 for a line never checked), so two judges at the same line take turns.
 */
export async function saveFieldCheck(
  ctx: ServiceContext,
  scope: string,
  competitionId: string,
  entryId: string,
  indicatorId: string,
  input: { status: FieldCheckStatus; note: string; version: number },
): Promise<void> {
  const { competition, rights } = await igaCompetition(ctx, scope, competitionId);
  if (!rights.edit) throw new AppError('FORBIDDEN');
  if (competition.status === 'ditetapkan' || competition.status === 'diumumkan') {
    throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'the competition is decided; its checklists are kept as they were' });
  }
  const [nominee] = await nominees(ctx.db, competition.id, rights, entryId);
  if (!nominee) throw new AppError('NOT_FOUND');
  const indicators = await innovationIndicators(ctx.db, nominee.regionCode, nominee.innovationId);
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
      // The check belongs with the nominee: in its unit's region, whoever runs the competition.
      await tx.insert(competitionFieldChecks).values({ ...values, regionCode: nominee.regionCode, competitionId, entryId, indicatorId });
    }
    await recordAudit(tx, ctx, {
      action: 'competition.field_check_saved',
      entityType: 'competition_entry',
      entityId: entryId,
      regionCode: auditRegion(scope),
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
export async function fieldChecklistXlsx(ctx: ServiceContext, scope: string, competitionId: string, entryId: string): Promise<Buffer> {
  const c = await fieldChecklist(ctx, scope, competitionId, entryId);
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
