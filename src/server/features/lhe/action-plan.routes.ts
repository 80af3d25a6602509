/**
 * HTTP routes of the action plan (rencana aksi): per assessment under
 * /api/v1/regions/:regionCode/assessments/:assessmentId/action-plan, and the region's list of all tasks
 * under /api/v1/regions/:regionCode/action-plan.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import { actionTask, actionTaskList, regionTaskList, regionTaskQuery, taskCreateInput, taskUpdateInput } from '#shared/api/national.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import {
  addTaskEvidence,
  createTask,
  deleteTask,
  listRegionTasks,
  listTasks,
  openTaskEvidence,
  removeTaskEvidence,
  tasksFromRecommendations,
  updateTask,
} from './action-plan.service.ts';

const params = regionCodeParam.extend({ assessmentId: z.uuid('ID penilaian tidak valid') });
const taskParams = params.extend({ taskId: z.uuid('ID tugas tidak valid') });
const evidenceParams = taskParams.extend({ evidenceId: z.uuid('ID lampiran tidak valid') });
const evidenceQuery = z.object({ title: z.string().trim().max(200, 'Judul paling banyak 200 karakter').optional() });

function fileNameOf(header: unknown, fallback: string): string {
  const raw = typeof header === 'string' && header ? header : fallback;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const regionActionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Semua tugas rencana aksi daerah (default: yang masih terbuka), yang terlambat ditandai',
        params: regionCodeParam,
        querystring: regionTaskQuery,
        response: { 200: regionTaskList },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return listRegionTasks(ctx.db, ctx.actor, request.params.regionCode, request.query, ctx.now);
    },
  );
};

export const actionPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Rencana aksi penilaian ini, dan tugas terbuka tahun sebelumnya yang terbawa ke penilaian ini',
        params,
        response: { 200: actionTaskList, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return listTasks(ctx.db, ctx.actor, request.params.regionCode, request.params.assessmentId, ctx.now);
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Tambah tugas rencana aksi pada satu indikator',
        params,
        body: taskCreateInput,
        response: { 201: actionTaskList, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      await createTask(ctx, request.params.regionCode, request.params.assessmentId, request.body);
      return reply.status(201).send(await listTasks(ctx.db, ctx.actor, request.params.regionCode, request.params.assessmentId, ctx.now));
    },
  );

  app.post(
    '/from-recommendations',
    {
      config: { access: inRegion('assessments.manage') },
      schema: {
        summary: 'Jadikan setiap rekomendasi asesor yang belum bertugas sebagai tugas rencana aksi',
        params,
        response: { 200: actionTaskList, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      await tasksFromRecommendations(ctx, request.params.regionCode, request.params.assessmentId);
      return listTasks(ctx.db, ctx.actor, request.params.regionCode, request.params.assessmentId, ctx.now);
    },
  );

  app.put(
    '/:taskId',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Ubah tugas (pengelola: semuanya; penanggung jawab: progres, status dan catatan)',
        params: taskParams,
        body: taskUpdateInput,
        response: { 200: actionTask, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) =>
      updateTask(serviceContext(request), request.params.regionCode, request.params.assessmentId, request.params.taskId, request.body),
  );

  app.delete(
    '/:taskId',
    {
      config: { access: inRegion('assessments.manage') },
      schema: { summary: 'Hapus tugas rencana aksi beserta buktinya', params: taskParams, response: { 200: okBody, 404: errorBody } },
    },
    async (request) => {
      await deleteTask(serviceContext(request), app.storage, request.params.regionCode, request.params.assessmentId, request.params.taskId);
      return { ok: true as const };
    },
  );

  app.get(
    '/:taskId/evidence/:evidenceId',
    {
      config: { access: inRegion('assessments.read') },
      schema: { summary: 'Unduh bukti penyelesaian tugas', params: evidenceParams },
    },
    async (request, reply) => {
      const { regionCode, assessmentId, taskId, evidenceId } = request.params;
      const { row, stream } = await openTaskEvidence(app.db, app.storage, regionCode, assessmentId, taskId, evidenceId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/:taskId/evidence/:evidenceId',
    {
      config: { access: inRegion('assessments.read') },
      schema: { summary: 'Hapus bukti penyelesaian tugas', params: evidenceParams, response: { 200: okBody, 403: errorBody, 404: errorBody } },
    },
    async (request) => {
      const { regionCode, assessmentId, taskId, evidenceId } = request.params;
      const result = await removeTaskEvidence(serviceContext(request), app.storage, regionCode, assessmentId, taskId, evidenceId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused action-plan evidence file could not be deleted');
      return { ok: true as const };
    },
  );

  const maxUploadBytes = app.config.maxUploadBytes;
  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);
    files.post(
      '/:taskId/evidence',
      {
        config: { access: inRegion('assessments.read') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah bukti penyelesaian tugas (PDF atau gambar); nama berkas di header x-file-name',
          params: taskParams,
          querystring: evidenceQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: actionTask, 400: errorBody, 403: errorBody, 404: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
        }
        const { regionCode, assessmentId, taskId } = request.params;
        const result = await addTaskEvidence(serviceContext(request), files.storage, { maxUploadBytes }, regionCode, assessmentId, taskId, {
          fileName: fileNameOf(request.headers['x-file-name'], 'bukti-tindak-lanjut'),
          title: request.query.title ?? 'Bukti penyelesaian',
          data: body,
        });
        return reply.status(201).send(result);
      },
    );
  };
  await app.register(uploadRoutes);
};
