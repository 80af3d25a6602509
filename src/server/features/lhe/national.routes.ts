/**
 * HTTP routes of an assessment's national evaluation under
 * /api/v1/regions/:regionCode/assessments/:assessmentId/national: the sheet with the three figures and
 * the gaps, opening it, the stage, the assessor's record per indicator, the XLSX template and import, the LHE.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { lheInput, nationalEvaluation, nationalImportReport, nationalItemInput, nationalStageInput } from '#shared/api/national.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import {
  changeNationalStage,
  importNational,
  loadNational,
  nationalTemplate,
  openNational,
  recordLhe,
  updateNationalItem,
} from './national.service.ts';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const params = regionCodeParam.extend({ assessmentId: z.uuid('ID penilaian tidak valid') });
const itemParams = params.extend({ itemId: z.uuid('ID indikator tidak valid') });
const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun harus true atau false' })
    .default('true')
    .transform((v) => v === 'true'),
});
const responses = { 200: nationalEvaluation, 400: errorBody, 404: errorBody, 409: errorBody };

export const nationalEvaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Evaluasi nasional: tahap, lembar asesor per indikator, indeks klaim / verifikasi / nasional dengan selisihnya, LHE',
        params,
        response: { 200: nationalEvaluation, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return loadNational(ctx.db, ctx.actor, request.params.regionCode, request.params.assessmentId, ctx.now);
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Buka evaluasi nasional (tahap penilaian dokumen) setelah penilaian mandiri final',
        params,
        response: { 201: nationalEvaluation, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openNational(serviceContext(request), request.params.regionCode, request.params.assessmentId)),
  );

  app.post(
    '/stage',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Lanjutkan tahap evaluasi nasional: penilaian dokumen → interview → visitasi (boleh dilewati) → hasil',
        params,
        body: nationalStageInput,
        response: responses,
      },
    },
    async (request) => changeNationalStage(serviceContext(request), request.params.regionCode, request.params.assessmentId, request.body),
  );

  app.put(
    '/items/:itemId',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Catat lembar asesor satu indikator: tanda unggah/interviu/disetujui, catatan, rekomendasi, bukti yang dijanjikan, nilai asesor',
        params: itemParams,
        body: nationalItemInput,
        response: responses,
      },
    },
    async (request) =>
      updateNationalItem(serviceContext(request), request.params.regionCode, request.params.assessmentId, request.params.itemId, request.body),
  );

  app.put(
    '/lhe',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Catat LHE: nomor dan tanggal keputusan (hanya pada tahap hasil); lembar asesor terkunci',
        params,
        body: lheInput,
        response: responses,
      },
    },
    async (request) => recordLhe(serviceContext(request), request.params.regionCode, request.params.assessmentId, request.body),
  );

  app.get(
    '/template.xlsx',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary:
          'Templat XLSX lembar asesor: satu baris per indikator (nomor, nama, nilai verifikasi daerah sebagai petunjuk, isian yang sudah tercatat) dan kolom yang dibaca impor',
        params,
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { file, fileName } = await nationalTemplate(ctx.db, ctx.actor, request.params.regionCode, request.params.assessmentId);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="${fileName}"`).send(file);
    },
  );

  app.post(
    '/import',
    {
      config: { access: inRegion('assessments.manage') },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary:
          'Impor hasil nasional per indikator dari XLSX (kolom Indikator, Nilai asesor, Catatan, Rekomendasi, Diunggah, Diinterviu, Disetujui); dryRun=true hanya memeriksa',
        params,
        querystring: importQuery,
        body: z.instanceof(Buffer).optional(),
        response: { 200: nationalImportReport, 400: errorBody, 404: errorBody, 409: errorBody, 415: errorBody },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX' }] });
      }
      return importNational(serviceContext(request), request.params.regionCode, request.params.assessmentId, body, request.query.dryRun);
    },
  );
};
