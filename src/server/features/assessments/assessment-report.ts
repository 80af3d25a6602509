/**
 * The report of a self-assessment (SPBE, Indeks Pemdi) that a region hands to its leaders: a PDF
 * (headline index claimed and verified, domain and aspect indices, the indicator table, strengths,
 * the largest gaps, last year's comparison) and an XLSX with the same figures for further work.
 *
 * `loadAssessmentReportData` is the one service call of the report routes; the two generators are
 * pure apart from the libraries that write the files: they take everything (including the print date)
 * in `data`. Every number is printed as published (the decimal strings of the engine), only with the
 * decimal comma Indonesians write; nothing is re-rounded here.
 */
import type ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { basisValue as countedValue } from '#domain/assessments/figures.ts';
import { listIndicators } from '#domain/assessments/indicators.ts';
import { Dec } from '#domain/scoring/decimal.ts';
import type { Framework, FrameworkNode } from '#domain/scoring/framework.schema.ts';
import type { AssessmentDetail, AssessmentItem, GapAnalysis } from '#shared/api/assessments.ts';
import { regions } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';
import {
  type CellSpec,
  COLOR,
  type Column,
  contentWidth,
  createPdf,
  decimalComma,
  type Doc,
  drawFooters,
  drawTable,
  FONT,
  paragraph,
  type PdfOptions,
  pdfSafeText,
  printedDate,
  type Row,
  sectionTitle,
  shorten,
} from '#server/platform/pdf/pdf-kit.ts';

export { decimalComma, pdfSafeText, shorten };
import { loadAssessmentDetail, loadGapAnalysis } from './assessments.service.ts';

export type ReportBasis = GapAnalysis['basis'];

export interface AssessmentReportData {
  regionName: string;
  detail: AssessmentDetail;
  /** Gap analysis on the report's basis (verified or claimed values); strengths use the same basis. */
  gaps: GapAnalysis;
  framework: Framework;
  printedAt: Date;
}

// ---- loading -----------------------------------------------------------------------------------

/**
 * Everything a report needs. Without an explicit basis the report follows the stage: claimed values
 * during penilaian mandiri (nothing is verified yet), verified values from verification on.
 * An assessment of another region is not found (the assessment service decides visibility).
 */
export async function loadAssessmentReportData(
  ctx: ServiceContext,
  regionCode: string,
  assessmentId: string,
  basis: ReportBasis | undefined,
): Promise<AssessmentReportData> {
  const detail = await loadAssessmentDetail(ctx.db, ctx.actor, regionCode, assessmentId);
  const chosen: ReportBasis = basis ?? (detail.stage === 'mandiri' ? 'claimed' : 'verified');
  const gaps = await loadGapAnalysis(ctx.db, ctx.actor, regionCode, assessmentId, chosen);
  const version = await loadFrameworkVersion(ctx.db, regionCode, detail.frameworkVersionId);
  if (!version)
    throw new AppError('INTERNAL', { detail: `framework version ${detail.frameworkVersionId} of assessment ${assessmentId} not visible` });
  const [region] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
  return { regionName: region?.name ?? regionCode, detail, gaps, framework: version.framework, printedAt: ctx.now };
}

/** `penilaian-spbe-2020-19.71-2025.pdf`: framework id, region code and year, all ASCII. */
export function reportFileName(detail: AssessmentDetail, extension: 'pdf' | 'xlsx'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-');
  return `penilaian-${safe(detail.frameworkId)}-${safe(detail.regionCode)}-${detail.year}.${extension}`;
}

// ---- shared presentation rules -----------------------------------------------------------------

const STAGE_LABELS: Record<AssessmentDetail['stage'], string> = {
  mandiri: 'Penilaian mandiri',
  verifikasi: 'Verifikasi',
  final: 'Final',
};

const BASIS_LABELS: Record<ReportBasis, string> = { verified: 'nilai terverifikasi', claimed: 'nilai klaim (penilaian mandiri)' };

const KIND_LABELS: Record<string, string> = { indeks: 'Indeks', domain: 'Domain', aspek: 'Aspek', variabel: 'Variabel', indikator: 'Indikator' };
const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);

function statusOf(item: AssessmentItem): string {
  if (item.claimedValue === null) return 'Belum diisi';
  if (item.verification === 'accepted') return 'Diterima';
  if (item.verification === 'corrected') return 'Dikoreksi';
  return 'Menunggu verifikasi';
}

