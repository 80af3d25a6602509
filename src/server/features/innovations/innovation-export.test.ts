/**
 * The streamed innovation export: what the file holds equals the innovation list of the period (same
 * innovations, grouped by the proposing unit, by name within it), dates as date cells, and a period larger
 * than one database read comes out whole and in order.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InnovationSummary, Period } from '#shared/api/innovations.ts';
import { innovations } from '#server/db/schema.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { EXPORT_BATCH_ROWS, periodInnovationBatches } from './innovation-reports.service.ts';

const HOME = '19.71';

let t: TestApp;
let admin: Client;
let nasional: Client;
let nextYear = 2060;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  nasional = (await clientFor(t, 'admin_nasional')).client;
});
afterAll(() => t.close());

async function createPeriod(): Promise<Period> {
  const year = nextYear++;
  const res = await nasional.post(`/api/v1/regions/${HOME}/periods`, {
    year,
    opensOn: `${year}-01-01`,
    closesOn: `${year}-11-30`,
    targetTotal: 50,
    minPerUnit: 1,
    countsSubUnits: false,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Period>(res);
}

/** Every innovation of the period through the list endpoint, sorted by name (the list's own order). */
async function listed(periodId: string): Promise<InnovationSummary[]> {
  const items: InnovationSummary[] = [];
  for (let page = 1; ; page++) {
    const res = await admin.get(`/api/v1/regions/${HOME}/innovations?periodId=${periodId}&pageSize=200&page=${page}&sort=name&order=asc`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ items: InnovationSummary[] }>(res);
    items.push(...body.items);
    if (body.items.length < 200) return items;
  }
}

type Cell = string | Date | null;

