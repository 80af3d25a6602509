/**
 * HTTP routes of kompetisi inovasi: the region's staff under /api/v1/regions/:regionCode/competitions,
 * and the same routes for the national admin's competitions across regions under
 * /api/v1/national/competitions (one set of handlers, the scope NATIONAL in place of a region):
 * authenticate → parse → authorize (config.access, then per object in the service) → one service call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '#domain/access/roles.ts';
import { errorBody, idParam, okBody } from '#shared/api/common.ts';
import {
  advanceBody,
  candidateList,
  candidateQuery,
  competitionDetail,
  competitionInput,
  competitionList,
  competitionListQuery,
  competitionUpdate,
  entryAttachment,
  entryCreate,
  entryDetail,
  entryFileQuery,
  entryLinkBody,
  entryList,
  entryListQuery,
  entryUpdate,
  finaliseBody,
  judgeCandidates as judgeCandidatesBody,
  nationalCompetitionList,
  panelAdd,
  panelView,
  reopenBody,
  rubricList,
  screenBody,
  stageResults as stageResultsBody,
} from '#shared/api/competitions.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { type ServiceContext, serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { sendStoredFile } from '#server/platform/attachments/stored-file.ts';
import { acceptRawUploads } from '#server/platform/attachments/upload-body.ts';
import { addEntryFile, addEntryLink, openEntryFile, removeEntryAttachment } from './kompetisi-attachments.service.ts';
import { addJudge, assignStage, judgeCandidates, panelOf, removeJudge, reopenSheet } from './kompetisi-judging.service.ts';
import { certificatesPdf, proposalPdf, scoresXlsx } from './kompetisi-reports.ts';
import { advanceStage, finaliseCompetition, lockStage, publishCompetition, stageResults } from './kompetisi-results.service.ts';
import { shippedRubrics } from './kompetisi-rubrics.ts';
import { entryCounts, findEntry, listCompetitions, listEntries, nationalCompetitionsOpenTo, stagesOf } from './kompetisi.queries.ts';
import { type RouteScope, routeScope } from './kompetisi-scope.ts';
import {
  createCompetition,
  createEntry,
  entryDetail as loadEntryDetail,
  listCandidates,
  loadCompetitionDetail,
  openCompetition,
  presentCompetition,
  presentEntrySummary,
  screenEntry,
  submitEntry,
  updateCompetition,
  updateEntry,
} from './kompetisi.service.ts';

function abilities(ctx: ServiceContext, regionCode: string) {
  return { manage: can(ctx.actor, 'competitions.manage', regionCode), enter: can(ctx.actor, 'competitions.enter', regionCode) };
}

/**
 * The routes in a scope: `region` (the path names the region, each route its permission) or
 * `national` (no region in the path, the national admin only, the scope NATIONAL given to the
 * services in place of a region code).
 */