/** The verified value as the index counts it: the correction, or the claim once accepted. */
const verifiedValueOf = (item: AssessmentItem): string | null => countedValue(item, 'verified');

function levelName(item: AssessmentItem, value: string | null): string | null {
  if (value === null || item.scale.type !== 'levels') return null;
  return item.scale.levels.find((l) => new Dec(l.level).eq(new Dec(value)))?.name ?? null;
}

/** Share of the scale maximum from which an indicator counts as a strength: level 4 of 5, or 4.00 of a 1–5 decimal scale. */
export const STRENGTH_SHARE = '0.8';
export const STRENGTH_RULE = 'Indikator yang nilainya paling sedikit 80% dari nilai tertinggi skalanya (tingkat 4 atau 5 pada skala 1–5)';

export interface Strength {
  item: AssessmentItem;
  value: string;
  levelName: string | null;
}

/** Indicators at 80% of their scale maximum or above on the report's basis, highest first, then in framework order. */
export function strengthsOf(detail: AssessmentDetail, basis: ReportBasis): Strength[] {
  const found: Strength[] = [];
  for (const item of detail.items) {
    const value = countedValue(item, basis);
    if (value === null) continue;
    const max = new Dec(item.scale.max);
    if (max.lte(0) || new Dec(value).lt(max.mul(STRENGTH_SHARE))) continue;
    found.push({ item, value, levelName: levelName(item, value) });
  }
  // A stable sort keeps the framework order among equal values.
  return found.sort((a, b) => new Dec(b.value).comparedTo(new Dec(a.value)));
}

export interface SummaryNode {
  id: string;
  kind: string;
  name: string;
  depth: number;
}

/** Every node between the index and the indicators (domains and aspects; aspects and variables), in framework order. */
export function summaryNodesOf(framework: Framework): SummaryNode[] {
  const out: SummaryNode[] = [];
  const walk = (node: FrameworkNode, depth: number) => {
    for (const child of node.children ?? []) {
      if (!child.children || child.children.length === 0) continue;
      out.push({ id: child.id, kind: child.kind, name: child.name, depth });
      walk(child, depth + 1);
    }
  };
  walk(framework.root, 0);
  return out;
}

export const TOP_GAPS = 10;

// ---- PDF -----------------------------------------------------------------------------------------

function drawTitle(doc: Doc, data: AssessmentReportData): void {
  const { detail } = data;
  doc.font(FONT.bold).fontSize(9).fillColor(COLOR.muted).text('LAPORAN PENILAIAN', { characterSpacing: 1.2 });
  doc.moveDown(0.2);
  doc
    .font(FONT.bold)
    .fontSize(19)
    .fillColor(COLOR.brand)
    .text(pdfSafeText(detail.frameworkName), { width: contentWidth(doc) });
  doc.moveDown(0.15);
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(COLOR.ink)
    .text(pdfSafeText(`${data.regionName} · Tahun ${detail.year}`), { width: contentWidth(doc) });
  doc.moveDown(0.3);
  const meta = [`Tahap: ${STAGE_LABELS[detail.stage]}`, `Versi kerangka: ${detail.frameworkVersion}`, `Dicetak: ${printedDate(data.printedAt)}`].join(
    '   ·   ',
  );
  doc.font(FONT.regular).fontSize(9).fillColor(COLOR.muted).text(pdfSafeText(meta));
  doc.moveDown(0.8);
  doc.fillColor(COLOR.ink);
}

