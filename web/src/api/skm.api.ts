/**
 * The Survei Kepuasan Masyarakat of one region, as staff work with it: periods (open, change, close,
 * reopen), the results of a period (region, units, services, respondent groups), populations, the
 * paper-form import with its dry run, downloads, and the follow-up plan with its evidence.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import { importReport } from '#shared/api/services.ts';
import {
  followUp,
  followUpInput,
  followUpList,
  followUpUpdate,
  populationInput,
  skmGroupResults,
  skmPeriod,
  skmPeriodInput,
  skmPeriodList,
  skmPeriodUpdate,
  skmResults,
} from '#shared/api/skm.ts';
import { apiPath, getJson, sendEmpty, sendFile, sendJson, sendNamedFile } from './http.ts';
import { XLSX_MIME } from './units.api.ts';

export type SkmPeriod = z.output<typeof skmPeriod>;
export type SkmResults = z.output<typeof skmResults>;
export type SkmServiceProgress = SkmResults['services'][number];
export type IkmFigure = NonNullable<SkmResults['region']>;
export type SkmGroupResults = z.output<typeof skmGroupResults>;
export type RespondentGroupKey = SkmGroupResults['group'];
export type SkmPeriodInput = z.input<typeof skmPeriodInput>;
export type FollowUp = z.output<typeof followUp>;
export type FollowUpInput = z.input<typeof followUpInput>;
export type SkmImportReport = z.output<typeof importReport>;

/** An evidence file of a follow-up item as the server lists it. */
export const followUpEvidenceItem = z.object({
  id: z.string(),
  title: z.string().nullable().optional(),
  fileName: z.string().nullable().optional(),
  mimeType: z.string().nullable().optional(),
  sizeBytes: z.number().nullable().optional(),
  createdAt: z.string().optional(),
});
export type FollowUpEvidenceItem = z.output<typeof followUpEvidenceItem>;
const followUpEvidenceItems = z.object({ items: z.array(followUpEvidenceItem) });

/** A 204 answer has no body; an older server may still answer `{ok: true}`. */
const nothing = z.undefined();
const periodStatusBody = z.object({ version: z.number().int().min(1) });

const skmPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'skm-periods', ...rest);

/** Every cached SKM figure of a region, to refresh after any change. */
export const skmKey = (regionCode: string) => ['regions', regionCode, 'skm'] as const;

export const skmPeriodListQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: [...skmKey(regionCode), 'list'],
    queryFn: () => getJson(skmPath(regionCode), skmPeriodList),
  });

export const skmResultsQueryOptions = (regionCode: string, periodId: string) =>
  queryOptions({
    queryKey: [...skmKey(regionCode), 'results', periodId],
    queryFn: () => getJson(skmPath(regionCode, periodId, 'results'), skmResults),
  });

export const skmGroupsQueryOptions = (regionCode: string, periodId: string, group: RespondentGroupKey, serviceId: string | null) =>
  queryOptions({
    queryKey: [...skmKey(regionCode), 'groups', periodId, group, serviceId],
    queryFn: () => getJson(skmPath(regionCode, periodId, 'groups'), skmGroupResults, { group, serviceId }),
    placeholderData: keepPreviousData,
  });

export const followUpsQueryOptions = (regionCode: string, periodId: string) =>
  queryOptions({
    queryKey: [...skmKey(regionCode), 'follow-ups', periodId],
    queryFn: () => getJson(skmPath(regionCode, periodId, 'follow-ups'), followUpList),
  });

export const followUpEvidenceQueryOptions = (regionCode: string, periodId: string, followUpId: string) =>
  queryOptions({
    queryKey: [...skmKey(regionCode), 'follow-ups', periodId, followUpId, 'evidence'],
    queryFn: () => getJson(skmPath(regionCode, periodId, 'follow-ups', followUpId, 'evidence'), followUpEvidenceItems),
  });

export const fetchSkmPeriod = (regionCode: string, id: string) => getJson(skmPath(regionCode, id), skmPeriod);

export const createSkmPeriod = (regionCode: string, input: SkmPeriodInput) => sendJson('POST', skmPath(regionCode), skmPeriodInput, input, skmPeriod);

export const updateSkmPeriod = (regionCode: string, id: string, input: z.input<typeof skmPeriodUpdate>) =>
  sendJson('PUT', skmPath(regionCode, id), skmPeriodUpdate, input, skmPeriod);

/** Closing stops new answers; reopening lets them in again. Either answers with the period (or nothing). */
export const setSkmPeriodOpen = (regionCode: string, id: string, open: boolean, version: number) =>
  sendJson('POST', skmPath(regionCode, id, open ? 'reopen' : 'close'), periodStatusBody, { version }, skmPeriod.or(okBody).or(nothing));

export const savePopulations = (regionCode: string, id: string, items: { serviceId: string; population: number | null }[]) =>
  sendJson('PUT', skmPath(regionCode, id, 'populations'), populationInput, { items }, okBody.or(nothing));

export const skmReportUrl = (regionCode: string, id: string) => skmPath(regionCode, id, 'report.pdf');
export const skmResponsesUrl = (regionCode: string, id: string) => skmPath(regionCode, id, 'responses.xlsx');
export const skmTemplateUrl = (regionCode: string, id: string) => skmPath(regionCode, id, 'responses', 'template.xlsx');

export const importSkmResponses = (regionCode: string, id: string, file: Blob, dryRun: boolean) =>
  sendFile(`${skmPath(regionCode, id, 'responses', 'import')}?dryRun=${dryRun}`, file, XLSX_MIME, importReport);

export const createFollowUp = (regionCode: string, periodId: string, input: FollowUpInput) =>
  sendJson('POST', skmPath(regionCode, periodId, 'follow-ups'), followUpInput, input, followUp);

export const updateFollowUp = (regionCode: string, periodId: string, id: string, input: z.input<typeof followUpUpdate>) =>
  sendJson('PUT', skmPath(regionCode, periodId, 'follow-ups', id), followUpUpdate, input, followUp);

export const deleteFollowUp = (regionCode: string, periodId: string, id: string) =>
  sendEmpty('DELETE', skmPath(regionCode, periodId, 'follow-ups', id), okBody.or(nothing));

/** The evidence keeps its own name (the server checks the content by its bytes). */
export const uploadFollowUpEvidence = async (regionCode: string, periodId: string, id: string, file: File): Promise<void> => {
  await sendNamedFile(skmPath(regionCode, periodId, 'follow-ups', id, 'evidence'), file, z.unknown());
};

export const deleteFollowUpEvidence = (regionCode: string, periodId: string, id: string, attachmentId: string) =>
  sendEmpty('DELETE', skmPath(regionCode, periodId, 'follow-ups', id, 'evidence', attachmentId), okBody.or(nothing));

export const followUpEvidenceUrl = (regionCode: string, periodId: string, id: string, attachmentId: string) =>
  skmPath(regionCode, periodId, 'follow-ups', id, 'evidence', attachmentId);
