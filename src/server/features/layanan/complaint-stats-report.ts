/**
 * The complaint statistics as a PDF: what IID indicator 29 and SPBE indicator 42 ask as evidence (how
 * many complaints came in, how many were resolved and how fast, per unit and per category).
 */
import type { ComplaintStats } from '#shared/api/complaints.ts';
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
} from '#server/platform/pdf/pdf-kit.ts';

export interface ComplaintStatsReport {
  regionName: string;
  from: string | undefined;
  to: string | undefined;
  stats: ComplaintStats;
  printedAt: Date;
}

const thousands = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const orDash = (value: string | null) => (value === null ? '–' : decimalComma(value));

export function rangeLabel(from: string | undefined, to: string | undefined): string {
  if (from && to) return `${from} s.d. ${to}`;
  if (from) return `sejak ${from}`;
  if (to) return `sampai ${to}`;
  return 'seluruh pengaduan';
}

export function complaintStatsFileName(report: ComplaintStatsReport): string {
  const range = [report.from, report.to].filter(Boolean).join('_') || 'semua';
  return `statistik-pengaduan-${range}.pdf`;
}

export async function buildComplaintStatsPdf(report: ComplaintStatsReport): Promise<Buffer> {
  const { stats } = report;
  const range = rangeLabel(report.from, report.to);
  const { doc, done } = await createPdf({
    title: `Statistik Penanganan Pengaduan ${report.regionName}`,
    subject: 'Pengaduan pelayanan publik',
    createdAt: report.printedAt,
  });
  doc
    .font(FONT.bold)
    .fontSize(19)
    .fillColor(COLOR.brand)
    .text(pdfSafeText('Statistik Penanganan Pengaduan'), { width: contentWidth(doc) });
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(COLOR.ink)
    .text(pdfSafeText(report.regionName), { width: contentWidth(doc) });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(pdfSafeText(`Periode: ${range}   ·   Dicetak: ${printedDate(report.printedAt)}`), { width: contentWidth(doc) });
  doc.moveDown(0.8);

  sectionTitle(doc, 'Ringkasan');
  paragraph(
    doc,
    stats.total === 0
      ? 'Tidak ada pengaduan pada periode ini.'
      : `${thousands(stats.total)} pengaduan diterima; ${thousands(stats.closed)} ditutup dan ${thousands(stats.open)} masih berjalan (${thousands(stats.overdue)} melewati batas waktu layanan). Tingkat penyelesaian (selesai ÷ ditutup): ${orDash(stats.resolutionRate)}%. Median waktu penyelesaian: ${orDash(stats.medianDaysToResolve)} hari.`,
    { size: 10, color: COLOR.ink },
  );

  sectionTitle(doc, 'Per unit');
  drawTable(
    doc,
    [
      { header: 'Unit', width: 215 },
      { header: 'Diterima', width: 60, align: 'right' },
      { header: 'Selesai', width: 60, align: 'right' },
      { header: 'Terlambat', width: 60, align: 'right' },
      { header: 'Median hari', width: 100, align: 'right' },
    ],
    stats.byUnit.map((u) => ({
      cells: [
        u.unitName,
        thousands(u.total),
        thousands(u.resolved),
        { text: thousands(u.overdue), color: u.overdue > 0 ? COLOR.warn : COLOR.ink },
        orDash(u.medianDaysToResolve),
      ],
    })),
  );

  sectionTitle(doc, 'Per kategori');
  drawTable(
    doc,
    [
      { header: 'Kategori', width: 275 },
      { header: 'Diterima', width: 70, align: 'right' },
      { header: 'Selesai', width: 75, align: 'right' },
      { header: 'Terlambat', width: 75, align: 'right' },
    ],
    stats.byCategory.map((c) => ({
      cells: [
        c.categoryName,
        thousands(c.total),
        thousands(c.resolved),
        { text: thousands(c.overdue), color: c.overdue > 0 ? COLOR.warn : COLOR.ink },
      ],
    })),
  );
  drawFooters(doc, `Sinergi · Statistik pengaduan · ${report.regionName} · ${range}`);
  doc.end();
  return done;
}
