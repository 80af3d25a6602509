/**
 * The OPD league table (liga OPD): the year's facts of every unit (platform/figures/unit-league.ts),
 * scored and ranked by the pure rules of domain/liga/league.ts under the region's weights, with the
 * same computation for the year before giving the rank change; and the admin's edit of the weights.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { can } from '#domain/access/roles.ts';
import { LEAGUE_COMPONENT_RULES } from '#domain/liga/components.ts';
import {
  COMPOSITE_RULE,
  checkLeagueWeights,
  componentScores,
  compositeScore,
  DEFAULT_LEAGUE_WEIGHTS,
  type LeagueWeights,
  rankChange,
  rankUnits,
} from '#domain/liga/league.ts';
import { Dec } from '#domain/scoring/decimal.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { leagueWeights, periods, regions } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { unitLeagueFacts } from '#server/platform/figures/unit-league.ts';
import type { LeagueQuery, LeagueRow, LeagueTable, LeagueWeightsInput } from '#shared/api/liga.ts';
import { wibDate, wibYear } from '#domain/schedule/wib.ts';
import { complaintClockWindow, FigureKeep, regionFigureGeneration } from '#server/platform/figures/generations.ts';

type WeightsRow = typeof leagueWeights.$inferSelect;

function weightsOfRow(r: WeightsRow): LeagueWeights {
  return {
    innovations: { weight: r.innovationsWeight, enabled: r.innovationsEnabled },
    ikm: { weight: r.ikmWeight, enabled: r.ikmEnabled },
    assessments: { weight: r.assessmentsWeight, enabled: r.assessmentsEnabled },
    complaints: { weight: r.complaintsWeight, enabled: r.complaintsEnabled },
    programmes: { weight: r.programmesWeight, enabled: r.programmesEnabled },
  };
}

function rowOfWeights(w: LeagueWeights) {
  return {
    innovationsWeight: w.innovations.weight,
    innovationsEnabled: w.innovations.enabled,
    ikmWeight: w.ikm.weight,
    ikmEnabled: w.ikm.enabled,
    assessmentsWeight: w.assessments.weight,
    assessmentsEnabled: w.assessments.enabled,
    complaintsWeight: w.complaints.weight,
    complaintsEnabled: w.complaints.enabled,
    programmesWeight: w.programmes.weight,
    programmesEnabled: w.programmes.enabled,
  };
}

const yearIs = (year: number | null) => (year === null ? isNull(leagueWeights.year) : eq(leagueWeights.year, year));

/** The weights of a year: its own row, else the region's standing choice, else the defaults. */
export async function weightsOfYear(db: DbOrTx, regionCode: string, year: number): Promise<LeagueTable['weights']> {
  const rows = await db
    .select()
    .from(leagueWeights)
    .where(and(eq(leagueWeights.regionCode, regionCode), sql`(${leagueWeights.year} = ${year} or ${leagueWeights.year} is null)`));
  const own = rows.find((r) => r.year === year);
  const standing = rows.find((r) => r.year === null);
  const versions = { yearVersion: own?.version ?? null, regionVersion: standing?.version ?? null };
  if (own) return { weights: weightsOfRow(own), source: 'year', ...versions };
  if (standing) return { weights: weightsOfRow(standing), source: 'region', ...versions };
  return { weights: DEFAULT_LEAGUE_WEIGHTS, source: 'default', ...versions };
}

async function rankedYear(db: DbOrTx, regionCode: string, year: number, now: Date, weights: LeagueWeights) {
  const facts = await unitLeagueFacts(db, regionCode, year, now);
  return rankUnits(
    facts.units.map((f) => {
      const scores = componentScores(f);
      return { unitId: f.unitId, unitName: f.unitName, facts: f, scores, composite: compositeScore(scores, weights) };
    }),
  );
}

/** The sort of a column: its value (null last whatever the direction) and the direction it starts in. */
const SORTS: Record<LeagueQuery['sort'], { value: (r: LeagueRow) => string | number | null; firstDir: 'asc' | 'desc' }> = {
  rank: { value: (r) => r.rank, firstDir: 'asc' },
  name: { value: (r) => r.unitName, firstDir: 'asc' },
  composite: { value: (r) => r.composite, firstDir: 'desc' },
  innovations: { value: (r) => r.scores.innovations, firstDir: 'desc' },
  ikm: { value: (r) => r.scores.ikm, firstDir: 'desc' },
  assessments: { value: (r) => r.scores.assessments, firstDir: 'desc' },
  complaints: { value: (r) => r.scores.complaints, firstDir: 'desc' },
  programmes: { value: (r) => r.scores.programmes, firstDir: 'desc' },
  change: { value: (r) => r.rankChange, firstDir: 'desc' },
};

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d/.test(a) && /^-?\d/.test(b)) return new Dec(a).cmp(new Dec(b));
  return String(a).localeCompare(String(b), 'id');
}

export function sortLeagueRows(rows: LeagueRow[], sort: LeagueQuery['sort'], dir: 'asc' | 'desc' | undefined): LeagueRow[] {
  const { value, firstDir } = SORTS[sort];
  const sign = (dir ?? firstDir) === 'asc' ? 1 : -1;
  // Rows arrive in rank order, which breaks every tie (a stable sort keeps it).
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return sign * compareValues(va, vb);
  });
}

