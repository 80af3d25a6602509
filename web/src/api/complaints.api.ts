/**
 * Complaints (pengaduan) as the units handle them: the inbox, one complaint with its history, moving it
 * along the workflow or to another unit, its photos, the statistics, and the settings (categories and
 * the API keys of Open311 clients).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  complaint,
  complaintCategory,
  complaintCategoryInput,
  complaintCategoryList,
  complaintDetail,
  complaintList,
  type complaintListQuery,
  complaintReassign,
  complaintStats,
  complaintTransition,
  type open311Client,
  open311ClientCreated,
  open311ClientInput,
  open311ClientList,
} from '#shared/api/complaints.ts';
import { apiPath, getJson, sendEmpty, sendJson } from './http.ts';

export type Complaint = z.output<typeof complaint>;
export type ComplaintDetail = z.output<typeof complaintDetail>;
export type ComplaintEvent = ComplaintDetail['events'][number];
export type ComplaintCategory = z.output<typeof complaintCategory>;
export type ComplaintCategoryInput = z.input<typeof complaintCategoryInput>;
export type ComplaintStats = z.output<typeof complaintStats>;
export type ComplaintListParams = Partial<z.output<typeof complaintListQuery>>;
export type ComplaintTransitionInput = z.input<typeof complaintTransition>;
export type ComplaintReassignInput = z.input<typeof complaintReassign>;
export type Open311Client = z.output<typeof open311Client>;
export type Open311ClientCreated = z.output<typeof open311ClientCreated>;

/** Revoking answers with the client or with nothing: the list is reloaded either way. */
const anyAnswer = z.unknown();

const regionPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, ...rest);

/** Every cached complaint query of a region (lists, details, statistics), to refresh after a change. */
export const complaintsKey = (regionCode: string) => ['regions', regionCode, 'complaints'] as const;
export const complaintKey = (regionCode: string, id: string) => [...complaintsKey(regionCode), 'one', id] as const;
export const complaintCategoriesKey = (regionCode: string) => ['regions', regionCode, 'complaint-categories'] as const;
export const open311ClientsKey = (regionCode: string) => ['regions', regionCode, 'open311-clients'] as const;

export const complaintListQueryOptions = (regionCode: string, params: ComplaintListParams) =>
  queryOptions({
    queryKey: [...complaintsKey(regionCode), 'list', params],
    queryFn: () => getJson(regionPath(regionCode, 'complaints'), complaintList, params),
    placeholderData: keepPreviousData,
  });

export const complaintQueryOptions = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: complaintKey(regionCode, id),
    queryFn: () => getJson(regionPath(regionCode, 'complaints', id), complaintDetail),
  });

export const complaintStatsQueryOptions = (regionCode: string, range: { from?: string; to?: string }) =>
  queryOptions({
    queryKey: [...complaintsKey(regionCode), 'stats', range],
    queryFn: () => getJson(regionPath(regionCode, 'complaint-stats'), complaintStats, range),
    placeholderData: keepPreviousData,
  });

/** The answer is the complaint (with or without its history): the page reloads the detail after. */
/** The statistics of a range as a PDF to download (the same figures as the statistics tab). */
export const complaintStatsReportUrl = (regionCode: string, range: { from?: string; to?: string }) => {
  const query = new URLSearchParams(Object.entries(range).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const path = regionPath(regionCode, 'complaint-stats', 'report.pdf');
  return query.size > 0 ? `${path}?${query}` : path;
};

export const transitionComplaint = (regionCode: string, id: string, input: ComplaintTransitionInput) =>
  sendJson('POST', regionPath(regionCode, 'complaints', id, 'transition'), complaintTransition, input, complaint);

export const reassignComplaint = (regionCode: string, id: string, input: ComplaintReassignInput) =>
  sendJson('POST', regionPath(regionCode, 'complaints', id, 'reassign'), complaintReassign, input, complaint);

/** A photo as staff see it (behind the login, unlike the citizen's own link). */
export const complaintPhotoUrl = (regionCode: string, id: string, photoId: string) => regionPath(regionCode, 'complaints', id, 'photos', photoId);

export const complaintCategoriesQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: complaintCategoriesKey(regionCode),
    queryFn: () => getJson(regionPath(regionCode, 'complaint-categories'), complaintCategoryList),
  });

export const createComplaintCategory = (regionCode: string, input: ComplaintCategoryInput) =>
  sendJson('POST', regionPath(regionCode, 'complaint-categories'), complaintCategoryInput, input, complaintCategory);

export const updateComplaintCategory = (regionCode: string, id: string, input: ComplaintCategoryInput) =>
  sendJson('PUT', regionPath(regionCode, 'complaint-categories', id), complaintCategoryInput, input, complaintCategory);

export const open311ClientsQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: open311ClientsKey(regionCode),
    queryFn: () => getJson(regionPath(regionCode, 'open311-clients'), open311ClientList),
  });

export const createOpen311Client = (regionCode: string, name: string) =>
  sendJson('POST', regionPath(regionCode, 'open311-clients'), open311ClientInput, { name }, open311ClientCreated);

export const revokeOpen311Client = (regionCode: string, id: string) =>
  sendEmpty('POST', regionPath(regionCode, 'open311-clients', id, 'revoke'), anyAnswer);
