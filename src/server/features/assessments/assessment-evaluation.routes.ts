/**
 * HTTP routes of an assessment's yearly evaluation (hasil evaluasi) under
 * /api/v1/regions/:regionCode/assessments/:assessmentId/evaluation: read the figures with the assessor's
 * result, record or edit the result, and the letter document.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import { assessmentEvaluation, evaluationInput } from '#shared/api/evaluations.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import {
  loadEvaluation,
  openEvaluationLetter,
  recordEvaluation,
  removeEvaluationLetter,
  uploadEvaluationLetter,
} from './assessment-evaluation.service.ts';

const params = regionCodeParam.extend({ assessmentId: z.uuid('ID penilaian tidak valid') });
const letterParams = params.extend({ attachmentId: z.uuid('ID lampiran tidak valid') });
const letterQuery = z.object({ title: z.string().trim().max(200, 'Judul paling banyak 200 karakter').optional() });

/** Browsers send a non-ASCII file name percent-encoded in a header. */
function fileNameOf(header: unknown, fallback: string): string {
  const raw = typeof header === 'string' && header ? header : fallback;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const assessmentEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary:
          'Hasil evaluasi penilaian: indeks per pilar dan keseluruhan (nilai terverifikasi), perubahan dari evaluasi sebelumnya, catatan dan surat penilai',
        params,
        response: { 200: assessmentEvaluation, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return loadEvaluation(ctx.db, ctx.actor, request.params.regionCode, request.params.assessmentId);
    },
  );

  app.put(
    '/',
    {
      config: { access: inRegion('assessments.verify') },
      schema: {
        summary:
          'Catat atau ubah hasil evaluasi penilai: catatan keseluruhan dan per pilar, nomor dan tanggal surat (versi yang dimuat; null untuk yang baru)',
        params,
        body: evaluationInput,
        response: { 200: assessmentEvaluation, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => recordEvaluation(serviceContext(request), request.params.regionCode, request.params.assessmentId, request.body),
  );

  app.get(
    '/letter/:attachmentId',
    {
      config: { access: inRegion('assessments.read') },
      schema: { summary: 'Unduh surat hasil evaluasi', params: letterParams },
    },
    async (request, reply) => {
      const { regionCode, assessmentId, attachmentId } = request.params;
      const { row, stream } = await openEvaluationLetter(app.db, app.storage, regionCode, assessmentId, attachmentId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/letter/:attachmentId',
    {
      config: { access: inRegion('assessments.verify') },
      schema: { summary: 'Hapus surat hasil evaluasi', params: letterParams, response: { 200: okBody, 404: errorBody, 409: errorBody } },
    },
    async (request) => {
      const { regionCode, assessmentId, attachmentId } = request.params;
      const result = await removeEvaluationLetter(serviceContext(request), app.storage, regionCode, assessmentId, attachmentId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused evaluation letter file could not be deleted');
      return { ok: true as const };
    },
  );

  // Uploads live in their own scope, where only the file types we accept are read as raw bytes.
  const maxUploadBytes = app.config.maxUploadBytes;
  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);
    files.post(
      '/letter',
      {
        config: { access: inRegion('assessments.verify') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah surat hasil evaluasi (PDF atau gambar; menggantikan surat sebelumnya); nama berkas di header x-file-name',
          params,
          querystring: letterQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: assessmentEvaluation, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
        }
        const { regionCode, assessmentId } = request.params;
        const result = await uploadEvaluationLetter(serviceContext(request), files.storage, { maxUploadBytes }, regionCode, assessmentId, {
          fileName: fileNameOf(request.headers['x-file-name'], 'surat-hasil-evaluasi'),
          title: request.query.title ?? 'Surat hasil evaluasi',
          data: body,
        });
        return reply.status(201).send(result);
      },
    );
  };
  await app.register(uploadRoutes);
};
