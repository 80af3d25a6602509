/** The national roll-up, the province view, the region's national publication and the public national page. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  nationalPublication,
  nationalPublicationInput,
  nationalRollup,
  provinceRollup,
  publicNational,
  type rollupQuery,
} from '#shared/api/nasional.ts';
import { apiPath, getJson, sendJson, withQuery } from './http.ts';

export type {
  IndexCell,
  NationalPublication,
  NationalRollup,
  ProvinceRollup,
  PublicNational,
  PublicNationalRow,
  RollupRow,
  RollupSort,
} from '#shared/api/nasional.ts';
export type RollupParams = {
  year?: number | undefined;
  cluster?: string | undefined;
  sort?: z.output<typeof rollupQuery>['sort'];
  dir?: 'asc' | 'desc' | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
};

export const nationalRollupQueryOptions = (params: RollupParams) =>
  queryOptions({
    queryKey: ['national', 'rollup', params],
    queryFn: () => getJson(apiPath('national', 'rollup'), nationalRollup, params),
    placeholderData: keepPreviousData,
  });

export const rollupExportUrl = (format: 'xlsx' | 'csv', params: Omit<RollupParams, 'page' | 'pageSize'>) =>
  withQuery(apiPath('national', `rollup.${format}`), params);

export const provinceRollupQueryOptions = (provinceCode: string, year: number | undefined) =>
  queryOptions({
    queryKey: ['regions', provinceCode, 'province-rollup', { year }],
    queryFn: () => getJson(apiPath('regions', provinceCode, 'province-rollup'), provinceRollup, { year }),
    placeholderData: keepPreviousData,
  });

export const publicNationalQueryOptions = (year: number | undefined) =>
  queryOptions({
    queryKey: ['public', 'national', { year }],
    queryFn: () => getJson(apiPath('public', 'national'), publicNational, { year }),
    placeholderData: keepPreviousData,
  });

export const publicationKey = (regionCode: string) => ['regions', regionCode, 'national-publication'] as const;

export const publicationQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: publicationKey(regionCode),
    queryFn: () => getJson(apiPath('regions', regionCode, 'national-publication'), nationalPublication),
  });

export const updatePublication = (regionCode: string, input: z.input<typeof nationalPublicationInput>) =>
  sendJson('PUT', apiPath('regions', regionCode, 'national-publication'), nationalPublicationInput, input, nationalPublication);
