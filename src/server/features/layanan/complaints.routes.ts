/**
 * HTTP routes of the units' complaint inbox and its settings: authenticate → parse → authorize
 * (config.access, then the unit in the service) → one service call → present.
 * Registered under /api/v1/regions/:regionCode.
 */

import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regions } from '#server/db/schema.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import {
  complaint,
  complaintCategory,
  complaintCategoryInput,
  complaintCategoryList,
  complaintDetail,
  complaintList,
  complaintListQuery,
  complaintReassign,
  complaintStats,
  complaintStatsQuery,
  complaintTransition,
  open311Client,
  open311ClientCreated,
  open311ClientInput,
  open311ClientList,
} from '#shared/api/complaints.ts';
import { complaintStatistics } from './complaint-stats.service.ts';
import { buildComplaintStatsPdf, complaintStatsFileName } from './complaint-stats-report.ts';
import { findCategory, listCategories, listClients } from './complaints.queries.ts';
import { sendJsonText } from '#server/http/json-text.ts';
import {
  complaintInboxJson,
  issueClientKey,
  loadComplaintAfterChange,
  loadComplaintDetail,
  openComplaintPhoto,
  presentCategory,
  presentClient,
  reassignComplaint,
  revokeClientKey,
  saveCategory,
  transitionComplaint,
} from './complaints.service.ts';

const params = regionCodeParam.extend(idParam.shape);
const photoParams = params.extend({ photoId: z.uuid('ID foto tidak valid') });

export const complaintsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/complaints',
    {
      config: { access: inRegion('complaints.read') },
      schema: {
        summary: 'Kotak masuk pengaduan (operator: yang dialamatkan ke unitnya) dengan filter, urutan dan halaman',
        params: regionCodeParam,
        querystring: complaintListQuery,
        response: { 200: complaintList },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      return sendJsonText(reply, await complaintInboxJson(ctx.db, request.params.regionCode, ctx.actor, request.query, ctx.now));
    },
  );

  app.get(
    '/complaints/:id',
    {
      config: { access: inRegion('complaints.read') },
      schema: { summary: 'Satu pengaduan dengan riwayat dan fotonya', params, response: { 200: complaintDetail, 404: errorBody } },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return loadComplaintDetail(ctx.db, ctx.actor, request.params.regionCode, request.params.id, ctx.now);
    },
  );

  app.get(
    '/complaints/:id/photos/:photoId',
    {
      config: { access: inRegion('complaints.read') },
      schema: { summary: 'Foto pengaduan (untuk petugas)', params: photoParams },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode, id, photoId } = request.params;
      const { row, stream } = await openComplaintPhoto(ctx.db, ctx.actor, app.storage, regionCode, id, photoId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.post(
    '/complaints/:id/transition',
    {
      config: { access: inRegion('complaints.handle') },
      schema: {
        summary:
          'Langkah alur pengaduan (diterima → diverifikasi → ditindaklanjuti → selesai, atau ditolak/duplikat dengan alasan); status yang sama dengan catatan = catatan status publik',
        params,
        body: complaintTransition,
        response: { 200: complaint, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await transitionComplaint(ctx, regionCode, id, request.body);
      return loadComplaintAfterChange(ctx.db, regionCode, id, ctx.now);
    },
  );

  app.post(
    '/complaints/:id/reassign',
    {
      config: { access: inRegion('complaints.handle') },
      schema: {
        summary: 'Alihkan pengaduan ke unit lain di daerah ini',
        params,
        body: complaintReassign,
        response: { 200: complaint, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await reassignComplaint(ctx, regionCode, id, request.body);
      return loadComplaintAfterChange(ctx.db, regionCode, id, ctx.now);
    },
  );

  app.get(
    '/complaint-stats',
    {
      config: { access: inRegion('complaints.read') },
      schema: {
        summary: 'Statistik pengaduan: jumlah, tingkat penyelesaian, median hari penyelesaian, per unit dan kategori',
        params: regionCodeParam,
        querystring: complaintStatsQuery,
        response: { 200: complaintStats, 400: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return complaintStatistics(ctx.db, ctx.actor, request.params.regionCode, request.query, ctx.now);
    },
  );

  app.get(
    '/complaint-stats/report.pdf',
    {
      config: { access: inRegion('complaints.read') },
      schema: {
        summary: 'Statistik pengaduan sebagai PDF (rentang tanggal dan unit seperti statistiknya), untuk diunduh',
        params: regionCodeParam,
        querystring: complaintStatsQuery,
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode } = request.params;
      const stats = await complaintStatistics(ctx.db, ctx.actor, regionCode, request.query, ctx.now);
      const [region] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
      const report = { regionName: region?.name ?? regionCode, from: request.query.from, to: request.query.to, stats, printedAt: ctx.now };
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${complaintStatsFileName(report)}"`)
        .send(await buildComplaintStatsPdf(report));
    },
  );

  app.get(
    '/complaint-categories',
    {
      config: { access: inRegion('complaints.read') },
      schema: { summary: 'Kategori pengaduan (termasuk yang nonaktif)', params: regionCodeParam, response: { 200: complaintCategoryList } },
    },
    async (request) => {
      const rows = await listCategories(request.server.db, request.params.regionCode);
      return { items: rows.map(presentCategory) };
    },
  );

  app.post(
    '/complaint-categories',
    {
      config: { access: inRegion('complaints.manage') },
      schema: {
        summary: 'Tambah kategori pengaduan (unit penanggung jawab dan SLA dalam hari)',
        params: regionCodeParam,
        body: complaintCategoryInput,
        response: { 201: complaintCategory, 400: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode } = request.params;
      const id = await saveCategory(ctx, regionCode, null, request.body);
      const saved = await findCategory(ctx.db, regionCode, { id });
      if (!saved) throw new AppError('INTERNAL');
      return reply.status(201).send(presentCategory(saved));
    },
  );

  app.put(
    '/complaint-categories/:id',
    {
      config: { access: inRegion('complaints.manage') },
      schema: {
        summary: 'Ubah kategori pengaduan',
        params,
        body: complaintCategoryInput,
        response: { 200: complaintCategory, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await saveCategory(ctx, regionCode, id, request.body);
      const saved = await findCategory(ctx.db, regionCode, { id });
      if (!saved) throw new AppError('NOT_FOUND');
      return presentCategory(saved);
    },
  );

  app.get(
    '/open311-clients',
    {
      config: { access: inRegion('complaints.manage') },
      schema: { summary: 'Klien Open311 dan kunci API-nya (awalan saja)', params: regionCodeParam, response: { 200: open311ClientList } },
    },
    async (request) => {
      const rows = await listClients(request.server.db, request.params.regionCode);
      return { items: rows.map(presentClient) };
    },
  );

  app.post(
    '/open311-clients',
    {
      config: { access: inRegion('complaints.manage') },
      schema: {
        summary: 'Terbitkan kunci API Open311 untuk aplikasi pihak ketiga (kunci hanya ditampilkan sekali)',
        params: regionCodeParam,
        body: open311ClientInput,
        response: { 201: open311ClientCreated, 400: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      return reply.status(201).send(await issueClientKey(ctx, request.params.regionCode, request.body.name));
    },
  );

  app.post(
    '/open311-clients/:id/revoke',
    {
      config: { access: inRegion('complaints.manage') },
      schema: { summary: 'Cabut kunci API Open311', params, response: { 200: open311Client, 404: errorBody } },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return revokeClientKey(ctx, request.params.regionCode, request.params.id);
    },
  );
};