function drawHeadline(doc: Doc, data: AssessmentReportData): void {
  const { detail } = data;
  const gap = 14;
  const width = (contentWidth(doc) - gap) / 2;
  const height = 86;
  const y = doc.y;
  const boxes: { label: string; figure: AssessmentDetail['claimed']; isBasis: boolean }[] = [
    { label: 'Indeks hasil penilaian mandiri (klaim)', figure: detail.claimed, isBasis: data.gaps.basis === 'claimed' },
    { label: 'Indeks hasil verifikasi', figure: detail.verified, isBasis: data.gaps.basis === 'verified' },
  ];
  boxes.forEach((box, i) => {
    const x = doc.page.margins.left + i * (width + gap);
    doc
      .roundedRect(x, y, width, height, 4)
      .lineWidth(box.isBasis ? 1.6 : 0.8)
      .strokeColor(box.isBasis ? COLOR.brand : COLOR.rule)
      .stroke();
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(COLOR.muted)
      .text(pdfSafeText(box.label), x + 12, y + 10, { width: width - 24 });
    doc
      .font(FONT.bold)
      .fontSize(28)
      .fillColor(COLOR.brand)
      .text(decimalComma(box.figure.index), x + 12, y + 24, { width: width - 24 });
    const predicate = box.figure.index === null ? '' : (box.figure.predicate ?? '');
    // A provisional index counts missing values at the framework's floor, so its predicate is not shown.
    let note = predicate;
    if (box.figure.index === null) note = 'Belum ada indikator yang bernilai';
    else if (!box.figure.complete) note = `Sementara: ${box.figure.missing} indikator belum bernilai`;
    doc
      .font(box.figure.complete ? FONT.bold : FONT.italic)
      .fontSize(box.figure.complete ? 12 : 9)
      .fillColor(box.figure.complete ? COLOR.ink : COLOR.warn)
      .text(pdfSafeText(note || ' '), x + 12, y + 60, { width: width - 24 });
  });
  doc.x = doc.page.margins.left;
  doc.y = y + height + 10;
  doc.fillColor(COLOR.ink);
  paragraph(doc, `Kekuatan dan kesenjangan di bawah dihitung dari ${BASIS_LABELS[data.gaps.basis]} (kotak bergaris tebal).`, { size: 8.5 });
}

function drawSummaryTable(doc: Doc, data: AssessmentReportData): void {
  const nodes = summaryNodesOf(data.framework);
  if (nodes.length === 0) return;
  const { claimed, verified } = data.detail;
  const hasPredicates = nodes.some((n) => claimed.nodes[n.id]?.predicate || verified.nodes[n.id]?.predicate);
  const kinds = [...new Set(nodes.map((n) => kindLabel(n.kind)))].join(' dan ');
  sectionTitle(doc, `Indeks ${kinds}`, 120);
  const columns: Column[] = hasPredicates
    ? [
        { header: 'Kode', width: 36 },
        { header: 'Nama', width: 211 },
        { header: 'Klaim', width: 44, align: 'right' },
        { header: 'Predikat', width: 76 },
        { header: 'Verifikasi', width: 52, align: 'right' },
        { header: 'Predikat', width: 76 },
      ]
    : [
        { header: 'Kode', width: 36 },
        { header: 'Nama', width: 339 },
        { header: 'Klaim', width: 60, align: 'right' },
        { header: 'Verifikasi', width: 60, align: 'right' },
      ];
  const rows: Row[] = nodes.map((n) => {
    const c = claimed.nodes[n.id];
    const v = verified.nodes[n.id];
    const isStrong = n.depth === 0 && nodes.some((other) => other.depth > 0);
    const name: CellSpec = { text: n.name, indent: n.depth * 10 };
    return {
      isStrong,
      fill: isStrong ? COLOR.groupFill : undefined,
      cells: hasPredicates
        ? [n.id, name, decimalComma(c?.index), c?.predicate ?? '–', decimalComma(v?.index), v?.predicate ?? '–']
        : [n.id, name, decimalComma(c?.index), decimalComma(v?.index)],
    };
  });
  drawTable(doc, columns, rows);
  if (!claimed.complete || !verified.complete) {
    doc.moveUp(0.4);
    paragraph(
      doc,
      'Selama indeks masih sementara, nilai di atas juga sementara: indikator yang belum bernilai dihitung dengan nilai bawaan kerangka atau nilai terendah skalanya.',
      { size: 8.5, italic: true },
    );
  }
}

function drawIndicatorTable(doc: Doc, data: AssessmentReportData): void {
  sectionTitle(doc, 'Nilai per Indikator', 100);
  const columns: Column[] = [
    { header: 'No.', width: 26 },
    { header: 'Indikator', width: 192 },
    { header: 'Unit penanggung jawab', width: 105 },
    { header: 'Klaim', width: 36, align: 'right' },
    { header: 'Verifikasi', width: 52, align: 'right' },
    { header: 'Status', width: 84 },
  ];
  const rows: Row[] = [];
  let lastGroup = '';
  for (const item of data.detail.items) {
    const group = item.path.join(' › ');
    if (group && group !== lastGroup) rows.push({ group });
    lastGroup = group;
    const status = statusOf(item);
    const verifiedValue = verifiedValueOf(item);
    rows.push({
      cells: [
        item.indicatorId,
        item.name,
        { text: item.unitName ?? '–', color: item.unitName ? COLOR.ink : COLOR.muted },
        decimalComma(item.claimedValue),
        { text: decimalComma(verifiedValue), bold: item.verification === 'corrected' },
        { text: status, color: item.verification === 'corrected' ? COLOR.warn : item.verification === 'accepted' ? COLOR.good : COLOR.muted },
      ],
    });
  }
  drawTable(doc, columns, rows);
}

