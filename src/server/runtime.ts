/**
 * Opens the configured database and brings it up to date; shared by the server and the CLI. The embedded
 * database lives in `<data dir>/pglite`, beside the uploaded files in `<data dir>/files`.
 */
import path from 'node:path';
import type { AppConfig } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';

export async function openConfiguredDatabase(config: AppConfig, options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const handle = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
  if (options.migrate ?? true) await migrateDatabase(handle);
  return handle;
}
