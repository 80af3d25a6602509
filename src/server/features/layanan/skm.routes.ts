import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const skmRoutes: FastifyPluginAsyncZod = async () => {};
