/** HTTP routes for innovations: authenticate → parse → authorize (config.access) → one service call → present. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '#domain/access/roles.ts';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import {
  carryOverBody,
  innovation,
  innovationCreate,
  innovationList,
  innovationListQuery,
  innovationUpdate,
  similarList,
  transitionBody,
  transitionResponse,
} from '#shared/api/innovations.ts';
import type { Db } from '#server/db/client.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { presentInnovation, presentSummary } from './innovations.presenter.ts';
import { listAttachments } from '#server/platform/attachments/attachments.ts';
import { tematikOptionsOfPeriod } from '#server/platform/innovation-profile.ts';
import { findInnovation } from '#server/platform/records.ts';
import { findPeriod } from './periods.service.ts';
import { findNextVersionId, listInnovations, listTimeline } from './innovations.queries.ts';
import { carryOverInnovation, createInnovation, findSimilar, transitionInnovation, updateInnovation } from './innovations.service.ts';

const params = regionCodeParam.extend(idParam.shape);

/** Loads and presents one innovation as the caller may see it (operators: own unit only). */
export async function loadInnovation(db: Db, actor: Actor, regionCode: string, id: string) {
  const found = await findInnovation(db, regionCode, id, actor);
  if (!found) throw new AppError('NOT_FOUND');
  const period = await findPeriod(db, regionCode, found.innovation.periodId);
  const [files, timeline, nextId, tematikOptions] = await Promise.all([
    listAttachments(db, regionCode, 'innovation', [id]),
    listTimeline(db, regionCode, id),
    findNextVersionId(db, regionCode, id),
    period ? tematikOptionsOfPeriod(db, regionCode, period) : [],
  ]);
  return presentInnovation(actor, found, { evidence: files, timeline, nextId, tematikOptions });
}

export const innovationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Daftar inovasi daerah (operator: unitnya sendiri) dengan pencarian, filter, urutan dan halaman',
        params: regionCodeParam,
        querystring: innovationListQuery,
        response: { 200: innovationList },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const q = request.query;
      const { items, total } = await listInnovations(ctx.db, request.params.regionCode, ctx.actor, q);
      return { items: items.map(presentSummary), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('innovations.write') },
      schema: { summary: 'Usulkan inovasi (draf)', params: regionCodeParam, body: innovationCreate, response: { 201: innovation, 400: errorBody } },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode } = request.params;
      const id = await createInnovation(ctx, regionCode, request.body);
      return reply.status(201).send(await loadInnovation(ctx.db, ctx.actor, regionCode, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('innovations.read') },
      schema: { summary: 'Satu inovasi dengan bukti dukung dan linimasa', params, response: { 200: innovation, 404: errorBody } },
    },
    async (request) => {
      const ctx = serviceContext(request);
      return loadInnovation(ctx.db, ctx.actor, request.params.regionCode, request.params.id);
    },
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('innovations.write') },
      schema: {
        summary: 'Simpan profil inovasi (dengan versi yang dimuat; 409 bila diubah orang lain)',
        params,
        body: innovationUpdate,
        response: { 200: innovation, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await updateInnovation(ctx, regionCode, id, request.body);
      return loadInnovation(ctx.db, ctx.actor, regionCode, id);
    },
  );

  app.post(
    '/:id/transition',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Langkah alur verifikasi: submit, return (catatan per isian), verify, reject (alasan)',
        params,
        body: transitionBody,
        response: { 200: transitionResponse, 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      await transitionInnovation(ctx, regionCode, id, request.body);
      const presented = await loadInnovation(ctx.db, ctx.actor, regionCode, id);
      const similar = request.body.action === 'submit' ? await findSimilar(ctx.db, regionCode, presented) : [];
      return { innovation: presented, similar };
    },
  );

  app.get(
    '/:id/similar',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Inovasi bernama mirip di daerah ini (tahun ini dan sebelumnya)',
        params,
        response: { 200: similarList },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      const presented = await loadInnovation(ctx.db, ctx.actor, regionCode, id);
      return { items: await findSimilar(ctx.db, regionCode, presented) };
    },
  );

  app.post(
    '/:id/carry-over',
    {
      config: { access: inRegion('innovations.write') },
      schema: {
        summary: 'Bawa inovasi ke periode berikutnya (catatan perkembangan wajib)',
        params,
        body: carryOverBody,
        response: { 201: innovation, 400: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const { regionCode, id } = request.params;
      const newId = await carryOverInnovation(ctx, regionCode, id, request.body);
      return reply.status(201).send(await loadInnovation(ctx.db, ctx.actor, regionCode, newId));
    },
  );
};
