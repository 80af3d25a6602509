/**
 * Builds the HTTP application: the API under /api (OpenAPI at /api/docs), and the web app at /.
 * Nothing here knows which database it runs on; `buildApp` receives an open handle.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import '#shared/zod-locale.ts';
import type { AppConfig } from './config.ts';
import type { DatabaseHandle, Db } from './db/client.ts';
import { assessmentEvaluationRoutes } from './features/assessments/assessment-evaluation.routes.ts';
import { assessmentReportRoutes } from './features/assessments/assessment-report.routes.ts';
import { assessmentRoutes } from './features/assessments/assessments.routes.ts';
import { actionPlanRoutes, regionActionPlanRoutes } from './features/lhe/action-plan.routes.ts';
import { nationalEvaluationRoutes } from './features/lhe/national.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { resolveSession } from './features/auth/auth.service.ts';
import { catalogueRoutes } from './features/catalogue/catalogue.routes.ts';
import { eventsPublicRoutes } from './features/acara/events-public.routes.ts';
import { eventsRoutes } from './features/acara/events.routes.ts';
import { evidenceRoutes } from './features/innovations/evidence.routes.ts';
import { frameworkRoutes, frameworkVersionRoutes } from './features/frameworks/frameworks.routes.ts';
import { iidRoutes } from './features/iid/iid.routes.ts';
import { iidNationalRoutes } from './features/iid/iid-national.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { kompetisiIgaRoutes, kompetisiNationalIgaRoutes } from './features/kompetisi/kompetisi-iga.routes.ts';
import { kompetisiJudgingRoutes } from './features/kompetisi/kompetisi-judging.routes.ts';
import { kompetisiPublicRoutes } from './features/kompetisi/kompetisi-public.routes.ts';
import { kompetisiNationalVoteRoutes, kompetisiVotePublicRoutes, kompetisiVoteRoutes } from './features/kompetisi/kompetisi-vote.routes.ts';
import { kompetisiNationalRoutes, kompetisiRoutes } from './features/kompetisi/kompetisi.routes.ts';
import { kotaCerdasPublicRoutes } from './features/kota-cerdas/kota-cerdas-public.routes.ts';
import { kotaCerdasRoutes } from './features/kota-cerdas/kota-cerdas.routes.ts';
import { apiTokenRoutes } from './features/api-tokens/api-tokens.routes.ts';
import { resolveApiToken } from './features/api-tokens/api-tokens.service.ts';
import { ligaRoutes } from './features/liga/liga.routes.ts';
import { tugasRoutes } from './features/tugas/tugas.routes.ts';
import { councilsRoutes } from './features/dewan/councils.routes.ts';
import { rpjmdRoutes } from './features/rpjmd/rpjmd.routes.ts';
import { dasborRoutes } from './features/dasbor/dasbor.routes.ts';
import { nationalPublicRoutes, nationalRegionRoutes, nationalRoutes } from './features/nasional/nasional.routes.ts';
import { applicationsRoutes } from './features/layanan/applications.routes.ts';
import { complaintsPublicRoutes } from './features/layanan/complaints-public.routes.ts';
import { complaintsRoutes } from './features/layanan/complaints.routes.ts';
import { indexEvidenceRoutes } from './features/layanan/index-evidence.routes.ts';
import { mapRoutes } from './features/layanan/map.routes.ts';
import { open311Routes } from './features/layanan/open311.routes.ts';
import { portalRoutes } from './features/layanan/portal.routes.ts';
import { servicesRoutes } from './features/layanan/services.routes.ts';
import { skmRoutes } from './features/layanan/skm.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { innovationImportRoutes } from './features/innovations/innovation-import.routes.ts';
import { innovationRoutes } from './features/innovations/innovations.routes.ts';
import { periodRoutes } from './features/innovations/periods.routes.ts';
import { regionRoutes } from './features/regions/regions.routes.ts';
import { unitRoutes } from './features/units/units.routes.ts';
import { userRoutes } from './features/users/users.routes.ts';
import { registerCrossSiteGuard } from './http/cross-site.ts';
import { handleError } from './http/errors.ts';
import { registerWebApp } from './http/web-app.ts';
import { registerTextGuard } from './http/text-guard.ts';
import { enforceAccessDeclarations, registerSessionAndAccess, type RegisteredRoute } from './http/plugins.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import type { MailSender } from './platform/mail/mailer.ts';
import { type MailDispatch, mailDispatch } from './platform/mail/outbox.ts';
import { installSearchSynonyms } from './platform/search.ts';
import { type BlobStorage, createBlobStorage } from './lib/storage.ts';
import type { Logger } from './logger.ts';
import { VERSION } from './version.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: DatabaseHandle['kind'];
    config: AppConfig;
    storage: BlobStorage;
    /** Sends a committed outbox mail at once (a vote's code); a no-op without a mail server. */
    mailDispatch: MailDispatch;
    /** Every API route with its access declaration; the tenancy test walks this list. */
    apiRoutes: RegisteredRoute[];
  }
}

