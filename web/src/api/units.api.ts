/** Units (perangkat daerah) of one region: list, read, create, edit, delete, XLSX import and export. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import { unit, unitImportReport, unitInput, unitList, type unitListQuery, unitUpdate } from '#shared/api/units.ts';
import { apiPath, getJson, sendEmpty, sendFile, sendJson } from './http.ts';

export type { Unit, UnitImportReport } from '#shared/api/units.ts';
export type UnitListParams = Partial<z.output<typeof unitListQuery>>;
export type UnitInput = z.input<typeof unitInput>;
export type UnitUpdateInput = z.input<typeof unitUpdate>;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const unitsPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'units', ...rest);

/** Every cached list and unit of a region, to refresh after a change. */
export const unitsKey = (regionCode: string) => ['regions', regionCode, 'units'] as const;

export const unitListQueryOptions = (regionCode: string, params: UnitListParams) =>
  queryOptions({
    queryKey: [...unitsKey(regionCode), 'list', params],
    queryFn: () => getJson(unitsPath(regionCode), unitList, params),
    placeholderData: keepPreviousData,
  });

export const fetchUnit = (regionCode: string, id: string) => getJson(unitsPath(regionCode, id), unit);

export const createUnit = (regionCode: string, input: UnitInput) => sendJson('POST', unitsPath(regionCode), unitInput, input, unit);

export const updateUnit = (regionCode: string, id: string, input: UnitUpdateInput) =>
  sendJson('PUT', unitsPath(regionCode, id), unitUpdate, input, unit);

export const deleteUnit = (regionCode: string, id: string) => sendEmpty('DELETE', unitsPath(regionCode, id), okBody);

export const unitExportUrl = (regionCode: string) => unitsPath(regionCode, 'export.xlsx');

export const importUnits = (regionCode: string, file: Blob, dryRun: boolean) =>
  sendFile(`${unitsPath(regionCode, 'import')}?dryRun=${dryRun}`, file, XLSX_MIME, unitImportReport);
