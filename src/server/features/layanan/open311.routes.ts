/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/) for third-party apps and command
 * centres: JSON (`.json`) or XML (`.xml`), `jurisdiction_id` = region code and required (one install
 * serves many regions), errors as the specification's `[{code, description}]` (`<errors>` in XML).
 * Reading is open; posting a request needs an API key the region admin issued. Registered under
 * /open311/v2.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CATALOG } from '#shared/errors.ts';
import { PUBLIC } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { originOf } from '#server/http/context.ts';
import { publicWrite } from '#server/platform/public-write.ts';
import { open311Xml, XML_CONTENT_TYPE } from './open311-xml.ts';
import {
  createRequest,
  getRequest,
  listServices,
  open311PostBody,
  requireJurisdiction,
  searchRequests,
  serviceDefinition,
} from './open311.service.ts';

const open311Error = z.array(z.object({ code: z.number().int(), description: z.string() })).meta({ id: 'Open311Error' });

const service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
const serviceDefinitionBody = z.object({ service_code: z.string(), attributes: z.array(z.never()) });
const serviceRequest = z
  .object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z.string().nullable(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string(),
    service_notice: z.string(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string(),
    address: z.string().nullable(),
    address_id: z.null(),
    zipcode: z.null(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.null(),
  })
  .meta({ id: 'Open311ServiceRequest' });
const created = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() }));

const jurisdictionQuery = z.object({ jurisdiction_id: z.string().max(20).optional() });
const requestsQuery = jurisdictionQuery.extend({
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(2000).optional(),
  start_date: z.string().max(40).optional(),
  end_date: z.string().max(40).optional(),
  status: z.string().max(20).optional(),
});
const fileParam = z.object({ file: z.string().max(120) });

const errors = { 400: open311Error, 403: open311Error, 404: open311Error, 429: open311Error };

type Format = 'json' | 'xml';

const formatOf = (request: FastifyRequest): Format => ((request.url.split('?')[0] ?? '').endsWith('.xml') ? 'xml' : 'json');

function send(reply: FastifyReply, status: number, description: string) {
  const errors = [{ code: status, description }];
  if (formatOf(reply.request) === 'xml')
    return reply
      .status(status)
      .type(XML_CONTENT_TYPE)
      .send(open311Xml('errors', 'error', errors));
  return reply.status(status).send(errors);
}

/** The same records as JSON, or as the specification's XML document. */
function answer(reply: FastifyReply, format: Format, root: string, item: string, body: unknown, status = 200) {
  if (format === 'json') return reply.status(status).send(body);
  return reply
    .status(status)
    .type(XML_CONTENT_TYPE)
    .send(open311Xml(root, item, body as Parameters<typeof open311Xml>[2]));
}

/** Every failure in the specification's shape, with the reasons people can act on. */
function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, 'open311 error');
    const reasons = error.issues?.map((i) => `${i.field}: ${i.reason}`);
    const description =
      reasons && reasons.length > 0 ? reasons.join('; ') : error.code === 'NOT_FOUND' ? error.message : ERROR_CATALOG[error.code].id;
    return send(reply, error.status, description);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const description = error.validation
      .map((v) => `${[...v.instancePath.split('/').filter(Boolean)].join('.') || error.validationContext}: ${v.message ?? 'tidak valid'}`)
      .join('; ');
    return send(reply, 400, description);
  }
  if (error.statusCode === 429) return send(reply, 429, ERROR_CATALOG.RATE_LIMITED.id);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return send(reply, error.statusCode, error.message);
  request.log.error({ err: error }, 'open311 unhandled error');
  return send(reply, 500, ERROR_CATALOG.INTERNAL.id);
}

/** `code.json` → `code` (or `.xml`); anything else is not a resource here. */
function resourceOf(file: string): { id: string; format: Format } {
  for (const format of ['json', 'xml'] as const) {
    if (file.endsWith(`.${format}`)) return { id: file.slice(0, -(format.length + 1)), format };
  }
  throw new AppError('NOT_FOUND', { detail: 'Alamat Open311 tidak dikenal; gunakan akhiran .json atau .xml' });
}

const originFor = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(open311ErrorHandler);
  app.setNotFoundHandler((_request, reply) => send(reply, 404, 'Alamat Open311 tidak dikenal'));
  // The specification posts requests as a form; JSON is read too.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))));
  });

  const publicRead = { access: PUBLIC, crossSite: true };

  // Each list resource answers as `.json` and as `.xml`; the XML variants share the validation and are
  // left out of the OpenAPI document (it describes JSON).
  for (const format of ['json', 'xml'] as const) {
    const hide = format === 'xml';
    app.get(
      `/services.${format}`,
      {
        config: publicRead,
        schema: {
          hide,
          summary: 'Open311: daftar layanan (kategori pengaduan aktif)',
          querystring: jurisdictionQuery,
          ...(hide ? {} : { response: { 200: z.array(service), ...errors } }),
        },
      },
      async (request, reply) =>
        answer(reply, format, 'services', 'service', await listServices(app.db, await requireJurisdiction(app.db, request.query.jurisdiction_id))),
    );

    app.get(
      `/requests.${format}`,
      {
        config: publicRead,
        schema: {
          hide,
          summary: 'Open311: cari permintaan layanan (paling banyak 1000; tanpa tanggal = 90 hari terakhir)',
          querystring: requestsQuery,
          ...(hide ? {} : { response: { 200: z.array(serviceRequest), ...errors } }),
        },
      },
      async (request, reply) => {
        const { jurisdiction_id, ...q } = request.query;
        const regionCode = await requireJurisdiction(app.db, jurisdiction_id);
        return answer(reply, format, 'service_requests', 'request', await searchRequests(app.db, regionCode, q, new Date(), originFor(request)));
      },
    );

    app.post(
      `/requests.${format}`,
      publicWrite(
        app,
        {
          schema: {
            hide,
            summary: 'Open311: kirim permintaan layanan (application/x-www-form-urlencoded atau JSON) dengan api_key',
            body: open311PostBody,
            ...(hide ? {} : { response: { 201: created, ...errors } }),
          },
        },
        { honeypot: false },
      ),
      async (request, reply) => {
        const who = { db: app.db, actor: null, origin: originOf(request), now: new Date() };
        return answer(reply, format, 'service_requests', 'request', await createRequest(who, request.body, originFor(request)), 201);
      },
    );
  }

  app.get(
    '/services/:file',
    {
      config: publicRead,
      schema: {
        summary: 'Open311: definisi layanan (`{service_code}.json` atau `.xml`; tanpa atribut tambahan)',
        params: fileParam,
        querystring: jurisdictionQuery,
        response: { 200: serviceDefinitionBody, ...errors },
      },
    },
    async (request, reply) => {
      const { id, format } = resourceOf(request.params.file);
      const definition = await serviceDefinition(app.db, await requireJurisdiction(app.db, request.query.jurisdiction_id), id);
      return answer(reply, format, 'service_definition', 'attribute', definition);
    },
  );

  app.get(
    '/requests/:file',
    {
      config: publicRead,
      schema: {
        summary: 'Open311: satu permintaan layanan (`{service_request_id}.json` atau `.xml`)',
        params: fileParam,
        querystring: jurisdictionQuery,
        response: { 200: z.array(serviceRequest), ...errors },
      },
    },
    async (request, reply) => {
      const { id, format } = resourceOf(request.params.file);
      const found = await getRequest(app.db, await requireJurisdiction(app.db, request.query.jurisdiction_id), id, originFor(request));
      return answer(reply, format, 'service_requests', 'request', found);
    },
  );
};
