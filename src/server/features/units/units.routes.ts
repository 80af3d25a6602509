/** HTTP routes for units: authenticate → parse → authorize (config.access) → one service call → present. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, okBody, regionCodeParam } from '#shared/api/common.ts';
import { unit, unitImportQuery, unitImportReport, unitInput, unitList, unitListQuery, unitUpdate } from '#shared/api/units.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { presentUnit } from './units.presenter.ts';
import { findUnit, listUnits } from './units.queries.ts';
import { createUnit, deleteUnit, exportUnits, importUnits, updateUnit } from './units.service.ts';

const unitParams = regionCodeParam.extend(idParam.shape);
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/',
    {
      config: { access: inRegion('units.read') },
      schema: {
        summary: 'Daftar unit (perangkat daerah) dengan pencarian, filter, urutan dan halaman',
        params: regionCodeParam,
        querystring: unitListQuery,
        response: { 200: unitList },
      },
    },
    async (request) => {
      const { regionCode } = request.params;
      const q = request.query;
      const { items, total } = await listUnits(app.db, regionCode, q);
      return { items: items.map(presentUnit), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/export.xlsx',
    {
      config: { access: inRegion('units.read') },
      schema: { summary: 'Ekspor semua unit ke XLSX', params: regionCodeParam },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const file = await exportUnits(app.db, regionCode);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="unit-${regionCode}.xlsx"`).send(file);
    },
  );

  app.post(
    '/import',
    {
      config: { access: inRegion('units.write') },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary: 'Impor unit dari XLSX (kolom Nama, Singkatan, Jenis, Induk, Kepala); dryRun=true hanya memeriksa',
        params: regionCodeParam,
        querystring: unitImportQuery,
        body: z.instanceof(Buffer).optional(),
        response: { 200: unitImportReport, 400: errorBody },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX' }] });
      }
      return importUnits(serviceContext(request), request.params.regionCode, body, request.query.dryRun);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('units.read') },
      schema: { summary: 'Satu unit', params: unitParams, response: { 200: unit, 404: errorBody } },
    },
    async (request) => {
      const row = await findUnit(app.db, request.params.regionCode, request.params.id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentUnit(row);
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('units.write') },
      schema: { summary: 'Tambah unit', params: regionCodeParam, body: unitInput, response: { 201: unit, 400: errorBody } },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const id = await createUnit(serviceContext(request), regionCode, request.body);
      const row = await findUnit(app.db, regionCode, id);
      if (!row) throw new AppError('INTERNAL');
      return reply.status(201).send(presentUnit(row));
    },
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('units.write') },
      schema: { summary: 'Ubah unit (dengan versi yang dimuat)', params: unitParams, body: unitUpdate, response: { 200: unit, 409: errorBody } },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await updateUnit(serviceContext(request), regionCode, id, request.body);
      const row = await findUnit(app.db, regionCode, id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentUnit(row);
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: inRegion('units.write') },
      schema: { summary: 'Hapus unit yang tidak lagi dipakai', params: unitParams, response: { 200: okBody, 409: errorBody } },
    },
    async (request) => {
      await deleteUnit(serviceContext(request), request.params.regionCode, request.params.id);
      return { ok: true as const };
    },
  );
};
