/**
 * HTTP routes for an innovation's evidence (files and links): authenticate → parse → authorize
 * (config.access, then ownership in the service) → one service call → present.
 * Registered under /api/v1/regions/:regionCode/innovations/:innovationId/evidence.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import { evidenceItem, linkEvidenceBody, uploadEvidenceQuery } from '#shared/api/innovations.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { presentAttachment } from '#server/platform/attachments/attachments.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { addFileEvidence, addLinkEvidence, listInnovationEvidence, openEvidenceContent, removeEvidence } from './evidence.service.ts';

const innovationParams = regionCodeParam.extend({ innovationId: z.uuid('ID inovasi tidak valid') });
const evidenceParams = innovationParams.extend({ evidenceId: z.uuid('ID bukti dukung tidak valid') });
const evidenceList = z.object({ items: z.array(evidenceItem) });

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxUploadBytes = app.config.maxUploadBytes;

  app.get(
    '/',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Bukti dukung inovasi (berkas dan tautan)',
        params: innovationParams,
        response: { 200: evidenceList, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const rows = await listInnovationEvidence(ctx.db, ctx.actor, request.params);
      return { items: rows.map(presentAttachment) };
    },
  );

  // Uploads live in their own scope, where the file types we accept are read as raw bytes (the
  // service decides the type from the bytes), and nowhere else.
  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);

    files.post(
      '/files',
      {
        config: { access: inRegion('innovations.write') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah berkas bukti dukung (PDF, PNG, JPEG, WebP, GIF; jenis diperiksa dari isinya); badan permintaan = isi berkas',
          params: innovationParams,
          querystring: uploadEvidenceQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: evidenceItem, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
        }
        const { target, title, fileName } = request.query;
        const row = await addFileEvidence(serviceContext(request), files.storage, { maxUploadBytes }, request.params, {
          target,
          title,
          fileName,
          data: body,
        });
        return reply.status(201).send(presentAttachment(row));
      },
    );
  };
  await app.register(uploadRoutes);

  app.post(
    '/links',
    {
      config: { access: inRegion('innovations.write') },
      schema: {
        summary: 'Tambah tautan bukti dukung (mis. video), http(s) saja',
        params: innovationParams,
        body: linkEvidenceBody,
        response: { 201: evidenceItem, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const row = await addLinkEvidence(serviceContext(request), request.params, request.body);
      return reply.status(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/:evidenceId/content',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Isi berkas bukti dukung, untuk pratinjau di peramban (inline, tanpa skrip); 404 untuk tautan',
        params: evidenceParams,
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { evidenceId, ...owner } = request.params;
      const { row, stream } = await openEvidenceContent(ctx.db, ctx.actor, app.storage, owner, evidenceId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/:evidenceId',
    {
      config: { access: inRegion('innovations.write') },
      schema: {
        summary: 'Hapus bukti dukung',
        params: evidenceParams,
        response: { 200: okBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { evidenceId, ...owner } = request.params;
      const result = await removeEvidence(serviceContext(request), app.storage, owner, evidenceId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused evidence file could not be deleted');
      return { ok: true as const };
    },
  );
};
