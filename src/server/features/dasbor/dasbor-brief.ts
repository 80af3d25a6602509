/**
 * The one-page brief for the kepala daerah: the dashboard's headline figures of the year as six boxes,
 * and the same pictures the dashboard shows, drawn with plain PDF shapes: innovations against the
 * target, their weekly trend against the deadline, and each index across the years. Every number is the
 * dashboard's, printed with a decimal comma.
 */
import type { RegionDashboard } from '#shared/api/dasbor.ts';
import {
  COLOR,
  contentWidth,
  createPdf,
  type Doc,
  decimalComma,
  drawFooters,
  FONT,
  type PdfOptions,
  pdfSafeText,
  printedDate,
} from '#server/platform/pdf/pdf-kit.ts';

const thousands = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const SERIES = { proposed: '#1f6feb', verified: '#1d6b3a', target: '#a14d00', iid: '#1f3a5f', assessment: '#7a4fbf', ikm: '#0f7b8a' } as const;

export function briefFileName(d: RegionDashboard): string {
  return `ringkasan-dasbor-${d.regionCode}-${d.year}.pdf`;
}

interface Box {
  title: string;
  value: string;
  lines: string[];
}

function boxesOf(d: RegionDashboard): Box[] {
  const i = d.innovations;
  const c = d.complaints;
  return [
    {
      title: 'Inovasi daerah',
      value: i.target === null ? thousands(i.proposed) : `${thousands(i.proposed)} / ${thousands(i.target)}`,
      lines: [
        `Terverifikasi: ${thousands(i.verified)}`,
        `OPD memenuhi minimum: ${thousands(i.unitsMeetingMinimum)} dari ${thousands(i.units)}`,
        `Urusan yandas: ${i.yandasCovered} dari ${i.yandasTotal}`,
      ],
    },
    {
      title: 'Proyeksi IID',
      value: d.iid ? decimalComma(d.iid.verified) : '–',
      lines: d.iid
        ? [
            `Terverifikasi: ${decimalComma(d.iid.verified)} (${d.iid.predicate ?? '–'})`,
            `Klaim: ${decimalComma(d.iid.claimed)} (${d.iid.claimedPredicate ?? '–'})`,
          ]
        : ['Belum ada periode inovasi tahun ini'],
    },
    {
      title: d.assessment ? (d.assessment.framework.startsWith('pemdi') ? 'Indeks Pemdi' : 'Indeks SPBE') : 'Indeks SPBE / Pemdi',
      value: d.assessment ? decimalComma(d.assessment.index) : '–',
      lines: d.assessment
        ? [
            `Predikat: ${d.assessment.predicate ?? '–'}`,
            `${d.assessment.basis === 'claimed' ? 'Nilai klaim (penilaian mandiri)' : 'Nilai terverifikasi'}`,
          ]
        : ['Belum ada penilaian tahun ini'],
    },
    {
      title: 'Indeks Kepuasan Masyarakat',
      value: d.ikm ? decimalComma(d.ikm.index) : '–',
      lines: d.ikm
        ? [
            `Mutu ${d.ikm.grade ?? '–'}, ${thousands(d.ikm.responses)} responden (${d.ikm.label})`,
            ...d.ikm.weakestServices.slice(0, 2).map((s) => `Terendah ${decimalComma(s.index)}: ${s.serviceName}`),
          ]
        : ['Belum ada periode survei tahun ini'],
    },
    {
      title: 'Kota cerdas',
      value: d.smartCity ? `${decimalComma(d.smartCity.progress)}%` : '–',
      lines: d.smartCity
        ? [
            `${thousands(d.smartCity.programmes)} program: ${d.smartCity.onTrack} berjalan, ${d.smartCity.done} selesai`,
            `${d.smartCity.blocked} terhambat, ${d.smartCity.notReported} belum dilaporkan`,
            ...(d.smartCity.evaluation
              ? [
                  d.smartCity.evaluation.change === null
                    ? `Evaluasi: ${decimalComma(d.smartCity.evaluation.index)}`
                    : `Evaluasi: ${decimalComma(d.smartCity.evaluation.index)} (${d.smartCity.evaluation.change.startsWith('-') ? '' : '+'}${decimalComma(d.smartCity.evaluation.change)})`,
                ]
              : []),
          ]
        : ['Belum ada masterplan aktif'],
    },
    {
      title: 'Pengaduan',
      value: `${thousands(c.resolved)} / ${thousands(c.received)}`,
      lines: [
        `Selesai tepat waktu: ${thousands(c.resolvedOnTime)}`,
        `Melewati batas waktu: ${thousands(c.overdue)}`,
        `Masih berjalan: ${thousands(c.open)}`,
      ],
    },
  ];
}

