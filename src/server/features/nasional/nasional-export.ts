/**
 * The national roll-up as a file: CSV (open data, one header row, decimals with a dot as published)
 * and XLSX (every figure a number cell, so an analyst re-sorts and charts it). Both hold every row the
 * page's filter selects, in the page's order, with the same figures.
 */
import type ExcelJS from 'exceljs';
import { Dec } from '#domain/scoring/decimal.ts';
import type { RollupRow } from '#shared/api/nasional.ts';

export const ROLLUP_COLUMNS = [
  'Kode wilayah',
  'Daerah',
  'Jenis',
  'Klaster',
  'Memakai platform',
  'Melapor',
  'Target inovasi',
  'Inovasi diajukan',
  'Inovasi terverifikasi',
  'IID',
  'Predikat IID',
  'Peringkat IID',
  'Perubahan peringkat IID',
  'Perubahan IID',
  'Indeks SPBE/Pemdi',
  'Predikat SPBE/Pemdi',
  'Peringkat SPBE/Pemdi',
  'Perubahan peringkat SPBE/Pemdi',
  'IKM',
  'Mutu IKM',
  'Peringkat IKM',
  'Perubahan peringkat IKM',
  'Pengaduan diterima',
  'Pengaduan selesai',
  'Persentase selesai',
] as const;

type Cell = string | number | boolean | null;

function cellsOf(r: RollupRow, asNumber: (v: string | null) => Cell): Cell[] {
  return [
    r.regionCode,
    r.regionName,
    r.kind,
    r.cluster,
    r.usesPlatform ? 'ya' : 'tidak',
    r.reported ? 'ya' : 'tidak',
    r.innovations.target,
    r.innovations.proposed,
    r.innovations.verified,
    asNumber(r.iid.value),
    r.iid.predicate,
    r.iid.rank,
    r.iid.rankChange,
    asNumber(r.iid.change),
    asNumber(r.government.value),
    r.government.predicate,
    r.government.rank,
    r.government.rankChange,
    asNumber(r.ikm.value),
    r.ikm.predicate,
    r.ikm.rank,
    r.ikm.rankChange,
    r.complaints.received,
    r.complaints.resolved,
    asNumber(r.complaints.resolutionRate),
  ];
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function buildRollupCsv(rows: readonly RollupRow[]): string {
  const lines = [
    ROLLUP_COLUMNS.join(','),
    ...rows.map((r) =>
      cellsOf(r, (v) => v)
        .map(csvField)
        .join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export async function buildRollupXlsx(rows: readonly RollupRow[], year: number, previousYear: number): Promise<Buffer> {
  const Excel = (await import('exceljs')).default;
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const sheet: ExcelJS.Worksheet = workbook.addWorksheet(`Rekap nasional ${year}`);
  sheet.getCell('A1').value =
    `Rekap nasional tahun ${year}: peringkat dalam klaster (provinsi, kabupaten, kota), perubahan dibanding ${previousYear}`;
  sheet.getCell('A1').font = { bold: true };
  const header = sheet.getRow(3);
  header.values = [...ROLLUP_COLUMNS];
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  sheet.getColumn(2).width = 36;
  for (const r of rows) sheet.addRow(cellsOf(r, (v) => (v === null ? null : new Dec(v).toNumber())));
  for (const col of [10, 14, 15, 19, 25]) sheet.getColumn(col).numFmt = '0.00';
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
