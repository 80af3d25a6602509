/**
 * HTTP routes of Acara for staff, under /api/v1/regions/:regionCode/events: authenticate → parse →
 * authorize (config.access, then the event's organiser in the service) → one service call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import {
  attendanceInput,
  checkinResult,
  eventDetail,
  eventInput,
  eventList,
  eventListQuery,
  eventUpdate,
  followUpInput,
  followUpUpdate,
  material,
  materialLinkInput,
  materialList,
  materialUploadQuery,
  notesInput,
  organiserCheckinInput,
  participant,
  participantImportReport,
  participantInput,
  participantList,
  participantListQuery,
} from '#shared/api/events.ts';
import { attachIndexEvidenceInput, indexEvidenceAttached, indexEvidenceTargets } from '#shared/api/index-evidence.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { attachIndexDocument, indexEvidenceTargets as targetsOf } from '#server/platform/index-evidence.ts';
import { attendanceDocument, certificateDocument, evidenceSourceOf, evidenceTitle } from './event-exports.service.ts';
import { qrSvg } from './event-documents.ts';
import { addMaterialFile, addMaterialLink, listMaterials, openMaterial, presentMaterial, removeMaterial } from './event-materials.service.ts';
import { findEvent, findParticipant, listEvents, listParticipants } from './events.queries.ts';
import {
  addFollowUp,
  createEvent,
  deleteEvent,
  deleteFollowUp,
  loadEventDetail,
  presentEventSummary,
  saveNotes,
  updateEvent,
  updateFollowUp,
} from './events.service.ts';
import { importParticipants, participantTemplate } from './participants-xlsx.service.ts';
import { checkInByCode, checkinPathOf, presentParticipant, registerParticipant, removeParticipant, setAttendance } from './participants.service.ts';

const eventParams = regionCodeParam.extend(idParam.shape);
const participantParams = eventParams.extend({ participantId: z.uuid('ID peserta tidak valid') });
const followUpParams = eventParams.extend({ followUpId: z.uuid('ID tindak lanjut tidak valid') });
const materialParams = eventParams.extend({ materialId: z.uuid('ID materi tidak valid') });
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun harus true atau false' })
    .default('true')
    .transform((v) => v === 'true'),
});
const noContent = { 204: z.null(), 403: errorBody, 404: errorBody, 409: errorBody };
const originOf = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`;

export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxUploadBytes = app.config.maxUploadBytes;

  app.get(
    '/',
    {
      config: { access: inRegion('events.read') },
      schema: {
        summary: 'Acara daerah (rakor, bimtek, sosialisasi, FGD, expo) dengan pencarian, filter tahun/bulan/jenis/topik/unit, urutan dan halaman',
        params: regionCodeParam,
        querystring: eventListQuery,
        response: { 200: eventList },
      },
    },
    async (request) => {
      const q = request.query;
      const { actor } = serviceContext(request);
      const { items, total } = await listEvents(app.db, request.params.regionCode, q);
      return { items: items.map((row) => presentEventSummary(row, actor)), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/participants-template.xlsx',
    { config: { access: inRegion('events.read') }, schema: { summary: 'Templat XLSX daftar peserta untuk impor', params: regionCodeParam } },
    async (_request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', 'attachment; filename="templat-peserta-acara.xlsx"')
        .send(await participantTemplate()),
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('events.read') },
      schema: {
        summary: 'Satu acara: rincian, jumlah peserta per unit/instansi, notulen, tindak lanjut',
        params: eventParams,
        response: { 200: eventDetail, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return loadEventDetail(app.db, ctx.actor, request.params.regionCode, request.params.id, ctx.now);
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Buat acara (operator: atas nama unitnya)',
        params: regionCodeParam,
        body: eventInput,
        response: { 201: eventDetail, 400: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const id = await createEvent(ctx, request.params.regionCode, request.body);
      return reply.status(201).send(await loadEventDetail(app.db, ctx.actor, request.params.regionCode, id, ctx.now));
    },
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Ubah acara (dengan versi yang dimuat; operator: acara unitnya)',
        params: eventParams,
        body: eventUpdate,
        response: { 200: eventDetail, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await updateEvent(ctx, regionCode, id, request.body);
      return loadEventDetail(app.db, ctx.actor, regionCode, id, ctx.now);
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: inRegion('events.manage') },
      schema: { summary: 'Hapus acara yang belum punya kehadiran atau materi', params: eventParams, response: noContent },
    },
    async (request, reply) => {
      await deleteEvent(serviceContext(request), request.params.regionCode, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/notes',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Simpan notulen acara',
        params: eventParams,
        body: notesInput,
        response: { 200: eventDetail, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await saveNotes(ctx, regionCode, id, request.body);
      return loadEventDetail(app.db, ctx.actor, regionCode, id, ctx.now);
    },
  );

  // ---- follow-ups ----

  app.post(
    '/:id/follow-ups',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Tambah tindak lanjut acara',
        params: eventParams,
        body: followUpInput,
        response: { 201: eventDetail, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await addFollowUp(ctx, regionCode, id, request.body);
      return reply.status(201).send(await loadEventDetail(app.db, ctx.actor, regionCode, id, ctx.now));
    },
  );

  app.put(
    '/:id/follow-ups/:followUpId',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Ubah tindak lanjut (status selesai wajib dengan bukti)',
        params: followUpParams,
        body: followUpUpdate,
        response: { 200: eventDetail, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id, followUpId } = request.params;
      await updateFollowUp(ctx, regionCode, id, followUpId, request.body);
      return loadEventDetail(app.db, ctx.actor, regionCode, id, ctx.now);
    },
  );

  app.delete(
    '/:id/follow-ups/:followUpId',
    { config: { access: inRegion('events.manage') }, schema: { summary: 'Hapus tindak lanjut', params: followUpParams, response: noContent } },
    async (request, reply) => {
      const { regionCode, id, followUpId } = request.params;
      await deleteFollowUp(serviceContext(request), regionCode, id, followUpId);
      return reply.status(204).send(null);
    },
  );

  // ---- participants ----

  app.get(
    '/:id/participants',
    {
      config: { access: inRegion('events.read') },
      schema: {
        summary: 'Peserta acara dengan pencarian (nama, unit, instansi, kode), filter jenis/kehadiran, urutan dan halaman',
        params: eventParams,
        querystring: participantListQuery,
        response: { 200: participantList, 404: errorBody },
      },
    },
    async (request) => {
      const q = request.query;
      if (!(await findEvent(app.db, request.params.regionCode, request.params.id))) throw new AppError('NOT_FOUND');
      const { items, total } = await listParticipants(app.db, request.params.regionCode, request.params.id, q);
      return { items: items.map(presentParticipant), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/:id/participants',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Daftarkan peserta (internal: pengguna atau nama dari unit; eksternal: nama dan instansi)',
        params: eventParams,
        body: participantInput,
        response: { 201: participant, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      const participantId = await registerParticipant(serviceContext(request), regionCode, id, request.body);
      const row = await findParticipant(app.db, regionCode, id, participantId);
      if (!row) throw new AppError('INTERNAL');
      return reply.status(201).send(presentParticipant(row));
    },
  );

  app.delete(
    '/:id/participants/:participantId',
    {
      config: { access: inRegion('events.manage') },
      schema: { summary: 'Hapus pendaftaran peserta', params: participantParams, response: noContent },
    },
    async (request, reply) => {
      const { regionCode, id, participantId } = request.params;
      await removeParticipant(serviceContext(request), regionCode, id, participantId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/:id/participants/:participantId/attendance',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Centang (atau batalkan) kehadiran peserta secara manual',
        params: participantParams,
        body: attendanceInput,
        response: { 200: participant, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id, participantId } = request.params;
      await setAttendance(serviceContext(request), regionCode, id, participantId, request.body.isPresent);
      const row = await findParticipant(app.db, regionCode, id, participantId);
      if (!row) throw new AppError('NOT_FOUND');
      return presentParticipant(row);
    },
  );

  app.post(
    '/:id/checkin',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Panitia memindai atau mengetik kode peserta (kode pendek, tautan kehadiran, atau tokennya); dihitung sekali',
        params: eventParams,
        body: organiserCheckinInput,
        response: { 200: checkinResult, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => checkInByCode(serviceContext(request), request.params.regionCode, request.params.id, request.body.code),
  );

  app.get(
    '/:id/participants/:participantId/qr.svg',
    { config: { access: inRegion('events.manage') }, schema: { summary: 'Kode QR kehadiran pribadi peserta (SVG)', params: participantParams } },
    async (request, reply) => {
      const { regionCode, id, participantId } = request.params;
      const row = await findParticipant(app.db, regionCode, id, participantId);
      if (!row) throw new AppError('NOT_FOUND');
      const svg = await qrSvg(`${originOf(request)}${checkinPathOf(row.checkinToken)}`);
      return reply.type('image/svg+xml').header('cache-control', 'private, no-store').send(svg);
    },
  );

  app.get(
    '/:id/participants/:participantId/certificate.pdf',
    {
      config: { access: inRegion('events.read') },
      schema: { summary: 'Sertifikat peserta yang hadir (PDF, dengan kode verifikasi)', params: participantParams },
    },
    async (request, reply) => {
      const { regionCode, id, participantId } = request.params;
      const doc = await certificateDocument(app.db, regionCode, id, participantId, originOf(request), new Date());
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.data);
    },
  );

  app.get(
    '/:id/attendance.pdf',
    {
      config: { access: inRegion('events.read') },
      schema: { summary: 'Daftar hadir acara (PDF: nama, unit/instansi, waktu hadir, kolom tanda tangan)', params: eventParams },
    },
    async (request, reply) => {
      const doc = await attendanceDocument(app.db, request.params.regionCode, request.params.id, new Date());
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.data);
    },
  );

  // Imports read the raw XLSX body in their own scope, so no other route takes it.
  const importRoutes: FastifyPluginAsyncZod = async (scope) => {
    scope.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/:id/participants/import',
      {
        config: { access: inRegion('events.manage') },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          summary: 'Impor peserta dari XLSX; dryRun=true memeriksa per baris, dryRun=false menyimpan semua atau tidak sama sekali',
          params: eventParams,
          querystring: importQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 200: participantImportReport, 400: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX' }] });
        return importParticipants(serviceContext(request), request.params.regionCode, request.params.id, body, request.query.dryRun);
      },
    );
  };
  await app.register(importRoutes);

  // ---- materials (attachments of the event) ----

  app.get(
    '/:id/materials',
    {
      config: { access: inRegion('events.read') },
      schema: { summary: 'Materi acara (berkas dan tautan)', params: eventParams, response: { 200: materialList, 404: errorBody } },
    },
    async (request) => ({ items: (await listMaterials(app.db, request.params.regionCode, request.params.id)).map(presentMaterial) }),
  );

  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);
    files.post(
      '/:id/materials/files',
      {
        config: { access: inRegion('events.manage') },
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah berkas materi (PDF atau gambar; jenis diperiksa dari isinya); badan permintaan = isi berkas',
          params: eventParams,
          querystring: materialUploadQuery,
          body: z.instanceof(Buffer).optional(),
          response: { 201: material, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
        const { regionCode, id } = request.params;
        const row = await addMaterialFile(serviceContext(request), files.storage, { maxUploadBytes }, regionCode, id, {
          fileName: request.query.fileName,
          title: request.query.title,
          data: body,
        });
        return reply.status(201).send(presentMaterial(row));
      },
    );
  };
  await app.register(uploadRoutes);

  app.post(
    '/:id/materials/links',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Tambah tautan materi (presentasi, rekaman)',
        params: eventParams,
        body: materialLinkInput,
        response: { 201: material, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const row = await addMaterialLink(serviceContext(request), request.params.regionCode, request.params.id, request.body);
      return reply.status(201).send(presentMaterial(row));
    },
  );

  app.get(
    '/:id/materials/:materialId/content',
    { config: { access: inRegion('events.read') }, schema: { summary: 'Isi berkas materi (inline, tanpa skrip)', params: materialParams } },
    async (request, reply) => {
      const { regionCode, id, materialId } = request.params;
      const { row, stream } = await openMaterial(app.db, app.storage, regionCode, id, materialId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/:id/materials/:materialId',
    { config: { access: inRegion('events.manage') }, schema: { summary: 'Hapus materi', params: materialParams, response: noContent } },
    async (request, reply) => {
      const { regionCode, id, materialId } = request.params;
      await removeMaterial(serviceContext(request), app.storage, regionCode, id, materialId);
      return reply.status(204).send(null);
    },
  );

  // ---- evidence for the indices ----

  app.get(
    '/:id/index-evidence/targets',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Indikator IID / evaluasi smart city yang meminta daftar hadir bimtek atau sosialisasi ini sebagai bukti',
        params: eventParams,
        response: { 200: indexEvidenceTargets, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      const event = await loadEventDetail(app.db, ctx.actor, regionCode, id, ctx.now);
      const source = evidenceSourceOf(event.kind);
      if (!source) return { assessmentItems: [], innovations: [] };
      return targetsOf(app.db, regionCode, source, evidenceTitle(event));
    },
  );

  app.post(
    '/:id/index-evidence',
    {
      config: { access: inRegion('events.manage') },
      schema: {
        summary: 'Lampirkan daftar hadir acara (dan tautan ke acaranya) sebagai bukti dukung satu indikator',
        params: eventParams,
        body: attachIndexEvidenceInput,
        response: { 201: indexEvidenceAttached, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      const event = await loadEventDetail(app.db, ctx.actor, regionCode, id, ctx.now);
      if (!event.canManage) throw new AppError('FORBIDDEN', { detail: "operators attach their own unit's events only" });
      const source = evidenceSourceOf(event.kind);
      if (!source)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ field: 'kind', reason: 'Hanya bimtek dan sosialisasi yang diminta sebagai bukti dukung indeks' }],
        });
      const attendance = await attendanceDocument(app.db, regionCode, id, ctx.now);
      const title = evidenceTitle(event);
      const document = {
        fileName: attendance.fileName,
        title,
        data: attendance.data,
        link: { title: `Halaman acara: ${event.title}`, url: `${originOf(request)}/acara/${id}` },
      };
      const row = await attachIndexDocument(
        ctx,
        app.storage,
        { maxUploadBytes: Math.max(maxUploadBytes, attendance.data.length) },
        regionCode,
        source,
        request.body.target,
        document,
      );
      return reply.status(201).send({ attachmentId: row.id, title: row.title, fileName: row.fileName ?? document.fileName });
    },
  );
};