/** The text cut with an ellipsis to fit one line of the width in the current font: a box never wraps into the next line. */
function fitted(doc: Doc, text: string, width: number): string {
  let out = pdfSafeText(text);
  while (out.length > 1 && doc.widthOfString(out) > width) out = `${out.slice(0, -2).trimEnd()}…`;
  return out;
}

function drawBox(doc: Doc, box: Box, x: number, y: number, w: number, h: number): void {
  const inner = w - 16;
  doc.roundedRect(x, y, w, h, 4).lineWidth(0.6).strokeColor(COLOR.rule).stroke();
  doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.muted);
  doc.text(fitted(doc, box.title, inner), x + 8, y + 7, { lineBreak: false });
  doc.font(FONT.bold).fontSize(18).fillColor(COLOR.brand);
  doc.text(fitted(doc, box.value, inner), x + 8, y + 20, { lineBreak: false });
  doc.font(FONT.regular).fontSize(7.5).fillColor(COLOR.ink);
  box.lines.forEach((line, i) => {
    doc.text(fitted(doc, line, inner), x + 8, y + 45 + i * 10, { lineBreak: false });
  });
}

function chartTitle(doc: Doc, title: string, x: number, y: number, w: number): void {
  doc.font(FONT.bold).fontSize(9.5).fillColor(COLOR.brand).text(pdfSafeText(title), x, y, { width: w, lineBreak: false });
}

function legend(doc: Doc, items: { label: string; color: string }[], x: number, y: number): void {
  let at = x;
  doc.font(FONT.regular).fontSize(7);
  for (const item of items) {
    doc.rect(at, y + 1, 7, 7).fill(item.color);
    doc.fillColor(COLOR.ink).text(pdfSafeText(item.label), at + 10, y, { lineBreak: false });
    at += 14 + doc.widthOfString(pdfSafeText(item.label)) + 8;
  }
}

/** Proposed and verified, cumulated per week, with the target as a line and the deadline at the end. */
function drawTrendChart(doc: Doc, d: RegionDashboard, x: number, y: number, w: number, h: number): void {
  chartTitle(doc, 'Inovasi per minggu sepanjang masa pelaporan', x, y, w);
  const weeks = d.trend.innovations;
  const top = y + 16;
  const plotH = h - 42;
  const left = x + 24;
  const plotW = w - 30;
  doc
    .moveTo(left, top)
    .lineTo(left, top + plotH)
    .lineTo(left + plotW, top + plotH)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
  if (weeks.length === 0) {
    doc
      .font(FONT.italic)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text('Belum ada periode inovasi tahun ini.', left + 6, top + plotH / 2);
    return;
  }
  const max = Math.max(1, d.innovations.target ?? 0, ...weeks.map((w) => w.proposed));
  const xAt = (i: number) => left + (weeks.length === 1 ? plotW / 2 : (i / (weeks.length - 1)) * plotW);
  const yAt = (v: number) => top + plotH - (v / max) * plotH;
  doc.font(FONT.regular).fontSize(6.5).fillColor(COLOR.muted);
  doc.text(String(max), x, top - 3, { width: 20, align: 'right', lineBreak: false });
  doc.text('0', x, top + plotH - 4, { width: 20, align: 'right', lineBreak: false });
  if (d.innovations.target !== null) {
    doc
      .moveTo(left, yAt(d.innovations.target))
      .lineTo(left + plotW, yAt(d.innovations.target))
      .dash(3, { space: 2 })
      .lineWidth(0.8)
      .strokeColor(SERIES.target)
      .stroke()
      .undash();
  }
  for (const key of ['proposed', 'verified'] as const) {
    weeks.forEach((wk, i) => {
      if (i === 0) doc.moveTo(xAt(i), yAt(wk[key]));
      else doc.lineTo(xAt(i), yAt(wk[key]));
    });
    doc.lineWidth(1.4).strokeColor(SERIES[key]).stroke();
  }
  doc.font(FONT.regular).fontSize(6.5).fillColor(COLOR.muted);
  doc.text(pdfSafeText(weeks[0]?.week ?? ''), left, top + plotH + 3, { lineBreak: false });
  doc.text(pdfSafeText(`batas ${d.innovations.closesOn ?? ''}`), left + plotW - 80, top + plotH + 3, { width: 80, align: 'right', lineBreak: false });
  legend(
    doc,
    [
      { label: 'Diajukan', color: SERIES.proposed },
      { label: 'Terverifikasi', color: SERIES.verified },
      { label: 'Target', color: SERIES.target },
    ],
    left,
    top + plotH + 14,
  );
}

