/**
 * The PDF kit every report uses (assessment reports today; the masterplan, the kepala daerah's brief,
 * competition results and survey reports next): A4 pages with Sinergi's margins, colours and fonts,
 * titled sections, paragraphs, tables that break across pages and repeat their header, page footers,
 * and text made safe for the built-in fonts. pdfkit is loaded on the first report, not at start-up.
 */

export type Doc = PDFKit.PDFDocument;

export const PAGE = { marginTop: 56, marginBottom: 60, marginX: 50 } as const;
export const COLOR = {
  ink: '#1b1f24',
  muted: '#5b6470',
  brand: '#1f3a5f',
  rule: '#c8ced6',
  headerFill: '#1f3a5f',
  groupFill: '#e9eef5',
  zebra: '#f7f8fa',
  warn: '#a14d00',
  good: '#1d6b3a',
} as const;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export const TABLE_FONT_SIZE = 8.5;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3.5;

/** Characters outside Windows-1252 beyond the 0–255 block that the built-in Helvetica can still draw. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020,
  0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
const TEXT_SUBSTITUTES: Record<string, string> = { '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '≠': '!=', '\t': ' ' };

/** The built-in fonts draw Windows-1252 only; anything else would print as garbage, so it is spelled out or replaced. */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const substitute = TEXT_SUBSTITUTES[ch];
    if (substitute !== undefined) {
      out += substitute;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0x3f;
    if (code === 0x0a) out += ch;
    else if (code < 0x20) out += ' ';
    else if ((code >= 0x7f && code < 0xa0) || (code > 0xff && !WIN_ANSI_EXTRA.has(code))) out += '?';
    else out += ch;
  }
  return out;
}

/** Collapses whitespace and cuts at a word boundary with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface CellSpec {
  text: string;
  bold?: boolean;
  color?: string;
  /** A second, smaller line under the text (criteria under an indicator name). */
  note?: string;
  size?: number;
  indent?: number;
}
export type Cell = string | CellSpec;

export type Row = { cells: Cell[]; isStrong?: boolean; fill?: string } | { group: string };

const cellSpec = (cell: Cell): CellSpec => (typeof cell === 'string' ? { text: cell } : cell);

export function bottomLimit(doc: Doc): number {
  return doc.page.height - PAGE.marginBottom;
}

function cellHeight(doc: Doc, cell: CellSpec, width: number): number {
  const inner = width - 2 * CELL_PAD_X - (cell.indent ?? 0);
  doc.font(cell.bold ? FONT.bold : FONT.regular).fontSize(cell.size ?? TABLE_FONT_SIZE);
  let h = doc.heightOfString(pdfSafeText(cell.text) || ' ', { width: inner });
  if (cell.note) {
    doc.font(FONT.regular).fontSize(TABLE_FONT_SIZE - 1);
    h += 1.5 + doc.heightOfString(pdfSafeText(cell.note), { width: inner });
  }
  return h + 2 * CELL_PAD_Y;
}

function rowHeight(doc: Doc, columns: Column[], row: Row): number {
  if ('group' in row) {
    doc.font(FONT.bold).fontSize(TABLE_FONT_SIZE);
    return doc.heightOfString(pdfSafeText(row.group), { width: tableWidth(columns) - 2 * CELL_PAD_X }) + 2 * CELL_PAD_Y;
  }
  return Math.max(...columns.map((c, i) => cellHeight(doc, { bold: row.isStrong, ...cellSpec(row.cells[i] ?? '') }, c.width)));
}

const tableWidth = (columns: Column[]) => columns.reduce((s, c) => s + c.width, 0);

function headerHeight(doc: Doc, columns: Column[]): number {
  doc.font(FONT.bold).fontSize(TABLE_FONT_SIZE);
  return Math.max(...columns.map((c) => doc.heightOfString(pdfSafeText(c.header), { width: c.width - 2 * CELL_PAD_X }))) + 2 * CELL_PAD_Y;
}

function drawHeaderRow(doc: Doc, columns: Column[]): void {
  const x0 = doc.page.margins.left;
  const y = doc.y;
  const h = headerHeight(doc, columns);
  doc.font(FONT.bold).fontSize(TABLE_FONT_SIZE);
  doc.rect(x0, y, tableWidth(columns), h).fill(COLOR.headerFill);
  let x = x0;
  doc.fillColor('#ffffff');
  for (const c of columns) {
    doc.text(pdfSafeText(c.header), x + CELL_PAD_X, y + CELL_PAD_Y, { width: c.width - 2 * CELL_PAD_X, align: c.align ?? 'left' });
    x += c.width;
  }
  doc.fillColor(COLOR.ink);
  doc.x = x0;
  doc.y = y + h;
}

