/**
 * Computed figures kept in the process and served again while nothing they are computed from has
 * changed. The database keeps a number per region (`figure_generations`, the sum of eight shards bumped by triggers in the
 * writing transaction on every table a figure reads) and one for everybody ('*', bumped by a shared
 * framework's change or a truncation). A reader reads the numbers BEFORE the data: a write committed
 * in between only makes the kept figure newer than its numbers, and the next reader, seeing a larger
 * number, computes again. So a kept figure is never older than the numbers it is served for, several
 * instances each keep their own, and a leader sees a verifier's correction on the next read.
 *
 * Figures that also depend on the clock (a complaint becomes overdue when its due time passes) are kept
 * with the window of instants in which the clock gives the same answer.
 */
import { and, gte, isNull, lt, max, min, notInArray, or, sql } from 'drizzle-orm';
import { CLOSED_STATUSES } from '#domain/services/complaint-workflow.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { complaints } from '#server/db/schema.ts';

const GLOBAL = '*';
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The numbers of the regions asked for (all regions when `codes` is null), each already combined with
 * the global one, as text: equal texts mean no change in between.
 */
export async function figureGenerations(db: DbOrTx, codes: readonly string[] | null): Promise<(code: string) => string> {
  const result = await db.execute(
    codes === null
      ? sql`select region_code as code, sum(generation)::text as g from figure_generations group by region_code`
      : sql`select region_code as code, sum(generation)::text as g from figure_generations
          where region_code in (${sql.join(
            [GLOBAL, ...codes].map((c) => sql`${c}`),
            sql`, `,
          )}) group by region_code`,
  );
  const of = new Map(rowsOf<{ code: string; g: string }>(result).map((r) => [r.code, r.g]));
  const shared = of.get(GLOBAL) ?? '0';
  return (code) => `${of.get(code) ?? '0'}/${shared}`;
}

// One region's number is read on every kept read (the dashboard, the league, the inbox): a statement
// prepared under a name, so each connection plans it once.
const regionGenerationQuery = (db: DbOrTx) =>
  db
    .select({
      g: sql<string>`coalesce(sum(generation) filter (where region_code <> ${GLOBAL}), 0)::text || '/' ||
        coalesce(sum(generation) filter (where region_code = ${GLOBAL}), 0)::text`,
    })
    .from(sql`figure_generations`)
    .where(sql`region_code in (${sql.placeholder('code')}, ${GLOBAL})`)
    .prepare('figure_generation_of_region');

const preparedRegionQueries = new WeakMap<object, ReturnType<typeof regionGenerationQuery>>();

/** One region's number combined with the global one, as `figureGenerations` gives it. */
export async function regionFigureGeneration(db: DbOrTx, code: string): Promise<string> {
  let query = preparedRegionQueries.get(db);
  if (query === undefined) {
    query = regionGenerationQuery(db);
    preparedRegionQueries.set(db, query);
  }
  const [row] = await query.execute({ code });
  return row?.g ?? '0/0';
}

/**
 * One text for every region's number together, for a figure over all regions: the numbers only grow
 * and rows are only added, so the count and the sum move whenever any region's number does.
 */
export async function allFigureGenerations(db: DbOrTx): Promise<string> {
  const [row] = rowsOf<{ g: string }>(
    await db.execute(sql`select count(*)::text || ':' || coalesce(sum(generation), 0)::text as g from figure_generations`),
  );
  return row?.g ?? '0:0';
}

/** The instants (ms) in which a clock-dependent figure stays what it was at the instant it was computed. */
export interface ClockWindow {
  /** Valid after this instant (exclusive); -Infinity when nothing before could change it. */
  after: number;
  /** Valid up to this instant (inclusive); Infinity when nothing ahead will change it. */
  upTo: number;
}

export const ALWAYS: ClockWindow = { after: Number.NEGATIVE_INFINITY, upTo: Number.POSITIVE_INFINITY };

/**
 * A complaint is overdue once the clock is past its due time and it is not closed; the counts that
 * depend on it therefore stay the same between the due times of the region's open complaints. Open is
 * taken widely (not closed by status, or no closing time), so both ways the pages count agree with it.
 */