function drawStrengths(doc: Doc, data: AssessmentReportData): void {
  const strengths = strengthsOf(data.detail, data.gaps.basis);
  sectionTitle(doc, 'Kekuatan', 110);
  paragraph(doc, `${STRENGTH_RULE}, menurut ${BASIS_LABELS[data.gaps.basis]}.`);
  if (strengths.length === 0) {
    paragraph(doc, `Belum ada indikator yang mencapai batas itu menurut ${BASIS_LABELS[data.gaps.basis]}.`, { italic: true, color: COLOR.ink });
    doc.moveDown(0.4);
    return;
  }
  // Decimal scales (Indeks Pemdi) have no level names: no column for them.
  const hasLevels = strengths.some((s) => s.levelName !== null);
  const columns: Column[] = [
    { header: 'No.', width: 26 },
    { header: 'Indikator', width: hasLevels ? 304 : 419 },
    { header: 'Nilai', width: 50, align: 'right' },
    ...(hasLevels ? [{ header: 'Tingkat', width: 115 }] : []),
  ];
  drawTable(
    doc,
    columns,
    strengths.map((s) => ({
      cells: [s.item.indicatorId, s.item.name, decimalComma(s.value), ...(hasLevels ? [s.levelName ?? '–'] : [])],
    })),
  );
}

function drawGaps(doc: Doc, data: AssessmentReportData): void {
  const top = data.gaps.items.slice(0, TOP_GAPS);
  sectionTitle(doc, `Kesenjangan: ${TOP_GAPS} Peluang Kenaikan Indeks Terbesar`, 150);
  paragraph(
    doc,
    `Indikator diurutkan menurut kenaikan indeks bila indikator itu naik satu langkah, dihitung dari ${BASIS_LABELS[data.gaps.basis]}; indeks saat ini ${decimalComma(data.gaps.index)}.${top.some((g) => g.nextCriteria) ? ' Kriteria tingkat berikutnya diringkas; teks lengkapnya ada di berkas XLSX.' : ''}`,
  );
  if (top.length === 0) {
    paragraph(doc, 'Tidak ada indikator yang dapat dinaikkan (semua sudah di tingkat tertinggi atau belum bernilai).', {
      italic: true,
      color: COLOR.ink,
    });
    return;
  }
  const columns: Column[] = [
    { header: 'No.', width: 26 },
    { header: top.some((g) => g.nextCriteria) ? 'Indikator dan kriteria tingkat berikutnya' : 'Indikator', width: 237 },
    { header: 'Kini', width: 34, align: 'right' },
    { header: 'Berikutnya', width: 66, align: 'right' },
    { header: 'Kenaikan', width: 70, align: 'right' },
    { header: 'Indeks sesudahnya', width: 62, align: 'right' },
  ];
  drawTable(
    doc,
    columns,
    top.map((g) => ({
      cells: [
        g.indicatorId,
        { text: g.name, ...(g.nextCriteria ? { note: shorten(g.nextCriteria, 220) } : {}) },
        decimalComma(g.current),
        { text: decimalComma(g.next), ...(g.nextLevelName ? { note: g.nextLevelName } : {}) },
        // The gain is exact (up to 12 places, never rounded here); a long one gets a smaller size to stay on one line.
        { text: `+${decimalComma(g.gain)}`, color: COLOR.good, bold: g.gain.length <= 8, ...(g.gain.length > 8 ? { size: 7 } : {}) },
        decimalComma(g.indexAfter),
      ],
    })),
  );
}

