/**
 * The masterplan as documents for leaders and evaluators: a PDF (vision, dimensions and elements,
 * programmes per dimension with quick wins first, the funding table with exact totals, the timeline as
 * a table) and an XLSX workbook with the same figures as typed numeric cells.
 */
import { eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { Dec } from '#domain/scoring/decimal.ts';
import { FUNDING_SOURCES } from '#domain/kota-cerdas/dimensions.ts';
import type { MasterplanDetail } from '#shared/api/kota-cerdas.ts';
import type { Db } from '#server/db/client.ts';
import { regions } from '#server/db/schema.ts';
import {
  COLOR,
  contentWidth,
  createPdf,
  decimalComma,
  drawFooters,
  drawTable,
  FONT,
  paragraph,
  pdfSafeText,
  printedDate,
  sectionTitle,
  type PdfOptions,
  type Row,
} from '#server/platform/pdf/pdf-kit.ts';

export const KIND_LABELS = {
  quick_win: 'Quick win',
  jangka_pendek: 'Jangka pendek',
  jangka_menengah: 'Jangka menengah',
  jangka_panjang: 'Jangka panjang',
} as const;
export const STATUS_LABELS = { belum_dilaporkan: 'Belum dilaporkan', berjalan: 'Berjalan', selesai: 'Selesai', terhambat: 'Terhambat' } as const;
const SOURCE_LABELS = { apbd: 'APBD', apbn: 'APBN', csr: 'CSR', kpbu: 'KPBU', hibah: 'Hibah' } as const;

export async function regionNameOf(db: Db, regionCode: string): Promise<string> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
  return row?.name ?? regionCode;
}

