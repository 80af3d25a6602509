/** The region's dashboard: the year's headline figures with their trends, and the PDF brief. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { regionDashboard } from '#shared/api/dasbor.ts';
import { apiPath, getJson, withQuery } from './http.ts';

export type { RegionDashboard } from '#shared/api/dasbor.ts';

export const regionDashboardQueryOptions = (regionCode: string, year: number | undefined) =>
  queryOptions({
    queryKey: ['regions', regionCode, 'dashboard', { year }],
    queryFn: () => getJson(apiPath('regions', regionCode, 'dashboard'), regionDashboard, { year }),
    placeholderData: keepPreviousData,
  });

export const dashboardBriefUrl = (regionCode: string, year: number) => withQuery(apiPath('regions', regionCode, 'dashboard', 'brief.pdf'), { year });
