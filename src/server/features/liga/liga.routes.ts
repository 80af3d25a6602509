/**
 * HTTP routes of the OPD league table under /api/v1/regions/:regionCode: the table (JSON and XLSX) for
 * whoever reads the region's dashboard, the weights for the regional admin.
 * authenticate → parse → authorize (config.access) → one service call → present.
 */

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inRegion } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import { leagueExportQuery, leagueQuery, leagueTable as leagueTableSchema, leagueWeightsInput } from '#shared/api/liga.ts';
import { leagueExport, leagueTable, updateLeagueWeights } from './liga.service.ts';
import { buildLeagueXlsx } from './liga-xlsx.ts';

/** A reader of the table: the signed-in user, or a command centre's token (no user). */
const readerOf = (request: FastifyRequest) => ({ db: request.server.db, now: new Date(), actor: request.actor ?? null });

export const ligaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/league',
    {
      config: { access: inRegion('dashboard.read') },
      schema: {
        summary: 'Liga OPD: komponen, komposit berbobot, peringkat dan perubahannya sejak tahun lalu',
        params: regionCodeParam,
        querystring: leagueQuery,
        response: { 200: leagueTableSchema },
      },
    },
    async (request) => leagueTable(readerOf(request), request.params.regionCode, request.query),
  );

  app.get(
    '/league.xlsx',
    {
      config: { access: inRegion('dashboard.read') },
      schema: {
        summary: 'Liga OPD sebagai XLSX (angka sebagai sel angka, bobot di baris judul)',
        params: regionCodeParam,
        querystring: leagueExportQuery,
      },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const { table, regionName } = await leagueExport(readerOf(request), regionCode, request.query.year);
      const file = await buildLeagueXlsx(table, regionName);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="liga-opd-${regionCode}-${table.year}.xlsx"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  app.put(
    '/league/weights',
    {
      config: { access: inRegion('periods.write') },
      schema: {
        summary: 'Ubah bobot komponen Liga OPD (tahun tertentu atau semua tahun)',
        params: regionCodeParam,
        body: leagueWeightsInput,
        response: { 200: okBody, 400: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      await updateLeagueWeights(serviceContext(request), request.params.regionCode, request.body);
      return { ok: true as const };
    },
  );
};
