/** The public catalogue of verified innovations: search and detail, no login. */
import { type PublicInnovation, publicInnovationList } from '#shared/api/innovations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import { weakEtagOf } from '#server/http/etag.ts';
import { jsonOf } from '#server/http/json-text.ts';
import { allFigureGenerations, FigureKeep, regionFigureGeneration } from '#server/platform/figures/generations.ts';
import { tematikOptionsOfPeriod } from '#server/platform/innovation-profile.ts';
import { presentPublicInnovation, presentPublicSummary } from './catalogue.presenter.ts';
import { CATALOGUE_COUNT_CAP, type CatalogueFilter, findPublicInnovation, listPublicInnovations } from './catalogue.queries.ts';

/**
 * A catalogue answer as it is sent: the JSON text and its weak ETag (a hash of the text).
 */
export interface CatalogueAnswer {
  text: string;
  etag: string;
}

/**
 * Answers kept while what they are read from is unchanged: a kabupaten/kota's search follows that
 * region's figure generation, a province's or the country's the numbers of every region together (any
 * verification, renamed unit or corrected year anywhere moves them). Many citizens ask the same few
 * questions (the landing page, a common word in this year), so most of them read one number instead of
 * running the search, and the ETag is known before any search runs.
 */
const keptAnswers = new FigureKeep<CatalogueAnswer>(2_000);

export async function catalogueAnswer(db: DbOrTx, filter: CatalogueFilter): Promise<CatalogueAnswer> {
  const local = filter.region !== undefined && filter.region.length > 2;
  const generation = local ? await regionFigureGeneration(db, filter.region as string) : await allFigureGenerations(db);
  const key = JSON.stringify([
    filter.q,
    filter.region,
    filter.year,
    filter.unit,
    filter.urusan,
    filter.tahapan,
    filter.jenis,
    filter.page,
    filter.pageSize,
  ]);
  return keptAnswers.through(db, key, generation, new Date(), async () => {
    const text = jsonOf(publicInnovationList, await searchCatalogue(db, filter));
    return { text, etag: weakEtagOf(text) };
  });
}

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
