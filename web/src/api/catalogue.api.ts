/** The public catalogue of verified innovations (no login; also the open-data API). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { publicInnovation, publicInnovationList, type publicInnovationQuery, publicUnitList } from '#shared/api/innovations.ts';
import { apiPath, getJson } from './http.ts';

export type { PublicInnovation } from '#shared/api/innovations.ts';
export type PublicInnovationSummary = z.output<typeof publicInnovationList>['items'][number];
export type CatalogueParams = Partial<z.output<typeof publicInnovationQuery>>;

export const catalogueListQueryOptions = (params: CatalogueParams) =>
  queryOptions({
    queryKey: ['public', 'innovations', 'list', params],
    queryFn: () => getJson(apiPath('public', 'innovations'), publicInnovationList, params),
    placeholderData: keepPreviousData,
  });

export const catalogueItemQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['public', 'innovations', 'one', id],
    queryFn: () => getJson(apiPath('public', 'innovations', id), publicInnovation),
  });

/** Units of a region with verified innovations: the catalogue's unit filter. */
export const catalogueUnitsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: ['public', 'innovations', 'units', region],
    queryFn: () => getJson(apiPath('public', 'innovations', 'units'), publicUnitList, { region }),
  });
