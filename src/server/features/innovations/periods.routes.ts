import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, idParam, regionCodeParam } from '#shared/api/common.ts';
import { period, periodDashboard, periodInput, periodList, periodUpdate } from '#shared/api/innovations.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { exportPeriodInnovations, periodDashboardData } from './innovation-reports.service.ts';
import { createPeriod, findPeriod, listPeriods, updatePeriod } from './periods.service.ts';

const periodParams = regionCodeParam.extend(idParam.shape);

export const periodRoutes: FastifyPluginAsyncZod = async (app) => {
  const load = async (regionCode: string, id: string) => {
    const row = await findPeriod(app.db, regionCode, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  };

  app.get(
    '/',
    {
      config: { access: inRegion('innovations.read') },
      schema: { summary: 'Periode pelaporan inovasi daerah', params: regionCodeParam, response: { 200: periodList } },
    },
    async (request) => ({ items: await listPeriods(app.db, request.params.regionCode) }),
  );

  app.post(
    '/',
    {
      config: { access: inRegion('periods.write') },
      schema: { summary: 'Buka periode baru', params: regionCodeParam, body: periodInput, response: { 201: period, 400: errorBody } },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const id = await createPeriod(serviceContext(request), regionCode, request.body);
      return reply.status(201).send(await load(regionCode, id));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('innovations.read') },
      schema: { summary: 'Satu periode', params: periodParams, response: { 200: period, 404: errorBody } },
    },
    async (request) => load(request.params.regionCode, request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('periods.write') },
      schema: { summary: 'Ubah periode', params: periodParams, body: periodUpdate, response: { 200: period, 409: errorBody } },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await updatePeriod(serviceContext(request), regionCode, id, request.body);
      return load(regionCode, id);
    },
  );

  app.get(
    '/:id/dashboard',
    {
      config: { access: inRegion('dashboard.read') },
      schema: { summary: 'Capaian target periode', params: periodParams, response: { 200: periodDashboard } },
    },
    async (request) => periodDashboardData(app.db, request.params.regionCode, await load(request.params.regionCode, request.params.id)),
  );

  app.get(
    '/:id/export.xlsx',
    {
      config: { access: inRegion('dashboard.read') },
      schema: { summary: 'Ekspor inovasi periode ke XLSX (urutan kolom formulir aplikasi IID)', params: periodParams },
    },
    async (request, reply) => {
      const { regionCode, id } = request.params;
      const p = await load(regionCode, id);
      // Streamed: an unknown period or a failed first read is still a JSON error; later the answer is cut off.
      const sheet = await exportPeriodInnovations(app.db, regionCode, p);
      return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="inovasi-${regionCode}-${p.year}.xlsx"`).send(sheet);
    },
  );
};
