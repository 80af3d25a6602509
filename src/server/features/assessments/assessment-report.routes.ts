import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Placeholder while this feature is being written.
export const assessmentReportRoutes: FastifyPluginAsyncZod = async () => {};
