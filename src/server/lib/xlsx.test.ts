/**
 * The streamed sheet writer: the same typed sheet as the in-memory one, batches read only as the reader
 * keeps up, and what a failure does before and after the first byte.
 */
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '#server/http/app-error.ts';
import { DATE_FORMAT, dateCell, type SheetColumn, streamSheet } from '#server/lib/xlsx.ts';

interface Line {
  name: string;
  amount: number;
  on: string | null;
}

const COLUMNS: SheetColumn<Line>[] = [
  { header: 'Nama', value: (l) => l.name },
  { header: 'Jumlah', value: (l) => l.amount, numFmt: '#,##0.00' },
  { header: 'Tanggal', value: (l) => dateCell(l.on), numFmt: DATE_FORMAT },
];

async function* batchesOf<T>(batches: T[][], onRead?: (index: number) => void) {
  for (const [i, batch] of batches.entries()) {
    onRead?.(i);
    yield batch;
  }
}

async function load(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('streamSheet', () => {
  it('writes the header and every batch in order, numbers and dates as typed cells', async () => {
    const lines: Line[][] = [
      [
        { name: 'Satu', amount: 1234.5, on: '2025-02-03' },
        { name: 'Dua', amount: 0, on: null },
      ],
      [],
      [{ name: 'Tiga', amount: -7.25, on: '2024-12-31' }],
    ];
    const sheet = await load(await buffer(await streamSheet('Laporan', COLUMNS, batchesOf(lines))));
    expect(sheet.name).toBe('Laporan');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nama', 'Jumlah', 'Tanggal']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(2).value).toBe(1234.5);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(3).value).toEqual(new Date('2025-02-03T00:00:00Z'));
    expect(sheet.getRow(2).getCell(3).numFmt).toBe(DATE_FORMAT);
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.getRow(4).values).toEqual([undefined, 'Tiga', -7.25, new Date('2024-12-31T00:00:00Z')]);
  });

  it('writes a header-only sheet when there are no rows', async () => {
    const sheet = await load(await buffer(await streamSheet('Kosong', COLUMNS, batchesOf<Line>([]))));
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getRow(1).getCell(3).value).toBe('Tanggal');
  });

  it('throws a failure of the first read to the caller, before any byte', async () => {
    async function* failing(): AsyncGenerator<Line[]> {
      yield* [];
      throw new AppError('NOT_FOUND');
    }
    await expect(streamSheet('Gagal', COLUMNS, failing())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cuts the stream off with the error when a later read fails', async () => {
    async function* failingLater(): AsyncGenerator<Line[]> {
      yield [{ name: 'Satu', amount: 1, on: null }];
      throw new Error('database went away');
    }
    const stream = await streamSheet('Putus', COLUMNS, failingLater());
    await expect(buffer(stream)).rejects.toThrow('database went away');
  });

  it('stops reading batches once the reader has gone', async () => {
    const read: number[] = [];
    let closed = false;
    async function* many(): AsyncGenerator<Line[]> {
      try {
        for (let i = 0; i < 1000; i++) {
          read.push(i);
          yield Array.from({ length: 500 }, (_, k) => ({ name: `Baris ${i}-${k} ${'x'.repeat(200)}`, amount: k, on: null }));
        }
      } finally {
        closed = true;
      }
    }
    const stream = await streamSheet('Batal', COLUMNS, many());
    // Nobody reads: the writer must wait for the reader rather than run through all 1000 batches.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(read.length).toBeLessThan(50);
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    expect(read.length).toBeLessThan(50);
  });
});
