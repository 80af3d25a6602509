/** The OPD league table of one region: the table of a year, its XLSX, and the admin's weights. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import { leagueTable, leagueWeightsInput } from '#shared/api/liga.ts';
import { apiPath, getJson, sendJson, withQuery } from './http.ts';

export type { LeagueRow, LeagueTable } from '#shared/api/liga.ts';
export type LeagueWeightsInput = z.input<typeof leagueWeightsInput>;
export type LeagueSort = z.output<typeof import('#shared/api/liga.ts').leagueQuery>['sort'];

export const leagueKey = (regionCode: string) => ['regions', regionCode, 'league'] as const;

export const leagueQueryOptions = (regionCode: string, params: { year?: number; sort: LeagueSort; dir: 'asc' | 'desc' }) =>
  queryOptions({
    queryKey: [...leagueKey(regionCode), params],
    queryFn: () => getJson(apiPath('regions', regionCode, 'league'), leagueTable, params),
    placeholderData: keepPreviousData,
  });

export const leagueXlsxUrl = (regionCode: string, year: number) => withQuery(apiPath('regions', regionCode, 'league.xlsx'), { year });

export const updateLeagueWeights = (regionCode: string, input: LeagueWeightsInput) =>
  sendJson('PUT', apiPath('regions', regionCode, 'league', 'weights'), leagueWeightsInput, input, okBody);
