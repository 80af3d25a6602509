/**
 * Reading and writing simple one-sheet XLSX tables (a header row, then one record per row), for the
 * import and export of every module. Content is checked, not the file name. Small sheets are built in
 * memory (`writeSheet`); a list that can reach hundreds of thousands of rows is streamed (`streamSheet`).
 */
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AppError } from '#server/http/app-error.ts';
import { writeXlsx } from './xlsx-stream.ts';

/** exceljs takes about a second to load: only the first import or export pays for it, not every start. */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  cells: Record<string, string>;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value && value.result !== undefined && value.result !== null) return String(value.result).trim();
  }
  return '';
}

/**
 * Reads the first worksheet. `headers` maps each accepted header text (lower-case) to a field key;
 * unknown columns are ignored, missing required ones are reported.
 */
export async function readSheet(buffer: Buffer, headers: Record<string, string>, required: string[], maxRows = 5000): Promise<SheetRow[]> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'not an XLSX (zip) file' });
  }
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'unreadable XLSX file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Berkas tidak memuat lembar kerja' }] });
  const columnKeys = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = headers[cellText(cell.value).toLowerCase()];
    if (key) columnKeys.set(col, key);
  });
  const found = new Set(columnKeys.values());
  const missing = required.filter((k) => !found.has(k));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      issues: missing.map((k) => {
        // Name the column as the user would type it: the first accepted header for that field.
        const header = Object.keys(headers).find((h) => headers[h] === k) ?? k;
        const label = header.charAt(0).toUpperCase() + header.slice(1);
        return { field: `kolom.${label}`, reason: `Kolom "${label}" tidak ditemukan pada baris judul` };
      }),
    });
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    let isBlank = true;
    for (const [col, key] of columnKeys) {
      const text = cellText(row.getCell(col).value);
      cells[key] = text;
      if (text) isBlank = false;
    }
    if (!isBlank) rows.push({ rowNumber, cells });
  });
  if (rows.length > maxRows) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'file', reason: `Paling banyak ${maxRows} baris per impor; berkas ini ${rows.length} baris` }],
    });
  }
  return rows;
}

export interface SheetColumn<T> {
  header: string;
  width?: number;
  /** A Date is written as a date cell (a spreadsheet sorts and filters it as a date, not as text). */
  value: (item: T) => string | number | Date | null;
  /** The cell format, e.g. `dd/mm/yyyy` for a date column or `#,##0.00` for an amount. */
  numFmt?: string;
}

/** A calendar date (`YYYY-MM-DD`) as a date cell's value: midnight UTC, spreadsheet dates having no time zone. */
export function dateCell(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

/** The date format of the sheets Sinergi writes: day first, as Indonesian offices write dates. */
export const DATE_FORMAT = 'dd/mm/yyyy';

export async function writeSheet<T>(sheetName: string, columns: SheetColumn<T>[], items: T[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = sheetColumns(columns);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const item of items) sheet.addRow(columns.map((c) => c.value(item)));
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function sheetColumns<T>(columns: SheetColumn<T>[]): Partial<ExcelJS.Column>[] {
  return columns.map((c) => ({ header: c.header, width: c.width ?? 20, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
}

/**
 * The same sheet as `writeSheet` (bold frozen header, typed date and number cells, column formats), written
 * as it is read: `batches` yields the rows in order, a batch at a time (a keyset page of the database), and
 * the next batch is asked for only when the reader has taken the previous one (the deflater and the
 * response each hold a few chunks), so memory holds about one batch whatever the sheet's length and
 * however slow the reader. Strings are written inline (no shared-string table, which would keep every
 * distinct text in memory until the end). The file is written by `xlsx-stream.ts`, not exceljs.
 *
 * Failures: the first batch is read before this returns, so a failure there (the database, a refusal) is
 * thrown to the caller and answered as a normal JSON error. A failure after that, once the first bytes may
 * have left, destroys the stream with the error: the HTTP response is cut off (no final zip directory, so
 * no spreadsheet program opens the partial file) and Fastify logs it; nothing can turn it into an error
 * body any more. When the reader goes away the remaining batches are not read.
 */
export async function streamSheet<T>(sheetName: string, columns: SheetColumn<T>[], batches: AsyncIterable<readonly T[]>): Promise<Readable> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  const out = new PassThrough();
  writeXlsx(out, sheetName, columns, iterator, first).catch(async (err: unknown) => {
    out.destroy(err instanceof Error && !out.destroyed ? err : undefined);
    await iterator.return?.()?.catch(() => undefined);
  });
  return out;
}
