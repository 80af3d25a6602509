/**
 * HTTP routes of the national roll-up: the national admin's table (JSON, XLSX, CSV) under
 * /api/v1/national, the province view and the region's publication choice under
 * /api/v1/regions/:regionCode, and the public national page under /api/v1/public.
 * authenticate → parse → authorize (config.access) → one service call → present.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inRegion, NATIONAL, PUBLIC } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { sendJsonText } from '#server/http/json-text.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import {
  nationalPublication,
  nationalPublicationInput,
  nationalRollup as nationalRollupSchema,
  provinceRollup as provinceRollupSchema,
  provinceRollupQuery,
  publicNational as publicNationalSchema,
  publicNationalQuery,
  rollupExportQuery,
  rollupQuery,
} from '#shared/api/nasional.ts';
import { buildRollupCsv, buildRollupXlsx } from './nasional-export.ts';
import { getPublication, nationalRollup, nationalRollupRows, provinceRollup, publicNationalJson, updatePublication } from './nasional.service.ts';

/** The roll-up reads no user: what it shows depends on the route's access alone. */
const readerOf = (request: FastifyRequest) => ({ db: request.server.db, now: new Date() });

export const nationalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rollup',
    {
      config: { access: NATIONAL },
      schema: {
        summary: 'Rekap nasional: angka tiap daerah setahun, peringkat dalam klaster, perubahan sejak tahun lalu, sebaran',
        querystring: rollupQuery,
        response: { 200: nationalRollupSchema, 400: errorBody },
      },
    },
    async (request) => nationalRollup(readerOf(request), request.query),
  );

  app.get(
    '/rollup.xlsx',
    {
      config: { access: NATIONAL },
      schema: { summary: 'Rekap nasional sebagai XLSX (semua baris sesuai saringan)', querystring: rollupExportQuery },
    },
    async (request, reply) => {
      const { year, table } = await nationalRollupRows(readerOf(request), request.query);
      const file = await buildRollupXlsx(table.filtered, year, table.previousYear);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="rekap-nasional-${year}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  app.get(
    '/rollup.csv',
    {
      config: { access: NATIONAL },
      schema: { summary: 'Rekap nasional sebagai CSV (data terbuka, semua baris sesuai saringan)', querystring: rollupExportQuery },
    },
    async (request, reply) => {
      const { year, table } = await nationalRollupRows(readerOf(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rekap-nasional-${year}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(buildRollupCsv(table.filtered));
    },
  );
};

export const nationalRegionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/province-rollup',
    {
      config: { access: inRegion('province.read') },
      schema: {
        summary: 'Tampilan provinsi: kabupaten/kota di provinsi berdampingan dengan peringkat di dalam provinsi',
        params: regionCodeParam,
        querystring: provinceRollupQuery,
        response: { 200: provinceRollupSchema, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => provinceRollup(readerOf(request), request.params.regionCode, request.query),
  );

  app.get(
    '/national-publication',
    {
      config: { access: inRegion('national.publish') },
      schema: {
        summary: 'Angka daerah yang dipublikasikan di halaman nasional publik (bawaan: tidak ada)',
        params: regionCodeParam,
        response: { 200: nationalPublication },
      },
    },
    async (request) => getPublication(request.server.db, request.params.regionCode),
  );

  app.put(
    '/national-publication',
    {
      config: { access: inRegion('national.publish') },
      schema: {
        summary: 'Ubah angka daerah yang dipublikasikan di halaman nasional publik',
        params: regionCodeParam,
        body: nationalPublicationInput,
        response: { 200: nationalPublication, 400: errorBody, 409: errorBody },
      },
    },
    async (request) => updatePublication(serviceContext(request), request.params.regionCode, request.body),
  );
};

export const nationalPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/national',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Halaman nasional publik: angka yang dipilih tiap daerah untuk dipublikasikan, dengan peringkat dan sebaran',
        querystring: publicNationalQuery,
        response: { 200: publicNationalSchema, 400: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return sendJsonText(reply, await publicNationalJson(readerOf(request), request.query));
    },
  );
};
