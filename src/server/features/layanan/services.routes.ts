/** HTTP routes of the service catalogue: authenticate → parse → authorize (config.access) → one service call → present. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import { importReport, service, serviceInput, serviceList, serviceListQuery, serviceUpdate } from '#shared/api/services.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { exportServices, importServices, serviceTemplate } from './services-xlsx.service.ts';
import { findService, listServices } from './services.queries.ts';
import { createService, deleteService, presentService, updateService } from './services.service.ts';

const serviceParams = regionCodeParam.extend(idParam.shape);
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun harus true atau false' })
    .default('true')
    .transform((v) => v === 'true'),
});

/** The raw XLSX body of an import, or a field error naming the missing file. */
export function uploadedSheet(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX' }] });
  }
  return body;
}

export const servicesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/',
    {
      config: { access: inRegion('services.read') },
      schema: {
        summary: 'Daftar layanan publik dengan pencarian, filter, urutan dan halaman (operator: layanan unitnya)',
        params: regionCodeParam,
        querystring: serviceListQuery,
        response: { 200: serviceList },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listServices(app.db, request.params.regionCode, q, serviceContext(request).actor);
      return { items: items.map(presentService), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/export.xlsx',
    {
      config: { access: inRegion('services.read') },
      schema: { summary: 'Ekspor layanan publik ke XLSX (semua kolom standar pelayanan)', params: regionCodeParam },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const file = await exportServices(app.db, regionCode, serviceContext(request).actor);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="layanan-${regionCode}.xlsx"`).send(file);
    },
  );

  app.get(
    '/template.xlsx',
    {
      config: { access: inRegion('services.read') },
      schema: { summary: 'Templat XLSX kosong untuk impor layanan, dengan petunjuk', params: regionCodeParam },
    },
    async (_request, reply) => {
      const file = await serviceTemplate();
      return reply.type(XLSX_MIME).header('content-disposition', 'attachment; filename="templat-layanan.xlsx"').send(file);
    },
  );

  app.post(
    '/import',
    {
      config: { access: inRegion('services.write') },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary: 'Impor layanan dari XLSX; dryRun=true hanya memeriksa per baris, dryRun=false menyimpan semua atau tidak sama sekali',
        params: regionCodeParam,
        querystring: importQuery,
        body: z.instanceof(Buffer).optional(),
        response: { 200: importReport, 400: errorBody },
      },
    },
    async (request) => importServices(serviceContext(request), request.params.regionCode, uploadedSheet(request.body), request.query.dryRun),
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('services.read') },
      schema: { summary: 'Satu layanan publik', params: serviceParams, response: { 200: service, 404: errorBody } },
    },
    async (request) => {
      const row = await findService(app.db, request.params.regionCode, request.params.id, serviceContext(request).actor);
      if (!row) throw new AppError('NOT_FOUND');
      return presentService(row);
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('services.write') },
      schema: {
        summary: 'Tambah layanan publik (nama dan unit sudah cukup)',
        params: regionCodeParam,
        body: serviceInput,
        response: { 201: service, 400: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const id = await createService(serviceContext(request), regionCode, request.body);
      const row = await findService(app.db, regionCode, id);
      if (!row) throw new AppError('INTERNAL');
      return reply.status(201).send(presentService(row));
    },
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('services.write') },
      schema: {
        summary: 'Ubah layanan publik (dengan versi yang dimuat)',
        params: serviceParams,
        body: serviceUpdate,
        response: { 200: service, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await updateService(serviceContext(request), regionCode, id, request.body);
      const row = await findService(app.db, regionCode, id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentService(row);
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: inRegion('services.write') },
      schema: {
        summary: 'Hapus layanan yang belum punya jawaban survei atau pengaduan (selainnya: nonaktifkan)',
        params: serviceParams,
        response: { 204: z.null(), 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await deleteService(serviceContext(request), request.params.regionCode, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
