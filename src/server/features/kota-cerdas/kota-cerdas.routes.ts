/**
 * HTTP routes of the kota cerdas module under /api/v1/regions/:regionCode/smart-city:
 * authenticate → parse → authorize (config.access, then per programme in the service) → one service
 * call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import { evaluationHistory } from '#shared/api/evaluations.ts';
import {
  attachmentItem,
  dimensionsInput,
  evidenceQuery,
  innovationProgrammes,
  masterplanDetail,
  masterplanInput,
  masterplanList,
  masterplanUpdate,
  programmeDetail,
  programmeInput,
  programmeList,
  programmeListQuery,
  programmeUpdate,
  progressInput,
  quarterParams,
} from '#shared/api/kota-cerdas.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import { smartCityEvaluationHistory } from '#server/platform/evaluations.ts';
import { listMasterplans, listProgrammes, presentProgrammeSummary, progressFactsOf } from './kota-cerdas.queries.ts';
import { buildMasterplanPdf, buildMasterplanXlsx, masterplanFileName, regionNameOf } from './masterplan-report.ts';
import {
  addMasterplanDocument,
  createMasterplan,
  masterplanDetail as loadMasterplan,
  openMasterplanDocument,
  removeMasterplanDocument,
  replaceDimensions,
  updateMasterplan,
} from './masterplans.service.ts';
import { createProgramme, deleteProgramme, programmeDetail as loadProgramme, programmesOfInnovation, updateProgramme } from './programmes.service.ts';
import { addProgressEvidence, openProgressEvidence, removeProgressEvidence, reportQuarter } from './progress.service.ts';

const uuid = (label: string) => z.uuid(`${label} tidak valid`);
const masterplanParams = regionCodeParam.extend({ id: uuid('ID masterplan') });
const documentParams = masterplanParams.extend({ attachmentId: uuid('ID lampiran') });
const programmeParams = regionCodeParam.extend({ id: uuid('ID program') });
const quarterRefParams = programmeParams.extend(quarterParams.shape);
const evidenceParams = quarterRefParams.extend({ attachmentId: uuid('ID bukti') });
const innovationParams = regionCodeParam.extend({ innovationId: uuid('ID inovasi') });

/** Browsers send a non-ASCII file name percent-encoded in a header. */
function fileNameOf(header: unknown, fallback: string): string {
  const raw = typeof header === 'string' && header ? header : fallback;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function uploadedFile(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
  }
  return body;
}

