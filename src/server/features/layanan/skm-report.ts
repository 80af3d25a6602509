/**
 * The SKM report of a period as PDF, in the outline regions publish (PermenPANRB 14/2017 practice):
 * I Pendahuluan; II Metodologi (population, sample by Krejcie–Morgan, period, method); III Hasil per
 * unsur, per service and per respondent group; IV Analisis (the weakest unsur and what respondents
 * suggested); V Rencana tindak lanjut. Every number is the engine's, as on the results page.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { RESPONDENT_GROUPS, type RespondentGroup } from '#domain/services/skm.ts';
import type { FollowUp, SkmGroupResults } from '#shared/api/skm.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { regions, services, skmResponses } from '#server/db/schema.ts';
import {
  COLOR,
  type Column,
  contentWidth,
  createPdf,
  type Doc,
  decimalComma,
  drawFooters,
  drawTable,
  FONT,
  paragraph,
  type PdfOptions,
  pdfSafeText,
  printedDate,
  sectionTitle,
  shorten,
} from '#server/platform/pdf/pdf-kit.ts';
import { listFollowUps } from './skm-follow-ups.service.ts';
import { periodLabel, type SkmPeriodRow } from './skm-periods.service.ts';
import { type PeriodResultsData, skmGroupResults, skmPeriodResults } from './skm-results.service.ts';
import { PROFILE_LABELS } from './skm-xlsx.service.ts';

const GROUP_TITLES: Record<RespondentGroup, string> = {
  gender: 'Jenis kelamin',
  ageGroup: 'Usia',
  education: 'Pendidikan',
  occupation: 'Pekerjaan',
  vulnerable: 'Kelompok rentan',
};

const FOLLOW_UP_STATUS: Record<string, string> = { direncanakan: 'Direncanakan', berjalan: 'Berjalan', selesai: 'Selesai' };

export interface SkmReportData {
  regionName: string;
  period: SkmPeriodRow;
  results: PeriodResultsData;
  groups: SkmGroupResults[];
  /** The suggestions given most often (same words, ignoring case), with how often. */
  commonSuggestions: Array<{ text: string; count: number }>;
  /** The latest suggestions, with their service. */
  recentSuggestions: Array<{ text: string; serviceName: string }>;
  followUps: FollowUp[];
  printedAt: Date;
}

export async function skmReportData(db: DbOrTx, regionCode: string, period: SkmPeriodRow, now: Date): Promise<SkmReportData> {
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
  const results = await skmPeriodResults(db, regionCode, period);
  const groups: SkmGroupResults[] = [];
  for (const group of Object.keys(RESPONDENT_GROUPS) as RespondentGroup[]) groups.push(await skmGroupResults(db, period, group));
  const normalized = sql<string>`lower(trim(${skmResponses.suggestion}))`;
  const common = await db
    .select({ text: sql<string>`min(trim(${skmResponses.suggestion}))`, count: sql<number>`count(*)::int` })
    .from(skmResponses)
    .where(and(eq(skmResponses.periodId, period.id), isNotNull(skmResponses.suggestion), sql`trim(${skmResponses.suggestion}) <> ''`))
    .groupBy(normalized)
    .having(sql`count(*) > 1`)
    .orderBy(desc(sql`count(*)`), normalized)
    .limit(8);
  const recent = await db
    .select({ text: skmResponses.suggestion, serviceName: services.name })
    .from(skmResponses)
    .innerJoin(services, eq(services.id, skmResponses.serviceId))
    .where(and(eq(skmResponses.periodId, period.id), isNotNull(skmResponses.suggestion), sql`trim(${skmResponses.suggestion}) <> ''`))
    .orderBy(desc(skmResponses.createdAt), desc(skmResponses.id))
    .limit(8);
  return {
    regionName: region?.name ?? regionCode,
    period,
    results,
    groups,
    commonSuggestions: common,
    recentSuggestions: recent.map((r) => ({ text: r.text ?? '', serviceName: r.serviceName })),
    followUps: await listFollowUps(db, regionCode, period.id, now),
    printedAt: now,
  };
}

export function skmReportFileName(data: SkmReportData): string {
  const { period } = data;
  return `laporan-skm-${period.regionCode}-${period.year}${period.semester ? `-semester-${period.semester}` : ''}.pdf`;
}

const thousands = (n: number) => new Intl.NumberFormat('id-ID').format(n);

