import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '#shared/api/common.ts';
import { PUBLIC } from '#server/http/access.ts';
import { evaluateWith, frameworks, getFramework, summarize } from './frameworks.service.ts';

const frameworkSummary = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  inputKind: z.enum(['values', 'survey', 'innovations']),
  effectiveYears: z.object({ from: z.number().int(), to: z.number().int().nullable() }),
});

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
  app.get(
    '/',
    {
      config: { access: PUBLIC },
      schema: { summary: 'Kerangka indikator yang dikenal (SPBE, Indeks Pemdi, IID, IKM, kota cerdas)', response: { 200: z.object({ items: z.array(frameworkSummary) }) } },
    },
    async () => ({ items: [...frameworks().values()].map(summarize) }),
  );

  app.get(
    '/:id',
    {
      config: { access: PUBLIC },
      schema: { summary: 'Isi lengkap satu kerangka (pohon indikator, bobot, skala, pembulatan, predikat)', params: idParams, response: { 200: z.record(z.string(), z.unknown()), 404: errorBody } },
    },
    async (request) => getFramework(request.params.id),
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
        body: z.record(z.string(), z.unknown()),
        response: { 200: evaluation, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const result = evaluateWith(request.params.id, request.body);
      // Spread each node into a plain object type, which the loose response schema accepts.
      return { ...result, nodes: Object.fromEntries(Object.entries(result.nodes).map(([k, n]) => [k, { ...n }])) };
    },
  );
};
