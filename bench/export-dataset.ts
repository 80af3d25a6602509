/**
 * The export benchmark's dataset: one period of one region with a very large number of innovations
 * (200,000 by default), made by the generator of the innovations suite (`innovationsForRegion`, the same
 * names, texts, units and status mix) run over and over on the region's units and folded into that one
 * period. Seeded on top of the units dataset (bench/dataset.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';
import { innovations, periods } from '#server/db/schema.ts';
import { createRng, type Dataset, type RegionInfo, uuidFrom } from './dataset.ts';
import { innovationsForRegion } from './innovations-dataset.ts';

const BATCH_ROWS = 500;
export const EXPORT_YEAR = 2026;

export interface ExportSummary {
  regionCode: string;
  periodId: string;
  year: number;
  innovations: number;
  units: number;
  seconds: number;
}

/** Seeds the period and its `count` innovations in one transaction, full-text indexes rebuilt after the load. */
export async function seedExportPeriod(
  db: Db,
  region: RegionInfo,
  dataset: Dataset,
  options: { seed: number; count: number; log?: (line: string) => void },
): Promise<ExportSummary> {
  const started = performance.now();
  const rng = createRng(options.seed ^ 0x0e4b_5024);
  const regionUnits = dataset.units.filter((u) => u.regionCode === region.code);
  const operatorIds = dataset.users.flatMap((u) => (u.role === 'operator' && u.regionCode === region.code && u.id ? [u.id] : []));
  if (regionUnits.length === 0) throw new Error(`no units in ${region.code}`);
  const periodId = uuidFrom(rng);
  const indexes = (await db.execute(
    sql`select indexname, indexdef from pg_indexes where tablename = 'innovations' and indexdef like '%USING gin%'`,
  )) as unknown as { rows: { indexname: string; indexdef: string }[] };
  let seeded = 0;
  const proposing = new Set<string>();
  await db.transaction(async (tx) => {
    for (const { indexname } of indexes.rows) await tx.execute(sql`drop index ${sql.identifier(indexname)}`);
    await tx.insert(periods).values({
      id: periodId,
      regionCode: region.code,
      year: EXPORT_YEAR,
      opensOn: `${EXPORT_YEAR}-02-01`,
      closesOn: `${EXPORT_YEAR}-09-30`,
      targetTotal: options.count,
      minPerUnit: 1,
    });
    while (seeded < options.count) {
      // Each round is five years of the region's list; all of it goes into the one period.
      const rows = innovationsForRegion(region, regionUnits, operatorIds, rng)
        .innovations.slice(0, options.count - seeded)
        .map((row) => ({ ...row, periodId, previousId: null, developmentNote: null }));
      for (let i = 0; i < rows.length; i += BATCH_ROWS) await tx.insert(innovations).values(rows.slice(i, i + BATCH_ROWS));
      for (const row of rows) proposing.add(row.unitId);
      seeded += rows.length;
      if (options.log && seeded % 20_000 < rows.length) options.log(`export: ${seeded} of ${options.count} innovations`);
    }
    for (const { indexdef } of indexes.rows) await tx.execute(sql.raw(indexdef));
  });
  await db.execute(sql`vacuum analyze periods, innovations`);
  return {
    regionCode: region.code,
    periodId,
    year: EXPORT_YEAR,
    innovations: seeded,
    units: proposing.size,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
