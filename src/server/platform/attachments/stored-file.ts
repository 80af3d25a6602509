/**
 * What every evidence upload does, whichever record it supports (an innovation, an assessment item):
 * check the bytes (not the name), hash them, store them once per content under their hash, and serve
 * them back inline without ever letting them run in our origin.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { checkEvidenceFile, cleanFileName, type FileRefusal } from '#domain/evidence/file-type.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { lockBlob } from './blobs.ts';

/** Content-addressed: the same file uploaded twice is stored once, and a stored file never changes. */
export function storageKeyOf(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

const REFUSALS: Record<FileRefusal, (detected: string | null) => AppError> = {
  empty: () => fieldError('file', 'Berkas kosong'),
  too_large: () => new AppError('PAYLOAD_TOO_LARGE'),
  unsupported_type: () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', { issues: [{ field: 'file', reason: 'Isi berkas bukan PDF, PNG, JPEG, WebP atau GIF' }] }),
  name_mismatch: (detected) =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', {
      issues: [{ field: 'fileName', reason: `Nama berkas tidak sesuai dengan isinya (isinya ${detected ?? 'tidak dikenal'})` }],
    }),
};

export interface AcceptedFile {
  fileName: string;
  title: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  data: Buffer;
}

/** The name the user gave, cleaned; a missing one is refused before anything else is looked at. */
export function uploadName(fileName: string, title: string | undefined): { fileName: string; title: string } {
  const clean = cleanFileName(fileName);
  if (!clean) throw fieldError('query.fileName', 'Nama berkas wajib diisi');
  return { fileName: clean, title: title?.trim() || clean };
}

/** Checks an upload by its bytes and hashes it; throws the catalog error of a refusal. */
export function acceptFile(name: { fileName: string; title: string }, data: Buffer, maxUploadBytes: number): AcceptedFile {
  const check = checkEvidenceFile(name.fileName, data, maxUploadBytes);
  if (!check.ok) throw REFUSALS[check.refusal](check.detected?.label ?? null);
  const sha256 = createHash('sha256').update(data).digest('hex');
  return { ...name, mimeType: check.type.mime, sizeBytes: data.length, sha256, storageKey: storageKeyOf(sha256), data };
}

/** The columns every evidence table records for a stored file. */
export function fileColumns(file: AcceptedFile) {
  return {
    kind: 'file' as const,
    title: file.title,
    fileName: file.fileName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    storageKey: file.storageKey,
  };
}

/** Stores the bytes under their key, holding the blob's lock until the transaction ends. */
export async function storeFile(tx: DbOrTx, storage: BlobStorage, file: AcceptedFile): Promise<void> {
  await lockBlob(tx, file.storageKey);
  await storage.put(file.storageKey, file.data);
}

/**
 * A stored file is shown in our origin, so it must never run anything there: no script, no plugin, no
 * sniffing into HTML; inline styles and our own images only (what a PDF viewer or an image needs).
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

/** `inline` so PDFs and images preview in the browser, with the name in ASCII and in UTF-8 (RFC 6266). */
export function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Streams a stored file for preview with the headers that keep it inert. */
export function sendStoredFile(
  reply: FastifyReply,
  row: { mimeType: string; fileName: string | null; sizeBytes: number | null },
  stream: Readable,
): FastifyReply {
  if (row.sizeBytes !== null) reply.header('content-length', row.sizeBytes);
  return reply
    .type(row.mimeType)
    .header('content-disposition', inlineDisposition(row.fileName ?? 'bukti-dukung'))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, max-age=3600')
    .send(stream);
}
