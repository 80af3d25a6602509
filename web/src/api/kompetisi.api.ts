/**
 * Kompetisi inovasi: the region's competitions, their entries, panels, stage results, the judge's
 * own sheets, and the public results. Every body is checked with the schema the server validates with.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import {
  advanceBody,
  candidateList,
  competitionDetail,
  competitionInput,
  competitionList,
  competitionUpdate,
  conflictBody,
  entryAttachment,
  entryCreate,
  entryDetail,
  entryLinkBody,
  entryList,
  entryUpdate,
  finaliseBody,
  judgeCandidates,
  judgeHome,
  nationalCompetitionList,
  panelAdd,
  panelView,
  publicCompetitionList,
  publicResults,
  reopenBody,
  rubricList,
  screenBody,
  sheetDetail,
  sheetSave,
  stageResults,
} from '#shared/api/competitions.ts';
import { apiPath, getJson, sendEmpty, sendFile, sendJson } from './http.ts';

export type {
  CompetitionDetail,
  CompetitionSummary,
  EntryDetail,
  EntrySummary,
  JudgeHome,
  PanelView,
  PublicResults,
  RubricView,
  SheetDetail,
  StageResults,
} from '#shared/api/competitions.ts';
export type CompetitionFormInput = z.input<typeof competitionInput>;

/** The scope of the national admin's competitions across regions, in place of a region code. */
export const NATIONAL_SCOPE = 'nasional';

const path = (regionCode: string, ...rest: string[]) =>
  regionCode === NATIONAL_SCOPE ? apiPath('national', 'competitions', ...rest) : apiPath('regions', regionCode, 'competitions', ...rest);
const judgingPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'judging', ...rest);

export const competitionsKey = (regionCode: string) => ['regions', regionCode, 'competitions'] as const;
export const competitionKey = (regionCode: string, id: string) => [...competitionsKey(regionCode), 'one', id] as const;
export const judgingKey = (regionCode: string) => ['regions', regionCode, 'judging'] as const;

export const competitionListQuery = (regionCode: string, params: { page: number; q: string }) =>
  queryOptions({
    queryKey: [...competitionsKey(regionCode), 'list', params],
    queryFn: () => getJson(path(regionCode), competitionList, { page: params.page, pageSize: 20, q: params.q || undefined }),
    placeholderData: keepPreviousData,
  });

/** The national competitions the region may enter (its own entry count each). */
export const nationalOpenQuery = (regionCode: string) =>
  queryOptions({
    queryKey: [...competitionsKey(regionCode), 'national'],
    queryFn: () => getJson(path(regionCode, 'national'), nationalCompetitionList),
  });

export const competitionQuery = (regionCode: string, id: string) =>
  queryOptions({ queryKey: competitionKey(regionCode, id), queryFn: () => getJson(path(regionCode, id), competitionDetail) });

export const rubricsQuery = (regionCode: string) =>
  queryOptions({
    queryKey: [...competitionsKey(regionCode), 'rubrics'],
    queryFn: () => getJson(path(regionCode, 'rubrics'), rubricList),
    staleTime: Infinity,
  });

export const entryListQuery = (regionCode: string, id: string, params: { page: number; q: string; category: string; status: string }) =>
  queryOptions({
    queryKey: [...competitionKey(regionCode, id), 'entries', params],
    queryFn: () =>
      getJson(path(regionCode, id, 'entries'), entryList, {
        page: params.page,
        pageSize: 25,
        q: params.q || undefined,
        category: params.category || undefined,
        status: params.status || undefined,
      }),
    placeholderData: keepPreviousData,
  });

export const entryQuery = (regionCode: string, id: string, entryId: string) =>
  queryOptions({
    queryKey: [...competitionKey(regionCode, id), 'entry', entryId],
    queryFn: () => getJson(path(regionCode, id, 'entries', entryId), entryDetail),
  });

export const candidatesQuery = (regionCode: string, id: string, category: string) =>
  queryOptions({
    queryKey: [...competitionKey(regionCode, id), 'candidates', category],
    queryFn: () => getJson(path(regionCode, id, 'candidates'), candidateList, { category }),
  });

export const panelQuery = (regionCode: string, id: string, stageId: string) =>
  queryOptions({
    queryKey: [...competitionKey(regionCode, id), 'panel', stageId],
    queryFn: () => getJson(path(regionCode, id, 'stages', stageId, 'panel'), panelView),
  });

export const judgeCandidatesQuery = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: [...competitionKey(regionCode, id), 'judge-candidates'],
    queryFn: () => getJson(path(regionCode, id, 'judge-candidates'), judgeCandidates),
  });

export const stageResultsQuery = (regionCode: string, id: string, stageId: string) =>
  queryOptions({
    queryKey: [...competitionKey(regionCode, id), 'results', stageId],
    queryFn: () => getJson(path(regionCode, id, 'stages', stageId, 'results'), stageResults),
  });

export const createCompetition = (regionCode: string, input: CompetitionFormInput) =>
  sendJson('POST', path(regionCode), competitionInput, input, competitionDetail);
export const updateCompetition = (regionCode: string, id: string, input: CompetitionFormInput & { version: number }) =>
  sendJson('PUT', path(regionCode, id), competitionUpdate, input, competitionDetail);
export const openCompetition = (regionCode: string, id: string) => sendEmpty('POST', path(regionCode, id, 'open'), competitionDetail);
export const lockStage = (regionCode: string, id: string, stageId: string) =>
  sendEmpty('POST', path(regionCode, id, 'stages', stageId, 'lock'), competitionDetail);
