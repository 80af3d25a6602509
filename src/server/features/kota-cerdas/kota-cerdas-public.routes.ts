/** The region's smart city for citizens and other sites, under /api/v1/public (no login; a contract, keep it stable). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { publicSmartCity as publicSmartCitySchema } from '#shared/api/kota-cerdas.ts';
import { PUBLIC } from '#server/http/access.ts';
import { publicSmartCity } from './public.service.ts';

export const kotaCerdasPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions/:regionCode/smart-city',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Masterplan kota cerdas yang aktif: dimensi dan elemen, program dengan status dan progresnya (404 bila belum ada)',
        params: regionCodeParam,
        response: { 200: publicSmartCitySchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => publicSmartCity(app.db, request.params.regionCode),
  );
};
