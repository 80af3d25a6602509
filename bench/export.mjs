// Suite export (`npm run bench -- --suite export`), see bench/README.md: one period of Kota Pangkalpinang
// with 200,000 innovations (bench/export-dataset.ts), downloaded once as XLSX from the real app by a
// signed-in admin. Reports the total time, the time to the first byte of the file, the app process's peak
// memory (VmHWM, and its resident memory before the download and at most during it, from /proc), the
// file's size, and checks the file by reading it back with exceljs's streaming reader (every row counted,
// one typed date cell checked): a wrong count fails the run.
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** kB figures of /proc/<pid>/status (VmRSS, VmHWM), Linux only; null elsewhere. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: Math.round(kb('VmRSS') / 1024), hwmMiB: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

function download(url, cookie, file, onTick) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let headersMs = null;
    let firstByteMs = null;
    let bytes = 0;
    const ticker = setInterval(onTick, 50);
    const req = http.get(url, { headers: { cookie: `sinergi_session=${cookie}` } }, (res) => {
      headersMs = performance.now() - started;
      if (res.statusCode !== 200) {
        clearInterval(ticker);
        res.resume();
        reject(new Error(`GET ${url}: HTTP ${res.statusCode}`));
        return;
      }
      const out = createWriteStream(file);
      res.on('data', (chunk) => {
        if (firstByteMs === null) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      res.on('aborted', () => reject(new Error('the server cut the download off')));
      res.pipe(out);
      out.on('finish', () => {
        clearInterval(ticker);
        resolve({ totalMs: performance.now() - started, headersMs, firstByteMs, bytes, contentType: res.headers['content-type'] });
      });
      out.on('error', reject);
    });
    req.on('error', (err) => {
      clearInterval(ticker);
      reject(err);
    });
  });
}

/** Rows of the first sheet (header included) and the first data row's cells, read as a stream. */
async function readBack(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
  let rows = 0;
  let firstData = null;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      if (rows === 2) firstData = row.values.slice(1);
    }
    break;
  }
  return { rows, firstData };
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function runExportBench({ kind, db, startChild, login, rows }) {
  const seeder = startChild('seed.ts', { ...db.env, BENCH_EXPORT_ROWS: String(rows) });
  const { summary } = await seeder.message;
  await seeder.stop();
  const exp = summary.export;
  console.log(
    `[${kind}] export: ${exp.innovations} innovations in one ${exp.year} period of ${exp.regionCode} (${exp.units} units) seeded in ${exp.seconds} s`,
  );

  const app = startChild('app-server.ts', db.env);
  const { port } = await app.message;
  const base = `http://127.0.0.1:${port}`;
  const cookie = await login(base, summary.benchLogin);
  const before = memoryOf(app.pid);
  let peakRss = before?.rssMiB ?? 0;
  const file = path.join(os.tmpdir(), `sinergi-bench-export-${process.pid}.xlsx`);
  const loadAverage = os.loadavg().map((l) => round(l));
  console.log(`[${kind}] export: downloading (load average ${loadAverage.join(' ')})…`);
  try {
    const url = `${base}/api/v1/regions/${exp.regionCode}/periods/${exp.periodId}/export.xlsx`;
    const got = await download(url, cookie, file, () => {
      const m = memoryOf(app.pid);
      if (m) peakRss = Math.max(peakRss, m.rssMiB);
    });
    const after = memoryOf(app.pid);
    await app.stop();
    const back = await readBack(file);
    const dataRows = back.rows - 1;
    const result = {
      url: url.replace(base, ''),
      innovations: exp.innovations,
      totalSeconds: round(got.totalMs / 1000),
      firstByteSeconds: round(got.firstByteMs / 1000, 3),
      headersSeconds: round(got.headersMs / 1000, 3),
      fileMiB: round(got.bytes / 2 ** 20, 1),
      memory: {
        rssBeforeMiB: before?.rssMiB ?? null,
        rssPeakDuringMiB: peakRss,
        /** The process's high-water mark since it started (start-up included). */
        vmHwmMiB: after?.hwmMiB ?? null,
      },
      rowsReadBack: dataRows,
      rowsMatch: dataRows === exp.innovations,
      firstRow: back.firstData?.slice(0, 2),
      firstRowDateTyped: back.firstData ? back.firstData.slice(13, 15).some((v) => v instanceof Date) : false,
      loadAverage,
    };
    console.log(
      `[${kind}] export: ${result.totalSeconds} s in all, first byte after ${result.firstByteSeconds} s, ${result.fileMiB} MiB; app peak RSS (VmHWM) ${result.memory.vmHwmMiB} MiB (${result.memory.rssBeforeMiB} MiB before, at most ${result.memory.rssPeakDuringMiB} MiB during); ${dataRows} rows read back${result.rowsMatch ? '' : ` — EXPECTED ${exp.innovations}`}`,
    );
    return result;
  } finally {
    rmSync(file, { force: true });
  }
}