export async function complaintClockWindow(db: DbOrTx, regionCode: string, now: Date): Promise<ClockWindow> {
  const open = and(
    sql`${complaints.regionCode} = ${regionCode}`,
    or(notInArray(complaints.status, [...CLOSED_STATUSES]), isNull(complaints.closedAt)),
  );
  const [[before], [after]] = await Promise.all([
    db
      .select({ at: max(complaints.dueAt) })
      .from(complaints)
      .where(and(open, lt(complaints.dueAt, now))),
    db
      .select({ at: min(complaints.dueAt) })
      .from(complaints)
      .where(and(open, gte(complaints.dueAt, now))),
  ]);
  return {
    after: before?.at ? new Date(before.at).getTime() : Number.NEGATIVE_INFINITY,
    upTo: after?.at ? new Date(after.at).getTime() : Number.POSITIVE_INFINITY,
  };
}

interface Kept<T> {
  generation: string;
  window: ClockWindow;
  value: T;
}

/** Whether the clock at `now` is inside the window a kept figure holds for. */
function inWindow(window: ClockWindow, now: Date): boolean {
  const t = now.getTime();
  return t > window.after && t <= window.upTo;
}

/** The map a database handle has in `byDb`, made empty on its first use. */
function mapOf<V>(byDb: WeakMap<object, Map<string, V>>, db: DbOrTx): Map<string, V> {
  let map = byDb.get(db);
  if (map === undefined) {
    map = new Map();
    byDb.set(db, map);
  }
  return map;
}

/**
 * A bounded keep of figures per database handle (tests open many databases in one process). The oldest
 * entry leaves first when it is full.
 */
export class FigureKeep<T> {
  readonly #byDb = new WeakMap<object, Map<string, Kept<T>>>();
  /** Computations under way, by generation and key: at most one per figure and generation. */
  readonly #inFlight = new WeakMap<object, Map<string, Promise<{ value: T; window: ClockWindow }>>>();

  constructor(readonly max: number) {}

  #of(db: DbOrTx) {
    return mapOf(this.#byDb, db);
  }

  #flightsOf(db: DbOrTx) {
    return mapOf(this.#inFlight, db);
  }

  /** The kept value for the key if it was computed at this generation and the clock is inside its window. */
  get(db: DbOrTx, key: string, generation: string, now: Date): T | undefined {
    const kept = this.#of(db).get(key);
    if (kept === undefined || kept.generation !== generation || !inWindow(kept.window, now)) return undefined;
    return kept.value;
  }

  set(db: DbOrTx, key: string, generation: string, value: T, window: ClockWindow = ALWAYS): void {
    const kept = this.#of(db);
    kept.delete(key);
    kept.set(key, { generation, window, value });
    if (kept.size > this.max) kept.delete(kept.keys().next().value as string);
  }

  /**
   * The kept value, or the value computed now and kept with the generation read before it (and, for a
   * figure that depends on the clock, the window in which the clock leaves it unchanged). Requests that
   * miss while the same figure is being computed at the same generation wait for that computation rather
   * than start their own: right after a change, a command-centre screen and the leaders refreshing a
   * dashboard would otherwise each score the region again, all at once.
   */
  async through(
    db: DbOrTx,
    key: string,
    generation: string,
    now: Date,
    compute: () => Promise<T>,
    clockWindow?: () => Promise<ClockWindow>,
  ): Promise<T> {
    const hit = this.get(db, key, generation, now);
    if (hit !== undefined) return hit;
    const flights = this.#flightsOf(db);
    const flightKey = `${generation}\u0000${key}`;
    const running = flights.get(flightKey);
    if (running !== undefined) {
      // A failed computation is not shared: this request tries for itself.
      const joined = await running.catch(() => undefined);
      if (joined !== undefined && inWindow(joined.window, now)) return joined.value;
    }
    const flight = Promise.all([compute(), clockWindow ? clockWindow() : ALWAYS]).then(([value, window]) => ({ value, window }));
    flights.set(flightKey, flight);
    try {
      const { value, window } = await flight;
      this.set(db, key, generation, value, window);
      return value;
    } finally {
      if (flights.get(flightKey) === flight) flights.delete(flightKey);
    }
  }
}
