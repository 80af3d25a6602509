/**
 * HTTP routes of the region's dashboard under /api/v1/regions/:regionCode: the year's figures as JSON
 * (what a command-centre screen reads with its API token) and the one-page PDF brief for the kepala
 * daerah. Both are reads of `dashboard.read` and take no user, so a token of scope dashboard.read reads
 * them as the region's pimpinan and admins do.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inRegion } from '#server/http/access.ts';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { dashboardQuery, regionDashboard as regionDashboardSchema } from '#shared/api/dasbor.ts';
import { briefFileName, buildBriefPdf } from './dasbor-brief.ts';
import { regionDashboard } from './dasbor.service.ts';

/** A reader of the dashboard: the signed-in user or a command centre's token; neither is needed beyond access. */
const readerOf = (request: FastifyRequest) => ({ db: request.server.db, now: new Date() });

export const dasborRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard',
    {
      config: { access: inRegion('dashboard.read') },
      schema: {
        summary: 'Dasbor daerah: angka utama tahun ini (inovasi, IID, SPBE/Pemdi, IKM, kota cerdas, pengaduan) dan trennya',
        params: regionCodeParam,
        querystring: dashboardQuery,
        response: { 200: regionDashboardSchema, 404: errorBody },
      },
    },
    async (request) => regionDashboard(readerOf(request), request.params.regionCode, request.query),
  );

  app.get(
    '/dashboard/brief.pdf',
    {
      config: { access: inRegion('dashboard.read') },
      schema: {
        summary: 'Ringkasan satu halaman untuk kepala daerah (PDF) dengan angka dan grafik dasbor',
        params: regionCodeParam,
        querystring: dashboardQuery,
      },
    },
    async (request, reply) => {
      const reader = readerOf(request);
      const dashboard = await regionDashboard(reader, request.params.regionCode, request.query);
      const pdf = await buildBriefPdf(dashboard, reader.now);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${briefFileName(dashboard)}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
