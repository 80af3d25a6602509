/**
 * Innovations of one region: list, read, propose, save (guarded by `version`), the workflow steps,
 * similar names, carrying over into a later period, and the XLSX import.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  carryOverBody,
  innovation,
  innovationCreate,
  innovationImportReport,
  innovationList,
  type innovationListQuery,
  innovationUpdate,
  type similarInnovation,
  similarList,
  transitionBody,
  transitionResponse,
} from '#shared/api/innovations.ts';
import { apiPath, getJson, sendFile, sendJson } from './http.ts';
import { XLSX_MIME } from './units.api.ts';

export type { Innovation, InnovationSummary } from '#shared/api/innovations.ts';
export type InnovationListParams = Partial<z.output<typeof innovationListQuery>>;
export type InnovationCreateInput = z.input<typeof innovationCreate>;
export type InnovationUpdateInput = z.input<typeof innovationUpdate>;
export type TransitionInput = z.input<typeof transitionBody>;
export type CarryOverInput = z.input<typeof carryOverBody>;
export type SimilarInnovation = z.output<typeof similarInnovation>;

export type InnovationImportReport = z.output<typeof innovationImportReport>;

const innovationsPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'innovations', ...rest);

/** Every cached list and innovation of a region, to refresh after a change. */
export const innovationsKey = (regionCode: string) => ['regions', regionCode, 'innovations'] as const;
export const innovationKey = (regionCode: string, id: string) => [...innovationsKey(regionCode), 'one', id] as const;

export const innovationListQueryOptions = (regionCode: string, params: InnovationListParams) =>
  queryOptions({
    queryKey: [...innovationsKey(regionCode), 'list', params],
    queryFn: () => getJson(innovationsPath(regionCode), innovationList, params),
    placeholderData: keepPreviousData,
  });

export const fetchInnovation = (regionCode: string, id: string) => getJson(innovationsPath(regionCode, id), innovation);

export const innovationQueryOptions = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: innovationKey(regionCode, id),
    queryFn: () => fetchInnovation(regionCode, id),
    // The editor decides when to take the server's copy: never refetch it in the background under
    // someone typing, and never open the editor on a cached copy (dropped as soon as the page closes).
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });

export const similarQueryOptions = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: [...innovationKey(regionCode, id), 'similar'],
    queryFn: () => getJson(innovationsPath(regionCode, id, 'similar'), similarList),
  });

export const createInnovation = (regionCode: string, input: InnovationCreateInput) =>
  sendJson('POST', innovationsPath(regionCode), innovationCreate, input, innovation);

export const updateInnovation = (regionCode: string, id: string, input: InnovationUpdateInput) =>
  sendJson('PUT', innovationsPath(regionCode, id), innovationUpdate, input, innovation);

export const transitionInnovation = (regionCode: string, id: string, input: TransitionInput) =>
  sendJson('POST', innovationsPath(regionCode, id, 'transition'), transitionBody, input, transitionResponse);

export const carryOverInnovation = (regionCode: string, id: string, input: CarryOverInput) =>
  sendJson('POST', innovationsPath(regionCode, id, 'carry-over'), carryOverBody, input, innovation);

export const importInnovations = (regionCode: string, periodId: string, file: Blob, dryRun: boolean) =>
  sendFile(
    `${innovationsPath(regionCode, 'import')}?periodId=${encodeURIComponent(periodId)}&dryRun=${dryRun}`,
    file,
    XLSX_MIME,
    innovationImportReport,
  );
