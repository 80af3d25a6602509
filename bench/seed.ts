/**
 * Child process: migrates a fresh database and fills it with the benchmark dataset (bench/dataset.ts),
 * plus five years of periods and innovations (bench/innovations-dataset.ts) when BENCH_INNOVATIONS=1, and
 * public services, survey answers and complaints (bench/layanan-dataset.ts) when BENCH_LAYANAN=1, and one
 * period of the bench region with BENCH_EXPORT_ROWS innovations (bench/export-dataset.ts) when that is set,
 * and the regions' choices of what to publish nationally when BENCH_PUBLICATIONS=1 (the leaders suite).
 * On PGlite it then writes a dump of the data directory for the servers to load.
 *
 * By hand: `DATABASE_URL=postgres://… BENCH_INNOVATIONS=1 node --import tsx bench/seed.ts` seeds that
 * (empty) database; `BENCH_DB=pglite BENCH_PGLITE_DUMP=/tmp/bench.tar node --import tsx bench/seed.ts`
 * writes a PGlite dump.
 */
import { writeFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { count, sql } from 'drizzle-orm';
import { PUBLISHABLE_FIGURES } from '#domain/nasional/publication.ts';
import { type Db, openDatabase } from '#server/db/client.ts';
import { migrateDatabase } from '#server/db/migrate.ts';
import { nationalPublications } from '#server/db/schema-nasional.ts';
import { type BenchDatabase, benchDatabaseFromEnv, failAndExit, tellParent } from './child.ts';
import { BENCH_REGION, DEFAULT_SEED, type SeedSummary, seedDataset } from './dataset.ts';
import { type ExportSummary, seedExportPeriod } from './export-dataset.ts';
import { seedInnovations } from './innovations-dataset.ts';
import { type LayananSummary, seedLayanan } from './layanan-dataset.ts';

/**
 * The public national page shows what each region chose to publish: four regions in five publish every
 * figure, the rest nothing (the default), so the page ranks and lists some 440 regions as it would
 * once the platform is in use.
 */
async function seedPublications(db: Db): Promise<number> {
  await db.execute(sql`insert into national_publications (region_code, figures)
    select code, ${JSON.stringify(PUBLISHABLE_FIGURES)}::jsonb
    from (select code, row_number() over (order by code) as n from regions) r where n % 5 <> 0
    on conflict (region_code) do nothing`);
  const [row] = await db.select({ n: count() }).from(nationalPublications);
  return row?.n ?? 0;
}

function target(): BenchDatabase {
  if (!process.env.BENCH_DB && process.env.DATABASE_URL) return { kind: 'postgres', url: process.env.DATABASE_URL };
  return benchDatabaseFromEnv();
}

async function main(): Promise<void> {
  const bench = target();
  const handle =
    bench.kind === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: bench.url, poolSize: 2 })
      : await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrateDatabase(handle);
    const seeded = await seedDataset(handle.db, { seed: DEFAULT_SEED });
    const { dataset, regionList } = seeded;
    const summary: SeedSummary & { layanan?: LayananSummary; export?: ExportSummary; publishing?: number } = seeded.summary;
    if (process.env.BENCH_INNOVATIONS === '1') {
      summary.innovations = await seedInnovations(handle.db, regionList, dataset, {
        seed: DEFAULT_SEED,
        benchRegion: BENCH_REGION,
        log: process.env.BENCH_VERBOSE === '1' ? (line) => console.log(line) : undefined,
      });
    }
    if (process.env.BENCH_LAYANAN === '1') {
      summary.layanan = await seedLayanan(handle.db, {
        seed: DEFAULT_SEED,
        benchRegion: BENCH_REGION,
        otherRegionAnswers: process.env.BENCH_SKM_ANSWERS ? Number(process.env.BENCH_SKM_ANSWERS) : undefined,
        log: process.env.BENCH_VERBOSE === '1' ? (line) => console.log(line) : undefined,
      });
    }
    if (process.env.BENCH_PUBLICATIONS === '1') summary.publishing = await seedPublications(handle.db);
    const exportRows = Number(process.env.BENCH_EXPORT_ROWS ?? 0);
    if (exportRows > 0) {
      const region = regionList.find((r) => r.code === BENCH_REGION);
      if (!region) throw new Error(`region ${BENCH_REGION} not loaded`);
      summary.export = await seedExportPeriod(handle.db, region, dataset, {
        seed: DEFAULT_SEED,
        count: exportRows,
        log: process.env.BENCH_VERBOSE === '1' ? (line) => console.log(line) : undefined,
      });
    }
    if (bench.kind === 'pglite') {
      const client = (handle.db as unknown as { $client: PGlite }).$client;
      const dump = await client.dumpDataDir('none');
      writeFileSync(bench.dumpFile, Buffer.from(await dump.arrayBuffer()));
    }
    await tellParent({ type: 'seeded', summary });
  } finally {
    await handle.close();
  }
}

main().then(() => process.exit(0), failAndExit);
