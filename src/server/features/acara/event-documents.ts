/**
 * The documents of an event, on the PDF kit: the attendance list (daftar hadir: who came, from where,
 * when they checked in, and a column to sign, as the IID's bimtek indicator asks for as evidence), and
 * one participant's certificate (sertifikat) with a verification code anyone can check on the
 * certificate page. Also the participant's check-in QR code as SVG, for the organiser's screen.
 */
import {
  COLOR,
  contentWidth,
  createPdf,
  drawFooters,
  drawTable,
  FONT,
  type PdfOptions,
  pdfSafeText,
  printedDate,
} from '#server/platform/pdf/pdf-kit.ts';

export interface EventHeader {
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  organiserUnitName: string;
  regionName: string;
}

export interface AttendanceRow {
  name: string;
  position: string | null;
  affiliation: string;
  checkedInAt: Date | null;
}

const KIND_LABEL: Record<string, string> = {
  rakor: 'Rapat Koordinasi',
  bimtek: 'Bimbingan Teknis',
  sosialisasi: 'Sosialisasi',
  fgd: 'Diskusi Kelompok Terpumpun (FGD)',
  expo: 'Pameran (Expo)',
  lainnya: 'Kegiatan',
};
export const eventKindLabel = (kind: string) => KIND_LABEL[kind] ?? 'Kegiatan';

const timeOf = (d: Date) =>
  new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hour12: false }).format(d).replace('.', ':');

/** "Rabu, 23 April 2025, 08:30–12:00 WIB", or the two days of an event that runs longer. */
export function whenText(startsAt: Date, endsAt: Date): string {
  const day = (d: Date) =>
    new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  return day(startsAt) === day(endsAt)
    ? `${day(startsAt)}, ${timeOf(startsAt)}–${timeOf(endsAt)} WIB`
    : `${day(startsAt)} ${timeOf(startsAt)} WIB s.d. ${day(endsAt)} ${timeOf(endsAt)} WIB`;
}

export const placeText = (e: { place: string | null; onlineUrl: string | null }) =>
  [e.place, e.onlineUrl ? `Daring: ${e.onlineUrl}` : null].filter(Boolean).join(' · ');

export const attendanceFileName = (title: string) =>
  `daftar-hadir-${
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'acara'
  }.pdf`;

export async function buildAttendancePdf(event: EventHeader, rows: AttendanceRow[], printedAt: Date, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, done } = await createPdf({ title: `Daftar Hadir ${event.title}`, subject: 'Daftar hadir acara', createdAt: printedAt }, options);
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(11).fillColor(COLOR.muted).text(pdfSafeText(event.regionName.toUpperCase()), { width, align: 'center' });
  doc.moveDown(0.2);
  doc.font(FONT.bold).fontSize(18).fillColor(COLOR.brand).text('DAFTAR HADIR', { width, align: 'center' });
  doc.moveDown(0.2);
  doc.font(FONT.bold).fontSize(12).fillColor(COLOR.ink).text(pdfSafeText(event.title), { width, align: 'center' });
  doc.moveDown(0.6);
  const facts: [string, string][] = [
    ['Jenis kegiatan', eventKindLabel(event.kind)],
    ['Hari, tanggal', whenText(event.startsAt, event.endsAt)],
    ['Tempat', placeText(event) || '-'],
    ['Penyelenggara', event.organiserUnitName],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font(FONT.regular).fontSize(9.5).fillColor(COLOR.muted).text(label, doc.page.margins.left, y, { width: 100 });
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor(COLOR.ink)
      .text(`: ${pdfSafeText(value)}`, doc.page.margins.left + 100, y, { width: width - 100 });
  }
  doc.moveDown(0.8);
  const attended = rows.filter((r) => r.checkedInAt).length;
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text(`${rows.length} peserta terdaftar, ${attended} hadir.`, doc.page.margins.left, doc.y, { width });
  doc.moveDown(0.4);
  drawTable(
    doc,
    [
      { header: 'No', width: 28, align: 'right' },
      { header: 'Nama / jabatan', width: 150 },
      { header: 'Unit / instansi', width: 135 },
      { header: 'Hadir (WIB)', width: 62 },
      { header: 'Tanda tangan', width: 120 },
    ],
    rows.map((r, i) => ({
      cells: [
        String(i + 1),
        r.position ? { text: r.name, note: r.position } : r.name,
        r.affiliation,
        r.checkedInAt ? `${printedDate(r.checkedInAt)} ${timeOf(r.checkedInAt)}` : '-',
        // Signatures alternate left and right, as on a paper daftar hadir, so neighbours do not overlap.
        { text: i % 2 === 0 ? `${i + 1}.` : `          ${i + 1}.`, size: 16, color: COLOR.rule },
      ],
    })),
  );
  doc
    .font(FONT.italic)
    .fontSize(8)
    .fillColor(COLOR.muted)
    .text(`Dicetak dari Sinergi pada ${printedDate(printedAt)}. Waktu hadir dicatat saat peserta memindai kode QR pribadinya atau dicatat panitia.`, {
      width,
    });
  drawFooters(doc, `Sinergi · Daftar hadir · ${event.title}`);
  doc.end();
  return done;
}

