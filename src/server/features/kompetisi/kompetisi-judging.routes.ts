/**
 * The judge's own routes, under /api/v1/regions/:regionCode/judging: their assigned sheets, their
 * declared conflicts, and one sheet to fill (autosaved drafts) and submit. Every sheet is looked up
 * with the judge's own id in SQL: another judge's sheet is 404, like one that does not exist.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, okBody, regionCodeParam } from '#shared/api/common.ts';
import { conflictBody, judgeHome as judgeHomeBody, sheetDetail as sheetDetailBody, sheetSave } from '#shared/api/competitions.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { openAttachment } from '#server/platform/attachments/attachments.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { declareConflicts, judgeHome, saveSheet, sheetDetail, submitSheet } from './kompetisi-judging.service.ts';

const sheetParams = regionCodeParam.extend({ sheetId: z.uuid('ID lembar nilai tidak valid') });
const competitionParams = regionCodeParam.extend(idParam.shape);

export const kompetisiJudgingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('competitions.judge') },
      schema: {
        summary: 'Peserta yang ditugaskan kepada juri ini, dan konflik kepentingan yang ia nyatakan',
        params: regionCodeParam,
        response: { 200: judgeHomeBody },
      },
    },
    async (request) => judgeHome(serviceContext(request), request.params.regionCode),
  );

  app.put(
    '/competitions/:id/conflicts',
    {
      config: { access: inRegion('competitions.judge') },
      schema: {
        summary: 'Nyatakan konflik kepentingan (unit, peserta yang ditugaskan)',
        params: competitionParams,
        body: conflictBody,
        response: { 200: judgeHomeBody, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      await declareConflicts(ctx, request.params.regionCode, request.params.id, request.body);
      return judgeHome(ctx, request.params.regionCode);
    },
  );

  app.get(
    '/sheets/:sheetId',
    {
      config: { access: inRegion('competitions.judge') },
      schema: {
        summary: 'Lembar nilai juri: rubrik dengan deskriptor, proposal peserta, nilai dan catatan',
        params: sheetParams,
        response: { 200: sheetDetailBody, 404: errorBody },
      },
    },
    async (request) => sheetDetail(serviceContext(request), request.params.regionCode, request.params.sheetId),
  );

  app.put(
    '/sheets/:sheetId',
    {
      config: { access: inRegion('competitions.judge') },
      schema: {
        summary: 'Simpan draf lembar nilai (simpan otomatis)',
        params: sheetParams,
        body: sheetSave,
        response: { 200: z.object({ version: z.number().int() }), 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => ({ version: await saveSheet(serviceContext(request), request.params.regionCode, request.params.sheetId, request.body) }),
  );

  app.post(
    '/sheets/:sheetId/submit',
    {
      config: { access: inRegion('competitions.judge') },
      schema: {
        summary: 'Kirim lembar nilai (semua kriteria wajib dinilai)',
        params: sheetParams,
        response: { 200: okBody, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      await submitSheet(serviceContext(request), request.params.regionCode, request.params.sheetId);
      return { ok: true as const };
    },
  );

  app.get(
    '/sheets/:sheetId/attachments/:attachmentId',
    {
      config: { access: inRegion('competitions.judge') },
      schema: {
        summary: 'Unduh lampiran proposal peserta yang ditugaskan',
        params: sheetParams.extend({ attachmentId: z.uuid('ID lampiran tidak valid') }),
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode, sheetId, attachmentId } = request.params;
      const sheet = await sheetDetail(ctx, regionCode, sheetId);
      if (!sheet.entry.attachments.some((a) => a.id === attachmentId)) throw new AppError('NOT_FOUND');
      // The entry's files live in its own region, which for a national competition is not the judge's.
      const opened = await openAttachment(
        ctx.db,
        app.storage,
        { regionCode: sheet.entry.regionCode, ownerType: 'competition_entry', ownerId: sheet.entry.id },
        attachmentId,
      );
      return sendStoredFile(reply, opened.row, opened.stream);
    },
  );
};