function drawTitle(doc: Doc, data: SkmReportData): void {
  doc.font(FONT.bold).fontSize(9).fillColor(COLOR.muted).text('LAPORAN SURVEI KEPUASAN MASYARAKAT', { characterSpacing: 1.2 });
  doc.moveDown(0.2);
  doc
    .font(FONT.bold)
    .fontSize(19)
    .fillColor(COLOR.brand)
    .text(pdfSafeText(`Indeks Kepuasan Masyarakat ${periodLabel(data.period)}`), { width: contentWidth(doc) });
  doc.moveDown(0.15);
  doc
    .font(FONT.bold)
    .fontSize(13)
    .fillColor(COLOR.ink)
    .text(pdfSafeText(data.regionName), { width: contentWidth(doc) });
  doc.moveDown(0.3);
  const meta = [
    `Periode: ${data.period.startsOn} s.d. ${data.period.endsOn}`,
    `Kerangka: ${data.results.framework.name}`,
    `Dicetak: ${printedDate(data.printedAt)}`,
  ];
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(pdfSafeText(meta.join('   ·   ')), { width: contentWidth(doc) });
  doc.moveDown(0.8);
  const region = data.results.region;
  const headline = region
    ? `IKM ${data.regionName}: ${decimalComma(region.index)} (mutu ${region.grade}, ${region.gradeName}) dari ${thousands(region.responses)} responden.`
    : 'Belum ada jawaban responden pada periode ini; IKM belum dapat dihitung.';
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLOR.ink)
    .text(pdfSafeText(headline), { width: contentWidth(doc) });
  doc.moveDown(0.6);
}

function drawIntroduction(doc: Doc, data: SkmReportData): void {
  sectionTitle(doc, 'I. Pendahuluan');
  paragraph(
    doc,
    `Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik dan Peraturan Menteri PANRB Nomor 14 Tahun 2017 mewajibkan setiap penyelenggara pelayanan publik melakukan Survei Kepuasan Masyarakat (SKM) paling sedikit sekali setahun, mengumumkan hasilnya, dan menindaklanjutinya. Laporan ini menyajikan hasil SKM ${data.regionName} periode ${periodLabel(data.period)} atas ${data.results.services.length} layanan, sebagai dasar perbaikan kualitas pelayanan.`,
    { size: 10, color: COLOR.ink },
  );
}

function drawMethod(doc: Doc, data: SkmReportData): void {
  sectionTitle(doc, 'II. Metodologi');
  const { results } = data;
  const populated = results.services.filter((s) => s.population !== null);
  const population = populated.reduce((sum, s) => sum + (s.population ?? 0), 0);
  const minimum = populated.reduce((sum, s) => sum + (s.minimumSample ?? 0), 0);
  paragraph(
    doc,
    `Survei dilaksanakan ${data.period.startsOn} s.d. ${data.period.endsOn} melalui tautan/kode QR, kios di loket layanan dan formulir kertas. Kuesioner memuat sembilan unsur pelayanan (persyaratan; sistem, mekanisme dan prosedur; waktu penyelesaian; biaya/tarif; produk spesifikasi jenis pelayanan; kompetensi pelaksana; perilaku pelaksana; penanganan pengaduan, saran dan masukan; sarana dan prasarana), masing-masing dengan empat pilihan jawaban bernilai 1 sampai 4. Nilai rata-rata (NRR) tiap unsur = jumlah nilai ÷ jumlah responden yang menjawab unsur itu; IKM = Σ(NRR × bobot 1/9) × 25, dibulatkan dua desimal, lalu digolongkan ke mutu A–D.`,
    { size: 10, color: COLOR.ink },
  );
  paragraph(
    doc,
    `Sampel minimum tiap layanan ditetapkan dengan tabel Krejcie dan Morgan dari populasinya (jumlah pengguna layanan dalam periode). ${
      populated.length > 0
        ? `Populasi tercatat untuk ${populated.length} layanan, berjumlah ${thousands(population)} pengguna, dengan sampel minimum ${thousands(minimum)} responden; terkumpul ${thousands(results.totals.responses)} responden.`
        : `Populasi layanan belum dicatat; terkumpul ${thousands(results.totals.responses)} responden.`
    }`,
    { size: 10, color: COLOR.ink },
  );
  const columns: Column[] = [
    { header: 'Layanan', width: 190 },
    { header: 'Unit', width: 135 },
    { header: 'Populasi', width: 55, align: 'right' },
    { header: 'Sampel min.', width: 55, align: 'right' },
    { header: 'Responden', width: 60, align: 'right' },
  ];
  drawTable(
    doc,
    columns,
    results.services.map((s) => ({
      cells: [
        s.serviceName,
        s.unitName,
        s.population === null ? '–' : thousands(s.population),
        s.minimumSample === null ? '–' : thousands(s.minimumSample),
        { text: thousands(s.responses), color: s.sufficient === false ? COLOR.warn : s.sufficient ? COLOR.good : COLOR.ink },
      ],
    })),
  );
}

