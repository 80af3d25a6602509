/**
 * A competition's documents: every judge's score per criterion as XLSX for the committee (numbers
 * as numeric cells), the winners' certificates (piagam) as PDF after penetapan, and one entry's
 * proposal as PDF in the competition's own section order.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { weightedScore } from '#domain/competition/scoring.ts';
import type { STAGE_CODES } from '#shared/api/competitions.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { competitionSheets, regions, users } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { type SheetColumn, writeSheet } from '#server/lib/xlsx.ts';
import {
  COLOR,
  contentWidth,
  createPdf,
  drawFooters,
  FONT,
  paragraph,
  pdfSafeText,
  printedDate,
  sectionTitle,
} from '#server/platform/pdf/pdf-kit.ts';
import { findInnovation } from '#server/platform/records.ts';
import { rubricByCode } from './kompetisi-rubrics.ts';
import { finalRanking } from './kompetisi-results.service.ts';
import { allEntries, type EntryWithNames, findCompetition, NATIONAL, stagesOf } from './kompetisi.queries.ts';

export const STAGE_LABELS: Record<(typeof STAGE_CODES)[number], string> = {
  pendaftaran: 'Pendaftaran',
  seleksi_administrasi: 'Seleksi administrasi',
  penilaian_proposal: 'Penilaian proposal',
  presentasi: 'Presentasi',
  verifikasi_lapangan: 'Verifikasi lapangan',
  penetapan: 'Penetapan',
};

const asNumber = (value: string | undefined): number | null => (value === undefined || value === '' ? null : Number(value));

export async function scoresXlsx(db: DbOrTx, regionCode: string, competitionId: string): Promise<Buffer> {
  const competition = await findCompetition(db, regionCode, competitionId);
  if (!competition) throw new AppError('NOT_FOUND');
  const stages = await stagesOf(db, competitionId);
  const entries = new Map((await allEntries(db, regionCode, competitionId)).map((e) => [e.entry.id, e]));
  const sheets = await db
    .select({ sheet: competitionSheets, judgeName: users.displayName })
    .from(competitionSheets)
    .innerJoin(users, eq(users.id, competitionSheets.judgeUserId))
    .where(inArray(competitionSheets.stageId, stages.length > 0 ? stages.map((s) => s.id) : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(asc(competitionSheets.stageId), asc(competitionSheets.entryId), asc(users.displayName));
  const stageById = new Map(stages.map((s) => [s.id, s]));
  // One column per criterion of any rubric the competition uses, named as the rubric names it.
  const criteria = new Map<string, string>();
  for (const s of stages)
    for (const c of (s.rubricCode ? rubricByCode(s.rubricCode) : undefined)?.criteria ?? []) if (!criteria.has(c.code)) criteria.set(c.code, c.name);
  type Row = (typeof sheets)[number];
  const columns: SheetColumn<Row>[] = [
    { header: 'Tahap', width: 20, value: (r) => STAGE_LABELS[stageById.get(r.sheet.stageId)?.code as keyof typeof STAGE_LABELS] ?? '' },
    { header: 'Kategori', width: 16, value: (r) => entries.get(r.sheet.entryId)?.entry.category ?? '' },
    { header: 'Inovasi', width: 40, value: (r) => entries.get(r.sheet.entryId)?.innovationName ?? '' },
    { header: 'Unit', width: 30, value: (r) => entries.get(r.sheet.entryId)?.unitName ?? '' },
    { header: 'Juri', width: 24, value: (r) => r.judgeName },
    { header: 'Status lembar', width: 14, value: (r) => (r.sheet.status === 'submitted' ? 'dikirim' : 'draf') },
    ...[...criteria].map(([code, name]): SheetColumn<Row> => ({ header: name, width: 14, value: (r) => asNumber(r.sheet.scores[code]) })),
    {
      header: 'Nilai tertimbang',
      width: 16,
      value: (r) => {
        const stage = stageById.get(r.sheet.stageId);
        const rubric = stage?.rubricCode ? rubricByCode(stage.rubricCode) : undefined;
        if (!rubric || r.sheet.status !== 'submitted') return null;
        return Number(weightedScore(rubric, r.sheet.scores));
      },
    },
  ];
  return writeSheet('Nilai juri', columns, sheets);
}

async function regionName(db: DbOrTx, code: string): Promise<string> {
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return row?.name ?? code;
}

const ROMAN = ['I', 'II', 'III'];

export async function certificatesPdf(db: DbOrTx, regionCode: string, competitionId: string, now: Date): Promise<Buffer> {
  const competition = await findCompetition(db, regionCode, competitionId);
  if (!competition) throw new AppError('NOT_FOUND');
  if (competition.status !== 'ditetapkan' && competition.status !== 'diumumkan')
    throw new AppError('COMPETITION_WRONG_STAGE', { detail: 'certificates follow penetapan' });
  const ranking = await finalRanking(db, competition);
  const region = regionCode === NATIONAL ? 'Tingkat Nasional' : await regionName(db, regionCode);
  const { doc, done } = await createPdf({ title: `Piagam ${competition.name}`, subject: 'Piagam penghargaan kompetisi inovasi', createdAt: now });
  let first = true;
  for (const category of ranking.categories) {
    for (const r of category.ranking.filter((x) => x.rank <= 3)) {
      if (!first) doc.addPage();
      first = false;
      const width = contentWidth(doc);
      doc.moveDown(4);
      doc.font(FONT.bold).fontSize(30).fillColor(COLOR.brand).text('PIAGAM PENGHARGAAN', { width, align: 'center' });
      doc.moveDown(0.5);
      doc.font(FONT.regular).fontSize(12).fillColor(COLOR.muted).text(pdfSafeText(region), { width, align: 'center' });
      doc.moveDown(2.5);
      doc.font(FONT.regular).fontSize(12).fillColor(COLOR.ink).text('diberikan kepada', { width, align: 'center' });
      doc.moveDown(0.8);
      doc
        .font(FONT.bold)
        .fontSize(20)
        .fillColor(COLOR.ink)
        .text(pdfSafeText(r.e?.unitName ?? ''), { width, align: 'center' });
      doc.moveDown(0.5);
      doc
        .font(FONT.italic)
        .fontSize(14)
        .text(pdfSafeText(`atas inovasi "${r.e?.innovationName ?? ''}"`), { width, align: 'center' });
      doc.moveDown(1.5);
      doc
        .font(FONT.bold)
        .fontSize(18)
        .fillColor(COLOR.brand)
        .text(pdfSafeText(`Juara ${ROMAN[r.rank - 1] ?? r.rank} Kategori ${category.name}`), { width, align: 'center' });
      doc.moveDown(0.5);
      doc
        .font(FONT.regular)
        .fontSize(12)
        .fillColor(COLOR.ink)
        .text(pdfSafeText(`${competition.name} Tahun ${competition.year}`), { width, align: 'center' });
      doc.moveDown(0.3);
      doc.fontSize(11).text(pdfSafeText(`Nilai akhir ${r.score.replace('.', ',')}`), { width, align: 'center' });
      doc.moveDown(3);
      const decreeDate = competition.decreeDate ? printedDate(new Date(`${competition.decreeDate}T12:00:00+07:00`)) : '';
      doc
        .fontSize(10)
        .fillColor(COLOR.muted)
        .text(pdfSafeText(`Ditetapkan dengan Keputusan Nomor ${competition.decreeNumber ?? '-'} tanggal ${decreeDate}`), { width, align: 'center' });
    }
  }
  if (first) paragraph(doc, 'Belum ada juara yang ditetapkan.', { size: 12 });
  drawFooters(doc, `${competition.name} ${competition.year}`);
  doc.end();
  return done;
}

export async function proposalPdf(db: DbOrTx, regionCode: string, competitionId: string, found: EntryWithNames, now: Date): Promise<Buffer> {
  const competition = await findCompetition(db, regionCode, competitionId, 'take_part');
  if (!competition) throw new AppError('NOT_FOUND');
  const innovation = (await findInnovation(db, found.entry.regionCode, found.entry.innovationId))?.innovation;
  const category = competition.categories.find((c) => c.code === found.entry.category)?.name ?? found.entry.category;
  const { doc, done } = await createPdf({ title: `Proposal ${found.innovationName}`, subject: competition.name, createdAt: now });
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(18).fillColor(COLOR.brand).text(pdfSafeText(found.innovationName), { width });
  doc
    .font(FONT.bold)
    .fontSize(11)
    .fillColor(COLOR.ink)
    .text(pdfSafeText(`${found.unitName} · Kategori ${category}`), { width });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(pdfSafeText(`${competition.name} ${competition.year} · Dicetak ${printedDate(now)}`), { width });
  doc.moveDown(0.8);
  sectionTitle(doc, 'Profil inovasi');
  paragraph(
    doc,
    [
      `Tahapan: ${innovation?.tahapan ?? '-'}`,
      `Jenis: ${innovation?.jenis ?? '-'}`,
      `Bentuk: ${innovation?.bentuk ?? '-'}`,
      `Urusan: ${innovation?.urusanUtama ?? '-'}`,
      `Waktu penerapan: ${innovation?.waktuPenerapan ?? '-'}`,
    ].join('\n'),
    { size: 10, color: COLOR.ink },
  );
  if (found.entry.videoUrl) paragraph(doc, `Video: ${found.entry.videoUrl}`, { size: 10, color: COLOR.ink });
  for (const section of competition.sections) {
    sectionTitle(doc, section.title);
    const text = found.entry.sections[section.code] ?? '';
    paragraph(doc, text.trim() === '' ? '(belum diisi)' : text, { size: 10, color: COLOR.ink, italic: text.trim() === '' });
  }
  drawFooters(doc, `Proposal ${found.innovationName}`);
  doc.end();
  return done;
}