/**
 * Who reads the table: a user, or a command centre's API token (no user: it never edits the weights),
 * so reading needs the database and the clock, not a session.
 */
export type LeagueReader = Pick<ServiceContext, 'db' | 'now'> & { actor: ServiceContext['actor'] | null };

type LeagueCore = Omit<LeagueTable, 'canEditWeights'>;

/**
 * The table before the reader's sorting, kept while the region's data is unchanged: the key holds the
 * WIB day (the default year, the year list), and the complaints' due times bound how long "resolved on
 * time" holds.
 */
const kept = new FigureKeep<LeagueCore>(2_000);

export async function leagueTable(ctx: LeagueReader, regionCode: string, query: LeagueQuery): Promise<LeagueTable> {
  const { db, now } = ctx;
  const year = query.year ?? wibYear(now);
  const key = `${regionCode}|${year}|${wibDate(now)}`;
  const generation = await regionFigureGeneration(db, regionCode);
  const core = await kept.through(
    db,
    key,
    generation,
    now,
    () => leagueCore(db, now, regionCode, year),
    () => complaintClockWindow(db, regionCode, now),
  );
  return {
    ...core,
    rows: sortLeagueRows(core.rows, query.sort, query.dir),
    canEditWeights: ctx.actor !== null && can(ctx.actor, 'periods.write', regionCode),
  };
}

async function leagueCore(db: DbOrTx, now: Date, regionCode: string, year: number): Promise<LeagueCore> {
  const previousYear = year - 1;
  const [weights, previousWeights, periodYears] = await Promise.all([
    weightsOfYear(db, regionCode, year),
    weightsOfYear(db, regionCode, previousYear),
    db.select({ year: periods.year }).from(periods).where(eq(periods.regionCode, regionCode)).orderBy(desc(periods.year)),
  ]);
  const [current, previous] = await Promise.all([
    rankedYear(db, regionCode, year, now, weights.weights),
    rankedYear(db, regionCode, previousYear, now, previousWeights.weights),
  ]);
  const previousRanks = new Map(previous.map((p) => [p.unitId, p.rank]));
  const rows: LeagueRow[] = current.map((u) => {
    const previousRank = previousRanks.get(u.unitId) ?? null;
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      rank: u.rank,
      previousRank,
      rankChange: rankChange(u.rank, previousRank),
      composite: u.composite,
      scores: u.scores,
      facts: {
        innovations: u.facts.innovations,
        ikm: u.facts.ikm,
        assessments: u.facts.assessments,
        complaints: u.facts.complaints,
        programmes: u.facts.programmes.length,
      },
    };
  });
  const years = [...new Set([wibYear(now), year, ...periodYears.map((p) => p.year)])].sort((a, b) => b - a);
  return {
    year,
    previousYear,
    years,
    weights,
    rules: { composite: COMPOSITE_RULE, components: LEAGUE_COMPONENT_RULES },
    rows,
  };
}

/** The table in rank order and the region's name, for the spreadsheet. */
export async function leagueExport(ctx: LeagueReader, regionCode: string, year: number | undefined) {
  const [table, [region]] = await Promise.all([
    leagueTable(ctx, regionCode, { year, sort: 'rank' }),
    ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode)),
  ]);
  return { table, regionName: region?.name ?? regionCode };
}

/** Sets the weights of a year (or the region's standing weights): valid, audited, version-checked. */
export async function updateLeagueWeights(ctx: ServiceContext, regionCode: string, input: LeagueWeightsInput): Promise<void> {
  const issues = checkLeagueWeights(input.weights);
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      issues: issues.map((i) => ({ field: i.component === '_sum' ? 'body.weights' : `body.weights.${i.component}.weight`, reason: i.reason })),
    });
  }
  await ctx.db
    .transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(leagueWeights)
        .where(and(eq(leagueWeights.regionCode, regionCode), yearIs(input.year)))
        .for('update');
      const values = rowOfWeights(input.weights);
      if (existing) {
        if (input.version !== existing.version) throw new AppError('STALE_VERSION');
        await tx
          .update(leagueWeights)
          .set({ ...values, version: existing.version + 1, updatedBy: ctx.actor.id, updatedAt: ctx.now })
          .where(eq(leagueWeights.id, existing.id));
      } else {
        await tx.insert(leagueWeights).values({ regionCode, year: input.year, ...values, updatedBy: ctx.actor.id });
      }
      await recordAudit(tx, ctx, {
        action: 'league_weights.updated',
        entityType: 'league_weights',
        entityId: existing?.id ?? null,
        regionCode,
        before: existing ? { year: existing.year, weights: weightsOfRow(existing) } : null,
        after: { year: input.year, weights: input.weights },
      });
    })
    .catch((err: unknown) => {
      // Two admins saving the first weights of a year at once: the second one reloads.
      if (uniqueConstraintOf(err) === 'league_weights_region_year_uq') throw new AppError('STALE_VERSION');
      throw err;
    });
}
