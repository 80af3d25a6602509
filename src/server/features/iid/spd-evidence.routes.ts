/**
 * HTTP routes of the SPD answers' evidence (files and links per region-level indicator of a period):
 * authenticate → parse → authorize (config.access, then the period's rule in the service) → one
 * service call → present. Registered inside the IID routes, under /api/v1/regions/:regionCode/iid.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import { evidenceItem } from '#shared/api/innovations.ts';
import { spdLinkEvidenceBody, spdUploadEvidenceQuery } from '#shared/api/iid.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { presentAttachment } from '#server/platform/attachments/attachments.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import { addSpdFileEvidence, addSpdLinkEvidence, openSpdEvidenceContent, removeSpdEvidence } from './spd-evidence.service.ts';

const indicatorId = z
  .string()
  .regex(/^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/, 'Kode indikator tidak valid')
  .max(20, 'Kode indikator tidak valid');
const periodParams = regionCodeParam.extend({ periodId: z.uuid('ID periode tidak valid') });
const indicatorParams = periodParams.extend({ indicatorId });
const evidenceParams = periodParams.extend({ evidenceId: z.uuid('ID bukti dukung tidak valid') });

export const spdEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxUploadBytes = app.config.maxUploadBytes;

  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);
    files.post(
      '/periods/:periodId/spd/:indicatorId/evidence/files',
      {
        config: { access: inRegion('periods.write') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah berkas bukti dukung indikator SPD (PDF atau gambar); verifikasinya kembali menunggu',
          params: indicatorParams,
          querystring: spdUploadEvidenceQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: evidenceItem, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
        }
        const { title, fileName } = request.query;
        const row = await addSpdFileEvidence(serviceContext(request), files.storage, { maxUploadBytes }, request.params, {
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
    '/periods/:periodId/spd/:indicatorId/evidence/links',
    {
      config: { access: inRegion('periods.write') },
      schema: {
        summary: 'Tambah tautan bukti dukung indikator SPD, http(s) saja; verifikasinya kembali menunggu',
        params: indicatorParams,
        body: spdLinkEvidenceBody,
        response: { 201: evidenceItem, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const row = await addSpdLinkEvidence(serviceContext(request), request.params, request.body);
      return reply.status(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/periods/:periodId/spd-evidence/:evidenceId/content',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Isi berkas bukti dukung SPD, untuk pratinjau (inline, tanpa skrip); 404 untuk tautan',
        params: evidenceParams,
      },
    },
    async (request, reply) => {
      const { evidenceId, ...owner } = request.params;
      const { row, stream } = await openSpdEvidenceContent(serviceContext(request).db, app.storage, owner, evidenceId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/periods/:periodId/spd-evidence/:evidenceId',
    {
      config: { access: inRegion('periods.write') },
      schema: {
        summary: 'Hapus bukti dukung SPD; verifikasi indikatornya kembali menunggu',
        params: evidenceParams,
        response: { 200: okBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { evidenceId, ...owner } = request.params;
      const result = await removeSpdEvidence(serviceContext(request), app.storage, owner, evidenceId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused evidence file could not be deleted');
      return { ok: true as const };
    },
  );
};
