/**
 * The map the citizens' complaint form shows to pin a place: which tile server this install uses
 * (SINERGI_MAP_TILES) and its attribution, or none (`off`: address and device location only), and where
 * to open it for a region: the middle of the places its citizens have reported (the median, so one
 * stray pin does not move it), since the platform holds no boundaries. Only that one aggregate point is
 * given, never a complaint's own location.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { complaints } from '#server/db/schema.ts';
import { PUBLIC } from '#server/http/access.ts';

const mapSettings = z
  .object({
    tiles: z.string().nullable(),
    attribution: z.string(),
    /** Where to open the map for the region asked for; null when it has no located reports yet. */
    center: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  })
  .meta({ id: 'PublicMapSettings', description: 'Peta untuk menandai lokasi pengaduan; tiles null = tanpa peta' });

const mapQuery = z.object({ region: regionCodeParam.shape.regionCode.optional() });

export const mapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/map',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Peta formulir pengaduan: templat URL ubin peta, atribusinya, dan titik awal peta suatu daerah',
        querystring: mapQuery,
        response: { 200: mapSettings, 400: errorBody },
      },
    },
    async (request, reply) => {
      const map = app.config.map;
      let center: { lat: number; lng: number } | null = null;
      if (map && request.query.region) {
        const [row] = await app.db
          .select({
            lat: sql<string | null>`percentile_cont(0.5) within group (order by ${complaints.latitude})`,
            lng: sql<string | null>`percentile_cont(0.5) within group (order by ${complaints.longitude})`,
          })
          .from(complaints)
          .where(and(eq(complaints.regionCode, request.query.region), isNotNull(complaints.latitude), isNotNull(complaints.longitude)));
        if (row?.lat != null && row.lng != null) center = { lat: Number(row.lat), lng: Number(row.lng) };
      }
      reply.header('cache-control', 'public, max-age=300');
      return { tiles: map?.tiles ?? null, attribution: map?.attribution ?? '', center };
    },
  );
};
