/**
 * HTTP routes of a competition's public vote. The admin's, under /api/v1/regions/:regionCode/competitions/:id/vote
 * and, for the national admin's competitions, /api/v1/national/competitions/:id/vote (settings, counts and
 * flagged bursts, voiding votes: one set of handlers, see kompetisi-scope.ts); and the citizens', under
 * /api/v1/public/competitions/:id/vote (finalists, ask for a code, confirm it) behind the public-write
 * guard, the same address for a region's competition and a national one. The code's mail is handed to
 * the outbox sender as soon as the request is committed; the outbox job stays the retry path.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addressPrefix } from '#domain/competition/public-vote.ts';
import { errorBody, idParam } from '#shared/api/common.ts';
import {
  adminVoteView,
  publicVoteView,
  voidVotesBody,
  voidVotesResult,
  voteConfirmBody,
  voteConfirmResult,
  voteRequestBody,
  voteRequestResult,
  voteSettingsInput,
} from '#shared/api/competition-vote.ts';
import { PUBLIC } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { publicWrite } from '#server/platform/public-write.ts';
import { type RouteScope, routeScope } from './kompetisi-scope.ts';
import {
  confirmVoteCode,
  publicVoteView as loadPublicView,
  requestVoteCode,
  saveVoteSettings,
  voidVotes,
  voteAdminView,
} from './kompetisi-vote.service.ts';

function kompetisiVoteRoutesIn(scope: RouteScope): FastifyPluginAsyncZod {
  const { scopeParam, access, nameScope } = routeScope(scope);
  const competitionParams = scopeParam.extend(idParam.shape);

  return async (app) => {
    nameScope(app);

    app.get(
      '/:id/vote',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Suara publik kompetisi: pengaturan, jumlah suara per finalis, suara yang ditandai lonjakan',
          params: competitionParams,
          response: { 200: adminVoteView, 403: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        return voteAdminView(ctx.db, request.params.regionCode, request.params.id, ctx.now);
      },
    );

    app.put(
      '/:id/vote',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Aktifkan atau ubah suara publik (waktu, porsi nilai akhir, tampilan jumlah, finalis)',
          params: competitionParams,
          body: voteSettingsInput,
          response: { 200: adminVoteView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const ctx = serviceContext(request);
        const { regionCode, id } = request.params;
        await saveVoteSettings(ctx, regionCode, id, request.body);
        return voteAdminView(ctx.db, regionCode, id, ctx.now);
      },
    );

    app.post(
      '/:id/vote/void',
      {
        config: { access: access('competitions.manage') },
        schema: {
          summary: 'Batalkan suara (mis. lonjakan yang ditandai) dengan alasan',
          params: competitionParams,
          body: voidVotesBody,
          response: { 200: voidVotesResult, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => voidVotes(serviceContext(request), request.params.regionCode, request.params.id, request.body),
    );
  };
}

export const kompetisiVoteRoutes = kompetisiVoteRoutesIn('region');
export const kompetisiNationalVoteRoutes = kompetisiVoteRoutesIn('national');

export const kompetisiVotePublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const params = z.object(idParam.shape);

  app.get(
    '/competitions/:id/vote',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Suara publik: finalis, waktu pemilihan, jumlah suara bila ditampilkan',
        params,
        response: { 200: publicVoteView, 404: errorBody },
      },
    },
    async (request) => loadPublicView(app.db, request.params.id, new Date()),
  );

  app.post(
    '/competitions/:id/vote/request',
    publicWrite(
      app,
      {
        schema: {
          summary: 'Minta kode konfirmasi suara ke alamat surel',
          params,
          body: voteRequestBody,
          // A filled honeypot is answered 202 { ok: true } by the guard, outside this schema.
          response: { 200: voteRequestResult, 400: errorBody, 404: errorBody, 409: errorBody, 429: errorBody },
        },
      },
      { perMinute: Math.min(10, app.config.publicWritePerMinute) },
    ),
    async (request) => {
      const { mailId, ...answer } = await requestVoteCode(app.db, {
        competitionId: request.params.id,
        entryId: request.body.entryId,
        email: request.body.email,
        addressPrefix: addressPrefix(request.ip),
        now: new Date(),
      });
      // Committed: the code goes out now rather than at the outbox job's next minute, which stays the retry.
      app.mailDispatch.sendNow([mailId]);
      return answer;
    },
  );

  app.post(
    '/competitions/:id/vote/confirm',
    publicWrite(
      app,
      {
        schema: {
          summary: 'Konfirmasi suara dengan kode 6 angka dari surel',
          params,
          body: voteConfirmBody,
          response: { 200: voteConfirmResult, 400: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 422: errorBody },
        },
      },
      { perMinute: Math.min(20, app.config.publicWritePerMinute) },
    ),
    async (request) =>
      confirmVoteCode(app.db, { competitionId: request.params.id, requestId: request.body.requestId, code: request.body.code, now: new Date() }),
  );
};
