/**
 * One click from a public-service document to the index indicators that ask for it: the places it can
 * go, and the attach. Only whoever manages the document's source may send it (skm.manage for the SKM
 * report, complaints.manage for the complaint statistics); the target record's own rule applies too.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { attachComplaintStatsInput, attachIndexEvidenceInput, indexEvidenceAttached, indexEvidenceTargets } from '#shared/api/index-evidence.ts';
import { regions } from '#server/db/schema.ts';
import { inRegion } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { attachIndexDocument, indexEvidenceTargets as targetsOf } from '#server/platform/index-evidence.ts';
import { eq } from 'drizzle-orm';
import { buildComplaintStatsPdf, complaintStatsFileName, rangeLabel } from './complaint-stats-report.ts';
import { complaintStatistics } from './complaint-stats.service.ts';
import { periodLabel, loadSkmPeriod } from './skm-periods.service.ts';
import { buildSkmReportPdf, skmReportData, skmReportFileName } from './skm-report.ts';

const periodParams = regionCodeParam.extend({ periodId: z.uuid('ID periode tidak valid') });
const rangeQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });

const skmTitle = (label: string) => `Laporan SKM ${label}`;
const complaintsTitle = (from: string | undefined, to: string | undefined) => `Statistik penanganan pengaduan (${rangeLabel(from, to)})`;

export const indexEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const limits = { maxUploadBytes: app.config.maxUploadBytes };

  app.get(
    '/skm/:periodId/targets',
    {
      config: { access: inRegion('skm.manage') },
      schema: {
        summary: 'Indikator IID/SPBE/Pemdi yang meminta laporan SKM periode ini sebagai bukti',
        params: periodParams,
        response: { 200: indexEvidenceTargets },
      },
    },
    async (request) => {
      const { regionCode, periodId } = request.params;
      const period = await loadSkmPeriod(app.db, regionCode, periodId);
      return targetsOf(app.db, regionCode, 'skm', skmTitle(periodLabel(period)));
    },
  );

  app.post(
    '/skm/:periodId',
    {
      config: { access: inRegion('skm.manage') },
      schema: {
        summary: 'Lampirkan laporan SKM periode ini sebagai bukti dukung satu indikator',
        params: periodParams,
        body: attachIndexEvidenceInput,
        response: { 201: indexEvidenceAttached, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode, periodId } = request.params;
      const ctx = serviceContext(request);
      const period = await loadSkmPeriod(app.db, regionCode, periodId);
      const data = await skmReportData(app.db, regionCode, period, ctx.now);
      const document = { fileName: skmReportFileName(data), title: skmTitle(periodLabel(period)), data: await buildSkmReportPdf(data) };
      const row = await attachIndexDocument(ctx, app.storage, limits, regionCode, 'skm', request.body.target, document);
      return reply.status(201).send({ attachmentId: row.id, title: row.title, fileName: row.fileName ?? document.fileName });
    },
  );

  app.get(
    '/complaints/targets',
    {
      config: { access: inRegion('complaints.manage') },
      schema: {
        summary: 'Indikator IID/SPBE/Pemdi yang meminta statistik pengaduan sebagai bukti',
        params: regionCodeParam,
        querystring: rangeQuery,
        response: { 200: indexEvidenceTargets },
      },
    },
    async (request) => targetsOf(app.db, request.params.regionCode, 'complaints', complaintsTitle(request.query.from, request.query.to)),
  );

  app.post(
    '/complaints',
    {
      config: { access: inRegion('complaints.manage') },
      schema: {
        summary: 'Lampirkan statistik pengaduan (rentang tanggal) sebagai bukti dukung satu indikator',
        params: regionCodeParam,
        body: attachComplaintStatsInput,
        response: { 201: indexEvidenceAttached, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const { from, to, target } = request.body;
      const ctx = serviceContext(request);
      const stats = await complaintStatistics(app.db, ctx.actor, regionCode, { from, to }, ctx.now);
      const [region] = await app.db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
      const report = { regionName: region?.name ?? regionCode, from, to, stats, printedAt: ctx.now };
      const document = { fileName: complaintStatsFileName(report), title: complaintsTitle(from, to), data: await buildComplaintStatsPdf(report) };
      const row = await attachIndexDocument(ctx, app.storage, limits, regionCode, 'complaints', target, document);
      return reply.status(201).send({ attachmentId: row.id, title: row.title, fileName: row.fileName ?? document.fileName });
    },
  );
};
