/**
 * The league table as a spreadsheet: a few lines saying the year, the weights and the rules, then one
 * row per unit with every figure a number cell (so the clerk can re-sort and chart it), equal to the page.
 */
import type ExcelJS from 'exceljs';
import { LEAGUE_COMPONENT_LABELS, LEAGUE_COMPONENTS } from '#domain/liga/components.ts';
import { Dec } from '#domain/scoring/decimal.ts';
import type { LeagueTable } from '#shared/api/liga.ts';

/** The header row's number (1-based): the explanation lines come first. */
export const LEAGUE_XLSX_HEADER_ROW = 5;

export const LEAGUE_XLSX_COLUMNS = [
  'Peringkat',
  'Perubahan peringkat',
  'Unit',
  'Komposit',
  'Inovasi (nilai)',
  'Inovasi diajukan',
  'Inovasi terverifikasi',
  'Minimum inovasi',
  'IKM',
  'Penilaian (nilai)',
  'Indikator ditugaskan',
  'Indikator selesai',
  'Pengaduan (nilai)',
  'Pengaduan jatuh tempo',
  'Pengaduan tepat waktu',
  'Program (nilai)',
  'Program dipimpin',
] as const;

const num = (value: string | null) => (value === null ? null : new Dec(value).toNumber());

export function weightsSentence(table: LeagueTable): string {
  const parts = LEAGUE_COMPONENTS.map((c) => {
    const w = table.weights.weights[c];
    return w.enabled ? `${LEAGUE_COMPONENT_LABELS[c]} ${w.weight}` : `${LEAGUE_COMPONENT_LABELS[c]} nonaktif`;
  });
  return `Bobot: ${parts.join(' · ')}`;
}

export async function buildLeagueXlsx(table: LeagueTable, regionName: string): Promise<Buffer> {
  const Excel = (await import('exceljs')).default;
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const sheet: ExcelJS.Worksheet = workbook.addWorksheet(`Liga OPD ${table.year}`);
  sheet.getCell('A1').value = `Liga OPD ${regionName} tahun ${table.year} (perubahan peringkat dibanding ${table.previousYear})`;
  sheet.getCell('A1').font = { bold: true };
  sheet.getCell('A2').value = weightsSentence(table);
  sheet.getCell('A3').value = table.rules.composite;
  sheet.getCell('A4').value = LEAGUE_COMPONENTS.map((c) => `${LEAGUE_COMPONENT_LABELS[c]}: ${table.rules.components[c]}`).join('. ');
  const header = sheet.getRow(LEAGUE_XLSX_HEADER_ROW);
  header.values = [...LEAGUE_XLSX_COLUMNS];
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: LEAGUE_XLSX_HEADER_ROW }];
  sheet.getColumn(3).width = 44;
  for (const r of table.rows) {
    const f = r.facts;
    sheet.addRow([
      r.rank,
      r.rankChange,
      r.unitName,
      num(r.composite),
      num(r.scores.innovations),
      f.innovations?.proposed ?? null,
      f.innovations?.verified ?? null,
      f.innovations?.minimum ?? null,
      num(r.scores.ikm),
      num(r.scores.assessments),
      f.assessments.assigned,
      f.assessments.done,
      num(r.scores.complaints),
      f.complaints.due,
      f.complaints.onTime,
      num(r.scores.programmes),
      f.programmes,
    ]);
  }
  for (const col of [4, 5, 9, 10, 13, 16]) sheet.getColumn(col).numFmt = '0.00';
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
