/** Reporting periods of a region's innovations (year, window, targets) and each period's target dashboard. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { period, periodDashboard, periodInput, periodList, periodUpdate } from '#shared/api/innovations.ts';
import { apiPath, getJson, sendJson } from './http.ts';

export type { Period, PeriodDashboard } from '#shared/api/innovations.ts';
export type PeriodInput = z.input<typeof periodInput>;
export type PeriodUpdateInput = z.input<typeof periodUpdate>;

const periodsPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'periods', ...rest);

/** Every cached period list and dashboard of a region, to refresh after a change. */
export const periodsKey = (regionCode: string) => ['regions', regionCode, 'periods'] as const;

/** Newest first, as the server sorts them. */
export const periodListQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: [...periodsKey(regionCode), 'list'],
    queryFn: () => getJson(periodsPath(regionCode), periodList),
  });

export const createPeriod = (regionCode: string, input: PeriodInput) => sendJson('POST', periodsPath(regionCode), periodInput, input, period);

export const updatePeriod = (regionCode: string, id: string, input: PeriodUpdateInput) =>
  sendJson('PUT', periodsPath(regionCode, id), periodUpdate, input, period);

export const fetchPeriod = (regionCode: string, id: string) => getJson(periodsPath(regionCode, id), period);

export const periodDashboardQueryOptions = (regionCode: string, periodId: string) =>
  queryOptions({
    queryKey: [...periodsKey(regionCode), 'dashboard', periodId],
    queryFn: () => getJson(periodsPath(regionCode, periodId, 'dashboard'), periodDashboard),
  });

export const periodExportUrl = (regionCode: string, periodId: string) => periodsPath(regionCode, periodId, 'export.xlsx');
