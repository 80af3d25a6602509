/**
 * The national evaluation of an assessment (stages, the assessor's sheet, the LHE and the gaps) and the
 * action plan (per assessment and the region's list). Schemas shared with the server.
 */
import { queryOptions } from '@tanstack/react-query';
import { okBody } from '#shared/api/common.ts';
import {
  actionTask,
  actionTaskList,
  lheInput,
  nationalEvaluation,
  nationalImportReport,
  nationalItemInput,
  nationalStageInput,
  regionTaskList,
  taskCreateInput,
  taskUpdateInput,
} from '#shared/api/national.ts';
import type { z } from 'zod';
import { apiPath, getJson, sendEmpty, sendFile, sendJson } from './http.ts';

export type { ActionTask, ActionTaskList, NationalEvaluation, NationalImportReport, NationalItem, RegionTaskList } from '#shared/api/national.ts';

const nationalPath = (regionCode: string, assessmentId: string, ...rest: string[]) =>
  apiPath('regions', regionCode, 'assessments', assessmentId, 'national', ...rest);
const planPath = (regionCode: string, assessmentId: string, ...rest: string[]) =>
  apiPath('regions', regionCode, 'assessments', assessmentId, 'action-plan', ...rest);

export const nationalKey = (regionCode: string, assessmentId: string) => ['regions', regionCode, 'national', assessmentId] as const;
export const actionPlanKey = (regionCode: string, assessmentId: string) => ['regions', regionCode, 'action-plan', assessmentId] as const;
export const regionTasksKey = (regionCode: string) => ['regions', regionCode, 'action-plan'] as const;

export const nationalQueryOptions = (regionCode: string, assessmentId: string) =>
  queryOptions({
    queryKey: nationalKey(regionCode, assessmentId),
    queryFn: () => getJson(nationalPath(regionCode, assessmentId), nationalEvaluation),
  });

export const actionPlanQueryOptions = (regionCode: string, assessmentId: string) =>
  queryOptions({ queryKey: actionPlanKey(regionCode, assessmentId), queryFn: () => getJson(planPath(regionCode, assessmentId), actionTaskList) });

export const regionTasksQueryOptions = (regionCode: string, status: string, q: string) =>
  queryOptions({
    queryKey: [...regionTasksKey(regionCode), status, q] as const,
    queryFn: () => getJson(apiPath('regions', regionCode, 'action-plan'), regionTaskList, { status, q: q || undefined }),
  });

export const openNational = (regionCode: string, assessmentId: string) =>
  sendEmpty('POST', nationalPath(regionCode, assessmentId), nationalEvaluation);

export const changeNationalStage = (regionCode: string, assessmentId: string, input: z.input<typeof nationalStageInput>) =>
  sendJson('POST', nationalPath(regionCode, assessmentId, 'stage'), nationalStageInput, input, nationalEvaluation);

export const updateNationalItem = (regionCode: string, assessmentId: string, itemId: string, input: z.input<typeof nationalItemInput>) =>
  sendJson('PUT', nationalPath(regionCode, assessmentId, 'items', itemId), nationalItemInput, input, nationalEvaluation);

export const recordLhe = (regionCode: string, assessmentId: string, input: z.input<typeof lheInput>) =>
  sendJson('PUT', nationalPath(regionCode, assessmentId, 'lhe'), lheInput, input, nationalEvaluation);

/** The assessor's sheet to fill: one row per indicator, with the region's verified value as a hint. */
export const nationalTemplateUrl = (regionCode: string, assessmentId: string) => nationalPath(regionCode, assessmentId, 'template.xlsx');

export const importNational = (regionCode: string, assessmentId: string, file: File, dryRun: boolean) =>
  sendFile(
    `${nationalPath(regionCode, assessmentId, 'import')}?dryRun=${dryRun}`,
    file,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    nationalImportReport,
  );

export const createTask = (regionCode: string, assessmentId: string, input: z.input<typeof taskCreateInput>) =>
  sendJson('POST', planPath(regionCode, assessmentId), taskCreateInput, input, actionTaskList);

export const tasksFromRecommendations = (regionCode: string, assessmentId: string) =>
  sendEmpty('POST', planPath(regionCode, assessmentId, 'from-recommendations'), actionTaskList);

export const updateTask = (regionCode: string, assessmentId: string, taskId: string, input: z.input<typeof taskUpdateInput>) =>
  sendJson('PUT', planPath(regionCode, assessmentId, taskId), taskUpdateInput, input, actionTask);

export const deleteTask = (regionCode: string, assessmentId: string, taskId: string) =>
  sendEmpty('DELETE', planPath(regionCode, assessmentId, taskId), okBody);

export const taskEvidenceUrl = (regionCode: string, assessmentId: string, taskId: string, evidenceId: string) =>
  planPath(regionCode, assessmentId, taskId, 'evidence', evidenceId);

export const uploadTaskEvidence = (regionCode: string, assessmentId: string, taskId: string, file: File) =>
  sendFile(planPath(regionCode, assessmentId, taskId, 'evidence'), file, file.type || 'application/octet-stream', actionTask);