function drawResults(doc: Doc, data: SkmReportData): void {
  sectionTitle(doc, 'III. Hasil');
  const { results } = data;
  const region = results.region;
  doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.brand).text('A. Nilai per unsur');
  doc.moveDown(0.3);
  if (region) {
    const names = new Map(results.weakest.map((w) => [w.unsur, w.name]));
    drawTable(
      doc,
      [
        { header: 'Unsur', width: 40 },
        { header: 'Uraian', width: 280 },
        { header: 'Responden', width: 70, align: 'right' },
        { header: 'NRR', width: 55, align: 'right' },
        { header: 'NRR × 25', width: 50, align: 'right' },
      ],
      Object.entries(region.unsur).map(([unsur, u]) => ({
        cells: [unsur, names.get(unsur) ?? '', thousands(u.answered), decimalComma(u.nrr), decimalComma(times25(u.nrr))],
      })),
    );
  } else paragraph(doc, 'Belum ada jawaban.', { italic: true });

  doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.brand).text('B. IKM per layanan dan unit');
  doc.moveDown(0.3);
  const rows = results.units.flatMap((u) => [
    { group: `${u.unitName}: ${u.ikm ? `IKM ${decimalComma(u.ikm.index)} (${u.ikm.grade})` : 'belum ada jawaban'}` },
    ...results.services
      .filter((s) => s.unitId === u.unitId)
      .map((s) => ({
        cells: [s.serviceName, thousands(s.responses), s.ikm ? decimalComma(s.ikm.index) : '–', s.ikm ? `${s.ikm.grade} (${s.ikm.gradeName})` : '–'],
      })),
  ]);
  drawTable(
    doc,
    [
      { header: 'Layanan', width: 260 },
      { header: 'Responden', width: 70, align: 'right' },
      { header: 'IKM', width: 60, align: 'right' },
      { header: 'Mutu', width: 105 },
    ],
    rows,
  );

  doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.brand).text('C. IKM per kelompok responden');
  doc.moveDown(0.3);
  const groupRows = data.groups.flatMap((g) => {
    const filled = g.rows.filter((r) => r.ikm !== null);
    if (filled.length === 0) return [];
    return [
      { group: GROUP_TITLES[g.group] },
      ...filled.map((r) => ({
        cells: [
          r.value === null ? 'Tidak diisi' : (PROFILE_LABELS[g.group]?.[r.value] ?? r.value),
          thousands(r.ikm?.responses ?? 0),
          decimalComma(r.ikm?.index),
          r.ikm ? r.ikm.grade : '–',
        ],
      })),
    ];
  });
  if (groupRows.length === 0) paragraph(doc, 'Belum ada jawaban.', { italic: true });
  else
    drawTable(
      doc,
      [
        { header: 'Kelompok', width: 260 },
        { header: 'Responden', width: 70, align: 'right' },
        { header: 'IKM', width: 60, align: 'right' },
        { header: 'Mutu', width: 105 },
      ],
      groupRows,
    );
}

/** NRR × 25 as printed (the converted value of one unsur), from the published NRR digits. */
function times25(nrr: string): string {
  const [whole = '0', fraction = ''] = nrr.split('.');
  const scaled = BigInt(whole + fraction.padEnd(3, '0').slice(0, 3)) * 25n;
  const text = scaled.toString().padStart(4, '0');
  return `${text.slice(0, -3)}.${text.slice(-3)}`.replace(/0+$/, '').replace(/\.$/, '');
}

