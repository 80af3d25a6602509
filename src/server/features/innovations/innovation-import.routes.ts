/** HTTP route for importing innovations from XLSX: authenticate → parse → authorize → one service call. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { innovationImportQuery, innovationImportReport } from '#shared/api/innovations.ts';
import { importInnovations } from './innovation-import.service.ts';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const innovationImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // Raw spreadsheet bodies, for this plugin only (its routes share the innovations prefix).
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/import',
    {
      config: { access: inRegion('innovations.import') },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary:
          'Impor inovasi dari XLSX ke sebuah periode sebagai draf (kolom seperti ekspor: Nama inovasi, Dibuat oleh, Tahapan, …); dryRun=true hanya memeriksa',
        params: regionCodeParam,
        querystring: innovationImportQuery,
        body: z.instanceof(Buffer).optional(),
        response: { 200: innovationImportReport, 400: errorBody },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX' }] });
      }
      return importInnovations(serviceContext(request), request.params.regionCode, request.query, body);
    },
  );
};