function drawPrevious(doc: Doc, data: AssessmentReportData): void {
  const previous = data.gaps.previous;
  if (!previous) return;
  sectionTitle(doc, `Perbandingan dengan Tahun ${previous.year}`, 120);
  const prevText =
    previous.index === null ? 'belum lengkap' : `${decimalComma(previous.index)}${previous.predicate ? ` (${previous.predicate})` : ''}`;
  paragraph(
    doc,
    `Indeks tahun ${previous.year} (${BASIS_LABELS.verified}, final): ${prevText}. Indeks tahun ${data.detail.year} (${BASIS_LABELS[data.gaps.basis]}): ${decimalComma(data.gaps.index)}.`,
    { size: 10, color: COLOR.ink },
  );
  // From the framework, not the items: an operator's detail holds only the items of their unit.
  const names = new Map(listIndicators(data.framework).map((i) => [i.id, i.name]));
  const changed = previous.indicators.filter(
    (i) => i.previous !== i.current && !(i.previous !== null && i.current !== null && new Dec(i.previous).eq(new Dec(i.current))),
  );
  if (changed.length === 0) {
    paragraph(doc, 'Tidak ada indikator yang nilainya berubah.', { italic: true });
    return;
  }
  paragraph(doc, `${changed.length} indikator berubah nilai:`);
  const columns: Column[] = [
    { header: 'No.', width: 26 },
    { header: 'Indikator', width: 309 },
    { header: String(previous.year), width: 50, align: 'right' },
    { header: String(data.detail.year), width: 50, align: 'right' },
    { header: 'Perubahan', width: 60, align: 'right' },
  ];
  drawTable(
    doc,
    columns,
    changed.map((i) => {
      let change = '–';
      let color: string = COLOR.muted;
      if (i.previous !== null && i.current !== null) {
        const diff = new Dec(i.current).minus(new Dec(i.previous));
        change = `${diff.isPositive() ? '+' : ''}${decimalComma(diff.toString())}`;
        color = diff.isPositive() ? COLOR.good : COLOR.warn;
      }
      return { cells: [i.indicatorId, names.get(i.indicatorId) ?? '', decimalComma(i.previous), decimalComma(i.current), { text: change, color }] };
    }),
  );
}

export async function buildAssessmentPdf(data: AssessmentReportData, options: PdfOptions = {}): Promise<Buffer> {
  const { detail } = data;
  const { doc, done } = await createPdf(
    {
      title: `${detail.frameworkName} – ${data.regionName} ${detail.year}`,
      subject: 'Laporan penilaian',
      createdAt: data.printedAt,
    },
    options,
  );
  drawTitle(doc, data);
  drawHeadline(doc, data);
  drawSummaryTable(doc, data);
  drawIndicatorTable(doc, data);
  drawStrengths(doc, data);
  drawGaps(doc, data);
  drawPrevious(doc, data);
  drawFooters(doc, `Sinergi · ${data.detail.frameworkName} · ${data.regionName} · ${data.detail.year}`);
  doc.end();
  return done;
}

// ---- XLSX ----------------------------------------------------------------------------------------

/** A numeric cell showing exactly the published digits: "3.45" → 3.45 formatted 0.00. */
function numberCell(value: string | null | undefined): { value: number | null; numFmt: string | undefined } {
  if (value === null || value === undefined || value === '' || !/^-?\d+(\.\d+)?$/.test(value)) return { value: null, numFmt: undefined };
  const places = value.split('.')[1]?.length ?? 0;
  return { value: Number(value), numFmt: places > 0 ? `0.${'0'.repeat(places)}` : '0' };
}

function setNumber(cell: ExcelJS.Cell, value: string | null | undefined): void {
  const n = numberCell(value);
  cell.value = n.value;
  if (n.numFmt) cell.numFmt = n.numFmt;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
  });
}

function addSummarySheet(workbook: ExcelJS.Workbook, data: AssessmentReportData): void {
  const { detail, gaps } = data;
  const sheet = workbook.addWorksheet('Ringkasan');
  sheet.columns = [{ width: 16 }, { width: 12 }, { width: 52 }, { width: 14 }, { width: 18 }, { width: 16 }, { width: 20 }];
  const meta: [string, string | number][] = [
    ['Kerangka', detail.frameworkName],
    ['Versi kerangka', detail.frameworkVersion],
    ['Daerah', `${data.regionName} (${detail.regionCode})`],
    ['Tahun', detail.year],
    ['Tahap', STAGE_LABELS[detail.stage]],
    ['Dicetak', printedDate(data.printedAt)],
    ['Dasar kekuatan dan kesenjangan', BASIS_LABELS[gaps.basis]],
  ];
  for (const [label, value] of meta) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
  }
  if (gaps.previous) {
    const row = sheet.addRow([`Indeks ${gaps.previous.year} (terverifikasi, final)`]);
    row.getCell(1).font = { bold: true };
    setNumber(row.getCell(2), gaps.previous.index);
    row.getCell(3).value = gaps.previous.predicate ?? null;
  }
  sheet.addRow([]);
  styleHeader(sheet.addRow(['Kode', 'Jenis', 'Nama', 'Indeks klaim', 'Predikat klaim', 'Indeks terverifikasi', 'Predikat terverifikasi']));
  const indexRow = sheet.addRow(['Indeks', kindLabel(data.framework.root.kind), data.framework.root.name]);
  indexRow.font = { bold: true };
  setNumber(indexRow.getCell(4), detail.claimed.index);
  indexRow.getCell(5).value = detail.claimed.complete ? detail.claimed.predicate : `Sementara (${detail.claimed.missing} indikator belum bernilai)`;
  setNumber(indexRow.getCell(6), detail.verified.index);
  indexRow.getCell(7).value = detail.verified.complete
    ? detail.verified.predicate
    : `Sementara (${detail.verified.missing} indikator belum bernilai)`;
  for (const node of summaryNodesOf(data.framework)) {
    const c = detail.claimed.nodes[node.id];
    const v = detail.verified.nodes[node.id];
    const row = sheet.addRow([node.id, kindLabel(node.kind), node.name]);
    row.getCell(3).alignment = { indent: node.depth * 2 };
    setNumber(row.getCell(4), c?.index);
    row.getCell(5).value = c?.predicate ?? null;
    setNumber(row.getCell(6), v?.index);
    row.getCell(7).value = v?.predicate ?? null;
    if (node.depth === 0) row.font = { bold: true };
  }
}

