/** The public catalogue of verified innovations: search and detail, no login. */
import type { PublicInnovation } from '#shared/api/innovations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import { tematikOptionsOfPeriod } from '#server/platform/innovation-profile.ts';
import { presentPublicInnovation, presentPublicSummary } from './catalogue.presenter.ts';
import { CATALOGUE_COUNT_CAP, type CatalogueFilter, findPublicInnovation, listPublicInnovations } from './catalogue.queries.ts';

export async function searchCatalogue(db: DbOrTx, filter: CatalogueFilter) {
  if ((filter.page - 1) * filter.pageSize >= CATALOGUE_COUNT_CAP) {
    throw fieldError(
      'page',
      `Katalog menampilkan paling jauh ${CATALOGUE_COUNT_CAP.toLocaleString('id-ID')} hasil pertama: persempit dengan kata pencarian, tahun atau wilayah`,
    );
  }
  const { items, total, totalCapped } = await listPublicInnovations(db, filter);
  return { items: items.map(presentPublicSummary), total, totalCapped };
}

/** A verified innovation; anything else (a draft, a rejected one, an unknown id) is simply not found. */
export async function publicInnovationDetail(db: DbOrTx, id: string): Promise<PublicInnovation> {
  const row = await findPublicInnovation(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const options =
    row.tematik === null
      ? []
      : await tematikOptionsOfPeriod(db, row.regionCode, { year: row.periodYear, iidFrameworkVersionId: row.periodFrameworkVersionId });
  return presentPublicInnovation(row, options.find((o) => o.id === row.tematik)?.name ?? null);
}