/** Each index across the years as grouped bars, with its value written above each bar. */
function drawIndexChart(doc: Doc, d: RegionDashboard, x: number, y: number, w: number, h: number): void {
  chartTitle(doc, 'Indeks dari tahun ke tahun', x, y, w);
  const years = d.trend.indices;
  const top = y + 16;
  const plotH = h - 42;
  const left = x + 4;
  const plotW = w - 8;
  doc
    .moveTo(left, top + plotH)
    .lineTo(left + plotW, top + plotH)
    .lineWidth(0.6)
    .strokeColor(COLOR.rule)
    .stroke();
  // Each index on its own scale (IID and IKM to 100, SPBE and Pemdi to 5): the bar is the share of the scale's top.
  const series = [
    { key: 'iid' as const, label: 'IID (0-100)', color: SERIES.iid, scale: 100 },
    { key: 'assessment' as const, label: 'SPBE/Pemdi (0-5)', color: SERIES.assessment, scale: 5 },
    { key: 'ikm' as const, label: 'IKM (0-100)', color: SERIES.ikm, scale: 100 },
  ];
  const groupW = years.length === 0 ? plotW : plotW / years.length;
  const barW = Math.min(22, (groupW - 10) / series.length);
  years.forEach((row, g) => {
    const gx = left + g * groupW + (groupW - barW * series.length) / 2;
    series.forEach((s, i) => {
      const value = row[s.key];
      if (value === null) return;
      const barH = Math.min(1, Number(value) / s.scale) * (plotH - 12);
      doc.rect(gx + i * barW, top + plotH - barH, barW - 2, barH).fill(s.color);
      doc
        .font(FONT.regular)
        .fontSize(5.5)
        .fillColor(COLOR.ink)
        .text(decimalComma(value), gx + i * barW - 4, top + plotH - barH - 8, { width: barW + 6, align: 'center', lineBreak: false });
    });
    doc
      .font(FONT.bold)
      .fontSize(7)
      .fillColor(COLOR.muted)
      .text(String(row.year), left + g * groupW, top + plotH + 3, { width: groupW, align: 'center', lineBreak: false });
  });
  legend(
    doc,
    series.map((s) => ({ label: s.label, color: s.color })),
    left,
    top + plotH + 14,
  );
}

export async function buildBriefPdf(d: RegionDashboard, printedAt: Date, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, done } = await createPdf(
    { title: `Ringkasan Kinerja ${d.regionName} ${d.year}`, subject: 'Dasbor pimpinan', createdAt: printedAt },
    options,
  );
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc
    .font(FONT.bold)
    .fontSize(18)
    .fillColor(COLOR.brand)
    .text(pdfSafeText(`Ringkasan Kinerja ${d.year}`), x, doc.y, { width });
  doc.font(FONT.bold).fontSize(12).fillColor(COLOR.ink).text(pdfSafeText(d.regionName), { width });
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text(pdfSafeText(`Untuk kepala daerah. Dicetak ${printedDate(printedAt)} dari Sinergi; angka sama dengan dasbor dan halaman sumbernya.`), {
      width,
    });

  const boxes = boxesOf(d);
  const gap = 10;
  const boxW = (width - 2 * gap) / 3;
  const boxH = 82;
  let y = doc.y + 12;
  boxes.forEach((box, i) => {
    drawBox(doc, box, x + (i % 3) * (boxW + gap), y + Math.floor(i / 3) * (boxH + gap), boxW, boxH);
  });
  y += 2 * (boxH + gap) + 6;

  const chartH = 190;
  drawTrendChart(doc, d, x, y, width, chartH);
  y += chartH + 14;
  drawIndexChart(doc, d, x, y, width, chartH);
  y += chartH + 8;

  if (d.assessment && d.assessment.domains.length > 0) {
    const line = d.assessment.domains.map((dom) => `${dom.name} ${decimalComma(dom.index)}`).join('  |  ');
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .fillColor(COLOR.ink)
      .text(pdfSafeText(`Domain ${d.assessment.frameworkName}: ${line}`), x, y, { width, height: 40, ellipsis: true });
  }
  drawFooters(doc, `Ringkasan kinerja ${d.regionName} ${d.year}`);
  doc.end();
  return done;
}