function kompetisiRoutesIn(scope: RouteScope): FastifyPluginAsyncZod {
  const { national, scopeParam, access, nameScope } = routeScope(scope);
  const competitionParams = scopeParam.extend(idParam.shape);
  const entryParams = competitionParams.extend({ entryId: z.uuid('ID peserta tidak valid') });
  const stageParams = competitionParams.extend({ stageId: z.uuid('ID tahap tidak valid') });
  const judgeParams = stageParams.extend({ judgeId: z.uuid('ID juri tidak valid') });
  const sheetParams = stageParams.extend({ sheetId: z.uuid('ID lembar nilai tidak valid') });
  const attachmentParams = entryParams.extend({ attachmentId: z.uuid('ID lampiran tidak valid') });

  return async (app) => {
    const maxUploadBytes = app.config.maxUploadBytes;
    nameScope(app);

    app.get(
      '/rubrics',
      {
        config: { access: access('competitions.read') },
        schema: { summary: 'Rubrik penilaian yang tersedia untuk tahap penilaian', params: scopeParam, response: { 200: rubricList } },
      },
      async () => ({ items: shippedRubrics() }),
    );

    app.get(
      '/',
      {
        config: { access: access('competitions.read') },
        schema: {
          summary: 'Daftar kompetisi inovasi daerah',
          params: scopeParam,
          querystring: competitionListQuery,
          response: { 200: competitionList },
        },
      },
      async (request) => {
        const q = request.query;
        const ctx = serviceContext(request);
        const { rows, total } = await listCompetitions(ctx.db, request.params.regionCode, q);
        const counts = await entryCounts(
          ctx.db,
          rows.map((r) => r.id),
        );
        const items = [];
        for (const row of rows) {
          const d = presentCompetition(row, await stagesOf(ctx.db, row.id), counts.get(row.id) ?? 0, { manage: false, enter: false });
          items.push({
            id: d.id,
            name: d.name,
            year: d.year,
            kind: d.kind,
            status: d.status,
            currentStage: d.currentStage,
            entryCount: d.entryCount,
            registrationClosesOn: d.registrationClosesOn,
          });
        }
        return { items, total, page: q.page, pageSize: q.pageSize };
      },
    );

    if (!national) {
      app.get(
        '/national',
        {
          config: { access: inRegion('competitions.read') },
          schema: {
            summary: 'Kompetisi nasional yang terbuka bagi daerah ini (jumlah peserta: peserta daerah ini saja)',
            params: scopeParam,
            response: { 200: nationalCompetitionList },
          },
        },
        async (request) => {
          const { regionCode } = request.params;
          const rows = await nationalCompetitionsOpenTo(app.db, regionCode);
          const counts = await entryCounts(
            app.db,
            rows.map((r) => r.id),
            regionCode,
          );
          const items = [];
          for (const row of rows) {
            const d = presentCompetition(row, await stagesOf(app.db, row.id), counts.get(row.id) ?? 0, { manage: false, enter: false });
            items.push({
              id: d.id,
              name: d.name,
              year: d.year,
              kind: d.kind,
              status: d.status,
              currentStage: d.currentStage,
              entryCount: d.entryCount,
              registrationClosesOn: d.registrationClosesOn,
            });
          }
          return { items };
        },
      );
    }

    app.post(
      '/',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Buat kompetisi (kategori, syarat, tahap, rubrik, bagian proposal)',
          params: scopeParam,
          body: competitionInput,
          response: { 201: competitionDetail, 400: errorBody },
        },
      },
      async (request, reply) => {
        const ctx = serviceContext(request);
        const id = await createCompetition(ctx, request.params.regionCode, request.body);
        return reply.status(201).send(await loadCompetitionDetail(ctx.db, request.params.regionCode, id, abilities(ctx, request.params.regionCode)));
      },
    );

    app.get(
      '/:id',
      {
        config: { access: access('competitions.read') },
        schema: { summary: 'Satu kompetisi dengan tahapnya', params: competitionParams, response: { 200: competitionDetail, 404: errorBody } },
      },
      async (request) => {
        const ctx = serviceContext(request);
        return loadCompetitionDetail(ctx.db, request.params.regionCode, request.params.id, abilities(ctx, request.params.regionCode));
      },
    );

    app.put(
      '/:id',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Ubah pengaturan kompetisi (sebelum ada tahap dikunci)',
          params: competitionParams,
          body: competitionUpdate,
          response: { 200: competitionDetail, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id } = request.params;
        await updateCompetition(ctx, regionCode, id, request.body);
        return loadCompetitionDetail(ctx.db, regionCode, id, abilities(ctx, regionCode));
      },
    );

    app.post(
      '/:id/open',
      {
        config: { access: access('competitions.manage') },
        schema: { summary: 'Buka pendaftaran', params: competitionParams, response: { 200: competitionDetail, 404: errorBody, 409: errorBody } },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id } = request.params;
        await openCompetition(ctx, regionCode, id);
        return loadCompetitionDetail(ctx.db, regionCode, id, abilities(ctx, regionCode));
      },
    );

    // ---- entries ----

    app.get(
      '/:id/candidates',
      {
        config: { access: access('competitions.enter') },
        schema: {
          summary: 'Inovasi unit yang dapat didaftarkan pada kategori, dengan alasan bila belum memenuhi syarat',
          params: competitionParams,
          querystring: candidateQuery.extend({ unitId: z.uuid().optional() }),
          response: { 200: candidateList, 404: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id } = request.params;
        return { items: await listCandidates(serviceContext(request), regionCode, id, request.query.category, request.query.unitId ?? null) };
      },
    );

    app.get(
      '/:id/entries',
      {
        config: { access: access('competitions.read') },
        schema: {
          summary: 'Peserta kompetisi (operator: peserta unitnya)',
          params: competitionParams,
          querystring: entryListQuery,
          response: { 200: entryList },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const q = request.query;
        const { rows, total } = await listEntries(ctx.db, request.params.regionCode, request.params.id, ctx.actor, q);
        return { items: rows.map(presentEntrySummary), total, page: q.page, pageSize: q.pageSize };
      },
    );

    app.post(
      '/:id/entries',
      {
        config: { access: access('competitions.enter') },
        schema: {
          summary: 'Daftarkan inovasi unit pada kategori (syarat diperiksa mesin kompetisi)',
          params: competitionParams,
          body: entryCreate,
          response: { 201: entryDetail, 400: errorBody, 409: errorBody, 422: errorBody },
        },
      },
      async (request, reply) => {
        const ctx = serviceContext(request);
        const { regionCode, id } = request.params;
        const entryId = await createEntry(ctx, regionCode, id, request.body);
        return reply.status(201).send(await loadEntryDetail(ctx, regionCode, id, entryId));
      },
    );

    app.get(
      '/:id/entries/:entryId',
      {
        config: { access: access('competitions.read') },
        schema: { summary: 'Satu peserta: profil, proposal, lampiran', params: entryParams, response: { 200: entryDetail, 404: errorBody } },
      },
      async (request) => {
        const { regionCode, id, entryId } = request.params;
        return loadEntryDetail(serviceContext(request), regionCode, id, entryId);
      },
    );

    app.put(
      '/:id/entries/:entryId',
      {
        config: { access: access('competitions.enter') },
        schema: {
          summary: 'Simpan proposal (batas kata per bagian)',
          params: entryParams,
          body: entryUpdate,
          response: { 200: entryDetail, 400: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id, entryId } = request.params;
        await updateEntry(ctx, regionCode, id, entryId, request.body);
        return loadEntryDetail(ctx, regionCode, id, entryId);
      },
    );

    app.post(
      '/:id/entries/:entryId/submit',
      {
        config: { access: access('competitions.enter') },
        schema: {
          summary: 'Ajukan proposal sebelum batas waktu pendaftaran',
          params: entryParams,
          response: { 200: entryDetail, 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id, entryId } = request.params;
        await submitEntry(ctx, regionCode, id, entryId);
        return loadEntryDetail(ctx, regionCode, id, entryId);
      },
    );

    app.post(
      '/:id/entries/:entryId/screening',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Seleksi administrasi: lolos atau tidak lolos, dengan alasan',
          params: entryParams,
          body: screenBody,
          response: { 200: entryDetail, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id, entryId } = request.params;
        await screenEntry(ctx, regionCode, id, entryId, request.body);
        return loadEntryDetail(ctx, regionCode, id, entryId);
      },
    );

    app.get(
      '/:id/entries/:entryId/proposal.pdf',
      {
        config: { access: access('competitions.read') },
        schema: { summary: 'Proposal peserta sebagai PDF, dalam urutan bagian kompetisi', params: entryParams },
      },
      async (request, reply) => {
        const ctx = serviceContext(request);
        const { regionCode, id, entryId } = request.params;
        const found = await findEntry(ctx.db, regionCode, id, entryId, ctx.actor);
        if (!found) throw new AppError('NOT_FOUND');
        const file = await proposalPdf(ctx.db, regionCode, id, found, ctx.now);
        return reply.type('application/pdf').header('content-disposition', 'attachment; filename="proposal.pdf"').send(file);
      },
    );

    // Entry attachments: files in their own scope (raw bytes read only here), links and removal.
    const uploadRoutes: FastifyPluginAsyncZod = async (files) => {
      acceptRawUploads(files, maxUploadBytes);
      files.post(
        '/:id/entries/:entryId/files',
        {
          config: { access: access('competitions.enter') },
          bodyLimit: maxUploadBytes,
          schema: {
            summary: 'Unggah lampiran proposal (PDF atau gambar); badan permintaan = isi berkas',
            params: entryParams,
            querystring: entryFileQuery.extend({ slot: z.enum(['umum', 'sk_inovator']).default('umum') }),
            body: z.instanceof(Buffer).optional(),
            response: { 201: entryAttachment, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
          },
        },
        async (request, reply) => {
          const body = request.body;
          if (!Buffer.isBuffer(body) || body.length === 0)
            throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', reason: 'Unggah berkas PDF atau gambar' }] });
          const { regionCode, id, entryId } = request.params;
          const { fileName, title, slot } = request.query;
          const row = await addEntryFile(
            serviceContext(request),
            files.storage,
            { maxUploadBytes },
            { regionCode, competitionId: id, entryId },
            slot,
            {
              fileName,
              title: title ?? undefined,
              data: body,
            },
          );
          return reply.status(201).send(row);
        },
      );
    };
    await app.register(uploadRoutes);

    app.post(
      '/:id/entries/:entryId/links',
      {
        config: { access: access('competitions.enter') },
        schema: {
          summary: 'Tambah tautan lampiran proposal',
          params: entryParams,
          body: entryLinkBody,
          response: { 201: entryAttachment, 400: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        const { regionCode, id, entryId } = request.params;
        return reply.status(201).send(await addEntryLink(serviceContext(request), { regionCode, competitionId: id, entryId }, request.body));
      },
    );

    app.get(
      '/:id/entries/:entryId/attachments/:attachmentId',
      {
        config: { access: access('competitions.read') },
        schema: { summary: 'Unduh lampiran proposal', params: attachmentParams },
      },
      async (request, reply) => {
        const { regionCode, id, entryId, attachmentId } = request.params;
        const opened = await openEntryFile(serviceContext(request), app.storage, { regionCode, competitionId: id, entryId }, attachmentId);
        return sendStoredFile(reply, opened.row, opened.stream);
      },
    );

    app.delete(
      '/:id/entries/:entryId/attachments/:attachmentId',
      {
        config: { access: access('competitions.enter') },
        schema: {
          summary: 'Hapus lampiran proposal (selama masih draf)',
          params: attachmentParams,
          response: { 200: okBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, entryId, attachmentId } = request.params;
        await removeEntryAttachment(serviceContext(request), app.storage, { regionCode, competitionId: id, entryId }, attachmentId);
        return { ok: true as const };
      },
    );

    // ---- stages, panels, results ----

    app.get(
      '/:id/judge-candidates',
      {
        config: { access: access('competitions.manage') },
        schema: { summary: 'Pengguna berperan juri di daerah ini', params: competitionParams, response: { 200: judgeCandidatesBody } },
      },
      async (request) => ({ items: await judgeCandidates(app.db, request.params.regionCode) }),
    );

    app.get(
      '/:id/stages/:stageId/panel',
      {
        config: { access: access('competitions.manage') },
        schema: { summary: 'Panel juri tahap, penugasan dan kekurangan juri', params: stageParams, response: { 200: panelView, 404: errorBody } },
      },
      async (request) => panelOf(app.db, request.params.regionCode, request.params.id, request.params.stageId),
    );

    app.post(
      '/:id/stages/:stageId/panel',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Tambah juri ke panel tahap',
          params: stageParams,
          body: panelAdd,
          response: { 200: panelView, 400: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, stageId } = request.params;
        await addJudge(serviceContext(request), regionCode, id, stageId, request.body.userId);
        return panelOf(app.db, regionCode, id, stageId);
      },
    );

    app.delete(
      '/:id/stages/:stageId/panel/:judgeId',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Keluarkan juri dari panel (sebelum ia menilai)',
          params: judgeParams,
          response: { 200: panelView, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, stageId, judgeId } = request.params;
        await removeJudge(serviceContext(request), regionCode, id, stageId, judgeId);
        return panelOf(app.db, regionCode, id, stageId);
      },
    );

    app.post(
      '/:id/stages/:stageId/assignment',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Tugaskan juri ke peserta (mesin kompetisi; tanpa konflik kepentingan)',
          params: stageParams,
          response: { 200: panelView, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, stageId } = request.params;
        await assignStage(serviceContext(request), regionCode, id, stageId);
        return panelOf(app.db, regionCode, id, stageId);
      },
    );

    app.post(
      '/:id/stages/:stageId/sheets/:sheetId/reopen',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Buka kembali lembar nilai yang sudah dikirim (wajib alasan; tercatat di log audit)',
          params: sheetParams,
          body: reopenBody,
          response: { 200: panelView, 400: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, stageId, sheetId } = request.params;
        await reopenSheet(serviceContext(request), regionCode, id, stageId, sheetId, request.body.reason);
        return panelOf(app.db, regionCode, id, stageId);
      },
    );

    app.post(
      '/:id/stages/:stageId/lock',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Kunci tahap yang berjalan (tahap penilaian: hitung nilai dan peringkat)',
          params: stageParams,
          response: { 200: competitionDetail, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id, stageId } = request.params;
        await lockStage(ctx, regionCode, id, stageId);
        return loadCompetitionDetail(ctx.db, regionCode, id, abilities(ctx, regionCode));
      },
    );

    app.post(
      '/:id/stages/:stageId/advance',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Loloskan N teratas per kategori atau yang mencapai nilai batas',
          params: stageParams,
          body: advanceBody,
          response: { 200: stageResultsBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, stageId } = request.params;
        await advanceStage(serviceContext(request), regionCode, id, stageId, request.body);
        return stageResults(app.db, regionCode, id, stageId);
      },
    );

    app.get(
      '/:id/stages/:stageId/results',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Nilai dan peringkat tahap (setelah dikunci), pencilan, rerata juri',
          params: stageParams,
          response: { 200: stageResultsBody, 404: errorBody },
        },
      },
      async (request) => stageResults(app.db, request.params.regionCode, request.params.id, request.params.stageId),
    );

    app.post(
      '/:id/finalise',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Penetapan: peringkat akhir (gabungan tahap berbobot) dengan nomor dan tanggal keputusan',
          params: competitionParams,
          body: finaliseBody,
          response: { 200: competitionDetail, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id } = request.params;
        await finaliseCompetition(ctx, regionCode, id, request.body);
        return loadCompetitionDetail(ctx.db, regionCode, id, abilities(ctx, regionCode));
      },
    );

    app.post(
      '/:id/publish',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Umumkan hasil di halaman publik',
          params: competitionParams,
          response: { 200: competitionDetail, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id } = request.params;
        await publishCompetition(ctx, regionCode, id);
        return loadCompetitionDetail(ctx.db, regionCode, id, abilities(ctx, regionCode));
      },
    );

    app.get(
      '/:id/scores.xlsx',
      {
        config: { access: access('competitions.manage') },
        schema: { summary: 'Semua nilai juri per kriteria (XLSX untuk panitia; sel angka)', params: competitionParams },
      },
      async (request, reply) => {
        const file = await scoresXlsx(app.db, request.params.regionCode, request.params.id);
        return reply.type(XLSX_MIME).header('content-disposition', 'attachment; filename="nilai-kompetisi.xlsx"').send(file);
      },
    );

    app.get(
      '/:id/certificates.pdf',
      {
        config: { access: access('competitions.manage') },
        schema: { summary: 'Piagam juara I–III tiap kategori (setelah penetapan)', params: competitionParams },
      },
      async (request, reply) => {
        const file = await certificatesPdf(app.db, request.params.regionCode, request.params.id, new Date());
        return reply.type('application/pdf').header('content-disposition', 'attachment; filename="piagam.pdf"').send(file);
      },
    );
  };
}

export const kompetisiRoutes = kompetisiRoutesIn('region');
export const kompetisiNationalRoutes = kompetisiRoutesIn('national');
