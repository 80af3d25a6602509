/**
 * The citizens' side of complaints, without login: the categories of a region, the form, adding a
 * photo within the hour, and the status page by tracking code (never the contact details).
 * Registered under /api/v1/public.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { complaintCategoryList, complaintCreated, complaintInput, publicComplaint } from '#shared/api/complaints.ts';
import { PUBLIC } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { originOf } from '#server/http/context.ts';
import { isNotModified, notModified, weakEtagOf } from '#server/http/etag.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import { publicWrite } from '#server/platform/public-write.ts';
import { listCategories } from './complaints.queries.ts';
import { addComplaintPhoto, fileComplaint, loadPublicComplaint, presentCategory, TRACKING_PATTERN } from './complaints.service.ts';

const trackingParam = z.object({
  trackingCode: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .refine((v) => TRACKING_PATTERN.test(v), 'Kode pengaduan berformat ADU-XXXXXX'),
});
const photoHeaders = z.object({
  'x-photo-token': z.string().min(1, 'Tautan foto tidak ada').max(200).optional(),
  'x-file-name': z.string().max(255).optional(),
});

/**
 * A citizen refreshing the status page, or a proxy in front of the portal, may keep it for a minute (as
 * the public catalogue does) and then ask again with the ETag: the page holds nothing private, and an
 * unchanged complaint answers 304 without a body.
 */
const STATUS_CACHE_CONTROL = 'public, max-age=60';
export const complaintsPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions/:regionCode/complaint-categories',
    {
      config: { access: PUBLIC },
      schema: { summary: 'Kategori pengaduan yang aktif di daerah', params: regionCodeParam, response: { 200: complaintCategoryList } },
    },
    async (request) => {
      const rows = await listCategories(request.server.db, request.params.regionCode, { activeOnly: true });
      return { items: rows.map(presentCategory) };
    },
  );

  app.post(
    '/regions/:regionCode/complaints',
    publicWrite(app, {
      schema: {
        summary: 'Sampaikan pengaduan (tanpa login); jawaban memuat kode pelacakan dan token untuk menambah foto selama satu jam',
        params: regionCodeParam,
        body: complaintInput,
        response: { 201: complaintCreated, 202: z.object({ ok: z.literal(true) }), 400: errorBody, 404: errorBody, 429: errorBody },
      },
    }),
    async (request, reply) => {
      const who = { db: app.db, actor: null, origin: originOf(request), now: new Date() };
      const filed = await fileComplaint(who, request.params.regionCode, request.body, { source: 'web' });
      return reply.status(201).send({ trackingCode: filed.trackingCode, statusUrl: filed.statusUrl, photoToken: filed.photoToken });
    },
  );

  // The photo is sent raw, in its own scope where only image (and generic binary) bodies are read.
  const photoRoutes: FastifyPluginAsyncZod = async (files) => {
    const maxUploadBytes = app.config.maxUploadBytes;
    acceptRawUploads(files, maxUploadBytes);
    files.post(
      '/complaints/:trackingCode/photo',
      publicWrite(
        app,
        {
          bodyLimit: maxUploadBytes,
          schema: {
            summary: 'Tambah foto pengaduan (PNG, JPEG, WebP, GIF; diperiksa dari isinya); header X-Photo-Token dari jawaban pengaduan',
            params: trackingParam,
            headers: photoHeaders,
            body: z.instanceof(Buffer).optional(),
            response: {
              201: z.object({ id: z.string() }),
              400: errorBody,
              403: errorBody,
              404: errorBody,
              409: errorBody,
              413: errorBody,
              415: errorBody,
            },
          },
        },
        { honeypot: false },
      ),
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Kirim foto sebagai isi permintaan' }] });
        }
        const who = { db: app.db, actor: null, origin: originOf(request), now: new Date() };
        const row = await addComplaintPhoto(who, app.storage, { maxUploadBytes }, request.params.trackingCode, request.headers['x-photo-token'], {
          fileName: request.headers['x-file-name'],
          data: body,
        });
        return reply.status(201).send({ id: row.id });
      },
    );
  };
  await app.register(photoRoutes);

  app.get(
    '/complaints/:trackingCode',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Status pengaduan menurut kode pelacakan (tanpa data kontak pelapor); ETag dan If-None-Match untuk memeriksa perubahan',
        params: trackingParam,
        response: { 200: publicComplaint, 304: notModified, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const body = await loadPublicComplaint(request.server.db, request.params.trackingCode);
      if (isNotModified(request, reply, weakEtagOf(body), STATUS_CACHE_CONTROL)) return reply.code(304).send(null);
      return body;
    },
  );
};