function addIndicatorSheet(workbook: ExcelJS.Workbook, data: AssessmentReportData): void {
  const sheet = workbook.addWorksheet('Indikator', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'No.', width: 7 },
    { header: 'Domain / aspek', width: 40 },
    { header: 'Indikator', width: 50 },
    { header: 'Bobot', width: 9 },
    { header: 'Unit penanggung jawab', width: 30 },
    { header: 'Tenggat', width: 12 },
    { header: 'Nilai klaim', width: 11 },
    { header: 'Tingkat klaim', width: 20 },
    { header: 'Penjelasan', width: 60 },
    { header: 'Jumlah bukti dukung', width: 11 },
    { header: 'Status verifikasi', width: 20 },
    { header: 'Nilai terverifikasi', width: 12 },
    { header: 'Tingkat terverifikasi', width: 20 },
    { header: 'Catatan verifikator', width: 40 },
  ];
  styleHeader(sheet.getRow(1));
  for (const item of data.detail.items) {
    const verified = verifiedValueOf(item);
    const row = sheet.addRow([
      item.indicatorId,
      item.path.join(' › '),
      item.name,
      null,
      item.unitName ?? '',
      item.deadline ?? '',
      null,
      levelName(item, item.claimedValue) ?? '',
      item.explanation,
      item.evidence.length,
      statusOf(item),
      null,
      levelName(item, verified) ?? '',
      item.verifierNote ?? '',
    ]);
    setNumber(row.getCell(4), item.weight);
    setNumber(row.getCell(7), item.claimedValue);
    setNumber(row.getCell(12), verified);
    row.getCell(9).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(14).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 14 } };
}

function addGapSheet(workbook: ExcelJS.Workbook, data: AssessmentReportData): void {
  const sheet = workbook.addWorksheet('Kesenjangan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Peringkat', width: 10 },
    { header: 'No.', width: 7 },
    { header: 'Indikator', width: 50 },
    { header: 'Nilai kini', width: 10 },
    { header: 'Nilai berikutnya', width: 12 },
    { header: 'Tingkat berikutnya', width: 20 },
    { header: 'Kriteria tingkat berikutnya', width: 80 },
    { header: 'Kenaikan indeks', width: 14 },
    { header: 'Indeks sesudahnya', width: 14 },
  ];
  styleHeader(sheet.getRow(1));
  data.gaps.items.forEach((g, i) => {
    const row = sheet.addRow([i + 1, g.indicatorId, g.name, null, null, g.nextLevelName ?? '', g.nextCriteria ?? '', null, null]);
    setNumber(row.getCell(4), g.current);
    setNumber(row.getCell(5), g.next);
    setNumber(row.getCell(8), g.gain);
    setNumber(row.getCell(9), g.indexAfter);
    row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function buildAssessmentXlsx(data: AssessmentReportData): Promise<Buffer> {
  // Loaded on the first export, not at start-up.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Sinergi';
  workbook.created = data.printedAt;
  workbook.title = `${data.detail.frameworkName} – ${data.regionName} ${data.detail.year}`;
  addSummarySheet(workbook, data);
  addIndicatorSheet(workbook, data);
  addGapSheet(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
