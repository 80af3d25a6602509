/**
 * HTTP routes of the region's API tokens, for the regional admin (who also manages the region's
 * accounts): list, issue (the token is answered once), revoke. Registered under
 * /api/v1/regions/:regionCode/api-tokens.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiToken, apiTokenCreated, apiTokenInput, apiTokenList } from '#shared/api/api-tokens.ts';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import { inRegion } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { listApiTokens } from './api-tokens.queries.ts';
import { issueApiToken, presentApiToken, revokeApiToken } from './api-tokens.service.ts';

const params = regionCodeParam.extend(idParam.shape);

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('users.write') },
      schema: { summary: 'Token API daerah (awalan saja, tanpa rahasianya)', params: regionCodeParam, response: { 200: apiTokenList } },
    },
    async (request) => {
      const now = new Date();
      const rows = await listApiTokens(request.server.db, request.params.regionCode);
      return { items: rows.map((r) => presentApiToken(r, now)) };
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('users.write') },
      schema: {
        summary: 'Terbitkan token API baca-saja untuk layar command center (token hanya ditampilkan sekali)',
        params: regionCodeParam,
        body: apiTokenInput,
        response: { 201: apiTokenCreated, 400: errorBody },
      },
    },
    async (request, reply) => {
      const created = await issueApiToken(serviceContext(request), request.params.regionCode, request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/:id/revoke',
    {
      config: { access: inRegion('users.write') },
      schema: { summary: 'Cabut token API (berlaku seketika)', params, response: { 200: apiToken, 404: errorBody } },
    },
    async (request) => revokeApiToken(serviceContext(request), request.params.regionCode, request.params.id),
  );
};
