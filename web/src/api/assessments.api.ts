/**
 * Self-assessments (SPBE, Indeks Pemdi) of one region: the list, one assessment with its claimed and
 * verified figures, opening one, assigning indicators, filling and verifying items (guarded by each
 * item's `version`), moving the stage (guarded by the assessment's), the gap analysis, each item's
 * evidence and the reports; and the framework versions a region may assess with, with the upload of
 * a new one. The framework tree comes from the public framework endpoint, for the names of domains
 * and aspects.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  assessmentCreate,
  assessmentDetail,
  assessmentItem,
  assessmentList,
  assignBody,
  fillBody,
  frameworkFileBody,
  type frameworkVersionItem,
  frameworkVersionList,
  gapAnalysis,
  stageBody,
  uploadedFrameworkVersion,
  verifyBody,
} from '#shared/api/assessments.ts';
import { frameworkSummaryList, frameworkTree } from '#shared/api/frameworks.ts';
import { okBody } from '#shared/api/common.ts';
import { linkEvidenceBody } from '#shared/api/innovations.ts';
import { apiPath, getJson, sendEmpty, sendFileWithProgress, sendJson, withQuery } from './http.ts';

export type { AssessmentDetail, AssessmentItem, AssessmentSummary, GapAnalysis } from '#shared/api/assessments.ts';
export type AssessmentCreateInput = z.input<typeof assessmentCreate>;
export type AssignInput = z.input<typeof assignBody>;
export type FillInput = z.input<typeof fillBody>;
export type VerifyInput = z.input<typeof verifyBody>;
export type FrameworkVersion = z.output<typeof frameworkVersionItem>;
export type GapBasis = 'verified' | 'claimed';
export type ReportFormat = 'pdf' | 'xlsx';

/** The body of a link on an item: the innovation link body without its target (an item has one list). */
const itemLinkBody = linkEvidenceBody.omit({ target: true });
const evidenceEntry = assessmentItem.shape.evidence.element;
export type { FrameworkTree, FrameworkTreeNode } from '#shared/api/frameworks.ts';

const assessmentsPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'assessments', ...rest);
const itemPath = (regionCode: string, id: string, itemId: string, ...rest: string[]) => assessmentsPath(regionCode, id, 'items', itemId, ...rest);

/** Every cached list and assessment of a region, to refresh after a change. */
export const assessmentsKey = (regionCode: string) => ['regions', regionCode, 'assessments'] as const;
export const assessmentKey = (regionCode: string, id: string) => [...assessmentsKey(regionCode), 'one', id] as const;
export const frameworkVersionsKey = (regionCode: string) => ['regions', regionCode, 'framework-versions'] as const;

export const assessmentListQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: [...assessmentsKey(regionCode), 'list'],
    queryFn: () => getJson(assessmentsPath(regionCode), assessmentList),
  });

export const assessmentQueryOptions = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: assessmentKey(regionCode, id),
    queryFn: () => getJson(assessmentsPath(regionCode, id), assessmentDetail),
  });

export const gapsQueryOptions = (regionCode: string, id: string, basis: GapBasis) =>
  queryOptions({
    queryKey: [...assessmentKey(regionCode, id), 'gaps', basis],
    queryFn: () => getJson(assessmentsPath(regionCode, id, 'gaps'), gapAnalysis, { basis }),
    placeholderData: keepPreviousData,
  });

export const createAssessment = (regionCode: string, input: AssessmentCreateInput) =>
  sendJson('POST', assessmentsPath(regionCode), assessmentCreate, input, assessmentDetail);

export const assignIndicators = (regionCode: string, id: string, input: AssignInput) =>
  sendJson('POST', assessmentsPath(regionCode, id, 'assignments'), assignBody, input, assessmentDetail);

export const fillItem = (regionCode: string, id: string, itemId: string, input: FillInput) =>
  sendJson('PUT', itemPath(regionCode, id, itemId), fillBody, input, assessmentItem);

export const verifyItem = (regionCode: string, id: string, itemId: string, input: VerifyInput) =>
  sendJson('POST', itemPath(regionCode, id, itemId, 'verify'), verifyBody, input, assessmentItem);

export const changeStage = (regionCode: string, id: string, input: z.input<typeof stageBody>) =>
  sendJson('POST', assessmentsPath(regionCode, id, 'stage'), stageBody, input, assessmentDetail);

export const uploadItemEvidence = (
  regionCode: string,
  id: string,
  itemId: string,
  input: { title: string; file: File },
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) =>
  sendFileWithProgress(
    withQuery(itemPath(regionCode, id, itemId, 'evidence', 'files'), { title: input.title.trim(), fileName: input.file.name }),
    input.file,
    input.file.type || 'application/octet-stream',
    evidenceEntry,
    onProgress,
    signal,
  );

export const addItemLink = (regionCode: string, id: string, itemId: string, input: z.input<typeof itemLinkBody>) =>
  sendJson('POST', itemPath(regionCode, id, itemId, 'evidence', 'links'), itemLinkBody, input, evidenceEntry);

export const deleteItemEvidence = (regionCode: string, id: string, itemId: string, evidenceId: string) =>
  sendEmpty('DELETE', itemPath(regionCode, id, itemId, 'evidence', evidenceId), okBody);

/** Served inline (PDFs and images open in the browser). */
export const itemEvidenceContentUrl = (regionCode: string, id: string, itemId: string, evidenceId: string) =>
  itemPath(regionCode, id, itemId, 'evidence', evidenceId, 'content');

/** The report a region hands to its leaders; the server picks the basis by stage. */
export const reportUrl = (regionCode: string, id: string, format: ReportFormat) => assessmentsPath(regionCode, id, 'report', format);

// ---- frameworks ----------------------------------------------------------------------------------

export const frameworkVersionListQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: [...frameworkVersionsKey(regionCode), 'list'],
    queryFn: () => getJson(apiPath('regions', regionCode, 'framework-versions'), frameworkVersionList),
  });

export const uploadFrameworkVersion = (regionCode: string, body: Record<string, unknown>) =>
  sendJson('POST', apiPath('regions', regionCode, 'framework-versions'), frameworkFileBody, body, uploadedFrameworkVersion);

/** The frameworks this install ships (public). */
export const frameworkListQueryOptions = () =>
  queryOptions({
    queryKey: ['frameworks', 'list'],
    queryFn: () => getJson(apiPath('frameworks'), frameworkSummaryList),
    staleTime: 60 * 60_000,
  });

/** A shipped framework's tree (public); an uploaded version of the same id may differ, so callers compare versions. */
export const frameworkTreeQueryOptions = (frameworkId: string) =>
  queryOptions({
    queryKey: ['frameworks', 'tree', frameworkId],
    queryFn: () => getJson(apiPath('frameworks', frameworkId), frameworkTree),
    staleTime: 60 * 60_000,
    retry: false,
  });