export const advanceStage = (regionCode: string, id: string, stageId: string, input: z.input<typeof advanceBody>) =>
  sendJson('POST', path(regionCode, id, 'stages', stageId, 'advance'), advanceBody, input, stageResults);
export const finaliseCompetition = (regionCode: string, id: string, input: z.input<typeof finaliseBody>) =>
  sendJson('POST', path(regionCode, id, 'finalise'), finaliseBody, input, competitionDetail);
export const publishCompetition = (regionCode: string, id: string) => sendEmpty('POST', path(regionCode, id, 'publish'), competitionDetail);

export const createEntry = (regionCode: string, id: string, input: z.input<typeof entryCreate>) =>
  sendJson('POST', path(regionCode, id, 'entries'), entryCreate, input, entryDetail);
export const updateEntry = (regionCode: string, id: string, entryId: string, input: z.input<typeof entryUpdate>) =>
  sendJson('PUT', path(regionCode, id, 'entries', entryId), entryUpdate, input, entryDetail);
export const submitEntry = (regionCode: string, id: string, entryId: string) =>
  sendEmpty('POST', path(regionCode, id, 'entries', entryId, 'submit'), entryDetail);
export const screenEntry = (regionCode: string, id: string, entryId: string, input: z.input<typeof screenBody>) =>
  sendJson('POST', path(regionCode, id, 'entries', entryId, 'screening'), screenBody, input, entryDetail);
export const addEntryLink = (regionCode: string, id: string, entryId: string, input: z.input<typeof entryLinkBody>) =>
  sendJson('POST', path(regionCode, id, 'entries', entryId, 'links'), entryLinkBody, input, entryAttachment);
export const uploadEntryFile = (regionCode: string, id: string, entryId: string, file: File, slot: 'umum' | 'sk_inovator') =>
  sendFile(
    `${path(regionCode, id, 'entries', entryId, 'files')}?${new URLSearchParams({ fileName: file.name, slot })}`,
    file,
    file.type || 'application/octet-stream',
    entryAttachment,
  );
export const removeEntryAttachment = (regionCode: string, id: string, entryId: string, attachmentId: string) =>
  sendEmpty('DELETE', path(regionCode, id, 'entries', entryId, 'attachments', attachmentId), okBody);
export const entryAttachmentUrl = (regionCode: string, id: string, entryId: string, attachmentId: string) =>
  path(regionCode, id, 'entries', entryId, 'attachments', attachmentId);
export const proposalPdfUrl = (regionCode: string, id: string, entryId: string) => path(regionCode, id, 'entries', entryId, 'proposal.pdf');
export const scoresXlsxUrl = (regionCode: string, id: string) => path(regionCode, id, 'scores.xlsx');
export const certificatesUrl = (regionCode: string, id: string) => path(regionCode, id, 'certificates.pdf');

export const addJudge = (regionCode: string, id: string, stageId: string, input: z.input<typeof panelAdd>) =>
  sendJson('POST', path(regionCode, id, 'stages', stageId, 'panel'), panelAdd, input, panelView);
export const removeJudge = (regionCode: string, id: string, stageId: string, judgeId: string) =>
  sendEmpty('DELETE', path(regionCode, id, 'stages', stageId, 'panel', judgeId), panelView);
export const assignJudges = (regionCode: string, id: string, stageId: string) =>
  sendEmpty('POST', path(regionCode, id, 'stages', stageId, 'assignment'), panelView);
export const reopenSheet = (regionCode: string, id: string, stageId: string, sheetId: string, input: z.input<typeof reopenBody>) =>
  sendJson('POST', path(regionCode, id, 'stages', stageId, 'sheets', sheetId, 'reopen'), reopenBody, input, panelView);

export const judgeHomeQuery = (regionCode: string) =>
  queryOptions({ queryKey: judgingKey(regionCode), queryFn: () => getJson(judgingPath(regionCode), judgeHome) });
export const sheetQuery = (regionCode: string, sheetId: string) =>
  queryOptions({
    queryKey: [...judgingKey(regionCode), 'sheet', sheetId],
    queryFn: () => getJson(judgingPath(regionCode, 'sheets', sheetId), sheetDetail),
  });
export const saveSheet = (regionCode: string, sheetId: string, input: z.input<typeof sheetSave>) =>
  sendJson('PUT', judgingPath(regionCode, 'sheets', sheetId), sheetSave, input, z.object({ version: z.number().int() }));
export const submitSheet = (regionCode: string, sheetId: string) => sendEmpty('POST', judgingPath(regionCode, 'sheets', sheetId, 'submit'), okBody);
export const declareConflicts = (regionCode: string, competitionId: string, input: z.input<typeof conflictBody>) =>
  sendJson('PUT', judgingPath(regionCode, 'competitions', competitionId, 'conflicts'), conflictBody, input, judgeHome);
export const sheetAttachmentUrl = (regionCode: string, sheetId: string, attachmentId: string) =>
  judgingPath(regionCode, 'sheets', sheetId, 'attachments', attachmentId);

export const publicCompetitionsQuery = (regionCode: string) =>
  queryOptions({
    queryKey: ['public', 'competitions', regionCode],
    queryFn: () => getJson(apiPath('public', 'regions', regionCode, 'competitions'), publicCompetitionList),
  });
export const publicResultsQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'competition-results', id],
    queryFn: () => getJson(apiPath('public', 'competitions', id, 'results'), publicResults),
    retry: false,
  });