export type App = FastifyInstance;

export async function buildApp(options: {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  storage?: BlobStorage;
  /** The install's mail sender (the one the outbox job uses), when e-mail is configured. */
  mailSender?: MailSender;
}): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('dbKind', database.kind);
  app.decorate('config', config);
  installSearchSynonyms(config.searchSynonyms);
  app.decorate('storage', options.storage ?? (await createBlobStorage(config)));
  const dispatch = mailDispatch(database.db, options.mailSender, { publicUrl: config.publicUrl, log: options.logger });
  app.decorate('mailDispatch', dispatch);
  app.addHook('onClose', () => dispatch.settled());
  const registry: RegisteredRoute[] = [];
  app.decorate('apiRoutes', registry);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, { mapTiles: config.map?.tiles });
  // No route reads plain text, and a text/plain post is one a page on another site may send without asking.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  registerCrossSiteGuard(app);
  registerTextGuard(app);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sinergi API',
        version: VERSION,
        description:
          'API Sinergi. Titik akhir bertanda `public` tidak memerlukan login; yang lain memerlukan sesi (cookie `sinergi_session`). Layar command center membaca dengan token API baca-saja (`Authorization: Bearer snrg_…`) pada titik akhir daerah yang bertanda `apiToken` dan termasuk cakupan tokennya.',
      },
      tags: [{ name: 'public', description: 'Tanpa login / no login needed' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sinergi_session' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'Token API baca-saja daerah (snrg_…), diterbitkan admin daerah' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  enforceAccessDeclarations(app, registry);
  registerSessionAndAccess(app, resolveSession, resolveApiToken);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(regionRoutes, { prefix: '/api/v1/regions' });
  await app.register(unitRoutes, { prefix: '/api/v1/regions/:regionCode/units' });
  await app.register(userRoutes, { prefix: '/api/v1/regions/:regionCode/users' });
  await app.register(apiTokenRoutes, { prefix: '/api/v1/regions/:regionCode/api-tokens' });
  await app.register(auditRoutes, { prefix: '/api/v1/regions/:regionCode/audit' });
  await app.register(periodRoutes, { prefix: '/api/v1/regions/:regionCode/periods' });
  await app.register(innovationRoutes, { prefix: '/api/v1/regions/:regionCode/innovations' });
  await app.register(innovationImportRoutes, { prefix: '/api/v1/regions/:regionCode/innovations' });
  await app.register(evidenceRoutes, { prefix: '/api/v1/regions/:regionCode/innovations/:innovationId/evidence' });
  await app.register(catalogueRoutes, { prefix: '/api/v1/public/innovations' });
  await app.register(frameworkRoutes, { prefix: '/api/v1/frameworks' });
  await app.register(frameworkVersionRoutes, { prefix: '/api/v1/regions/:regionCode/framework-versions' });
  await app.register(servicesRoutes, { prefix: '/api/v1/regions/:regionCode/services' });
  await app.register(applicationsRoutes, { prefix: '/api/v1/regions/:regionCode/applications' });
  await app.register(skmRoutes, { prefix: '/api/v1/regions/:regionCode/skm-periods' });
  await app.register(complaintsRoutes, { prefix: '/api/v1/regions/:regionCode' });
  await app.register(indexEvidenceRoutes, { prefix: '/api/v1/regions/:regionCode/index-evidence' });
  await app.register(portalRoutes, { prefix: '/api/v1/public' });
  await app.register(mapRoutes, { prefix: '/api/v1/public' });
  await app.register(complaintsPublicRoutes, { prefix: '/api/v1/public' });
  await app.register(open311Routes, { prefix: '/open311/v2' });
  await app.register(assessmentRoutes, { prefix: '/api/v1/regions/:regionCode/assessments' });
  await app.register(assessmentEvaluationRoutes, { prefix: '/api/v1/regions/:regionCode/assessments/:assessmentId/evaluation' });
  await app.register(assessmentReportRoutes, { prefix: '/api/v1/regions/:regionCode/assessments/:assessmentId/report' });
  await app.register(nationalEvaluationRoutes, { prefix: '/api/v1/regions/:regionCode/assessments/:assessmentId/national' });
  await app.register(actionPlanRoutes, { prefix: '/api/v1/regions/:regionCode/assessments/:assessmentId/action-plan' });
  await app.register(regionActionPlanRoutes, { prefix: '/api/v1/regions/:regionCode/action-plan' });
  await app.register(iidRoutes, { prefix: '/api/v1/regions/:regionCode/iid' });
  await app.register(iidNationalRoutes, { prefix: '/api/v1/regions/:regionCode/iid' });
  await app.register(eventsRoutes, { prefix: '/api/v1/regions/:regionCode/events' });
  await app.register(eventsPublicRoutes, { prefix: '/api/v1/public' });
  await app.register(notificationRoutes, { prefix: '/api/v1/me/notifications' });
  await app.register(kompetisiRoutes, { prefix: '/api/v1/regions/:regionCode/competitions' });
  await app.register(kompetisiNationalRoutes, { prefix: '/api/v1/national/competitions' });
  await app.register(kompetisiIgaRoutes, { prefix: '/api/v1/regions/:regionCode/competitions' });
  await app.register(kompetisiNationalIgaRoutes, { prefix: '/api/v1/national/competitions' });
  await app.register(kompetisiJudgingRoutes, { prefix: '/api/v1/regions/:regionCode/judging' });
  await app.register(kompetisiPublicRoutes, { prefix: '/api/v1/public' });
  await app.register(kompetisiVoteRoutes, { prefix: '/api/v1/regions/:regionCode/competitions' });
  await app.register(kompetisiNationalVoteRoutes, { prefix: '/api/v1/national/competitions' });
  await app.register(kompetisiVotePublicRoutes, { prefix: '/api/v1/public' });
  await app.register(kotaCerdasRoutes, { prefix: '/api/v1/regions/:regionCode/smart-city' });
  await app.register(ligaRoutes, { prefix: '/api/v1/regions/:regionCode' });
  await app.register(tugasRoutes, { prefix: '/api/v1/regions/:regionCode' });
  await app.register(councilsRoutes, { prefix: '/api/v1/regions/:regionCode' });
  await app.register(rpjmdRoutes, { prefix: '/api/v1/regions/:regionCode' });
  await app.register(dasborRoutes, { prefix: '/api/v1/regions/:regionCode' });
  await app.register(kotaCerdasPublicRoutes, { prefix: '/api/v1/public' });
  await app.register(nationalRoutes, { prefix: '/api/v1/national' });
  await app.register(nationalRegionRoutes, { prefix: '/api/v1/regions/:regionCode' });
  await app.register(nationalPublicRoutes, { prefix: '/api/v1/public' });

  await registerWebApp(app, config.webDir);
  return app;
}
