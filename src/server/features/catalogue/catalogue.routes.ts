/**
 * The public catalogue API (also open data): no login, tagged `public` in OpenAPI. Answers carry a
 * weak ETag and may be cached for a minute by browsers and proxies.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, idParam } from '#shared/api/common.ts';
import { publicInnovation, publicInnovationList, publicInnovationQuery, publicUnitList, publicUnitQuery } from '#shared/api/innovations.ts';
import { PUBLIC } from '#server/http/access.ts';
import { isNotModified, notModified, weakEtagOf } from '#server/http/etag.ts';
import { sendJsonText } from '#server/http/json-text.ts';
import { listPublicUnits } from './catalogue.queries.ts';
import { catalogueAnswer, publicInnovationDetail } from './catalogue.service.ts';

const CACHE_CONTROL = 'public, max-age=60';
export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Katalog publik inovasi terverifikasi: pencarian teks bahasa Indonesia dan filter wilayah, tahun, unit, urusan, tahapan, jenis',
        querystring: publicInnovationQuery,
        response: { 200: publicInnovationList, 304: notModified, 400: errorBody },
      },
    },
    async (request, reply) => {
      const { text, etag } = await catalogueAnswer(app.db, request.query);
      if (isNotModified(request, reply, etag, CACHE_CONTROL)) return reply.code(304).send(null);
      return sendJsonText(reply, text);
    },
  );

  app.get(
    '/units',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Unit yang memiliki inovasi terverifikasi di suatu daerah (untuk filter unit katalog)',
        querystring: publicUnitQuery,
        response: { 200: publicUnitList, 304: notModified, 400: errorBody },
      },
    },
    async (request, reply) => {
      const body = { items: await listPublicUnits(app.db, request.query.region) };
      if (isNotModified(request, reply, weakEtagOf(body), CACHE_CONTROL)) return reply.code(304).send(null);
      return body;
    },
  );

  app.get(
    '/:id',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Satu inovasi terverifikasi (tanpa narahubung, dokumen anggaran, catatan verifikator)',
        params: idParam,
        response: { 200: publicInnovation, 304: notModified, 404: errorBody },
      },
    },
    async (request, reply) => {
      const body = await publicInnovationDetail(app.db, request.params.id);
      if (isNotModified(request, reply, weakEtagOf(body), CACHE_CONTROL)) return reply.code(304).send(null);
      return body;
    },
  );
};
