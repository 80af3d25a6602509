/**
 * The `sinergi` command line: serve, migrate, seed-demo, create-admin, backup, restore.
 * Run `sinergi --help` (or `npm run sinergi -- --help`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { VERSION } from '../version.ts';

// Each command imports what it needs when it runs: `serve` does not load the backup code or the scoring
// engine's CLI path, and `evaluate` does not load the HTTP app (module loading is most of a restart).
const runtime = () => import('../runtime.ts');

const program = new Command().name('sinergi').description('Sinergi: inovasi daerah, penilaian dan layanan publik').version(VERSION);

program
  .command('serve')
  .description('Jalankan server web dan API (migrasi otomatis; data demo pada start pertama bila mode demo)')
  .action(async () => {
    const config = loadConfig();
    // The database opens while the HTTP app's modules load: PGlite reads and compiles its WebAssembly off
    // the main thread, which module loading keeps busy meanwhile.
    const [database, { createLogger }, { buildApp }, { seedDemo }, { createBlobStorage }] = await Promise.all([
      runtime().then(({ openConfiguredDatabase }) => openConfiguredDatabase(config)),
      import('../logger.ts'),
      import('../app.ts'),
      import('../demo/seed-demo.ts'),
      import('../lib/storage.ts'),
    ]);
    const logger = createLogger(config.logLevel);
    if (config.demo) {
      const seeded = await seedDemo(database.db, { onlyIfNew: true, storage: await createBlobStorage(config) });
      if (seeded) logger.info(seeded, 'demo data loaded');
    }
    // `npm start` on a fresh clone builds the web app while the server starts (scripts/ensure-web.mjs):
    // the app decides whether to serve it when it is built, so it waits for the build here.
    const webBuild: unknown = Reflect.get(globalThis, Symbol.for('sinergi.webBuild'));
    if (webBuild instanceof Promise) await webBuild;
    const { installMailSender, startScheduledJobs } = await import('../scheduled-jobs.ts');
    // One sender: the outbox job's, and the app's for a mail someone waits for (a vote's code).
    const mailSender = installMailSender(config);
    const app = await buildApp({ config, database, logger, mailSender });
    const jobs = await startScheduledJobs({ config, database, logger, sender: mailSender });
    const shutdown = async (signal: string) => {
      logger.info({ signal }, 'shutting down');
      await jobs?.stop();
      await app.close();
      mailSender?.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
    console.log(`\nSinergi ${VERSION} berjalan di http://${shown}:${config.port}  (basis data: ${database.kind})`);
    if (config.demo) console.log('Akun demo: admin.demo / sinergi-demo (lihat README untuk akun lain)\n');
    const [{ warmRegionFigures }, { wibYear }] = await Promise.all([
      import('#server/platform/figures/region-figures.ts'),
      import('#domain/schedule/wib.ts'),
    ]);
    warmRegionFigures(database.db, wibYear(new Date())).then(
      (warmed) => logger.info(warmed, 'figures of every region computed'),
      (err: unknown) => logger.warn({ err }, 'figures of every region not computed ahead'),
    );
  });

program
  .command('migrate')
  .description('Terapkan migrasi basis data dan daftar wilayah resmi')
  .action(async () => {
    const { openConfiguredDatabase } = await runtime();
    const database = await openConfiguredDatabase(loadConfig());
    await database.close();
    console.log('Migrasi selesai.');
  });

program
  .command('seed-demo')
  .description('Muat data demo (Kota Pangkalpinang, Palangka Raya, Banjarmasin) dan akun demo')
  .action(async () => {
    const config = loadConfig();
    const [{ openConfiguredDatabase }, { seedDemo }, { createBlobStorage }] = await Promise.all([
      runtime(),
      import('../demo/seed-demo.ts'),
      import('../lib/storage.ts'),
    ]);
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
    const [{ openConfiguredDatabase }, { createNationalAdmin }] = await Promise.all([runtime(), import('./create-admin.ts')]);
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
    const [{ openConfiguredDatabase }, { backupDatabase }] = await Promise.all([runtime(), import('../db/backup.ts')]);
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
    const [{ openConfiguredDatabase }, { restoreDatabase }] = await Promise.all([runtime(), import('../db/backup.ts')]);
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
    const [{ evaluate }, { SHIPPED_FRAMEWORK_IDS }, { loadShipped }] = await Promise.all([
      import('#domain/scoring/engine.ts'),
      import('#domain/scoring/framework-registry.ts'),
      import('#domain/scoring/load-shipped.ts'),
    ]);
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
    const framework = loadShipped(opts.framework as (typeof SHIPPED_FRAMEWORK_IDS)[number]);
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
    const [{ openConfiguredDatabase }, { uploadFrameworkVersion }, { AppError }] = await Promise.all([
      runtime(),
      import('#server/platform/frameworks/registry.ts'),
      import('../http/app-error.ts'),
    ]);
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

program
  .command('db-template')
  .description('Siapkan templat basis data tertanam yang sudah dimigrasi, agar direktori data baru dibuat dalam 1–2 detik (dijalankan oleh npm ci)')
  .option('--force', 'buat ulang walaupun templat untuk kode ini sudah ada')
  .action(async (opts: { force?: boolean }) => {
    const [{ openDatabase }, { migrateDatabase, pgliteTemplateFile, writePgliteTemplate }] = await Promise.all([
      import('../db/client.ts'),
      import('../db/migrate.ts'),
    ]);
    const existing = pgliteTemplateFile();
    if (!opts.force && existsSync(existing)) {
      console.log(`Templat basis data sudah ada: ${existing}`);
      return;
    }
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      await migrateDatabase(database);
      console.log(`Templat basis data: ${await writePgliteTemplate(database)}`);
    } finally {
      await database.close();
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
