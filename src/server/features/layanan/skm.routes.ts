/**
 * Staff routes of the satisfaction surveys, under /api/v1/regions/:regionCode/skm-periods: periods,
 * populations, results, the report and raw answers, paper-form import, and the follow-up plan with
 * its evidence. authenticate → parse → authorize (config.access; unit scoping in the service) → one
 * service call → present.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, okBody, regionCodeParam } from '#shared/api/common.ts';
import { importReport } from '#shared/api/services.ts';
import {
  followUp,
  followUpEvidence,
  followUpEvidenceList,
  followUpEvidenceQuery,
  followUpInput,
  followUpList,
  followUpUpdate,
  populationInput,
  skmGroupQuery,
  skmGroupResults,
  skmImportQuery,
  skmPeriod,
  skmPeriodInput,
  skmPeriodList,
  skmPeriodStatusInput,
  skmPeriodUpdate,
  skmResults,
} from '#shared/api/skm.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import {
  addFollowUpEvidence,
  createFollowUp,
  deleteFollowUp,
  listFollowUpEvidence,
  listFollowUps,
  openFollowUpEvidence,
  removeFollowUpEvidence,
  updateFollowUp,
} from './skm-follow-ups.service.ts';
import {
  createSkmPeriod,
  findSkmPeriod,
  listSkmPeriods,
  loadSkmPeriod,
  setPopulations,
  setSkmPeriodStatus,
  updateSkmPeriod,
} from './skm-periods.service.ts';
import { buildSkmReportPdf, skmReportData, skmReportFileName } from './skm-report.ts';
import { skmGroupResults as groupResults, periodResultsJson } from './skm-results.service.ts';
import { exportResponses, importPaperResponses, paperTemplate } from './skm-xlsx.service.ts';

const periodParams = regionCodeParam.extend(idParam.shape);
const followUpParams = periodParams.extend({ followUpId: z.uuid('ID tindak lanjut tidak valid') });
const evidenceParams = followUpParams.extend({ attachmentId: z.uuid('ID berkas tidak valid') });
/** Paper-form workbooks: a few thousand rows at most. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** JSON already encoded by the route's response schema (the period results, kept while their data has not moved). */
function sendEncodedJson(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}

