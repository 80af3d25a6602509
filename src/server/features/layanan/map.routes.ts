/**
 * The map the citizens' complaint form shows to pin a place: which tile server this install uses
 * (SINERGI_MAP_TILES) and its attribution, or none (`off`: address and device location only). Read by
 * the form before it draws the map; the same origin is allowed for images by the pages' policy.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '#server/http/access.ts';

const mapSettings = z
  .object({ tiles: z.string().nullable(), attribution: z.string() })
  .meta({ id: 'PublicMapSettings', description: 'Peta untuk menandai lokasi pengaduan; tiles null = tanpa peta' });

export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/map',
    {
      config: { access: PUBLIC },
      schema: { summary: 'Peta formulir pengaduan: templat URL ubin peta dan atribusinya', response: { 200: mapSettings } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { tiles: app.config.map?.tiles ?? null, attribution: app.config.map?.attribution ?? '' };
    },
  );
};
