/** Evidence (bukti dukung) of one innovation: files (uploaded with progress) and links, preview, delete. */
import type { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import { evidenceItem, linkEvidenceBody } from '#shared/api/innovations.ts';
import { apiPath, sendEmpty, sendFileWithProgress, sendJson, withQuery } from './http.ts';

export type EvidenceItem = z.output<typeof evidenceItem>;
export type LinkEvidenceInput = z.input<typeof linkEvidenceBody>;

/** What the server accepts, decided by the file's bytes; the list only guides the file picker. */
export const EVIDENCE_ACCEPT = 'application/pdf,image/png,image/jpeg,image/webp,image/gif,.pdf,.png,.jpg,.jpeg,.webp,.gif';
/** The server's default limit (SINERGI_MAX_UPLOAD_MB); the API does not publish the configured one. */
export const EVIDENCE_MAX_MB = 10;

const evidencePath = (regionCode: string, innovationId: string, ...rest: string[]) =>
  apiPath('regions', regionCode, 'innovations', innovationId, 'evidence', ...rest);

export const uploadEvidence = (
  regionCode: string,
  innovationId: string,
  input: { target: string; title: string; file: File },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) =>
  sendFileWithProgress(
    withQuery(evidencePath(regionCode, innovationId, 'files'), { target: input.target, title: input.title.trim(), fileName: input.file.name }),
    input.file,
    input.file.type || 'application/octet-stream',
    evidenceItem,
    onProgress,
    signal,
  );

export const addEvidenceLink = (regionCode: string, innovationId: string, input: LinkEvidenceInput) =>
  sendJson('POST', evidencePath(regionCode, innovationId, 'links'), linkEvidenceBody, input, evidenceItem);

export const deleteEvidence = (regionCode: string, innovationId: string, evidenceId: string) =>
  sendEmpty('DELETE', evidencePath(regionCode, innovationId, evidenceId), okBody);

/** Served inline (PDFs and images open in the browser), never as a download. */
export const evidenceContentUrl = (regionCode: string, innovationId: string, evidenceId: string) =>
  evidencePath(regionCode, innovationId, evidenceId, 'content');
