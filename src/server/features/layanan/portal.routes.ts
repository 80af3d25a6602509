/**
 * The public service portal API under /api/v1/public (no login, tag `public`; kiosks, other portals
 * and command centres use it, so its shapes are a contract): the services of a region, one service,
 * a citizen's survey answer, a service's IKM of a year, and the printable QR poster.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import { publicServiceDetail, publicServiceList, publicServiceListQuery } from '#shared/api/services.ts';
import { ikmResult, publicIkmQuery, skmResponseCreated, skmResponseInput } from '#shared/api/skm.ts';
import { PUBLIC } from '#server/http/access.ts';
import { idempotencyKeyOf, publicWrite } from '#server/platform/public-write.ts';
import { buildPosterPdf } from './poster.ts';
import { listPublicServices, posterDataOf, publicServiceDetailOf } from './portal.service.ts';
import { submitSkmResponse } from './skm-responses.service.ts';
import { publicServiceIkm } from './skm-results.service.ts';

const accepted = z.object({ ok: z.literal(true) }).describe('Diterima (isian jebakan terisi: tidak disimpan)');

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions/:regionCode/services',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Layanan publik aktif suatu daerah, dengan IKM terakhir dan apakah survei sedang dibuka',
        params: regionCodeParam,
        querystring: publicServiceListQuery,
        response: { 200: publicServiceList, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => listPublicServices(app.db, request.params.regionCode, request.query, new Date()),
  );

  app.get(
    '/services/:id',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Satu layanan: standar pelayanan, IKM terakhir, kuesioner periode yang dibuka, tindak lanjut yang dipublikasikan',
        params: idParam,
        response: { 200: publicServiceDetail, 404: errorBody },
      },
    },
    async (request) => publicServiceDetailOf(app.db, request.params.id, new Date()),
  );

  app.post(
    '/services/:id/skm-responses',
    publicWrite(
      app,
      {
        schema: {
          summary:
            'Jawaban survei kepuasan masyarakat (tanpa login). Header Idempotency-Key: kiriman ulang dengan kunci yang sama dihitung sekali dan mendapat id yang sama',
          params: idParam,
          body: skmResponseInput,
          response: { 201: skmResponseCreated, 202: accepted, 400: errorBody, 404: errorBody, 409: errorBody, 429: errorBody },
        },
      },
      // The receipt is claimed in the statement that stores the answer: one round trip and one commit.
      { receiptInWrite: true },
    ),
    async (request, reply) => {
      const idempotency = idempotencyKeyOf(request);
      const answer = await submitSkmResponse(app.db, request.params.id, request.body, new Date(), idempotency);
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ id: answer.id });
    },
  );

  app.get(
    '/services/:id/ikm',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'IKM suatu layanan pada satu tahun (tanpa tahun: tahun terakhir yang ada jawabannya); desimal sebagai teks',
        params: idParam,
        querystring: publicIkmQuery,
        response: { 200: ikmResult, 404: errorBody },
      },
    },
    async (request) => publicServiceIkm(app.db, request.params.id, request.query.year),
  );

  app.get(
    '/services/:id/poster.pdf',
    {
      config: { access: PUBLIC },
      schema: { summary: 'Poster A4 dengan kode QR menuju survei layanan', params: idParam },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const data = await posterDataOf(app.db, request.params.id, origin, new Date());
      const pdf = await buildPosterPdf(data);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="poster-survei-${request.params.id}.pdf"`).send(pdf);
    },
  );
};
