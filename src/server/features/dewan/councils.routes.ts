/**
 * HTTP routes of the smart-city councils under /api/v1/regions/:regionCode/councils: authenticate →
 * parse → authorize (config.access: smartcity.read to read, smartcity.manage to write) → one service
 * call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '#domain/access/roles.ts';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import {
  attachmentItem,
  councilDetail,
  councilInput,
  councilList,
  decreeInput,
  documentQuery,
  followUpDoneInput,
  followUpInput,
  followUpList,
  followUpListQuery,
  meetingInput,
  memberInput,
} from '#shared/api/councils.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import {
  addDecree,
  addDecreeDocument,
  addFollowUp,
  addMeeting,
  addMeetingNotulen,
  addMember,
  createCouncil,
  deleteCouncil,
  listCouncils,
  listFollowUps,
  loadCouncil,
  openDecreeDocument,
  openMeetingNotulen,
  type Reader,
  removeDecree,
  removeDecreeDocument,
  removeFollowUp,
  removeMeeting,
  removeMeetingNotulen,
  removeMember,
  setFollowUpStatus,
  updateCouncil,
  updateDecree,
  updateFollowUp,
  updateMeeting,
  updateMember,
} from './councils.service.ts';

const uuid = (label: string) => z.uuid(`${label} tidak valid`);
const councilParams = regionCodeParam.extend({ id: uuid('ID dewan') });
const memberParams = councilParams.extend({ memberId: uuid('ID anggota') });
const decreeParams = councilParams.extend({ decreeId: uuid('ID SK') });
const decreeDocParams = decreeParams.extend({ attachmentId: uuid('ID dokumen') });
const meetingParams = councilParams.extend({ meetingId: uuid('ID rapat') });
const notulenParams = meetingParams.extend({ attachmentId: uuid('ID notulen') });
const followUpParams = councilParams.extend({ followUpId: uuid('ID tindak lanjut') });
const detailResponses = { 200: councilDetail, 400: errorBody, 404: errorBody, 409: errorBody };

/** The reader of the councils: the signed-in user, who may also keep them or not. */
function readerOf(request: FastifyRequest & { params: { regionCode: string } }): Reader {
  const ctx = serviceContext(request);
  return { db: ctx.db, now: ctx.now, canManage: can(ctx.actor, 'smartcity.manage', request.params.regionCode) };
}

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