/** The QR code's modules (true = dark), row by row, with error correction M. */
async function qrMatrix(text: string): Promise<boolean[][]> {
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(modules.get(r, c) === 1);
    rows.push(row);
  }
  return rows;
}

/** The check-in QR as an SVG image (shown on the organiser's screen, printed on an invitation). */
export async function qrSvg(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

export interface CertificateData {
  participantName: string;
  affiliation: string;
  event: EventHeader;
  code: string;
  /** The page where anyone can check the code. */
  verifyUrl: string;
  printedAt: Date;
}

export const certificateFileName = (code: string) => `sertifikat-${code}.pdf`;

export async function buildCertificatePdf(data: CertificateData, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, done } = await createPdf(
    { title: `Sertifikat ${data.participantName}`, subject: `Sertifikat peserta ${data.event.title}`, createdAt: data.printedAt },
    options,
  );
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2.5)
    .strokeColor(COLOR.brand)
    .stroke();
  doc
    .rect(34, 34, doc.page.width - 68, doc.page.height - 68)
    .lineWidth(0.6)
    .strokeColor(COLOR.brand)
    .stroke();
  doc.y = 90;
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLOR.muted)
    .text(pdfSafeText(data.event.regionName.toUpperCase()), left, doc.y, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(11).text(pdfSafeText(data.event.organiserUnitName), { width, align: 'center' });
  doc.moveDown(2);
  doc.font(FONT.bold).fontSize(34).fillColor(COLOR.brand).text('SERTIFIKAT', { width, align: 'center', characterSpacing: 3 });
  doc.moveDown(1.2);
  doc.font(FONT.regular).fontSize(13).fillColor(COLOR.ink).text('diberikan kepada', { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font(FONT.bold).fontSize(24).fillColor(COLOR.ink).text(pdfSafeText(data.participantName), { width, align: 'center' });
  if (data.affiliation) {
    doc.moveDown(0.2);
    doc.font(FONT.regular).fontSize(12).fillColor(COLOR.muted).text(pdfSafeText(data.affiliation), { width, align: 'center' });
  }
  doc.moveDown(1.2);
  doc
    .font(FONT.regular)
    .fontSize(13)
    .fillColor(COLOR.ink)
    .text(`atas partisipasinya sebagai peserta ${eventKindLabel(data.event.kind)}`, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(16).fillColor(COLOR.brand).text(pdfSafeText(data.event.title), { width, align: 'center' });
  doc.moveDown(0.6);
  doc
    .font(FONT.regular)
    .fontSize(11.5)
    .fillColor(COLOR.ink)
    .text(pdfSafeText(whenText(data.event.startsAt, data.event.endsAt)), { width, align: 'center' });
  if (data.event.place) doc.text(pdfSafeText(data.event.place), { width, align: 'center' });

  // The verification block at the foot: the QR opens the check page, the code can be typed there too.
  const matrix = await qrMatrix(data.verifyUrl);
  const side = 92;
  const cell = side / (matrix.length + 8);
  const y0 = doc.page.height - 90 - side;
  const x0 = left + 10;
  doc.fillColor('#000000');
  matrix.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) doc.rect(x0 + (c + 4) * cell, y0 + (r + 4) * cell, cell + 0.2, cell + 0.2);
    });
  });
  doc.fill('#000000');
  const tx = x0 + side + 14;
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(COLOR.muted)
    .text('Kode verifikasi', tx, y0 + 18, { width: width - side - 30 });
  doc
    .font(FONT.bold)
    .fontSize(16)
    .fillColor(COLOR.ink)
    .text(data.code, tx, doc.y, { width: width - side - 30 });
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.muted)
    .text(pdfSafeText(`Periksa keaslian sertifikat ini di ${data.verifyUrl}`), tx, doc.y + 2, { width: width - side - 30, link: data.verifyUrl });
  doc.text(`Diterbitkan melalui Sinergi, ${printedDate(data.printedAt)}.`, tx, doc.y + 2, { width: width - side - 30 });
  doc.end();
  return done;
}
