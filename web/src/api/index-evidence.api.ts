/**
 * One click from a public-service document to the index indicators that ask for it: where the SKM
 * report of a period, or the complaint statistics of a date range, can go (SPBE/Pemdi assessment items
 * and the IID indicators of the latest period's innovations), and the attach itself. The server makes
 * the document anew on each attach, as the download would.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  attachComplaintStatsInput,
  attachIndexEvidenceInput,
  indexEvidenceAttached,
  type indexEvidenceTarget,
  indexEvidenceTargets,
} from '#shared/api/index-evidence.ts';
import { apiPath, getJson, sendJson } from './http.ts';

export type IndexEvidenceTargets = z.output<typeof indexEvidenceTargets>;
export type AssessmentItemTarget = IndexEvidenceTargets['assessmentItems'][number];
export type InnovationTarget = IndexEvidenceTargets['innovations'][number];
export type IndexEvidenceTarget = z.input<typeof indexEvidenceTarget>;
export type IndexEvidenceAttached = z.output<typeof indexEvidenceAttached>;

/** The document to send: one SKM period's report, or the complaint statistics of a range (open ends allowed). */
export type IndexEvidenceSource =
  | { kind: 'skm'; periodId: string }
  | { kind: 'complaints'; from?: string; to?: string }
  /** An event's attendance list (a bimtek or a sosialisasi), with a link to the event. */
  | { kind: 'event'; eventId: string };

const eventEvidencePath = (regionCode: string, eventId: string, ...rest: string[]) =>
  apiPath('regions', regionCode, 'events', eventId, 'index-evidence', ...rest);

const evidencePath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'index-evidence', ...rest);

/** Every cached target list of a region, to refresh after an attach (or any evidence change). */
export const indexEvidenceKey = (regionCode: string) => ['regions', regionCode, 'index-evidence'] as const;

const rangeOf = (source: Extract<IndexEvidenceSource, { kind: 'complaints' }>) => ({ from: source.from, to: source.to });

export const indexEvidenceTargetsQueryOptions = (regionCode: string, source: IndexEvidenceSource) =>
  queryOptions({
    queryKey: [...indexEvidenceKey(regionCode), source],
    queryFn: () =>
      source.kind === 'skm'
        ? getJson(evidencePath(regionCode, 'skm', source.periodId, 'targets'), indexEvidenceTargets)
        : source.kind === 'event'
          ? getJson(eventEvidencePath(regionCode, source.eventId, 'targets'), indexEvidenceTargets)
          : getJson(evidencePath(regionCode, 'complaints', 'targets'), indexEvidenceTargets, rangeOf(source)),
    // "Already attached" must be current when the dialog opens: another clerk may have attached meanwhile.
    staleTime: 0,
  });

export const attachIndexEvidence = (regionCode: string, source: IndexEvidenceSource, target: IndexEvidenceTarget) =>
  source.kind === 'skm'
    ? sendJson('POST', evidencePath(regionCode, 'skm', source.periodId), attachIndexEvidenceInput, { target }, indexEvidenceAttached)
    : source.kind === 'event'
      ? sendJson('POST', eventEvidencePath(regionCode, source.eventId), attachIndexEvidenceInput, { target }, indexEvidenceAttached)
      : sendJson(
          'POST',
          evidencePath(regionCode, 'complaints'),
          attachComplaintStatsInput,
          { target, ...(source.from ? { from: source.from } : {}), ...(source.to ? { to: source.to } : {}) },
          indexEvidenceAttached,
        );