export const councilsRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { access: inRegion('smartcity.read') };
  const manage = { access: inRegion('smartcity.manage') };

  // ---- councils ----------------------------------------------------------------------------------
  app.get(
    '/councils',
    {
      config: read,
      schema: {
        summary: 'Dewan Smart City, Tim Pelaksana dan Forum daerah: SK yang berlaku, jumlah anggota, tindak lanjut terbuka',
        params: regionCodeParam,
        response: { 200: councilList },
      },
    },
    async (request) => {
      const reader = readerOf(request);
      return { items: await listCouncils(reader, request.params.regionCode), canManage: reader.canManage };
    },
  );

  app.post(
    '/councils',
    {
      config: manage,
      schema: {
        summary: 'Bentuk dewan, tim pelaksana atau forum',
        params: regionCodeParam,
        body: councilInput,
        response: { 201: councilDetail, 400: errorBody },
      },
    },
    async (request, reply) => {
      const id = await createCouncil(serviceContext(request), request.params.regionCode, request.body);
      return reply.status(201).send(await loadCouncil(readerOf(request), request.params.regionCode, id));
    },
  );

  app.get(
    '/councils/follow-ups',
    {
      config: read,
      schema: {
        summary: 'Tindak lanjut rapat semua dewan (filter status dan dewan), batas waktu terdekat lebih dulu, yang lewat batas ditandai',
        params: regionCodeParam,
        querystring: followUpListQuery,
        response: { 200: followUpList },
      },
    },
    async (request) => {
      const reader = readerOf(request);
      return { items: await listFollowUps(reader, request.params.regionCode, request.query), canManage: reader.canManage };
    },
  );

  app.get(
    '/councils/:id',
    {
      config: read,
      schema: {
        summary: 'Satu dewan: anggota, riwayat SK, rapat dengan notulen dan tindak lanjut',
        params: councilParams,
        response: { 200: councilDetail, 404: errorBody },
      },
    },
    async (request) => loadCouncil(readerOf(request), request.params.regionCode, request.params.id),
  );

  app.put(
    '/councils/:id',
    {
      config: manage,
      schema: { summary: 'Ubah jenis, nama dan keterangan dewan', params: councilParams, body: councilInput, response: detailResponses },
    },
    async (request) => {
      await updateCouncil(serviceContext(request), request.params.regionCode, request.params.id, request.body);
      return loadCouncil(readerOf(request), request.params.regionCode, request.params.id);
    },
  );

  app.delete(
    '/councils/:id',
    {
      config: manage,
      schema: {
        summary: 'Hapus dewan yang belum punya SK dan rapat',
        params: councilParams,
        response: { 204: z.null(), 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await deleteCouncil(serviceContext(request), request.params.regionCode, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- members -----------------------------------------------------------------------------------
  app.post(
    '/councils/:id/members',
    {
      config: manage,
      schema: {
        summary: 'Tambah anggota: pengguna platform atau orang luar (nama, organisasi, jabatan), dengan perannya',
        params: councilParams,
        body: memberInput,
        response: detailResponses,
      },
    },
    async (request) => {
      await addMember(serviceContext(request), request.params.regionCode, request.params.id, request.body);
      return loadCouncil(readerOf(request), request.params.regionCode, request.params.id);
    },
  );

  app.put(
    '/councils/:id/members/:memberId',
    { config: manage, schema: { summary: 'Ubah anggota', params: memberParams, body: memberInput, response: detailResponses } },
    async (request) => {
      const { regionCode, id, memberId } = request.params;
      await updateMember(serviceContext(request), regionCode, id, memberId, request.body);
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.delete(
    '/councils/:id/members/:memberId',
    { config: manage, schema: { summary: 'Keluarkan anggota (yang tidak memegang tindak lanjut)', params: memberParams, response: detailResponses } },
    async (request) => {
      const { regionCode, id, memberId } = request.params;
      await removeMember(serviceContext(request), regionCode, id, memberId);
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  // ---- decrees -----------------------------------------------------------------------------------
  app.post(
    '/councils/:id/decrees',
    {
      config: manage,
      schema: {
        summary: 'Catat SK pembentukan atau pembaruan (yang terbaru berlaku)',
        params: councilParams,
        body: decreeInput,
        response: detailResponses,
      },
    },
    async (request) => {
      await addDecree(serviceContext(request), request.params.regionCode, request.params.id, request.body);
      return loadCouncil(readerOf(request), request.params.regionCode, request.params.id);
    },
  );

  app.put(
    '/councils/:id/decrees/:decreeId',
    {
      config: manage,
      schema: { summary: 'Ubah nomor, tanggal atau catatan SK', params: decreeParams, body: decreeInput, response: detailResponses },
    },
    async (request) => {
      const { regionCode, id, decreeId } = request.params;
      await updateDecree(serviceContext(request), regionCode, id, decreeId, request.body);
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.delete(
    '/councils/:id/decrees/:decreeId',
    { config: manage, schema: { summary: 'Hapus SK beserta dokumennya', params: decreeParams, response: detailResponses } },
    async (request) => {
      const { regionCode, id, decreeId } = request.params;
      const result = await removeDecree(serviceContext(request), app.storage, regionCode, id, decreeId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused decree document file could not be deleted');
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.get(
    '/councils/:id/decrees/:decreeId/documents/:attachmentId',
    { config: read, schema: { summary: 'Unduh dokumen SK', params: decreeDocParams } },
    async (request, reply) => {
      const { regionCode, id, decreeId, attachmentId } = request.params;
      const { row, stream } = await openDecreeDocument(app.db, app.storage, { regionCode, councilId: id, decreeId }, attachmentId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/councils/:id/decrees/:decreeId/documents/:attachmentId',
    { config: manage, schema: { summary: 'Hapus dokumen SK', params: decreeDocParams, response: { 200: okBody, 404: errorBody } } },
    async (request) => {
      const { regionCode, id, decreeId, attachmentId } = request.params;
      const result = await removeDecreeDocument(serviceContext(request), app.storage, { regionCode, councilId: id, decreeId }, attachmentId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused decree document file could not be deleted');
      return { ok: true as const };
    },
  );

  // ---- meetings ----------------------------------------------------------------------------------
  app.post(
    '/councils/:id/meetings',
    {
      config: manage,
      schema: {
        summary: 'Catat rapat: tanggal, tempat, agenda, notulen, keputusan',
        params: councilParams,
        body: meetingInput,
        response: detailResponses,
      },
    },
    async (request) => {
      await addMeeting(serviceContext(request), request.params.regionCode, request.params.id, request.body);
      return loadCouncil(readerOf(request), request.params.regionCode, request.params.id);
    },
  );

  app.put(
    '/councils/:id/meetings/:meetingId',
    { config: manage, schema: { summary: 'Ubah rapat', params: meetingParams, body: meetingInput, response: detailResponses } },
    async (request) => {
      const { regionCode, id, meetingId } = request.params;
      await updateMeeting(serviceContext(request), regionCode, id, meetingId, request.body);
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.delete(
    '/councils/:id/meetings/:meetingId',
    { config: manage, schema: { summary: 'Hapus rapat beserta notulen dan tindak lanjutnya', params: meetingParams, response: detailResponses } },
    async (request) => {
      const { regionCode, id, meetingId } = request.params;
      const result = await removeMeeting(serviceContext(request), app.storage, regionCode, id, meetingId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused notulen file could not be deleted');
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.get(
    '/councils/:id/meetings/:meetingId/notulen/:attachmentId',
    { config: read, schema: { summary: 'Unduh berkas notulen rapat', params: notulenParams } },
    async (request, reply) => {
      const { regionCode, id, meetingId, attachmentId } = request.params;
      const { row, stream } = await openMeetingNotulen(app.db, app.storage, { regionCode, councilId: id, meetingId }, attachmentId);
      return sendStoredFile(reply, row, stream);
    },
  );

  app.delete(
    '/councils/:id/meetings/:meetingId/notulen/:attachmentId',
    { config: manage, schema: { summary: 'Hapus berkas notulen rapat', params: notulenParams, response: { 200: okBody, 404: errorBody } } },
    async (request) => {
      const { regionCode, id, meetingId, attachmentId } = request.params;
      const result = await removeMeetingNotulen(serviceContext(request), app.storage, { regionCode, councilId: id, meetingId }, attachmentId);
      if (result.blobCleanupError) request.log.warn({ err: result.blobCleanupError }, 'unused notulen file could not be deleted');
      return { ok: true as const };
    },
  );

  // ---- follow-ups --------------------------------------------------------------------------------
  app.post(
    '/councils/:id/meetings/:meetingId/follow-ups',
    {
      config: manage,
      schema: {
        summary: 'Tambah tindak lanjut rapat: apa, penanggung jawab (unit atau anggota), batas waktu',
        params: meetingParams,
        body: followUpInput,
        response: detailResponses,
      },
    },
    async (request) => {
      const { regionCode, id, meetingId } = request.params;
      await addFollowUp(serviceContext(request), { regionCode, councilId: id, meetingId }, request.body);
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.put(
    '/councils/:id/follow-ups/:followUpId',
    { config: manage, schema: { summary: 'Ubah tindak lanjut', params: followUpParams, body: followUpInput, response: detailResponses } },
    async (request) => {
      const { regionCode, id, followUpId } = request.params;
      await updateFollowUp(serviceContext(request), regionCode, id, followUpId, request.body);
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.post(
    '/councils/:id/follow-ups/:followUpId/done',
    {
      config: manage,
      schema: {
        summary: 'Tandai tindak lanjut selesai pada tanggal tertentu',
        params: followUpParams,
        body: followUpDoneInput,
        response: detailResponses,
      },
    },
    async (request) => {
      const { regionCode, id, followUpId } = request.params;
      await setFollowUpStatus(serviceContext(request), regionCode, id, followUpId, { status: 'selesai', doneOn: request.body.doneOn });
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.post(
    '/councils/:id/follow-ups/:followUpId/reopen',
    {
      config: manage,
      schema: { summary: 'Buka kembali tindak lanjut yang sudah ditandai selesai', params: followUpParams, response: detailResponses },
    },
    async (request) => {
      const { regionCode, id, followUpId } = request.params;
      await setFollowUpStatus(serviceContext(request), regionCode, id, followUpId, { status: 'terbuka' });
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  app.delete(
    '/councils/:id/follow-ups/:followUpId',
    { config: manage, schema: { summary: 'Hapus tindak lanjut', params: followUpParams, response: detailResponses } },
    async (request) => {
      const { regionCode, id, followUpId } = request.params;
      await removeFollowUp(serviceContext(request), regionCode, id, followUpId);
      return loadCouncil(readerOf(request), regionCode, id);
    },
  );

  // Uploads live in their own scope, where only the file types we accept are read as raw bytes.
  const maxUploadBytes = app.config.maxUploadBytes;
  const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
    acceptRawUploads(files, maxUploadBytes);
    const uploadResponses = { 201: attachmentItem, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody };
    files.post(
      '/councils/:id/decrees/:decreeId/documents',
      {
        config: manage,
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah dokumen SK (PDF atau gambar); nama berkas di header x-file-name',
          params: decreeParams,
          querystring: documentQuery,
          body: z.instanceof(Buffer).optional(),
          response: uploadResponses,
        },
      },
      async (request, reply) => {
        const { regionCode, id, decreeId } = request.params;
        const row = await addDecreeDocument(
          serviceContext(request),
          files.storage,
          { maxUploadBytes },
          { regionCode, councilId: id, decreeId },
          { fileName: fileNameOf(request.headers['x-file-name'], 'sk'), title: request.query.title, data: uploadedFile(request.body) },
        );
        return reply.status(201).send(row);
      },
    );
    files.post(
      '/councils/:id/meetings/:meetingId/notulen',
      {
        config: manage,
        bodyLimit: maxUploadBytes,
        schema: {
          summary: 'Unggah berkas notulen rapat (PDF atau gambar); nama berkas di header x-file-name',
          params: meetingParams,
          querystring: documentQuery,
          body: z.instanceof(Buffer).optional(),
          response: uploadResponses,
        },
      },
      async (request, reply) => {
        const { regionCode, id, meetingId } = request.params;
        const row = await addMeetingNotulen(
          serviceContext(request),
          files.storage,
          { maxUploadBytes },
          { regionCode, councilId: id, meetingId },
          { fileName: fileNameOf(request.headers['x-file-name'], 'notulen'), title: request.query.title, data: uploadedFile(request.body) },
        );
        return reply.status(201).send(row);
      },
    );
  };
  await app.register(uploadRoutes);
};