/** "1250000.50" → "1.250.000,50": rupiah as Indonesian readers write it; the digits never change. */
export function rupiah(amount: string): string {
  const [whole = '0', fraction = '00'] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${fraction.padEnd(2, '0')}`;
}

const span = (p: { startYear: number; startQuarter: number; endYear: number; endQuarter: number }) =>
  `TW${p.startQuarter} ${p.startYear} – TW${p.endQuarter} ${p.endYear}`;

/** The quarters a programme runs in one year ("TW1–TW4"), or "" when it does not run that year. */
export function quartersIn(p: { startYear: number; startQuarter: number; endYear: number; endQuarter: number }, year: number): string {
  if (year < p.startYear || year > p.endYear) return '';
  const from = year === p.startYear ? p.startQuarter : 1;
  const to = year === p.endYear ? p.endQuarter : 4;
  return from === to ? `TW${from}` : `TW${from}–${to}`;
}

export function masterplanFileName(plan: MasterplanDetail, ext: 'pdf' | 'xlsx'): string {
  return `masterplan-kota-cerdas-${plan.regionCode}-${plan.startYear}-${plan.endYear}.${ext}`;
}

export async function buildMasterplanPdf(plan: MasterplanDetail, regionName: string, printedAt: Date, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, done } = await createPdf({ title: `${plan.title} – ${regionName}`, subject: 'Masterplan kota cerdas', createdAt: printedAt }, options);
  doc
    .font(FONT.bold)
    .fontSize(19)
    .fillColor(COLOR.brand)
    .text(pdfSafeText(plan.title), { width: contentWidth(doc) });
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(COLOR.ink)
    .text(pdfSafeText(regionName), { width: contentWidth(doc) });
  const legal = plan.perkadaNumber
    ? `Perkada ${plan.perkadaNumber}${plan.perkadaDate ? ` tanggal ${plan.perkadaDate}` : ''}`
    : 'Perkada belum dicatat';
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(
      pdfSafeText(
        `Masa ${plan.startYear}–${plan.endYear}${plan.rpjmdPeriod ? ` · ${plan.rpjmdPeriod}` : ''} · ${legal} · Dicetak ${printedDate(printedAt)}`,
      ),
      {
        width: contentWidth(doc),
      },
    );
  doc.moveDown(0.8);

  sectionTitle(doc, 'Visi');
  paragraph(doc, plan.vision || 'Visi belum diisi.', { size: 10, color: COLOR.ink });

  sectionTitle(doc, 'Dimensi dan elemen');
  drawTable(
    doc,
    [
      { header: 'Dimensi', width: 130 },
      { header: 'Elemen', width: 200 },
      { header: 'Baseline', width: contentWidth(doc) - 330 },
    ],
    plan.dimensions.map((d) => ({
      cells: [
        { text: d.name, bold: true },
        d.elements.map((e) => e.name).join('; '),
        [d.baselineText, d.baselineFigure ? `${decimalComma(d.baselineFigure)} ${d.baselineUnit ?? ''}`.trim() : ''].filter(Boolean).join(' — ') ||
          '–',
      ],
    })),
  );

  sectionTitle(doc, 'Program per dimensi');
  paragraph(doc, `Quick win didahulukan. ${plan.progressRule}`);
  const programmeRows: Row[] = [];
  for (const d of plan.dimensions) {
    const own = plan.programmes.filter((p) => p.dimensionId === d.id);
    programmeRows.push({ group: `${d.name} (${own.length} program)` });
    for (const p of own) {
      programmeRows.push({
        cells: [
          { text: p.name, note: `${p.elementName}${p.stage ? ` · ${p.stage}` : ''}` },
          KIND_LABELS[p.kind],
          p.leadUnitName,
          span(p),
          STATUS_LABELS[p.status],
          { text: p.progress === null ? '–' : `${decimalComma(p.progress)}%` },
        ],
      });
    }
  }
  const w = contentWidth(doc);
  drawTable(
    doc,
    [
      { header: 'Program', width: w - 345 },
      { header: 'Jenis', width: 65 },
      { header: 'Unit pengampu', width: 100 },
      { header: 'Masa', width: 75 },
      { header: 'Status', width: 55 },
      { header: 'Progres', width: 50, align: 'right' },
    ],
    programmeRows,
  );

  sectionTitle(doc, 'Pendanaan (Rp)');
  const amountWidth = (w - 40) / (FUNDING_SOURCES.length + 1);
  drawTable(
    doc,
    [
      { header: 'Tahun', width: 40 },
      ...FUNDING_SOURCES.map((s) => ({ header: SOURCE_LABELS[s], width: amountWidth, align: 'right' as const })),
      { header: 'Jumlah', width: amountWidth, align: 'right' },
    ],
    [
      ...plan.funding.rows.map((r) => ({ cells: [String(r.year), ...FUNDING_SOURCES.map((s) => rupiah(r[s])), rupiah(r.total)] })),
      { cells: ['Total', ...FUNDING_SOURCES.map((s) => rupiah(plan.funding.totals[s])), rupiah(plan.funding.totals.total)], isStrong: true },
    ],
  );

  sectionTitle(doc, 'Linimasa');
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  const yearWidth = Math.min(60, (w - 180) / years.length);
  drawTable(
    doc,
    [
      { header: 'Program', width: w - yearWidth * years.length },
      ...years.map((y) => ({ header: String(y), width: yearWidth, align: 'center' as const })),
    ],
    plan.programmes.map((p) => ({ cells: [p.name, ...years.map((y) => quartersIn(p, y))] })),
  );

  drawFooters(doc, `${plan.title} · ${regionName}`);
  doc.end();
  return done;
}

export async function buildMasterplanXlsx(plan: MasterplanDetail, regionName: string): Promise<Buffer> {
  const Excel = (await import('exceljs')).default;
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  const header = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  // Money is exact to the cent as a decimal; an Excel number holds it exactly at these magnitudes.
  const money = (value: string) => new Dec(value).toNumber();

  const programmes = workbook.addWorksheet('Program');
  programmes.columns = [
    { header: 'Dimensi', width: 20 },
    { header: 'Elemen', width: 28 },
    { header: 'Program', width: 44 },
    { header: 'Jenis', width: 16 },
    { header: 'Tahap', width: 10 },
    { header: 'Unit pengampu', width: 36 },
    { header: 'Mulai', width: 12 },
    { header: 'Selesai', width: 12 },
    { header: 'Status', width: 16 },
    { header: 'Progres (%)', width: 12 },
  ];
  header(programmes);
  for (const p of plan.programmes) {
    programmes.addRow([
      p.dimensionName,
      p.elementName,
      p.name,
      KIND_LABELS[p.kind],
      p.stage ?? '',
      p.leadUnitName,
      `TW${p.startQuarter} ${p.startYear}`,
      `TW${p.endQuarter} ${p.endYear}`,
      STATUS_LABELS[p.status],
      p.progress === null ? null : new Dec(p.progress).toNumber(),
    ]);
  }
  programmes.getColumn(10).numFmt = '0.00';

  const funding = workbook.addWorksheet('Pendanaan');
  funding.columns = [
    { header: 'Tahun', width: 10 },
    ...FUNDING_SOURCES.map((s) => ({ header: `${SOURCE_LABELS[s]} (Rp)`, width: 20 })),
    { header: 'Jumlah (Rp)', width: 22 },
  ];
  header(funding);
  for (const r of plan.funding.rows) funding.addRow([r.year, ...FUNDING_SOURCES.map((s) => money(r[s])), money(r.total)]);
  const total = funding.addRow(['Total', ...FUNDING_SOURCES.map((s) => money(plan.funding.totals[s])), money(plan.funding.totals.total)]);
  total.font = { bold: true };
  for (let c = 2; c <= FUNDING_SOURCES.length + 2; c++) funding.getColumn(c).numFmt = '#,##0.00';

  const timeline = workbook.addWorksheet('Linimasa');
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  timeline.columns = [{ header: 'Program', width: 44 }, ...years.map((y) => ({ header: String(y), width: 10 }))];
  header(timeline);
  for (const p of plan.programmes) timeline.addRow([p.name, ...years.map((y) => quartersIn(p, y))]);

  workbook.title = `${plan.title} – ${regionName}`;
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
