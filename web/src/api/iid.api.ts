/**
 * The region's Indeks Inovasi Daerah: the period's projection (claimed and verified), the what-if list,
 * the region's SPD answers and each innovation's SID answers, with their verification. The response
 * response schemas are the shared contract's (src/shared/api/iid.ts), parsed here as they are.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { type iidAnswerBody, iidVerifyBody } from '#shared/api/assessments.ts';
import { okBody } from '#shared/api/common.ts';
import { nationalComparison, nationalImportReport } from '#shared/api/iid-national.ts';
import { evidenceItem } from '#shared/api/innovations.ts';
import {
  iidAnswerState,
  iidProjectionResponse,
  sidAnswerBody,
  sidSheet,
  spdAnswerBody,
  spdLinkEvidenceBody,
  spdSheet,
  whatIfResponse,
} from '#shared/api/iid.ts';
import { apiPath, getJson, sendEmpty, sendFile, sendFileWithProgress, sendJson, withQuery } from './http.ts';
import { XLSX_MIME } from './units.api.ts';

export type { IidAnswerState, IidProjectionResponse, SidSheet, SpdSheet, WhatIfResponse } from '#shared/api/iid.ts';
export type IidAnswerInput = z.input<typeof iidAnswerBody>;
export type IidVerifyInput = z.input<typeof iidVerifyBody>;
export type SpdAnswerInput = z.input<typeof spdAnswerBody>;
export type SpdLinkEvidenceInput = z.input<typeof spdLinkEvidenceBody>;
export type SidAnswerInput = z.input<typeof sidAnswerBody>;
export type IidBasis = 'claimed' | 'verified';

const iidPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'iid', ...rest);

/** Every cached IID figure of a region: an answer anywhere can move the projection. */
export const iidKey = (regionCode: string) => ['regions', regionCode, 'iid'] as const;
export const sidSheetKey = (regionCode: string, innovationId: string) => [...iidKey(regionCode), 'sid', innovationId] as const;

export const projectionQueryOptions = (regionCode: string, periodId: string) =>
  queryOptions({
    queryKey: [...iidKey(regionCode), 'projection', periodId],
    queryFn: () => getJson(iidPath(regionCode, 'periods', periodId), iidProjectionResponse),
  });

export const whatIfQueryOptions = (regionCode: string, periodId: string, basis: IidBasis, limit: number) =>
  queryOptions({
    queryKey: [...iidKey(regionCode), 'what-if', periodId, basis, limit],
    queryFn: () => getJson(iidPath(regionCode, 'periods', periodId, 'what-if'), whatIfResponse, { basis, limit }),
  });

export const spdSheetQueryOptions = (regionCode: string, periodId: string) =>
  queryOptions({
    queryKey: [...iidKey(regionCode), 'spd', periodId],
    queryFn: () => getJson(iidPath(regionCode, 'periods', periodId, 'spd'), spdSheet),
  });

export const sidSheetQueryOptions = (regionCode: string, innovationId: string) =>
  queryOptions({
    queryKey: sidSheetKey(regionCode, innovationId),
    queryFn: () => getJson(iidPath(regionCode, 'innovations', innovationId, 'answers'), sidSheet),
  });

/** A level, or for an indicator with a figure the figure and its source (the server chooses the level). */
export const answerSpd = (regionCode: string, periodId: string, indicatorId: string, input: SpdAnswerInput) =>
  sendJson('PUT', iidPath(regionCode, 'periods', periodId, 'spd', indicatorId), spdAnswerBody, input, iidAnswerState);

/** SPD evidence lives on the period, in the slot of its indicator: any change puts it back to pending. */
export const uploadSpdEvidence = (
  regionCode: string,
  periodId: string,
  indicatorId: string,
  input: { title: string; file: File },
  onProgress: (fraction: number) => void,
) =>
  sendFileWithProgress(
    withQuery(iidPath(regionCode, 'periods', periodId, 'spd', indicatorId, 'evidence', 'files'), {
      title: input.title.trim(),
      fileName: input.file.name,
    }),
    input.file,
    input.file.type || 'application/octet-stream',
    evidenceItem,
    onProgress,
  );

export const addSpdEvidenceLink = (regionCode: string, periodId: string, indicatorId: string, input: SpdLinkEvidenceInput) =>
  sendJson('POST', iidPath(regionCode, 'periods', periodId, 'spd', indicatorId, 'evidence', 'links'), spdLinkEvidenceBody, input, evidenceItem);

export const deleteSpdEvidence = (regionCode: string, periodId: string, evidenceId: string) =>
  sendEmpty('DELETE', iidPath(regionCode, 'periods', periodId, 'spd-evidence', evidenceId), okBody);

/** Served inline (PDFs and images open in the browser), never as a download. */
export const spdEvidenceContentUrl = (regionCode: string, periodId: string, evidenceId: string) =>
  iidPath(regionCode, 'periods', periodId, 'spd-evidence', evidenceId, 'content');

export const verifySpd = (regionCode: string, periodId: string, indicatorId: string, input: IidVerifyInput) =>
  sendJson('POST', iidPath(regionCode, 'periods', periodId, 'spd', indicatorId, 'verify'), iidVerifyBody, input, iidAnswerState);

export const answerSid = (regionCode: string, innovationId: string, indicatorId: string, input: SidAnswerInput) =>
  sendJson('PUT', iidPath(regionCode, 'innovations', innovationId, 'answers', indicatorId), sidAnswerBody, input, iidAnswerState);

export const verifySid = (regionCode: string, innovationId: string, indicatorId: string, input: IidVerifyInput) =>
  sendJson('POST', iidPath(regionCode, 'innovations', innovationId, 'answers', indicatorId, 'verify'), iidVerifyBody, input, iidAnswerState);

// ---- the exchange with the national application ------------------------------------------------------

export type { NationalComparison, NationalImportReport } from '#shared/api/iid-national.ts';

export const nationalQueryOptions = (regionCode: string, periodId: string) =>
  queryOptions({
    queryKey: [...iidKey(regionCode), 'national', periodId],
    queryFn: () => getJson(iidPath(regionCode, 'periods', periodId, 'national'), nationalComparison),
  });

export const nationalExportUrl = (regionCode: string, periodId: string) => iidPath(regionCode, 'periods', periodId, 'national-export.xlsx');
export const nationalTemplateUrl = (regionCode: string, periodId: string) => iidPath(regionCode, 'periods', periodId, 'national-template.xlsx');

/** Uploads the national validation result: a dry run first; a real run replacing an earlier one names its version. */
export const importNational = (regionCode: string, periodId: string, file: File, dryRun: boolean, version?: number) =>
  sendFile(
    withQuery(iidPath(regionCode, 'periods', periodId, 'national-import'), {
      dryRun: String(dryRun),
      fileName: file.name,
      ...(version === undefined ? {} : { version: String(version) }),
    }),
    file,
    XLSX_MIME,
    nationalImportReport,
  );
