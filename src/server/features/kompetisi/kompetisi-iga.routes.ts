/**
 * IGA nominee preparation routes: the nominees' field-validation checklists, under
 * /api/v1/regions/:regionCode/competitions and, for the national admin's competitions, under
 * /api/v1/national/competitions (one set of handlers, see kompetisi-scope.ts). Judges (role juri) hold
 * no competitions.read, so the regional routes admit any member of the region and the service decides
 * per competition: the admin and the judges on its panels edit, the region's readers read (an
 * operator: their unit's nominees), anyone else gets 404. A national competition's judges work from
 * their own region; the national admin edits from the national routes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, okBody } from '#shared/api/common.ts';
import { fieldChecklist as fieldChecklistBody, fieldChecklistList, fieldCheckSave } from '#shared/api/competitions-iga.ts';
import { serviceContext } from '#server/http/context.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { fieldChecklist, fieldChecklists, fieldChecklistXlsx, myFieldChecklists, saveFieldCheck } from './kompetisi-iga.service.ts';
import { type RouteScope, routeScope } from './kompetisi-scope.ts';

function kompetisiIgaRoutesIn(scope: RouteScope): FastifyPluginAsyncZod {
  const { national, scopeParam, access, nameScope } = routeScope(scope);
  const competitionParams = scopeParam.extend(idParam.shape);
  const entryParams = competitionParams.extend({ entryId: z.uuid('ID peserta tidak valid') });
  const lineParams = entryParams.extend({ indicatorId: z.string().trim().min(1).max(40) });

  return async (app) => {
    nameScope(app);

    // A judge's own list; the national admin sits on no panel.
    if (!national) {
      app.get(
        '/field-checks',
        {
          config: { access: access('region.read') },
          schema: {
            summary: 'Daftar periksa validasi lapangan nominee IGA yang dapat diisi pengguna ini (juri: kompetisi tempat ia bertugas)',
            params: scopeParam,
            response: { 200: fieldChecklistList },
          },
        },
        async (request) => myFieldChecklists(serviceContext(request), request.params.regionCode),
      );
    }

    app.get(
      '/:id/field-checks',
      {
        config: { access: access('region.read') },
        schema: {
          summary: 'Nominee IGA dengan kesiapan validasi lapangannya',
          params: competitionParams,
          response: { 200: fieldChecklistList, 404: errorBody },
        },
      },
      async (request) => fieldChecklists(serviceContext(request), request.params.regionCode, request.params.id),
    );

    app.get(
      '/:id/field-checks/:entryId',
      {
        config: { access: access('region.read') },
        schema: {
          summary: 'Daftar periksa validasi lapangan satu nominee: satu baris per indikator IID dengan bukti dukungnya',
          params: entryParams,
          response: { 200: fieldChecklistBody, 404: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, entryId } = request.params;
        return fieldChecklist(serviceContext(request), regionCode, id, entryId);
      },
    );

    app.put(
      '/:id/field-checks/:entryId/lines/:indicatorId',
      {
        config: { access: access('region.read') },
        schema: {
          summary: 'Catat hasil pemeriksaan satu indikator (admin dan juri kompetisi)',
          params: lineParams,
          body: fieldCheckSave,
          response: { 200: okBody, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const { regionCode, id, entryId, indicatorId } = request.params;
        await saveFieldCheck(serviceContext(request), regionCode, id, entryId, indicatorId, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/:id/field-checks/:entryId/checklist.xlsx',
      {
        config: { access: access('region.read') },
        schema: { summary: 'Daftar periksa validasi lapangan sebagai XLSX untuk kunjungan lapangan', params: entryParams },
      },
      async (request, reply) => {
        const { regionCode, id, entryId } = request.params;
        const file = await fieldChecklistXlsx(serviceContext(request), regionCode, id, entryId);
        return reply.type(XLSX_MIME).header('content-disposition', 'attachment; filename="validasi-lapangan.xlsx"').send(file);
      },
    );
  };
}

export const kompetisiIgaRoutes = kompetisiIgaRoutesIn('region');
export const kompetisiNationalIgaRoutes = kompetisiIgaRoutesIn('national');
