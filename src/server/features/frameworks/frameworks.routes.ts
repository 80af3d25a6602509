import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { frameworkFileBody, frameworkVersionList, uploadedFrameworkVersion } from '#shared/api/assessments.ts';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { inRegion, PUBLIC } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { frameworkSummary } from '#shared/api/frameworks.ts';
import { AppError } from '#server/http/app-error.ts';
import {
  evaluateWith,
  installWideFrameworks,
  listFrameworkVersions,
  summarize,
  uploadFrameworkVersion,
} from '#server/platform/frameworks/registry.ts';

const idParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'ID kerangka tidak valid') });

const evaluation = z
  .looseObject({
    framework: z.string(),
    version: z.string(),
    index: z.string(),
    predicate: z.string().nullable(),
    nodes: z.record(z.string(), z.looseObject({ index: z.string(), predicate: z.string().nullable() })),
  })
  .meta({ id: 'Evaluation' });

export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The install-wide framework of that id, as the registry holds it now. */
  const frameworkNamed = async (id: string) => {
    const found = (await installWideFrameworks(app.db)).get(id);
    if (!found) throw new AppError('NOT_FOUND', { detail: `unknown framework ${id}` });
    return found.framework;
  };

  app.get(
    '/',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Kerangka indikator yang dikenal (SPBE, Indeks Pemdi, IID, IKM, kota cerdas)',
        response: { 200: z.object({ items: z.array(frameworkSummary) }) },
      },
    },
    async () => ({ items: [...(await installWideFrameworks(app.db)).values()].map((v) => summarize(v.framework)) }),
  );

  app.get(
    '/:id',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Isi lengkap satu kerangka (pohon indikator, bobot, skala, pembulatan, predikat)',
        params: idParams,
        response: { 200: z.record(z.string(), z.unknown()), 404: errorBody },
      },
    },
    async (request) => frameworkNamed(request.params.id),
  );

  app.post(
    '/:id/evaluate',
    {
      config: { access: PUBLIC },
      schema: {
        summary: 'Hitung indeks dari masukan (tidak menyimpan apa pun)',
        description:
          'Masukan: {"values": {...}} untuk SPBE/Pemdi/kota cerdas, {"responses": [...]} untuk IKM, {"spd": {...}, "innovations": [...]} untuk IID. Kesalahan masukan dijawab 400 dengan nama indikatornya.',
        params: idParams,
        body: frameworkFileBody,
        response: { 200: evaluation, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const result = evaluateWith(await frameworkNamed(request.params.id), request.body);
      // Spread each node into a plain object type, which the loose response schema accepts.
      return { ...result, nodes: Object.fromEntries(Object.entries(result.nodes).map(([k, n]) => [k, { ...n }])) };
    },
  );
};

/** Framework versions of a region: list, and upload of a new version (a JSON framework file). */
export const frameworkVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('assessments.read') },
      schema: {
        summary: 'Versi kerangka yang dapat dipakai daerah ini',
        params: regionCodeParam,
        response: { 200: frameworkVersionList },
      },
    },
    async (request) => {
      const rows = await listFrameworkVersions(app.db, request.params.regionCode);
      return {
        items: rows.map((r) => ({ ...r, origin: r.origin as 'shipped' | 'upload', createdAt: r.createdAt.toISOString() })),
      };
    },
  );

  app.post(
    '/',
    {
      config: { access: inRegion('frameworks.upload') },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        summary: 'Muat versi kerangka baru untuk daerah ini (berkas JSON kerangka, divalidasi dengan pesan per jalur)',
        params: regionCodeParam,
        body: frameworkFileBody,
        response: { 201: uploadedFrameworkVersion, 400: errorBody },
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request);
      const id = await ctx.db.transaction((tx) => uploadFrameworkVersion(tx, ctx, request.params.regionCode, request.body));
      return reply.status(201).send({ id });
    },
  );
};
