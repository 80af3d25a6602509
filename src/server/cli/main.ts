/**
 * The `sinergi` command line: serve, migrate, seed-demo, create-admin, backup, restore.
 * Run `sinergi --help` (or `npm run sinergi -- --help`).
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { evaluate } from '#domain/scoring/engine.ts';
import { SHIPPED_FRAMEWORK_IDS, type ShippedFrameworkId } from '#domain/scoring/framework-registry.ts';
import { loadShipped } from '#domain/scoring/load-shipped.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createBlobStorage } from '../lib/storage.ts';
import { createLogger } from '../logger.ts';
import { openConfiguredDatabase } from '../runtime.ts';
import { VERSION } from '../version.ts';
import { createNationalAdmin } from './create-admin.ts';
import { uploadFrameworkVersion } from '#server/platform/frameworks/registry.ts';
import { AppError } from '../http/app-error.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';

const program = new Command().name('sinergi').description('Sinergi: inovasi daerah, penilaian dan layanan publik').version(VERSION);

program
  .command('serve')
  .description('Jalankan server web dan API (migrasi otomatis; data demo pada start pertama bila mode demo)')
  .action(async () => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const database = await openConfiguredDatabase(config);
    if (config.demo) {
      const seeded = await seedDemo(database.db, { onlyIfNew: true, storage: await createBlobStorage(config) });
      if (seeded) logger.info(seeded, 'demo data loaded');
    }
    const app = await buildApp({ config, database, logger });
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'shutting down');
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
    console.log(`\nSinergi ${VERSION} berjalan di http://${shown}:${config.port}  (basis data: ${database.kind})`);
    if (config.demo) console.log('Akun demo: admin.demo / sinergi-demo (lihat README untuk akun lain)\n');
  });

program
  .command('migrate')
  .description('Terapkan migrasi basis data dan daftar wilayah resmi')
  .action(async () => {
    const database = await openConfiguredDatabase(loadConfig());
    await database.close();
    console.log('Migrasi selesai.');
  });

program
  .command('seed-demo')
  .description('Muat data demo (Kota Pangkalpinang, Palangka Raya, Banjarmasin) dan akun demo')
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    const result = await seedDemo(database.db, { onlyIfNew: false, storage: await createBlobStorage(config) });
    await database.close();
    console.log(result ? `Data demo dimuat: ${JSON.stringify(result)}` : 'Data demo sudah ada.');
  });

program
  .command('create-admin')
  .description('Buat akun admin nasional (atau admin daerah dengan --region)')
  .requiredOption('-u, --username <username>', 'nama pengguna')
  .option('-n, --name <name>', 'nama lengkap', 'Administrator')
  .option('-e, --email <email>', 'alamat surel')
  .option('-r, --region <code>', 'kode wilayah: buat admin_daerah untuk daerah ini')
  .option('-p, --password <password>', 'kata sandi (bila kosong dibaca dari SINERGI_ADMIN_PASSWORD)')
  .action(async (opts: { username: string; name: string; email?: string; region?: string; password?: string }) => {
    const password = opts.password ?? process.env.SINERGI_ADMIN_PASSWORD;
    if (!password) throw new Error('Berikan --password atau SINERGI_ADMIN_PASSWORD');
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const id = await createNationalAdmin(database.db, { ...opts, password });
      console.log(`Akun ${opts.username} dibuat (${id}).`);
    } finally {
      await database.close();
    }
  });

program
  .command('backup')
  .description('Salin seluruh data ke satu berkas (.sinergi.gz) yang dapat dipulihkan ke PGlite maupun Postgres')
  .argument('<file>', 'berkas tujuan')
  .action(async (file: string) => {
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const summary = await backupDatabase(database.db, file);
      console.log(`Cadangan ditulis ke ${file}: ${JSON.stringify(summary.rows)}`);
    } finally {
      await database.close();
    }
  });

program
  .command('restore')
  .description('Pulihkan cadangan ke basis data yang masih kosong (direktori data baru atau basis data Postgres baru)')
  .argument('<file>', 'berkas cadangan')
  .action(async (file: string) => {
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const summary = await restoreDatabase(database.db, file);
      console.log(`Dipulihkan dari ${file}: ${JSON.stringify(summary.rows)}`);
    } finally {
      await database.close();
    }
  });

program
  .command('evaluate')
  .description('Hitung indeks sebuah kerangka indikator dari berkas masukan JSON dan cetak hasilnya sebagai JSON')
  .requiredOption('-f, --framework <id>', 'ID kerangka, mis. spbe-2020, pemdi-2026, iid-2026, ikm-2017, smartcity-2021')
  .requiredOption('-i, --input <file>', 'berkas JSON masukan ("-" untuk stdin)')
  .action(async (opts: { framework: string; input: string }) => {
    const text = opts.input === '-' ? readFileSync(0, 'utf8') : readFileSync(opts.input, 'utf8');
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      throw new Error(`Berkas masukan bukan JSON yang sah: ${opts.input}`);
    }
    const known: readonly string[] = SHIPPED_FRAMEWORK_IDS;
    if (!known.includes(opts.framework)) {
      throw new Error(`Kerangka "${opts.framework}" tidak dikenal; pilihan: ${SHIPPED_FRAMEWORK_IDS.join(', ')}`);
    }
    const framework = loadShipped(opts.framework as ShippedFrameworkId);
    const result = evaluate(framework, input);
    if (!result.ok) {
      for (const e of result.errors) console.error(`${e.indicator ?? '(masukan)'}: ${e.message}`);
      process.exit(2);
    }
    console.log(JSON.stringify(result.result, null, 2));
  });

program
  .command('framework-load')
  .description('Muat versi kerangka indikator baru dari berkas JSON (untuk seluruh instalasi, atau satu daerah dengan --region)')
  .argument('<file>', 'berkas JSON kerangka')
  .option('-r, --region <code>', 'kode wilayah: hanya untuk daerah ini')
  .action(async (file: string, opts: { region?: string }) => {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`Berkas bukan JSON yang sah: ${file}`);
    }
    const database = await openConfiguredDatabase(loadConfig());
    try {
      const id = await database.db.transaction((tx) =>
        uploadFrameworkVersion(tx, { actor: null, origin: { ip: null, userAgent: 'sinergi-cli', requestId: null } }, opts.region ?? null, json),
      );
      console.log(`Versi kerangka dimuat (${id}).`);
    } catch (err) {
      if (err instanceof AppError && err.issues) {
        for (const i of err.issues) console.error(`${i.field}: ${i.reason}`);
        throw new Error('Berkas kerangka tidak valid.');
      }
      throw err;
    } finally {
      await database.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
