import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const complaintsPublicRoutes: FastifyPluginAsyncZod = async () => {};