export const kotaCerdasRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- masterplans ---------------------------------------------------------------------------------
  app.get(
    '/masterplans',
    {
      config: { access: inRegion('smartcity.read') },
      schema: { summary: 'Masterplan kota cerdas daerah (yang aktif lebih dulu)', params: regionCodeParam, response: { 200: masterplanList } },
    },
    async (request) => ({ items: await listMasterplans(app.db, request.params.regionCode) }),
  );

  app.post(
    '/masterplans',
    {
      config: { access: inRegion('smartcity.manage') },
      schema: {
        summary: 'Buat masterplan dengan enam dimensi dan elemen bawaan panduan nasional',
        params: regionCodeParam,
        body: masterplanInput,
        response: { 201: masterplanDetail, 400: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const id = await createMasterplan(ctx, request.params.regionCode, request.body);
      return reply.status(201).send(await loadMasterplan(ctx, request.params.regionCode, id));
    },
  );

  app.get(
    '/masterplans/:id',
    {
      config: { access: inRegion('smartcity.read') },
      schema: {
        summary: 'Satu masterplan: visi, dimensi dan elemen, program dengan progres, tabel pendanaan',
        params: masterplanParams,
        response: { 200: masterplanDetail, 404: errorBody },
      },
    },
    async (request) => loadMasterplan(serviceContext(request), request.params.regionCode, request.params.id),
  );

  app.put(
    '/masterplans/:id',
    {
      config: { access: inRegion('smartcity.manage') },
      schema: {
        summary: 'Ubah judul, masa, dasar hukum, visi dan status aktif masterplan (dengan versi yang dimuat)',
        params: masterplanParams,
        body: masterplanUpdate,
        response: { 200: masterplanDetail, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      await updateMasterplan(ctx, request.params.regionCode, request.params.id, request.body);
      return loadMasterplan(ctx, request.params.regionCode, request.params.id);
    },
  );

  app.put(
    '/masterplans/:id/dimensions',
    {
      config: { access: inRegion('smartcity.manage') },
      schema: {
        summary: 'Ganti susunan dimensi dan elemen (ganti nama, urutan, tambah; yang dipakai program tidak dapat dihapus)',
        params: masterplanParams,
        body: dimensionsInput,
        response: { 200: masterplanDetail, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      await replaceDimensions(ctx, request.params.regionCode, request.params.id, request.body.dimensions);
      return loadMasterplan(ctx, request.params.regionCode, request.params.id);
    },
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/masterplans/:id/report.${format}`,
      {
        config: { access: inRegion('smartcity.read') },
        schema: { summary: `Masterplan sebagai ${format.toUpperCase()}: visi, dimensi, program, pendanaan, linimasa`, params: masterplanParams },
      },
      async (request, reply) => {
        const { regionCode, id } = request.params;
        const plan = await loadMasterplan(serviceContext(request), regionCode, id);
        const regionName = await regionNameOf(app.db, regionCode);
        const file = format === 'pdf' ? await buildMasterplanPdf(plan, regionName, new Date()) : await buildMasterplanXlsx(plan, regionName);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : XLSX_MIME)
          .header('content-disposition', `attachment; filename="${masterplanFileName(plan, format)}"`)
          .header('cache-control', 'private, no-store')
          .send(file);
      },
    );
  }

  app.get(
    '/masterplans/:id/documents/:attachmentId',
    {
      config: { access: inRegion('smartcity.read') },
      schema: { summary: 'Unduh dokumen Perkada masterplan', params: documentParams },
    },
    async (request, reply) => {
      const { regionCode, id, attachmentId } = request.params;
      const { row, stream } = await openMasterplanDocument(app.db, app.storage, regionCode, id, attachmentId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/masterplans/:id/documents/:attachmentId',
    {
      config: { access: inRegion('smartcity.manage') },
      schema: { summary: 'Hapus dokumen Perkada masterplan', params: documentParams, response: { 200: okBody, 404: errorBody } },
    },
    async (request) => {
      const { regionCode, id, attachmentId } = request.params;
      const result = await removeMasterplanDocument(serviceContext(request), app.storage, regionCode, id, attachmentId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused masterplan document file could not be deleted');
      return { ok: true as const };
    },
  );

  // ---- yearly evaluation ---------------------------------------------------------------------------
  // The same figures as the assessment's own evaluation page (platform/evaluations.ts); no user needed,
  // so a command centre's token may read them too.
  app.get(
    '/evaluations',
    {
      config: { access: inRegion('smartcity.read') },
      schema: {
        summary:
          'Evaluasi tahunan kota cerdas dari tahun ke tahun (terbaru dahulu): indeks per pilar dan keseluruhan, perubahan dari tahun sebelumnya, nomor surat',
        params: regionCodeParam,
        response: { 200: evaluationHistory },
      },
    },
    async (request) => smartCityEvaluationHistory(app.db, request.params.regionCode),
  );

  // ---- programmes ----------------------------------------------------------------------------------
  app.get(
    '/programmes',
    {
      config: { access: inRegion('smartcity.read') },
      schema: {
        summary: 'Daftar program dengan pencarian dan filter dimensi, jenis, status, unit (quick win lebih dulu)',
        params: regionCodeParam,
        querystring: programmeListQuery,
        response: { 200: programmeList },
      },
    },
    async (request) => {
      const { regionCode } = request.params;
      const q = request.query;
      const ctx = serviceContext(request);
      const { items, total } = await listProgrammes(app.db, regionCode, q);
      const facts = await progressFactsOf(
        app.db,
        regionCode,
        items.map((p) => p.id),
      );
      return { items: items.map((p) => presentProgrammeSummary(p, facts, ctx.actor)), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/programmes',
    {
      config: { access: inRegion('smartcity.manage') },
      schema: {
        summary: 'Tambah program pada satu elemen masterplan (unit, pendanaan per tahun dan sumber, keluaran dan target KPI, inovasi terkait)',
        params: regionCodeParam,
        body: programmeInput,
        response: { 201: programmeDetail, 400: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const id = await createProgramme(ctx, request.params.regionCode, request.body);
      return reply.status(201).send(await loadProgramme(ctx, request.params.regionCode, id));
    },
  );

  app.get(
    '/programmes/:id',
    {
      config: { access: inRegion('smartcity.read') },
      schema: {
        summary: 'Satu program: keluaran dan KPI, pendanaan, laporan triwulan dengan bukti, inovasi terkait',
        params: programmeParams,
        response: { 200: programmeDetail, 404: errorBody },
      },
    },
    async (request) => loadProgramme(serviceContext(request), request.params.regionCode, request.params.id),
  );

  app.put(
    '/programmes/:id',
    {
      config: { access: inRegion('smartcity.manage') },
      schema: {
        summary: 'Ubah program (dengan versi yang dimuat)',
        params: programmeParams,
        body: programmeUpdate,
        response: { 200: programmeDetail, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      await updateProgramme(ctx, request.params.regionCode, request.params.id, request.body);
      return loadProgramme(ctx, request.params.regionCode, request.params.id);
    },
  );

  app.delete(
    '/programmes/:id',
    {
      config: { access: inRegion('smartcity.manage') },
      schema: {
        summary: 'Hapus program yang belum punya laporan triwulan',
        params: programmeParams,
        response: { 204: z.null(), 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await deleteProgramme(serviceContext(request), request.params.regionCode, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/programmes/:id/progress/:year/:quarter',
    {
      config: { access: inRegion('smartcity.report') },
      schema: {
        summary: 'Laporkan satu triwulan (unit pengampu): realisasi KPI per keluaran, realisasi anggaran, status, catatan',
        params: quarterRefParams,
        body: progressInput,
        response: { 200: programmeDetail, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id, year, quarter } = request.params;
      await reportQuarter(ctx, { regionCode, programmeId: id, year, quarter }, request.body);
      return loadProgramme(ctx, regionCode, id);
    },
  );

  app.get(
    '/programmes/:id/progress/:year/:quarter/evidence/:attachmentId',
    {
      config: { access: inRegion('smartcity.read') },
      schema: { summary: 'Unduh bukti laporan triwulan', params: evidenceParams },
    },
    async (request, reply) => {
      const { regionCode, id, year, quarter, attachmentId } = request.params;
      const { row, stream } = await openProgressEvidence(app.db, app.storage, { regionCode, programmeId: id, year, quarter }, attachmentId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/programmes/:id/progress/:year/:quarter/evidence/:attachmentId',
    {
      config: { access: inRegion('smartcity.report') },
      schema: { summary: 'Hapus bukti laporan triwulan', params: evidenceParams, response: { 200: okBody, 403: errorBody, 404: errorBody } },
    },
    async (request) => {
      const { regionCode, id, year, quarter, attachmentId } = request.params;
      const result = await removeProgressEvidence(serviceContext(request), app.storage, { regionCode, programmeId: id, year, quarter }, attachmentId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused progress evidence file could not be deleted');
      return { ok: true as const };
    },
  );

  app.get(
    '/innovations/:innovationId/programmes',
    {
      config: { access: inRegion('smartcity.read') },
      schema: { summary: 'Program kota cerdas yang melaksanakan satu inovasi', params: innovationParams, response: { 200: innovationProgrammes } },
    },
    async (request) => programmesOfInnovation(serviceContext(request), request.params.regionCode, request.params.innovationId),
  );

  // Uploads live in their own scope, where only the file types we accept are read as raw bytes.
  const maxUploadBytes = app.config.maxUploadBytes;
  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);
    files.post(
      '/masterplans/:id/documents',
      {
        config: { access: inRegion('smartcity.manage') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah dokumen Perkada masterplan (PDF atau gambar); nama berkas di header x-file-name',
          params: masterplanParams,
          querystring: evidenceQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: attachmentItem, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const { regionCode, id } = request.params;
        const row = await addMasterplanDocument(serviceContext(request), files.storage, { maxUploadBytes }, regionCode, id, {
          fileName: fileNameOf(request.headers['x-file-name'], 'perkada'),
          title: request.query.title,
          data: uploadedFile(request.body),
        });
        return reply.status(201).send(row);
      },
    );
    files.post(
      '/programmes/:id/progress/:year/:quarter/evidence',
      {
        config: { access: inRegion('smartcity.report') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah bukti laporan triwulan (PDF atau gambar; laporkan triwulannya dahulu); nama berkas di header x-file-name',
          params: quarterRefParams,
          querystring: evidenceQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: attachmentItem, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const { regionCode, id, year, quarter } = request.params;
        const row = await addProgressEvidence(
          serviceContext(request),
          files.storage,
          { maxUploadBytes },
          { regionCode, programmeId: id, year, quarter },
          {
            fileName: fileNameOf(request.headers['x-file-name'], 'bukti'),
            title: request.query.title,
            data: uploadedFile(request.body),
          },
        );
        return reply.status(201).send(row);
      },
    );
  };
  await app.register(uploadRoutes);
};
