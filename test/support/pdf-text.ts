/**
 * The text of a pdfkit file, for tests that check what a report says: its standard fonts write each
 * line as hex strings inside TJ arrays; compressed streams are inflated first.
 */
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1').replace(/\/FlateDecode[\s\S]*?stream\n([\s\S]*?)\nendstream/g, (whole, body: string) => {
    try {
      return `stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`;
    } catch {
      return whole;
    }
  });
  const lines: string[] = [];
  for (const match of raw.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    let line = '';
    for (const hex of (match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) line += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    lines.push(line);
  }
  return lines.join('\n');
}
