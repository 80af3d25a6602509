/**
 * Public contracts of kompetisi inovasi (no login; a region's website may show them): the region's
 * competitions with their current stage, and a competition's published results. Before publication
 * the results are 404, whatever the committee already knows.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import { publicCompetitionList, publicResults as publicResultsBody } from '#shared/api/competitions.ts';
import { PUBLIC } from '#server/http/access.ts';
import { publicCompetitions, publicResults } from './kompetisi-results.service.ts';

export const kompetisiPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions/:regionCode/competitions',
    {
      config: { access: PUBLIC },
      schema: { summary: 'Kompetisi inovasi suatu daerah dan tahapnya', params: regionCodeParam, response: { 200: publicCompetitionList } },
    },
    async (request) => ({ items: await publicCompetitions(app.db, request.params.regionCode) }),
  );

  app.get(
    '/competitions/:id/results',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Hasil kompetisi yang sudah diumumkan (peringkat per kategori)',
        params: z.object(idParam.shape),
        response: { 200: publicResultsBody, 404: errorBody },
      },
    },
    async (request) => publicResults(app.db, request.params.id),
  );
};
