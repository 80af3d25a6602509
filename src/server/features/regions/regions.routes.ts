import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesIn } from '#domain/access/roles.ts';
import { regionCodeParam } from '#shared/api/common.ts';
import { regionDetail, regionList, regionListQuery } from '#shared/api/regions.ts';
import { inRegion, PUBLIC } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { getRegionDetail, listRegions } from './regions.queries.ts';

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Daftar provinsi dan kabupaten/kota dengan kode wilayah Kemendagri',
        querystring: regionListQuery,
        response: { 200: regionList },
      },
    },
    async (request) => {
      const items = await listRegions(app.db, request.query);
      return { items, total: items.length };
    },
  );

  app.get(
    '/:regionCode',
    {
      config: { access: inRegion('region.read') },
      schema: {
        summary: 'Ringkasan satu daerah dan hak akses pemanggil di dalamnya',
        params: regionCodeParam,
        response: { 200: regionDetail },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      const detail = await getRegionDetail(ctx.db, request.params.regionCode);
      return { ...detail, abilities: abilitiesIn(ctx.actor, detail.code) };
    },
  );
};
