/**
 * Kota cerdas of one region: masterplans (list, one with its programmes and funding, create, edit, the
 * structure of dimensions and elements, the Perkada document, PDF/XLSX), programmes (list with filters,
 * one, create, edit, delete), the quarterly report with its evidence, and the public summary.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  attachmentItem,
  dimensionsInput,
  innovationProgrammes,
  masterplanDetail,
  masterplanInput,
  masterplanList,
  masterplanUpdate,
  programmeDetail,
  programmeInput,
  programmeList,
  type programmeListQuery,
  programmeUpdate,
  progressInput,
  publicSmartCity,
} from '#shared/api/kota-cerdas.ts';
import { okBody as okAnswer } from '#shared/api/common.ts';
import { apiPath, getJson, isApiError, sendEmpty, sendJson, sendNamedFile } from './http.ts';

export type { MasterplanDetail, ProgrammeDetail, ProgrammeSummary, ProgressReport, PublicSmartCity } from '#shared/api/kota-cerdas.ts';
export type MasterplanInput = z.input<typeof masterplanInput>;
export type MasterplanUpdateInput = z.input<typeof masterplanUpdate>;
export type DimensionsInput = z.input<typeof dimensionsInput>;
export type ProgrammeInput = z.input<typeof programmeInput>;
export type ProgrammeUpdateInput = z.input<typeof programmeUpdate>;
export type ProgressInput = z.input<typeof progressInput>;
export type ProgrammeListParams = Partial<z.output<typeof programmeListQuery>>;
export type Attachment = z.output<typeof attachmentItem>;

const nothing = z.undefined();
const base = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'smart-city', ...rest);

export const kotaCerdasKey = (regionCode: string) => ['regions', regionCode, 'smart-city'] as const;

export const masterplanListQueryOptions = (regionCode: string) =>
  queryOptions({ queryKey: [...kotaCerdasKey(regionCode), 'masterplans'], queryFn: () => getJson(base(regionCode, 'masterplans'), masterplanList) });

export const masterplanQueryOptions = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: [...kotaCerdasKey(regionCode), 'masterplan', id],
    queryFn: () => getJson(base(regionCode, 'masterplans', id), masterplanDetail),
  });

export const programmeListQueryOptions = (regionCode: string, params: ProgrammeListParams) =>
  queryOptions({
    queryKey: [...kotaCerdasKey(regionCode), 'programmes', params],
    queryFn: () => getJson(base(regionCode, 'programmes'), programmeList, params),
    placeholderData: keepPreviousData,
  });

export const programmeQueryOptions = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: [...kotaCerdasKey(regionCode), 'programme', id],
    queryFn: () => getJson(base(regionCode, 'programmes', id), programmeDetail),
  });

export const innovationProgrammesQueryOptions = (regionCode: string, innovationId: string) =>
  queryOptions({
    queryKey: [...kotaCerdasKey(regionCode), 'innovation', innovationId],
    queryFn: () => getJson(base(regionCode, 'innovations', innovationId, 'programmes'), innovationProgrammes),
  });

export const createMasterplan = (regionCode: string, input: MasterplanInput) =>
  sendJson('POST', base(regionCode, 'masterplans'), masterplanInput, input, masterplanDetail);
export const updateMasterplan = (regionCode: string, id: string, input: MasterplanUpdateInput) =>
  sendJson('PUT', base(regionCode, 'masterplans', id), masterplanUpdate, input, masterplanDetail);
export const updateDimensions = (regionCode: string, id: string, input: DimensionsInput) =>
  sendJson('PUT', base(regionCode, 'masterplans', id, 'dimensions'), dimensionsInput, input, masterplanDetail);

export const masterplanReportUrl = (regionCode: string, id: string, format: 'pdf' | 'xlsx') =>
  base(regionCode, 'masterplans', id, `report.${format}`);
export const masterplanDocumentUrl = (regionCode: string, id: string, attachmentId: string) =>
  base(regionCode, 'masterplans', id, 'documents', attachmentId);
export const uploadMasterplanDocument = (regionCode: string, id: string, file: File) =>
  sendNamedFile(base(regionCode, 'masterplans', id, 'documents'), file, attachmentItem);

export const createProgramme = (regionCode: string, input: ProgrammeInput) =>
  sendJson('POST', base(regionCode, 'programmes'), programmeInput, input, programmeDetail);
export const updateProgramme = (regionCode: string, id: string, input: ProgrammeUpdateInput) =>
  sendJson('PUT', base(regionCode, 'programmes', id), programmeUpdate, input, programmeDetail);
export const deleteProgramme = (regionCode: string, id: string) => sendEmpty('DELETE', base(regionCode, 'programmes', id), okAnswer.or(nothing));

const quarterPath = (regionCode: string, id: string, year: number, quarter: number, ...rest: string[]) =>
  base(regionCode, 'programmes', id, 'progress', String(year), String(quarter), ...rest);
export const reportQuarter = (regionCode: string, id: string, year: number, quarter: number, input: ProgressInput) =>
  sendJson('PUT', quarterPath(regionCode, id, year, quarter), progressInput, input, programmeDetail);
export const uploadProgressEvidence = (regionCode: string, id: string, year: number, quarter: number, file: File) =>
  sendNamedFile(quarterPath(regionCode, id, year, quarter, 'evidence'), file, attachmentItem);
export const progressEvidenceUrl = (regionCode: string, id: string, year: number, quarter: number, attachmentId: string) =>
  quarterPath(regionCode, id, year, quarter, 'evidence', attachmentId);
export const removeProgressEvidence = (regionCode: string, id: string, year: number, quarter: number, attachmentId: string) =>
  sendEmpty('DELETE', quarterPath(regionCode, id, year, quarter, 'evidence', attachmentId), okAnswer);

/** The public summary, or null when the region has no masterplan yet. */
export const publicSmartCityQuery = (regionCode: string) =>
  queryOptions({
    queryKey: ['public', 'smart-city', regionCode],
    queryFn: async () => {
      try {
        return await getJson(apiPath('public', 'regions', regionCode, 'smart-city'), publicSmartCity);
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
  });
export const portalSmartCityPath = (regionCode: string) => `/portal/${encodeURIComponent(regionCode)}/kota-cerdas`;
