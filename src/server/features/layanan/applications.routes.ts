/** HTTP routes of the application inventory: authenticate → parse → authorize (config.access) → one service call → present. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import { application, applicationInput, applicationList, applicationListQuery, applicationUpdate, importReport } from '#shared/api/services.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { createApplication, deleteApplication, presentApplication, updateApplication } from './applications.service.ts';
import { MAX_IMPORT_BYTES, importQuery, uploadedSheet } from './services.routes.ts';
import { applicationTemplate, exportApplications, importApplications } from './services-xlsx.service.ts';
import { findApplication, listApplications } from './services.queries.ts';

const applicationParams = regionCodeParam.extend(idParam.shape);

export const applicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/',
    {
      config: { access: inRegion('services.read') },
      schema: {
        summary: 'Inventaris aplikasi dengan pencarian, filter, urutan dan halaman (operator: aplikasi unitnya)',
        params: regionCodeParam,
        querystring: applicationListQuery,
        response: { 200: applicationList },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listApplications(app.db, request.params.regionCode, q, serviceContext(request).actor);
      return { items: items.map(presentApplication), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/export.xlsx',
    {
      config: { access: inRegion('services.read') },
      schema: { summary: 'Ekspor inventaris aplikasi ke XLSX', params: regionCodeParam },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const file = await exportApplications(app.db, regionCode, serviceContext(request).actor);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="aplikasi-${regionCode}.xlsx"`).send(file);
    },
  );

  app.get(
    '/template.xlsx',
    {
      config: { access: inRegion('services.read') },
      schema: { summary: 'Templat XLSX kosong untuk impor aplikasi, dengan petunjuk', params: regionCodeParam },
    },
    async (_request, reply) => {
      const file = await applicationTemplate();
      return reply.type(XLSX_MIME).header('content-disposition', 'attachment; filename="templat-aplikasi.xlsx"').send(file);
    },
  );

  app.post(
    '/import',
    {
      config: { access: inRegion('services.write') },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary: 'Impor aplikasi dari XLSX (kolom Layanan: nama dipisah ";"); dryRun=true hanya memeriksa per baris',
        params: regionCodeParam,
        querystring: importQuery,
        body: z.instanceof(Buffer).optional(),
        response: { 200: importReport, 400: errorBody },
      },
    },
    async (request) => importApplications(serviceContext(request), request.params.regionCode, uploadedSheet(request.body), request.query.dryRun),
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('services.read') },
      schema: { summary: 'Satu aplikasi', params: applicationParams, response: { 200: application, 404: errorBody } },
    },
    async (request) => {
      const row = await findApplication(app.db, request.params.regionCode, request.params.id, serviceContext(request).actor);
      if (!row) throw new AppError('NOT_FOUND');
      return presentApplication(row);
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('services.write') },
      schema: { summary: 'Tambah aplikasi', params: regionCodeParam, body: applicationInput, response: { 201: application, 400: errorBody } },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const id = await createApplication(serviceContext(request), regionCode, request.body);
      const row = await findApplication(app.db, regionCode, id);
      if (!row) throw new AppError('INTERNAL');
      return reply.status(201).send(presentApplication(row));
    },
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('services.write') },
      schema: {
        summary: 'Ubah aplikasi (dengan versi yang dimuat)',
        params: applicationParams,
        body: applicationUpdate,
        response: { 200: application, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await updateApplication(serviceContext(request), regionCode, id, request.body);
      const row = await findApplication(app.db, regionCode, id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentApplication(row);
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: inRegion('services.write') },
      schema: { summary: 'Hapus aplikasi dari inventaris', params: applicationParams, response: { 204: z.null(), 404: errorBody } },
    },
    async (request, reply) => {
      await deleteApplication(serviceContext(request), request.params.regionCode, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
