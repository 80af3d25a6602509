/**
 * The body of an upload route: the file's bytes, sent raw. Only the content types a browser gives the
 * files we accept (and the generic `application/octet-stream`) are read, so a form post or a text body
 * from another page can never reach an upload; the stored type is decided from the bytes anyway.
 */
import type { FastifyInstance } from 'fastify';
import { EVIDENCE_FILE_TYPES } from '#domain/evidence/file-type.ts';

export const UPLOAD_CONTENT_TYPES: readonly string[] = [...new Set([...EVIDENCE_FILE_TYPES.map((t) => t.mime), 'application/octet-stream'])];

/** Call in the upload routes' own scope: every other parser there is removed. */
export function acceptRawUploads(scope: FastifyInstance, maxUploadBytes: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser([...UPLOAD_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: maxUploadBytes }, (_request, body, done) => done(null, body));
}
