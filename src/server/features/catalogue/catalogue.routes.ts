/**
 * The public catalogue API (also open data): no login, tagged `public` in OpenAPI. Answers carry a
 * weak ETag and may be cached for a minute by browsers and proxies.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam } from '#shared/api/common.ts';
import { publicInnovation, publicInnovationList, publicInnovationQuery, publicUnitList, publicUnitQuery } from '#shared/api/innovations.ts';
import { PUBLIC } from '#server/http/access.ts';
import { sendJsonText } from '#server/http/json-text.ts';
import { listPublicUnits } from './catalogue.queries.ts';
import { catalogueAnswer, publicInnovationDetail } from './catalogue.service.ts';

const CACHE_CONTROL = 'public, max-age=60';
const notModified = z.null().describe('Tidak berubah sejak ETag yang dikirim dalam If-None-Match');

function etagOf(body: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
}

/** Weak comparison (RFC 9110 §13.1.2): a client may send a list of tags, or `*`. */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** Sets the caching headers; answers 304 without a body when the client already has this version. */
function isNotModified(request: FastifyRequest, reply: FastifyReply, body: unknown): boolean {
  const etag = etagOf(body);
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  return matchesIfNoneMatch(request.headers['if-none-match'], etag);
}

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
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
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
      if (isNotModified(request, reply, body)) return reply.code(304).send(null);
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
      if (isNotModified(request, reply, body)) return reply.code(304).send(null);
      return body;
    },
  );
};
