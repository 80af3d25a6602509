/**
 * HTTP routes of the RPJMD cascade under /api/v1/regions/:regionCode/rpjmd: whoever reads the smart-city
 * plan reads the cascade (and the programme codes the forms offer); the regional admin (Bapperida) keeps it.
 * authenticate → parse → authorize (config.access) → one service call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, okBody, regionCodeParam } from '#shared/api/common.ts';
import {
  rpjmdDetail,
  rpjmdEntryInput,
  rpjmdEntryUpdate,
  rpjmdImportReport,
  rpjmdPeriodInput,
  rpjmdPeriodList,
  rpjmdPeriodUpdate,
  rpjmdProgrammeOptions,
  rpjmdProgrammesQuery,
} from '#shared/api/rpjmd.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { rpjmdProgrammeCodesOf } from '#server/platform/rpjmd.ts';
import { exportRpjmd, importRpjmd, rpjmdTemplate } from './rpjmd-xlsx.service.ts';
import { createEntry, createPeriod, deleteEntry, deletePeriod, rpjmdList, rpjmdTree, updateEntry, updatePeriod } from './rpjmd.service.ts';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const periodParams = regionCodeParam.extend({ id: z.uuid('ID RPJMD tidak valid') });
const entryParams = periodParams.extend({ entryId: z.uuid('ID butir RPJMD tidak valid') });
const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun harus true atau false' })
    .default('true')
    .transform((v) => v === 'true'),
});

function uploadedSheet(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas XLSX' }] });
  }
  return body;
}

export const rpjmdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser([XLSX_MIME, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/rpjmd',
    {
      config: { access: inRegion('smartcity.read') },
      schema: { summary: 'Periode RPJMD daerah dengan jumlah butir dan kode program', params: regionCodeParam, response: { 200: rpjmdPeriodList } },
    },
    async (request) => rpjmdList(app.db, request.params.regionCode),
  );

  app.post(
    '/rpjmd',
    {
      config: { access: inRegion('rpjmd.manage') },
      schema: {
        summary: 'Tambah periode RPJMD (judul, tahun awal dan akhir, nomor Perda)',
        params: regionCodeParam,
        body: rpjmdPeriodInput,
        response: { 201: rpjmdDetail, 400: errorBody },
      },
    },
    async (request, reply) => {
      const id = await createPeriod(serviceContext(request), request.params.regionCode, request.body);
      return reply.status(201).send(await rpjmdTree(app.db, request.params.regionCode, id));
    },
  );

  app.get(
    '/rpjmd/programmes',
    {
      config: { access: inRegion('smartcity.read') },
      schema: {
        summary: 'Kode program RPJMD daerah untuk dipilih pada program kota cerdas dan inovasi (dengan pencarian)',
        params: regionCodeParam,
        querystring: rpjmdProgrammesQuery,
        response: { 200: rpjmdProgrammeOptions },
      },
    },
    async (request) => ({ items: await rpjmdProgrammeCodesOf(app.db, request.params.regionCode, request.query.q) }),
  );

  app.get(
    '/rpjmd/template.xlsx',
    {
      config: { access: inRegion('smartcity.read') },
      schema: { summary: 'Templat XLSX kosong untuk impor cascade RPJMD, dengan petunjuk', params: regionCodeParam },
    },
    async (_request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', 'attachment; filename="templat-rpjmd.xlsx"')
        .send(await rpjmdTemplate()),
  );

  app.get(
    '/rpjmd/:id',
    {
      config: { access: inRegion('smartcity.read') },
      schema: {
        summary: 'Satu RPJMD sebagai pohon misi → tujuan → sasaran → program, dengan jumlah tautan per kode program',
        params: periodParams,
        response: { 200: rpjmdDetail, 404: errorBody },
      },
    },
    async (request) => rpjmdTree(app.db, request.params.regionCode, request.params.id),
  );

  app.put(
    '/rpjmd/:id',
    {
      config: { access: inRegion('rpjmd.manage') },
      schema: {
        summary: 'Ubah judul, tahun dan nomor Perda RPJMD (dengan versi yang dimuat)',
        params: periodParams,
        body: rpjmdPeriodUpdate,
        response: { 200: rpjmdDetail, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      await updatePeriod(serviceContext(request), request.params.regionCode, request.params.id, request.body);
      return rpjmdTree(app.db, request.params.regionCode, request.params.id);
    },
  );

  app.delete(
    '/rpjmd/:id',
    {
      config: { access: inRegion('rpjmd.manage') },
      schema: {
        summary: 'Hapus RPJMD beserta seluruh butirnya (ditolak bila kode programnya masih ditautkan)',
        params: periodParams,
        response: { 200: okBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      await deletePeriod(serviceContext(request), request.params.regionCode, request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/rpjmd/:id/export.xlsx',
    {
      config: { access: inRegion('smartcity.read') },
      schema: { summary: 'Ekspor cascade RPJMD ke XLSX (dapat diimpor kembali)', params: periodParams },
    },
    async (request, reply) => {
      const { file, startYear, endYear } = await exportRpjmd(app.db, request.params.regionCode, request.params.id);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="rpjmd-${request.params.regionCode}-${startYear}-${endYear}.xlsx"`)
        .send(file);
    },
  );

  app.post(
    '/rpjmd/:id/import',
    {
      config: { access: inRegion('rpjmd.manage') },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary: 'Impor cascade RPJMD dari XLSX; dryRun=true hanya memeriksa per baris, dryRun=false menyimpan semua atau tidak sama sekali',
        params: periodParams,
        querystring: importQuery,
        body: z.instanceof(Buffer).optional(),
        response: { 200: rpjmdImportReport, 400: errorBody, 404: errorBody },
      },
    },
    async (request) =>
      importRpjmd(serviceContext(request), request.params.regionCode, request.params.id, uploadedSheet(request.body), request.query.dryRun),
  );

  app.post(
    '/rpjmd/:id/entries',
    {
      config: { access: inRegion('rpjmd.manage') },
      schema: {
        summary: 'Tambah misi, tujuan, sasaran atau program (induknya satu tingkat di atas)',
        params: periodParams,
        body: rpjmdEntryInput,
        response: { 201: rpjmdDetail, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      await createEntry(serviceContext(request), regionCode, id, request.body);
      return reply.status(201).send(await rpjmdTree(app.db, regionCode, id));
    },
  );

  app.put(
    '/rpjmd/:id/entries/:entryId',
    {
      config: { access: inRegion('rpjmd.manage') },
      schema: {
        summary: 'Ubah kode dan nama butir RPJMD (kode program yang ditautkan tidak dapat diganti)',
        params: entryParams,
        body: rpjmdEntryUpdate,
        response: { 200: rpjmdDetail, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id, entryId } = request.params;
      await updateEntry(serviceContext(request), regionCode, id, entryId, request.body);
      return rpjmdTree(app.db, regionCode, id);
    },
  );

  app.delete(
    '/rpjmd/:id/entries/:entryId',
    {
      config: { access: inRegion('rpjmd.manage') },
      schema: {
        summary: 'Hapus butir RPJMD beserta turunannya (ditolak bila kode programnya masih ditautkan)',
        params: entryParams,
        response: { 200: rpjmdDetail, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, id, entryId } = request.params;
      await deleteEntry(serviceContext(request), regionCode, id, entryId);
      return rpjmdTree(app.db, regionCode, id);
    },
  );
};
