/**
 * Downloads of a self-assessment's report: the PDF a region hands to its leaders and the XLSX with
 * the same figures. Both name the framework, the region and the year in the file name.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionCodeParam } from '#shared/api/common.ts';
import { inRegion } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { buildAssessmentPdf, buildAssessmentXlsx, loadAssessmentReportData, reportFileName } from './assessment-report.ts';

const reportParams = regionCodeParam.extend({ assessmentId: z.uuid('ID penilaian tidak valid') });

const reportQuery = z.object({
  basis: z
    .enum(['verified', 'claimed'])
    .optional()
    .describe('Dasar kekuatan dan kesenjangan; tanpa nilai: klaim selama penilaian mandiri, terverifikasi sesudahnya'),
});

export const assessmentReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pdf',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Laporan penilaian untuk pimpinan (PDF): indeks, predikat, domain dan aspek, indikator, kekuatan, kesenjangan',
        params: reportParams,
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const { regionCode, assessmentId } = request.params;
      const data = await loadAssessmentReportData(serviceContext(request), regionCode, assessmentId, request.query.basis);
      const file = await buildAssessmentPdf(data);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${reportFileName(data.detail, 'pdf')}"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );

  app.get(
    '/xlsx',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Laporan penilaian (XLSX): lembar Ringkasan, Indikator dan Kesenjangan',
        params: reportParams,
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const { regionCode, assessmentId } = request.params;
      const data = await loadAssessmentReportData(serviceContext(request), regionCode, assessmentId, request.query.basis);
      const file = await buildAssessmentXlsx(data);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="${reportFileName(data.detail, 'xlsx')}"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );
};
