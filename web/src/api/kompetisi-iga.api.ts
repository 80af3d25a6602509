/**
 * IGA nominee preparation: the nominees' field-validation checklists (admin and the competition's judges edit),
 * of a region's competition or, in the national scope, of the national admin's.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import { fieldChecklist, fieldChecklistList, fieldCheckSave } from '#shared/api/competitions-iga.ts';
import { apiPath, getJson, sendJson } from './http.ts';
import { NATIONAL_SCOPE } from './kompetisi.api.ts';

export type { FieldChecklist, FieldChecklistList, FieldChecklistSummary, FieldCheckLine, FieldCheckStatus } from '#shared/api/competitions-iga.ts';

/** The region's routes, or the national admin's for a national competition (scope NATIONAL_SCOPE). */
const path = (regionCode: string, ...rest: string[]) =>
  regionCode === NATIONAL_SCOPE ? apiPath('national', 'competitions', ...rest) : apiPath('regions', regionCode, 'competitions', ...rest);

export const fieldChecksKey = (regionCode: string) => ['regions', regionCode, 'competitions', 'field-checks'] as const;

export const myFieldChecklistsQuery = (regionCode: string) =>
  queryOptions({ queryKey: [...fieldChecksKey(regionCode), 'mine'], queryFn: () => getJson(path(regionCode, 'field-checks'), fieldChecklistList) });

export const fieldChecklistsQuery = (regionCode: string, competitionId: string) =>
  queryOptions({
    queryKey: [...fieldChecksKey(regionCode), competitionId],
    queryFn: () => getJson(path(regionCode, competitionId, 'field-checks'), fieldChecklistList),
  });

export const fieldChecklistQuery = (regionCode: string, competitionId: string, entryId: string) =>
  queryOptions({
    queryKey: [...fieldChecksKey(regionCode), competitionId, entryId],
    queryFn: () => getJson(path(regionCode, competitionId, 'field-checks', entryId), fieldChecklist),
  });

export const saveFieldCheck = (
  regionCode: string,
  competitionId: string,
  entryId: string,
  indicatorId: string,
  input: z.input<typeof fieldCheckSave>,
) => sendJson('PUT', path(regionCode, competitionId, 'field-checks', entryId, 'lines', indicatorId), fieldCheckSave, input, okBody);

export const fieldChecklistXlsxUrl = (regionCode: string, competitionId: string, entryId: string) =>
  path(regionCode, competitionId, 'field-checks', entryId, 'checklist.xlsx');
