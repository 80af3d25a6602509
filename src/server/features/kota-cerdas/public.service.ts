/**
 * The region's smart city as citizens and other sites see it: the active masterplan's dimensions and
 * elements, and each programme's kind, lead unit, status and progress. Never the notes, obstacles,
 * budgets or evidence of the quarterly reports.
 */
import type { PublicSmartCity } from '#shared/api/kota-cerdas.ts';
import type { Db } from '#server/db/client.ts';
import { AppError } from '#server/http/app-error.ts';
import { activeMasterplan, progressFactsOf, progressOf, programmesOfMasterplan, structureOf } from './kota-cerdas.queries.ts';

export async function publicSmartCity(db: Db, regionCode: string): Promise<PublicSmartCity> {
  const plan = await activeMasterplan(db, regionCode);
  if (!plan) throw new AppError('NOT_FOUND', { detail: 'the region has no active smart-city masterplan' });
  const [dimensions, programmes] = await Promise.all([structureOf(db, regionCode, plan.id), programmesOfMasterplan(db, regionCode, plan.id)]);
  const facts = await progressFactsOf(
    db,
    regionCode,
    programmes.map((p) => p.id),
  );
  return {
    masterplan: {
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      dimensions: dimensions.map((d) => ({ code: d.code, name: d.name, elements: d.elements.map((e) => ({ code: e.code, name: e.name })) })),
    },
    programmes: programmes.map((p) => {
      const { status, progress } = progressOf(p.id, facts);
      return {
        id: p.id,
        name: p.name,
        dimension: p.dimensionCode,
        element: p.elementCode,
        kind: p.kind as PublicSmartCity['programmes'][number]['kind'],
        leadUnit: p.leadUnitName,
        status,
        progress,
      };
    }),
  };
}