export const skmRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (regionCode: string, id: string) => {
    const row = await findSkmPeriod(app.db, regionCode, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  };

  app.get(
    '/',
    {
      config: { access: inRegion('skm.read') },
      schema: { summary: 'Periode survei kepuasan masyarakat (SKM)', params: regionCodeParam, response: { 200: skmPeriodList } },
    },
    async (request) => ({ items: await listSkmPeriods(app.db, request.params.regionCode) }),
  );

  app.post(
    '/',
    {
      config: { access: inRegion('skm.manage') },
      schema: {
        summary: 'Buka periode survei (setahun atau satu semester) untuk semua atau sebagian layanan',
        params: regionCodeParam,
        body: skmPeriodInput,
        response: { 201: skmPeriod, 400: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const id = await createSkmPeriod(serviceContext(request), regionCode, request.body);
      return reply.status(201).send(await present(regionCode, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('skm.read') },
      schema: { summary: 'Satu periode survei', params: periodParams, response: { 200: skmPeriod, 404: errorBody } },
    },
    async (request) => present(request.params.regionCode, request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('skm.manage') },
      schema: {
        summary: 'Ubah periode survei (tanggal, layanan, pertanyaan, kerangka IKM, jeda per perangkat)',
        params: periodParams,
        body: skmPeriodUpdate,
        response: { 200: skmPeriod, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await updateSkmPeriod(serviceContext(request), regionCode, id, request.body);
      return present(regionCode, id);
    },
  );

  for (const [path, status, summary] of [
    ['/:id/close', 'ditutup', 'Tutup periode survei (tidak menerima jawaban lagi)'],
    ['/:id/reopen', 'dibuka', 'Buka kembali periode survei'],
  ] as const) {
    app.post(
      path,
      {
        config: { access: inRegion('skm.manage') },
        schema: { summary, params: periodParams, body: skmPeriodStatusInput, response: { 200: skmPeriod, 404: errorBody, 409: errorBody } },
      },
      async (request) => {
        const { regionCode, id } = request.params;
        await setSkmPeriodStatus(serviceContext(request), regionCode, id, status, request.body.version);
        return present(regionCode, id);
      },
    );
  }

  app.put(
    '/:id/populations',
    {
      config: { access: inRegion('skm.manage') },
      schema: {
        summary: 'Populasi (pengguna layanan dalam periode) per layanan; menentukan sampel minimum Krejcie–Morgan',
        params: periodParams,
        body: populationInput,
        response: { 200: okBody, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await setPopulations(serviceContext(request), regionCode, id, request.body.items);
      return { ok: true as const };
    },
  );

  app.get(
    '/:id/results',
    {
      config: { access: inRegion('skm.read') },
      schema: {
        summary: 'Hasil periode: IKM per layanan, unit dan daerah, kecukupan sampel, unsur terlemah, perbandingan periode sebelumnya',
        params: periodParams,
        response: { 200: skmResults, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      return sendEncodedJson(reply, await periodResultsJson(app.db, regionCode, id));
    },
  );

  app.get(
    '/:id/groups',
    {
      config: { access: inRegion('skm.read') },
      schema: {
        summary: 'IKM per kelompok responden (jenis kelamin, usia, pendidikan, pekerjaan, kelompok rentan)',
        params: periodParams,
        querystring: skmGroupQuery,
        response: { 200: skmGroupResults, 404: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      return groupResults(app.db, await loadSkmPeriod(app.db, regionCode, id), request.query.group, request.query.serviceId);
    },
  );

  app.get(
    '/:id/report.pdf',
    {
      config: { access: inRegion('skm.read') },
      schema: { summary: 'Laporan SKM (PDF): pendahuluan, metodologi, hasil, analisis, rencana tindak lanjut', params: periodParams },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      const data = await skmReportData(app.db, regionCode, await loadSkmPeriod(app.db, regionCode, id), new Date());
      const pdf = await buildSkmReportPdf(data);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${skmReportFileName(data)}"`)
        .send(pdf);
    },
  );

  app.get(
    '/:id/responses.xlsx',
    {
      config: { access: inRegion('skm.read') },
      schema: { summary: 'Jawaban mentah periode (XLSX, sel bertipe angka dan tanggal)', params: periodParams },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      const period = await loadSkmPeriod(app.db, regionCode, id);
      const file = await exportResponses(app.db, period, serviceContext(request).actor);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="skm-${regionCode}-${period.year}${period.semester ? `-s${period.semester}` : ''}.xlsx"`)
        .send(file);
    },
  );

  app.get(
    '/:id/responses/template.xlsx',
    {
      config: { access: inRegion('skm.enter') },
      schema: { summary: 'Templat XLSX untuk memasukkan formulir survei kertas', params: periodParams },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      const period = await loadSkmPeriod(app.db, regionCode, id);
      const file = await paperTemplate(app.db, period, serviceContext(request).actor);
      return reply.type(XLSX_MIME).header('content-disposition', 'attachment; filename="templat-skm-kertas.xlsx"').send(file);
    },
  );

  // Paper forms arrive as raw XLSX bytes, read as such in this scope only.
  const importRoutes: FastifyPluginAsyncZod = async (xlsx) => {
    xlsx.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    xlsx.post(
      '/:id/responses/import',
      {
        config: { access: inRegion('skm.enter') },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          summary: 'Impor formulir survei kertas dari XLSX (semua baris atau tidak sama sekali); dryRun=true hanya memeriksa',
          params: periodParams,
          querystring: skmImportQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 200: importReport, 400: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX' }] });
        }
        const { regionCode, id } = request.params;
        return importPaperResponses(serviceContext(request), regionCode, id, body, request.query.dryRun);
      },
    );
  };
  await app.register(importRoutes);

  // ---- follow-up plan -----------------------------------------------------------------------------

  app.get(
    '/:id/follow-ups',
    {
      config: { access: inRegion('skm.read') },
      schema: { summary: 'Rencana tindak lanjut hasil survei', params: periodParams, response: { 200: followUpList, 404: errorBody } },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      return { items: await listFollowUps(app.db, regionCode, id, new Date()) };
    },
  );

  app.post(
    '/:id/follow-ups',
    {
      config: { access: inRegion('skm.manage') },
      schema: {
        summary: 'Tambah butir rencana tindak lanjut (penanggung jawab, batas waktu)',
        params: periodParams,
        body: followUpInput,
        response: { 201: followUp, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      return reply.status(201).send(await createFollowUp(serviceContext(request), regionCode, id, request.body));
    },
  );

  app.put(
    '/:id/follow-ups/:followUpId',
    {
      config: { access: inRegion('skm.manage') },
      schema: {
        summary: 'Ubah butir tindak lanjut (status, kemajuan, hasil)',
        params: followUpParams,
        body: followUpUpdate,
        response: { 200: followUp, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => updateFollowUp(serviceContext(request), request.params, request.body),
  );

  app.delete(
    '/:id/follow-ups/:followUpId',
    {
      config: { access: inRegion('skm.manage') },
      schema: { summary: 'Hapus butir tindak lanjut', params: followUpParams, response: { 204: z.null(), 404: errorBody } },
    },
    async (request, reply) => {
      const result = await deleteFollowUp(serviceContext(request), app.storage, request.params);
      for (const err of result.blobCleanupErrors) request.log.warn({ err }, 'unused follow-up evidence file could not be deleted');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:id/follow-ups/:followUpId/evidence',
    {
      config: { access: inRegion('skm.read') },
      schema: { summary: 'Bukti pelaksanaan tindak lanjut', params: followUpParams, response: { 200: followUpEvidenceList, 404: errorBody } },
    },
    async (request) => ({ items: await listFollowUpEvidence(app.db, request.params) }),
  );

  // Uploads live in their own scope, where only the file types we accept are read as raw bytes.
  const maxUploadBytes = app.config.maxUploadBytes;
  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);
    files.post(
      '/:id/follow-ups/:followUpId/evidence',
      {
        config: { access: inRegion('skm.manage') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah bukti tindak lanjut (PDF atau gambar; jenis diperiksa dari isinya); nama berkas di header x-file-name',
          params: followUpParams,
          querystring: followUpEvidenceQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: followUpEvidence, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
        }
        const header = request.headers['x-file-name'];
        const fileName = decodeFileName(typeof header === 'string' ? header : 'bukti');
        const row = await addFollowUpEvidence(serviceContext(request), files.storage, { maxUploadBytes }, request.params, {
          fileName,
          title: request.query.title,
          data: body,
        });
        return reply.status(201).send(row);
      },
    );
  };
  await app.register(uploadRoutes);

  app.get(
    '/:id/follow-ups/:followUpId/evidence/:attachmentId',
    {
      config: { access: inRegion('skm.read') },
      schema: { summary: 'Unduh bukti tindak lanjut', params: evidenceParams },
    },
    async (request, reply) => {
      const { row, stream } = await openFollowUpEvidence(app.db, app.storage, request.params);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/:id/follow-ups/:followUpId/evidence/:attachmentId',
    {
      config: { access: inRegion('skm.manage') },
      schema: { summary: 'Hapus bukti tindak lanjut', params: evidenceParams, response: { 200: okBody, 404: errorBody } },
    },
    async (request) => {
      const result = await removeFollowUpEvidence(serviceContext(request), app.storage, request.params);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused follow-up evidence file could not be deleted');
      return { ok: true as const };
    },
  );
};

/** Browsers send a non-ASCII file name percent-encoded in a header. */
function decodeFileName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
