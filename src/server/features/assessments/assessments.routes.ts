/**
 * HTTP routes for self-assessments (SPBE, Indeks Pemdi): authenticate → parse → authorize
 * (config.access, then unit and stage rules in the service) → one service call → present.
 * Registered under /api/v1/regions/:regionCode/assessments.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentCreate,
  assessmentDetail,
  assessmentItem,
  assessmentList,
  assignBody,
  fillBody,
  gapAnalysis,
  stageBody,
  verifyBody,
} from '#shared/api/assessments.ts';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import { linkEvidenceBody, uploadEvidenceQuery } from '#shared/api/innovations.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import {
  addItemFile,
  addItemLink,
  assignIndicators,
  changeStage,
  createAssessment,
  fillItem,
  listAssessmentSummaries,
  loadAssessmentDetail,
  loadGapAnalysis,
  openItemEvidence,
  removeItemEvidence,
  verifyItem,
} from './assessments.service.ts';

const params = regionCodeParam.extend({ id: z.uuid('ID penilaian tidak valid') });
const itemParams = params.extend({ itemId: z.uuid('ID indikator penilaian tidak valid') });
const evidenceParams = itemParams.extend({ evidenceId: z.uuid('ID bukti dukung tidak valid') });
const evidenceEntry = assessmentItem.shape.evidence.element;
const gapQuery = z.object({ basis: z.enum(['verified', 'claimed']).default('verified') });
const uploadQuery = uploadEvidenceQuery.omit({ target: true });
const linkBody = linkEvidenceBody.omit({ target: true });

const itemRef = (p: z.infer<typeof itemParams>) => ({ regionCode: p.regionCode, assessmentId: p.id, itemId: p.itemId });

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxUploadBytes = app.config.maxUploadBytes;

  app.get(
    '/',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Daftar penilaian mandiri (SPBE, Indeks Pemdi) daerah ini',
        params: regionCodeParam,
        response: { 200: assessmentList },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return { items: await listAssessmentSummaries(ctx.db, request.params.regionCode) };
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Buka penilaian untuk satu tahun dari versi kerangka bernilai per indikator; satu butir per indikator',
        params: regionCodeParam,
        body: assessmentCreate,
        response: { 201: assessmentDetail, 400: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode } = request.params;
      const id = await createAssessment(ctx, regionCode, request.body);
      return reply.status(201).send(await loadAssessmentDetail(ctx.db, ctx.actor, regionCode, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Satu penilaian: indeks klaim dan terverifikasi, butir beserta kriteria dan bukti (operator: butir unitnya), kemajuan per unit',
        params,
        response: { 200: assessmentDetail, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return loadAssessmentDetail(ctx.db, ctx.actor, request.params.regionCode, request.params.id);
    },
  );

  app.post(
    '/:id/assignments',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Tugaskan indikator ke unit penanggung jawab, dengan tenggat',
        params,
        body: assignBody,
        response: { 200: assessmentDetail, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await assignIndicators(ctx, regionCode, id, request.body.assignments);
      return loadAssessmentDetail(ctx.db, ctx.actor, regionCode, id);
    },
  );

  app.put(
    '/:id/items/:itemId',
    {
      config: { access: inRegion('assessments.fill') },
      schema: {
        summary: 'Isi nilai dan penjelasan satu indikator (tahap mandiri; operator: indikator unitnya; versi yang dimuat)',
        params: itemParams,
        body: fillBody,
        response: { 200: assessmentItem, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => fillItem(serviceContext(request), itemRef(request.params), request.body),
  );

  app.post(
    '/:id/items/:itemId/verify',
    {
      config: { access: inRegion('assessments.verify') },
      schema: {
        summary: 'Verifikasi satu indikator: terima, atau koreksi nilainya dengan catatan (tahap verifikasi)',
        params: itemParams,
        body: verifyBody,
        response: { 200: assessmentItem, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => verifyItem(serviceContext(request), itemRef(request.params), request.body),
  );

  app.post(
    '/:id/stage',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Pindah tahap: mandiri → verifikasi → final, atau kembali dari verifikasi ke mandiri',
        params,
        body: stageBody,
        response: { 200: assessmentDetail, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await changeStage(ctx, regionCode, id, request.body);
      return loadAssessmentDetail(ctx.db, ctx.actor, regionCode, id);
    },
  );

  app.get(
    '/:id/gaps',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Analisis kesenjangan: langkah berikut tiap indikator dan kenaikan indeksnya, urut kenaikan; dibandingkan dengan tahun sebelumnya',
        params,
        querystring: gapQuery,
        response: { 200: gapAnalysis, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return loadGapAnalysis(ctx.db, ctx.actor, request.params.regionCode, request.params.id, request.query.basis);
    },
  );

  // Uploads live in their own scope, where the file types we accept are read as raw bytes (the
  // service decides the type from the bytes), and nowhere else.
  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);

    files.post(
      '/:id/items/:itemId/evidence/files',
      {
        config: { access: inRegion('assessments.fill') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah berkas bukti dukung indikator (PDF, PNG, JPEG, WebP, GIF; jenis diperiksa dari isinya); badan permintaan = isi berkas',
          params: itemParams,
          querystring: uploadQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: evidenceEntry, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
        }
        const { title, fileName } = request.query;
        const entry = await addItemFile(serviceContext(request), files.storage, { maxUploadBytes }, itemRef(request.params), {
          title,
          fileName,
          data: body,
        });
        return reply.status(201).send(entry);
      },
    );
  };
  await app.register(uploadRoutes);

  app.post(
    '/:id/items/:itemId/evidence/links',
    {
      config: { access: inRegion('assessments.fill') },
      schema: {
        summary: 'Tambah tautan bukti dukung indikator, http(s) saja',
        params: itemParams,
        body: linkBody,
        response: { 201: evidenceEntry, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const entry = await addItemLink(serviceContext(request), itemRef(request.params), request.body);
      return reply.status(201).send(entry);
    },
  );

  app.get(
    '/:id/items/:itemId/evidence/:evidenceId/content',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Isi berkas bukti dukung indikator, untuk pratinjau di peramban (inline, tanpa skrip); 404 untuk tautan',
        params: evidenceParams,
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { evidenceId, ...rest } = request.params;
      const { row, stream } = await openItemEvidence(ctx.db, ctx.actor, app.storage, itemRef(rest), evidenceId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/:id/items/:itemId/evidence/:evidenceId',
    {
      config: { access: inRegion('assessments.fill') },
      schema: {
        summary: 'Hapus bukti dukung indikator (tahap mandiri)',
        params: evidenceParams,
        response: { 200: okBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { evidenceId, ...rest } = request.params;
      const result = await removeItemEvidence(serviceContext(request), app.storage, itemRef(rest), evidenceId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused assessment evidence file could not be deleted');
      return { ok: true as const };
    },
  );
};