/** The data rows of the export, read back with exceljs's streaming reader (as a large file would be). */
async function exportedRows(periodId: string): Promise<{ header: Cell[]; rows: Cell[][] }> {
  const res = await admin.get(`/api/v1/regions/${HOME}/periods/${periodId}/export.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  const input = new PassThrough();
  input.end(res.rawPayload);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' });
  const all: Cell[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells: Cell[] = [];
      for (let c = 1; c <= 20; c++) {
        const v = row.getCell(c).value;
        cells.push(v instanceof Date ? v : v === null || v === undefined ? null : String(v));
      }
      all.push(cells);
    }
  }
  const [header, ...rows] = all;
  if (!header) throw new Error('no header row');
  return { header, rows };
}

describe('the streamed innovation export', () => {
  it('holds the rows of the innovation list, grouped by the proposing unit, with dates as date cells', async () => {
    const period = await createPeriod();
    const units = [
      await makeUnit(t.db, HOME, { name: 'Dinas Ekspor Charlie', shortName: 'DEC' }),
      await makeUnit(t.db, HOME, { name: 'Dinas Ekspor Alfa', shortName: 'DEA' }),
      await makeUnit(t.db, HOME, { name: 'Dinas Ekspor Bravo', shortName: 'DEB' }),
    ];
    // 320 innovations over three units; every name twice in its unit, so the order leans on the id too.
    const values = Array.from({ length: 320 }, (_, i) => {
      const unit = units[i % 3];
      if (!unit) throw new Error('unit');
      return {
        regionCode: HOME,
        periodId: period.id,
        unitId: unit.id,
        name: `Inovasi Ekspor ${String(Math.floor(i / 6)).padStart(3, '0')}`,
        status: i % 5 === 0 ? 'terverifikasi' : 'draft',
        waktuUjiCoba: i % 4 === 0 ? null : `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      };
    });
    await t.db.insert(innovations).values(values);

    const list = await listed(period.id);
    expect(list).toHaveLength(320);
    // The list sorts by name then id; the export groups that order by unit (a stable sort keeps it).
    const expected = [...list].sort((a, b) => (a.unitName < b.unitName ? -1 : a.unitName > b.unitName ? 1 : 0));
    const { header, rows } = await exportedRows(period.id);
    expect(header.slice(0, 3)).toEqual(['Nama inovasi', 'Dibuat oleh', 'Tahapan']);
    expect(rows.map((r) => [r[0], r[1], r[15]])).toEqual(
      expected.map((i) => [i.name, i.unitName, i.status === 'terverifikasi' ? 'Terverifikasi' : 'Draf']),
    );
    expect(rows[0]?.[1]).toBe('Dinas Ekspor Alfa');
    // Dates are date cells (midnight UTC of the stored day), empty dates empty cells: each row's date is
    // one stored for an innovation of that name in that unit.
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const storedDates = new Map<string, Set<string | null>>();
    for (const v of values) {
      const key = `${unitNames.get(v.unitId)}|${v.name}`;
      storedDates.set(key, (storedDates.get(key) ?? new Set()).add(v.waktuUjiCoba));
    }
    const shown = rows.map((r) => {
      const d = r[13] ?? null;
      return { key: `${r[1]}|${r[0]}`, date: d instanceof Date ? d.toISOString().slice(0, 10) : d };
    });
    expect(shown.every((s) => s.date === null || /^\d{4}-\d{2}-\d{2}$/.test(s.date))).toBe(true);
    expect(shown.filter((s) => !storedDates.get(s.key)?.has(s.date))).toEqual([]);
    expect(shown.filter((s) => s.date !== null)).toHaveLength(values.filter((v) => v.waktuUjiCoba !== null).length);
  });

  it('reads a large period in keyset batches that add up to the whole period, in order, each row once', async () => {
    const period = await createPeriod();
    const big = await makeUnit(t.db, HOME, { name: 'Dinas Ekspor Besar', shortName: 'DEBS' });
    const small = await makeUnit(t.db, HOME, { name: 'Badan Ekspor Kecil', shortName: 'BEK' });
    // 4,600 in one unit (many reads) and 400 in another; names repeat across read boundaries.
    await t.db.execute(sql`
      insert into innovations (region_code, period_id, unit_id, name, status, waktu_penerapan)
      select ${HOME}, ${period.id}::uuid, case when g <= 4600 then ${big.id}::uuid else ${small.id}::uuid end,
             'Inovasi ' || lpad((g % 1700)::text, 4, '0'), 'draft', date '2025-01-01' + (g % 300)
      from generate_series(1, 5000) g`);
    const inOrder = (await t.db.execute(sql`
      select i.id, i.name, u.name as unit from innovations i join units u on u.id = i.unit_id
      where i.period_id = ${period.id}::uuid order by u.name, i.name, i.id`)) as unknown as {
      rows: { id: string; name: string; unit: string }[];
    };
    const expected = inOrder.rows.map((r) => r.id);
    expect(expected).toHaveLength(5000);

    const batches: string[][] = [];
    for await (const batch of periodInnovationBatches(t.db, HOME, period.id)) batches.push(batch.map((r) => r.id));
    const reads = (n: number) => [
      ...Array<number>(Math.floor(n / EXPORT_BATCH_ROWS)).fill(EXPORT_BATCH_ROWS),
      ...(n % EXPORT_BATCH_ROWS ? [n % EXPORT_BATCH_ROWS] : []),
    ];
    expect(batches.map((b) => b.length)).toEqual([...reads(400), ...reads(4600)]);
    expect(batches.flat()).toEqual(expected);

    // Smaller pages too: most page boundaries fall inside a run of equal names.
    const smallPages: string[] = [];
    for await (const batch of periodInnovationBatches(t.db, HOME, period.id, 301)) {
      expect(batch.length).toBeLessThanOrEqual(301);
      smallPages.push(...batch.map((r) => r.id));
    }
    expect(smallPages).toEqual(expected);

    const { rows } = await exportedRows(period.id);
    expect(rows).toHaveLength(5000);
    expect(rows.map((r) => `${r[1]}|${r[0]}`)).toEqual(inOrder.rows.map((r) => `${r.unit}|${r.name}`));
    expect(rows.every((r) => r[14] instanceof Date)).toBe(true);
  });

  it('answers an unknown period with a JSON error, not a file', async () => {
    const res = await admin.get(`/api/v1/regions/${HOME}/periods/00000000-0000-4000-8000-000000000000/export.xlsx`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
  });
});
