/**
 * Child process: the real Sinergi app (buildApp, as `sinergi serve` builds it) on 127.0.0.1 and a free
 * port, with a silent logger, a login rate limit high enough for the benchmark's login, and the per-address
 * limit of citizens' public writes from SINERGI_PUBLIC_WRITES_PER_MINUTE when the parent sets it (the
 * survey ingest load posts every answer from one address).
 */
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';
import { createLogger } from '#server/logger.ts';
import { benchDatabaseFromEnv, failAndExit, readDump, stopOn, tellParent } from './child.ts';

async function main(): Promise<void> {
  const bench = benchDatabaseFromEnv();
  // Only what the benchmark decides; the rest are the defaults a fresh install gets.
  const config = {
    ...loadConfig({
      LOG_LEVEL: 'silent',
      SINERGI_DEMO: 'false',
      SINERGI_LOGIN_RATE_PER_MINUTE: '10000',
      ...(process.env.SINERGI_PUBLIC_WRITES_PER_MINUTE ? { SINERGI_PUBLIC_WRITES_PER_MINUTE: process.env.SINERGI_PUBLIC_WRITES_PER_MINUTE } : {}),
      ...(bench.kind === 'postgres' ? { DATABASE_URL: bench.url } : {}),
    }),
    host: '127.0.0.1',
  };
  // The dataset is already migrated and seeded; the same pool size as `sinergi serve` (the default).
  const database =
    bench.kind === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: bench.url })
      : await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: readDump(bench.dumpFile) });
  const app = await buildApp({ config, database, logger: createLogger('silent') });
  stopOn(async () => {
    await app.close();
    await database.close();
  });
  await app.listen({ port: 0, host: config.host });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  await tellParent({ type: 'ready', port: address.port });
}

main().catch(failAndExit);
