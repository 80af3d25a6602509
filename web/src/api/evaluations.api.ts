/**
 * The yearly evaluation (hasil evaluasi) of an assessment: its figures with the assessor's result,
 * recording the result, the letter document; and the region's smart-city evaluations over the years,
 * which the masterplan page shows. Both read the same server figures.
 */
import { queryOptions } from '@tanstack/react-query';
import { assessmentEvaluation, evaluationHistory, evaluationInput } from '#shared/api/evaluations.ts';
import { errorBody, okBody } from '#shared/api/common.ts';
import { ApiError, apiPath, getJson, sendEmpty, sendJson } from './http.ts';

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

/**
 * The letter goes as the raw body and its name in the `x-file-name` header (the server checks the
 * content by its bytes); `fetch` rather than the shared uploader, which cannot send a header.
 */
export async function uploadEvaluationLetter(regionCode: string, assessmentId: string, file: File): Promise<AssessmentEvaluation> {
  let response: Response;
  try {
    response = await fetch(base(regionCode, assessmentId, 'letter'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR' });
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = assessmentEvaluation.safeParse(json);
    if (parsed.success) return parsed.data;
    throw new ApiError({ status: response.status, code: 'UNEXPECTED_RESPONSE' });
  }
  const failed = errorBody.safeParse(json);
  if (!failed.success) throw new ApiError({ status: response.status, code: 'UNEXPECTED_RESPONSE' });
  const e = failed.data.error;
  throw new ApiError({
    status: response.status,
    code: e.code,
    messageId: e.message,
    messageEn: e.messageEn,
    issues: e.issues ?? [],
    requestId: e.requestId ?? null,
  });
}
