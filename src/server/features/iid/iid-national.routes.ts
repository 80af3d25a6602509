/**
 * HTTP routes of the exchange with the national IID application: the period's export (XLSX), the template
 * of the national validation result, its import (dry run first) and the side-by-side figures.
 * Registered under /api/v1/regions/:regionCode/iid with the other IID routes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { nationalComparison, nationalImportQuery, nationalImportReport } from '#shared/api/iid-national.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { exportForNational } from './iid-national-export.service.ts';
import { importNationalResult, nationalTemplate } from './iid-national-import.service.ts';
import { getNationalComparison } from './iid-national.service.ts';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const periodParams = regionCodeParam.extend({ periodId: z.uuid('ID periode tidak valid') });
const importQuery = nationalImportQuery.extend({
  fileName: z.string().trim().max(200, 'Nama berkas paling banyak 200 karakter').default(''),
});

export const iidNationalRoutes: FastifyPluginAsyncZod = async (app) => {
  // Raw spreadsheet bodies, for this plugin only.
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/periods/:periodId/national',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Klaim, terverifikasi dan hasil validasi nasional berdampingan: indeks daerah dan skor per inovasi, dengan selisihnya',
        params: periodParams,
        response: { 200: nationalComparison, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => getNationalComparison(serviceContext(request), request.params.regionCode, request.params.periodId),
  );

  app.get(
    '/periods/:periodId/national-export.xlsx',
    {
      config: { access: inRegion('periods.write') },
      schema: {
        summary:
          'Ekspor periode untuk aplikasi IID nasional: profil 1.1–1.16 per inovasi terverifikasi, bagian Indikator (parameter, bukti, kematangan), lalu jawaban SPD',
        params: periodParams,
      },
    },
    async (request, reply) => {
      const { regionCode, periodId } = request.params;
      const { year, file } = await exportForNational(app.db, regionCode, periodId);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="iid-nasional-${regionCode}-${year}.xlsx"`).send(file);
    },
  );

  app.get(
    '/periods/:periodId/national-template.xlsx',
    {
      config: { access: inRegion('periods.write') },
      schema: {
        summary: 'Templat hasil validasi nasional: baris DAERAH (indeks, peringkat, predikat) dan satu baris INOVASI per inovasi terverifikasi',
        params: periodParams,
      },
    },
    async (request, reply) => {
      const { regionCode, periodId } = request.params;
      const { year, file } = await nationalTemplate(app.db, regionCode, periodId);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="templat-hasil-nasional-${regionCode}-${year}.xlsx"`)
        .send(file);
    },
  );

  app.post(
    '/periods/:periodId/national-import',
    {
      config: { access: inRegion('periods.write') },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary:
          'Impor hasil validasi nasional periode ini dari XLSX (templat); dryRun=true hanya memeriksa; baris yang salah membatalkan semuanya; mengganti hasil sebelumnya butuh version',
        params: periodParams,
        querystring: importQuery,
        body: z.instanceof(Buffer).optional(),
        response: { 200: nationalImportReport, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX hasil validasi nasional' }] });
      }
      const { regionCode, periodId } = request.params;
      return importNationalResult(serviceContext(request), regionCode, periodId, request.query, body);
    },
  );
};
