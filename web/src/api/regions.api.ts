/** Regions: the public national list (for the region switcher) and one region's summary with abilities. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { regionDetail, regionList } from '#shared/api/regions.ts';
import { apiPath, getJson } from './http.ts';

export type { Region, RegionDetail } from '#shared/api/regions.ts';

export const regionListQuery = (q: string) =>
  queryOptions({
    queryKey: ['regions', 'list', q],
    queryFn: () => getJson('/api/v1/regions', regionList, { q }),
    staleTime: 60 * 60_000,
    placeholderData: keepPreviousData,
  });

export const regionDetailQuery = (regionCode: string) =>
  queryOptions({
    queryKey: ['regions', regionCode, 'detail'],
    queryFn: () => getJson(apiPath('regions', regionCode), regionDetail),
  });
