/**
 * The yearly evaluation (hasil evaluasi) of an assessment: its figures with the assessor's result,
 * recording the result, the letter document; and the region's smart-city evaluations over the years,
 * which the masterplan page shows. Both read the same server figures.
 */
import { queryOptions } from '@tanstack/react-query';
import { assessmentEvaluation, evaluationHistory, evaluationInput } from '#shared/api/evaluations.ts';
import { okBody } from '#shared/api/common.ts';
import { apiPath, getJson, sendEmpty, sendJson, sendNamedFile } from './http.ts';

export type { AssessmentEvaluation, EvaluationHistory, EvaluationHistoryItem, EvaluationInput } from '#shared/api/evaluations.ts';
import type { AssessmentEvaluation, EvaluationInput } from '#shared/api/evaluations.ts';

const base = (regionCode: string, assessmentId: string, ...rest: string[]) =>
  apiPath('regions', regionCode, 'assessments', assessmentId, 'evaluation', ...rest);

export const evaluationKey = (regionCode: string, assessmentId: string) => ['regions', regionCode, 'evaluation', assessmentId] as const;
export const evaluationHistoryKey = (regionCode: string) => ['regions', regionCode, 'smart-city', 'evaluations'] as const;

export const evaluationQueryOptions = (regionCode: string, assessmentId: string) =>
  queryOptions({ queryKey: evaluationKey(regionCode, assessmentId), queryFn: () => getJson(base(regionCode, assessmentId), assessmentEvaluation) });

export const evaluationHistoryQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: evaluationHistoryKey(regionCode),
    queryFn: () => getJson(apiPath('regions', regionCode, 'smart-city', 'evaluations'), evaluationHistory),
  });

export const recordEvaluation = (regionCode: string, assessmentId: string, input: EvaluationInput) =>
  sendJson('PUT', base(regionCode, assessmentId), evaluationInput, input, assessmentEvaluation);

export const evaluationLetterUrl = (regionCode: string, assessmentId: string, attachmentId: string) =>
  base(regionCode, assessmentId, 'letter', attachmentId);

export const removeEvaluationLetter = (regionCode: string, assessmentId: string, attachmentId: string) =>
  sendEmpty('DELETE', base(regionCode, assessmentId, 'letter', attachmentId), okBody);

/** The letter keeps its own name (the server checks the content by its bytes). */
export const uploadEvaluationLetter = (regionCode: string, assessmentId: string, file: File): Promise<AssessmentEvaluation> =>
  sendNamedFile(base(regionCode, assessmentId, 'letter'), file, assessmentEvaluation);
