/** The region's RPJMD cascade: periods, the tree, entries, the programme codes the forms pick from, XLSX. */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import {
  rpjmdDetail,
  rpjmdEntryInput,
  rpjmdEntryUpdate,
  rpjmdImportReport,
  rpjmdPeriodInput,
  rpjmdPeriodList,
  rpjmdPeriodUpdate,
  rpjmdProgrammeOptions,
} from '#shared/api/rpjmd.ts';
import { apiPath, getJson, sendEmpty, sendFile, sendJson } from './http.ts';
import { XLSX_MIME } from './units.api.ts';

export type { RpjmdLevel, RpjmdNode } from '#shared/api/rpjmd.ts';
export type RpjmdDetail = z.output<typeof rpjmdDetail>;
export type RpjmdPeriod = z.output<typeof rpjmdPeriodList>['items'][number];
export type RpjmdImportReport = z.output<typeof rpjmdImportReport>;
export type RpjmdProgrammeOption = z.output<typeof rpjmdProgrammeOptions>['items'][number];

const rpjmdPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'rpjmd', ...rest);
export const rpjmdKey = (regionCode: string) => ['regions', regionCode, 'rpjmd'] as const;

export const rpjmdListOptions = (regionCode: string) =>
  queryOptions({ queryKey: [...rpjmdKey(regionCode), 'list'], queryFn: () => getJson(rpjmdPath(regionCode), rpjmdPeriodList) });

export const rpjmdDetailOptions = (regionCode: string, id: string) =>
  queryOptions({ queryKey: [...rpjmdKey(regionCode), 'detail', id], queryFn: () => getJson(rpjmdPath(regionCode, id), rpjmdDetail) });

/** Every programme code of the region (a region has tens of them): the picker filters them as one types. */
export const rpjmdProgrammesOptions = (regionCode: string) =>
  queryOptions({
    queryKey: [...rpjmdKey(regionCode), 'programmes'],
    queryFn: () => getJson(rpjmdPath(regionCode, 'programmes'), rpjmdProgrammeOptions),
    staleTime: 60_000,
  });

export const createRpjmd = (regionCode: string, input: z.input<typeof rpjmdPeriodInput>) =>
  sendJson('POST', rpjmdPath(regionCode), rpjmdPeriodInput, input, rpjmdDetail);
export const updateRpjmd = (regionCode: string, id: string, input: z.input<typeof rpjmdPeriodUpdate>) =>
  sendJson('PUT', rpjmdPath(regionCode, id), rpjmdPeriodUpdate, input, rpjmdDetail);
export const deleteRpjmd = (regionCode: string, id: string) => sendEmpty('DELETE', rpjmdPath(regionCode, id), okBody);

export const createRpjmdEntry = (regionCode: string, id: string, input: z.input<typeof rpjmdEntryInput>) =>
  sendJson('POST', rpjmdPath(regionCode, id, 'entries'), rpjmdEntryInput, input, rpjmdDetail);
export const updateRpjmdEntry = (regionCode: string, id: string, entryId: string, input: z.input<typeof rpjmdEntryUpdate>) =>
  sendJson('PUT', rpjmdPath(regionCode, id, 'entries', entryId), rpjmdEntryUpdate, input, rpjmdDetail);
export const deleteRpjmdEntry = (regionCode: string, id: string, entryId: string) =>
  sendEmpty('DELETE', rpjmdPath(regionCode, id, 'entries', entryId), rpjmdDetail);

export const rpjmdTemplateUrl = (regionCode: string) => rpjmdPath(regionCode, 'template.xlsx');
export const rpjmdExportUrl = (regionCode: string, id: string) => rpjmdPath(regionCode, id, 'export.xlsx');
export const importRpjmd = (regionCode: string, id: string, file: Blob, dryRun: boolean) =>
  sendFile(`${rpjmdPath(regionCode, id, 'import')}?dryRun=${dryRun}`, file, XLSX_MIME, rpjmdImportReport);