function drawAnalysis(doc: Doc, data: SkmReportData): void {
  sectionTitle(doc, 'IV. Analisis');
  const { results } = data;
  const weakest = results.weakest.slice(0, 3);
  if (weakest.length > 0) {
    paragraph(
      doc,
      `Unsur dengan nilai terendah: ${weakest.map((w) => `${w.unsur} ${w.name} (NRR ${decimalComma(w.nrr)})`).join('; ')}. Unsur-unsur ini menjadi prioritas perbaikan.`,
      { size: 10, color: COLOR.ink },
    );
    const strongest = results.weakest.at(-1);
    if (strongest)
      paragraph(doc, `Unsur tertinggi: ${strongest.unsur} ${strongest.name} (NRR ${decimalComma(strongest.nrr)}).`, { size: 10, color: COLOR.ink });
  }
  if (results.previous) {
    const current = results.region?.index ?? null;
    const prev = results.previous.index;
    paragraph(
      doc,
      `Dibandingkan periode ${results.previous.label} (IKM ${decimalComma(prev)}), IKM periode ini ${decimalComma(current)}${
        current !== null && prev !== null ? ` (${trend(prev, current)})` : ''
      }.`,
      { size: 10, color: COLOR.ink },
    );
  }
  const weakServices = results.services.filter((s) => s.ikm && (s.ikm.grade === 'C' || s.ikm.grade === 'D'));
  if (weakServices.length > 0) {
    paragraph(doc, `Layanan bermutu C atau D: ${weakServices.map((s) => `${s.serviceName} (${decimalComma(s.ikm?.index)})`).join('; ')}.`, {
      size: 10,
      color: COLOR.ink,
    });
  }
  const short = results.services.filter((s) => s.sufficient === false);
  if (short.length > 0) {
    paragraph(
      doc,
      `Sampel belum mencukupi pada ${short.length} layanan: ${short.map((s) => `${s.serviceName} (${s.responses} dari ${s.minimumSample})`).join('; ')}.`,
      {
        size: 10,
        color: COLOR.ink,
      },
    );
  }
  doc.font(FONT.bold).fontSize(10.5).fillColor(COLOR.brand).text('Ringkasan saran responden');
  doc.moveDown(0.3);
  if (data.commonSuggestions.length === 0 && data.recentSuggestions.length === 0) {
    paragraph(doc, 'Tidak ada saran tertulis.', { italic: true });
    return;
  }
  if (data.commonSuggestions.length > 0) {
    paragraph(doc, 'Saran yang paling sering disampaikan:', { size: 10, color: COLOR.ink });
    drawTable(
      doc,
      [
        { header: 'Saran', width: 430 },
        { header: 'Jumlah', width: 65, align: 'right' },
      ],
      data.commonSuggestions.map((s) => ({ cells: [shorten(s.text, 300), thousands(s.count)] })),
    );
  }
  if (data.recentSuggestions.length > 0) {
    paragraph(doc, 'Saran terbaru:', { size: 10, color: COLOR.ink });
    drawTable(
      doc,
      [
        { header: 'Saran', width: 330 },
        { header: 'Layanan', width: 165 },
      ],
      data.recentSuggestions.map((s) => ({ cells: [shorten(s.text, 300), s.serviceName] })),
    );
  }
}

/** The change between two published two-decimal indices, in words, computed on their digits. */
function trend(previous: string, current: string): string {
  const cents = (v: string) => BigInt(v.includes('.') ? v.replace('.', '').padEnd(v.indexOf('.') + 2, '0') : `${v}00`);
  const diff = cents(current) - cents(previous);
  if (diff === 0n) return 'tetap';
  const abs = diff < 0n ? -diff : diff;
  const text = `${abs / 100n},${(abs % 100n).toString().padStart(2, '0')}`;
  return diff > 0n ? `naik ${text}` : `turun ${text}`;
}

function drawFollowUps(doc: Doc, data: SkmReportData): void {
  sectionTitle(doc, 'V. Rencana tindak lanjut');
  if (data.followUps.length === 0) {
    paragraph(doc, 'Rencana tindak lanjut belum disusun.', { italic: true });
    return;
  }
  drawTable(
    doc,
    [
      { header: 'No.', width: 24 },
      { header: 'Tindak lanjut', width: 175 },
      { header: 'Unsur / layanan', width: 90 },
      { header: 'Penanggung jawab', width: 80 },
      { header: 'Batas waktu', width: 58 },
      { header: 'Status', width: 68 },
    ],
    data.followUps.map((f, i) => ({
      cells: [
        String(i + 1),
        { text: f.action, note: f.result || undefined },
        [f.unsur, f.serviceName].filter(Boolean).join(' · ') || 'Semua layanan',
        f.owner,
        f.dueOn,
        {
          text: `${FOLLOW_UP_STATUS[f.status] ?? f.status} (${f.progress}%)`,
          color: f.overdue ? COLOR.warn : f.status === 'selesai' ? COLOR.good : COLOR.ink,
          note: f.overdue ? 'Lewat batas waktu' : undefined,
        },
      ],
    })),
  );
}

export async function buildSkmReportPdf(data: SkmReportData, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, done } = await createPdf(
    { title: `Laporan SKM ${data.regionName} ${periodLabel(data.period)}`, subject: 'Survei Kepuasan Masyarakat', createdAt: data.printedAt },
    options,
  );
  drawTitle(doc, data);
  drawIntroduction(doc, data);
  drawMethod(doc, data);
  drawResults(doc, data);
  drawAnalysis(doc, data);
  drawFollowUps(doc, data);
  drawFooters(doc, `Sinergi · Laporan SKM · ${data.regionName} · ${periodLabel(data.period)}`);
  doc.end();
  return done;
}
