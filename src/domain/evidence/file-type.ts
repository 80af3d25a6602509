/**
 * What an uploaded evidence file really is, decided from its first bytes (magic numbers), never from
 * its name or the type the browser claims. Only types a browser previews without running anything are
 * accepted: PDF and raster images. SVG, HTML and office documents are refused on purpose: the first two
 * can carry script, the last cannot be previewed. Pure: bytes and a name in, a result out.
 */

export interface EvidenceFileType {
  readonly mime: string;
  readonly label: string;
  /** The names a file of this type may carry (lower case, without the dot). */
  readonly extensions: readonly string[];
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

interface Signature {
  type: EvidenceFileType;
  /** Each part must appear at its offset. */
  parts: { offset: number; bytes: number[] }[];
}

export const PDF: EvidenceFileType = { mime: 'application/pdf', label: 'PDF', extensions: ['pdf'] };
export const PNG: EvidenceFileType = { mime: 'image/png', label: 'PNG', extensions: ['png'] };
export const JPEG: EvidenceFileType = { mime: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] };
export const WEBP: EvidenceFileType = { mime: 'image/webp', label: 'WebP', extensions: ['webp'] };
export const GIF: EvidenceFileType = { mime: 'image/gif', label: 'GIF', extensions: ['gif'] };

export const EVIDENCE_FILE_TYPES: readonly EvidenceFileType[] = [PDF, PNG, JPEG, WEBP, GIF];

const SIGNATURES: readonly Signature[] = [
  // A PDF starts with its header; readers tolerate junk before it, we do not (a polyglot is refused).
  { type: PDF, parts: [{ offset: 0, bytes: ascii('%PDF-') }] },
  { type: PNG, parts: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  { type: JPEG, parts: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }] },
  {
    type: WEBP,
    parts: [
      { offset: 0, bytes: ascii('RIFF') },
      { offset: 8, bytes: ascii('WEBP') },
    ],
  },
  { type: GIF, parts: [{ offset: 0, bytes: ascii('GIF87a') }] },
  { type: GIF, parts: [{ offset: 0, bytes: ascii('GIF89a') }] },
];

function hasBytesAt(data: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (data.length < offset + bytes.length) return false;
  return bytes.every((b, i) => data[offset + i] === b);
}

/** The type the bytes are, or null when they are none of the accepted types. */
export function detectFileType(data: Uint8Array): EvidenceFileType | null {
  const found = SIGNATURES.find((s) => s.parts.every((p) => hasBytesAt(data, p.offset, p.bytes)));
  return found?.type ?? null;
}

/** The extension of a file name, lower case, or null when it has none. */
export function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * The name as a user would see it: the last path segment only (browsers on Windows send
 * `C:\fakepath\…`), without control characters, trimmed.
 */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export type FileRefusal =
  /** No bytes at all. */
  | 'empty'
  /** More bytes than the install allows. */
  | 'too_large'
  /** The bytes are not one of the accepted types. */
  | 'unsupported_type'
  /** The bytes are an accepted type, but the name says something else (`laporan.pdf` that is a PNG). */
  | 'name_mismatch';

export type FileCheck = { ok: true; type: EvidenceFileType } | { ok: false; refusal: FileRefusal; detected: EvidenceFileType | null };

/**
 * Decides whether an upload may be kept as evidence. The limits apply to the bytes received, whatever
 * the request said about them. A name without an extension is accepted (the type comes from the
 * bytes); a name whose extension disagrees with the bytes is refused, so a file is never offered to a
 * browser or a desktop under a name that lies about what it is.
 */
export function checkEvidenceFile(fileName: string, data: Uint8Array, maxBytes: number): FileCheck {
  if (data.length === 0) return { ok: false, refusal: 'empty', detected: null };
  if (data.length > maxBytes) return { ok: false, refusal: 'too_large', detected: null };
  const type = detectFileType(data);
  if (!type) return { ok: false, refusal: 'unsupported_type', detected: null };
  const extension = extensionOf(fileName);
  if (extension !== null && !type.extensions.includes(extension)) return { ok: false, refusal: 'name_mismatch', detected: type };
  return { ok: true, type };
}

/** Fields whose documents the national application asks for, and the general bucket. */
export const EVIDENCE_DOCUMENT_TARGETS = ['umum', 'anggaran', 'profil_bisnis'] as const;

/**
 * What a piece of evidence supports: one of the document targets, a profile field (`rancangBangun`),
 * or an indicator of a framework written `<dimension>.<indicator>` (`sid.16`, `spd.2a`).
 */
const TARGET_PATTERN = /^[a-z][a-zA-Z0-9_]{0,39}(\.[a-z0-9][a-z0-9_-]{0,19})?$/;

export function isEvidenceTarget(target: string): boolean {
  return TARGET_PATTERN.test(target);
}