function drawRow(doc: Doc, columns: Column[], row: Row, h: number, index: number): void {
  const x0 = doc.page.margins.left;
  const y = doc.y;
  const width = tableWidth(columns);
  if ('group' in row) {
    doc.rect(x0, y, width, h).fill(COLOR.groupFill);
    doc.fillColor(COLOR.brand).font(FONT.bold).fontSize(TABLE_FONT_SIZE);
    doc.text(pdfSafeText(row.group), x0 + CELL_PAD_X, y + CELL_PAD_Y, { width: width - 2 * CELL_PAD_X });
  } else {
    const fill = row.fill ?? (index % 2 === 1 ? COLOR.zebra : null);
    if (fill) doc.rect(x0, y, width, h).fill(fill);
    let x = x0;
    columns.forEach((c, i) => {
      const cell = { bold: row.isStrong, ...cellSpec(row.cells[i] ?? '') };
      const indent = cell.indent ?? 0;
      const inner = c.width - 2 * CELL_PAD_X - indent;
      doc
        .fillColor(cell.color ?? COLOR.ink)
        .font(cell.bold ? FONT.bold : FONT.regular)
        .fontSize(cell.size ?? TABLE_FONT_SIZE);
      doc.text(pdfSafeText(cell.text), x + CELL_PAD_X + indent, y + CELL_PAD_Y, { width: inner, align: c.align ?? 'left' });
      if (cell.note) {
        doc
          .fillColor(COLOR.muted)
          .font(FONT.regular)
          .fontSize(TABLE_FONT_SIZE - 1);
        doc.text(pdfSafeText(cell.note), x + CELL_PAD_X + indent, doc.y + 1.5, { width: inner, align: c.align ?? 'left' });
      }
      x += c.width;
    });
  }
  doc
    .moveTo(x0, y + h)
    .lineTo(x0 + width, y + h)
    .lineWidth(0.4)
    .strokeColor(COLOR.rule)
    .stroke();
  doc.fillColor(COLOR.ink);
  doc.x = x0;
  doc.y = y + h;
}

/** A table that breaks across pages, repeating its header row on every page it continues on. */
export function drawTable(doc: Doc, columns: Column[], rows: Row[]): void {
  doc.x = doc.page.margins.left;
  // Never leave a header alone at the foot of a page: it goes with the first row (and its group row).
  const [first, second] = rows;
  const opening =
    headerHeight(doc, columns) +
    (first ? rowHeight(doc, columns, first) : 0) +
    (first && 'group' in first && second ? rowHeight(doc, columns, second) : 0);
  if (doc.y + opening > bottomLimit(doc)) doc.addPage();
  drawHeaderRow(doc, columns);
  let stripe = 0;
  rows.forEach((row, i) => {
    const h = rowHeight(doc, columns, row);
    // A group heading is kept with the first row under it.
    const next = rows[i + 1];
    const keep = 'group' in row && next ? rowHeight(doc, columns, next) : 0;
    if (doc.y + h + keep > bottomLimit(doc)) {
      doc.addPage();
      drawHeaderRow(doc, columns);
    }
    if ('group' in row) stripe = 0;
    drawRow(doc, columns, row, h, 'group' in row ? 0 : stripe++);
  });
  doc.moveDown(0.8);
}

/** A section title, moved to a new page when the title and the start of its content (`needs` points) would not fit. */
export function sectionTitle(doc: Doc, title: string, needs = 80): void {
  if (doc.y + needs > bottomLimit(doc)) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.brand).text(pdfSafeText(title));
  const y = doc.y + 2;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.8)
    .strokeColor(COLOR.brand)
    .stroke();
  doc.y = y + 6;
  doc.fillColor(COLOR.ink);
}

export function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; italic?: boolean } = {}): void {
  doc.x = doc.page.margins.left;
  doc
    .font(options.italic ? FONT.italic : FONT.regular)
    .fontSize(options.size ?? 9)
    .fillColor(options.color ?? COLOR.muted)
    .text(pdfSafeText(text), { width: contentWidth(doc) });
  doc.fillColor(COLOR.ink);
  doc.moveDown(0.4);
}

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Every page's footer: what the document is (left) and "Halaman n dari m" (right); call once, after the content. */
export function drawFooters(doc: Doc, label: string): void {
  const range = doc.bufferedPageRange();
  const left = pdfSafeText(label);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    doc
      .moveTo(x, y - 6)
      .lineTo(x + width, y - 6)
      .lineWidth(0.4)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.muted);
    doc.text(left, x, y, { width: width - 90, lineBreak: false, ellipsis: true });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, x + width - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** "3.45" → "3,45"; a missing value is a dash. Only the separator changes, never the digits. */
export function decimalComma(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  return value.replace('.', ',');
}

/** A date as Indonesian readers print it, in Western Indonesia time: "4 Desember 2026". */
export function printedDate(date: Date): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export interface PdfOptions {
  /** Compress content streams (default). Tests turn it off to read the text back. */
  compress?: boolean;
}

export interface PdfMeta {
  title: string;
  subject: string;
  createdAt: Date;
}

/** A new A4 document with the house margins, and the promise of its bytes once `doc.end()` is called. */
export async function createPdf(meta: PdfMeta, options: PdfOptions = {}): Promise<{ doc: Doc; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'id-ID',
    displayTitle: true,
    info: { Title: pdfSafeText(meta.title), Author: 'Sinergi', Subject: meta.subject, CreationDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
