/**
 * The printable survey poster of a service (A4, for the counter's wall): the QR code of its public
 * survey page, drawn as vector squares so it stays sharp at any print size, with the service, the
 * unit and the address written out for those who cannot scan.
 */
import { COLOR, contentWidth, createPdf, FONT, type PdfOptions, pdfSafeText } from '#server/platform/pdf/pdf-kit.ts';

export interface PosterData {
  regionName: string;
  serviceName: string;
  unitName: string;
  /** The survey page the QR code opens. */
  url: string;
  printedAt: Date;
}

/** The QR code's modules (true = dark), row by row, with error correction M (a smudged print still scans). */
export async function qrMatrix(text: string): Promise<boolean[][]> {
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

export async function buildPosterPdf(data: PosterData, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, done } = await createPdf(
    { title: `Survei kepuasan: ${data.serviceName}`, subject: 'Poster survei kepuasan masyarakat', createdAt: data.printedAt },
    options,
  );
  const width = contentWidth(doc);
  const left = doc.page.margins.left;

  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(COLOR.muted)
    .text(pdfSafeText(data.regionName.toUpperCase()), { width, align: 'center', characterSpacing: 1.2 });
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(30).fillColor(COLOR.brand).text('Bagaimana pelayanan kami?', { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .font(FONT.regular)
    .fontSize(15)
    .fillColor(COLOR.ink)
    .text('Isi Survei Kepuasan Masyarakat: hanya 9 pertanyaan, tanpa mendaftar.', { width, align: 'center' });
  doc.moveDown(1.2);

  // Quiet zone of four modules around the code, as the QR standard asks.
  const matrix = await qrMatrix(data.url);
  const modules = matrix.length + 8;
  const side = Math.min(width, 330);
  const cell = side / modules;
  const x0 = left + (width - side) / 2;
  const y0 = doc.y;
  doc.rect(x0, y0, side, side).fill('#ffffff');
  doc.fillColor('#000000');
  matrix.forEach((row, r) => {
    row.forEach((dark, c) => {
      // Slightly overlapping squares leave no hairline gaps between neighbours in print.
      if (dark) doc.rect(x0 + (c + 4) * cell, y0 + (r + 4) * cell, cell + 0.2, cell + 0.2);
    });
  });
  doc.fill('#000000');
  doc.y = y0 + side + 16;

  doc
    .font(FONT.regular)
    .fontSize(12)
    .fillColor(COLOR.muted)
    .text('Pindai kode QR dengan kamera ponsel, atau buka:', left, doc.y, { width, align: 'center' });
  doc.moveDown(0.2);
  doc.font(FONT.bold).fontSize(11).fillColor(COLOR.brand).text(pdfSafeText(data.url), { width, align: 'center', link: data.url });
  doc.moveDown(1.4);
  doc.font(FONT.bold).fontSize(22).fillColor(COLOR.ink).text(pdfSafeText(data.serviceName), { width, align: 'center' });
  doc.moveDown(0.2);
  doc.font(FONT.regular).fontSize(14).fillColor(COLOR.muted).text(pdfSafeText(data.unitName), { width, align: 'center' });
  doc.moveDown(1.2);
  doc
    .font(FONT.italic)
    .fontSize(10)
    .fillColor(COLOR.muted)
    .text('Jawaban Anda tanpa nama dan menjadi dasar perbaikan layanan (PermenPANRB 14/2017).', { width, align: 'center' });
  doc.end();
  return done;
}
