/**
 * HTTP route of "Tugas saya" under /api/v1/regions/:regionCode: the caller's own tasks in the region.
 * It needs a person (a command centre's token has no tasks), so it asks for `region.read`, which tokens
 * never hold. authenticate → parse → authorize (config.access) → one service call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inRegion } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { regionCodeParam } from '#shared/api/common.ts';
import { myTasks as myTasksSchema } from '#shared/api/tugas.ts';
import { myTasks } from './tugas.service.ts';

export const tugasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/my-tasks',
    {
      config: { access: inRegion('region.read') },
      schema: {
        summary: 'Tugas saya: pekerjaan pengguna yang masuk menurut perannya, yang terlambat lebih dulu',
        params: regionCodeParam,
        response: { 200: myTasksSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return myTasks(serviceContext(request), request.params.regionCode);
    },
  );
};
