/**
 * Smart-city councils of one region: the list, one council with its members, SK, meetings and
 * follow-ups, the writes on each, the SK document and notulen files, and the follow-ups across councils.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  attachmentItem,
  councilDetail,
  councilInput,
  councilList,
  decreeInput,
  followUpDoneInput,
  followUpInput,
  followUpList,
  meetingInput,
  memberInput,
} from '#shared/api/councils.ts';
import { okBody } from '#shared/api/common.ts';
import { apiPath, getJson, sendEmpty, sendJson, sendNamedFile } from './http.ts';

export type { CouncilDetail, CouncilSummary, Decree, FollowUp, Meeting, Member } from '#shared/api/councils.ts';
export type CouncilInput = z.input<typeof councilInput>;
export type MemberInput = z.input<typeof memberInput>;
export type DecreeInput = z.input<typeof decreeInput>;
export type MeetingInput = z.input<typeof meetingInput>;
export type FollowUpInput = z.input<typeof followUpInput>;
export type Attachment = z.output<typeof attachmentItem>;

const base = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'councils', ...rest);

export const councilsKey = (regionCode: string) => ['regions', regionCode, 'councils'] as const;

export const councilListQueryOptions = (regionCode: string) =>
  queryOptions({ queryKey: [...councilsKey(regionCode), 'list'], queryFn: () => getJson(base(regionCode), councilList) });

export const councilQueryOptions = (regionCode: string, id: string) =>
  queryOptions({ queryKey: [...councilsKey(regionCode), 'one', id], queryFn: () => getJson(base(regionCode, id), councilDetail) });

export const openFollowUpsQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: [...councilsKey(regionCode), 'follow-ups', 'terbuka'],
    queryFn: () => getJson(base(regionCode, 'follow-ups'), followUpList, { status: 'terbuka' }),
  });

export const createCouncil = (regionCode: string, input: CouncilInput) => sendJson('POST', base(regionCode), councilInput, input, councilDetail);
export const updateCouncil = (regionCode: string, id: string, input: CouncilInput) =>
  sendJson('PUT', base(regionCode, id), councilInput, input, councilDetail);
export const deleteCouncil = (regionCode: string, id: string) => sendEmpty('DELETE', base(regionCode, id), z.undefined());

export const addMember = (regionCode: string, id: string, input: MemberInput) =>
  sendJson('POST', base(regionCode, id, 'members'), memberInput, input, councilDetail);
export const updateMember = (regionCode: string, id: string, memberId: string, input: MemberInput) =>
  sendJson('PUT', base(regionCode, id, 'members', memberId), memberInput, input, councilDetail);
export const removeMember = (regionCode: string, id: string, memberId: string) =>
  sendEmpty('DELETE', base(regionCode, id, 'members', memberId), councilDetail);

export const addDecree = (regionCode: string, id: string, input: DecreeInput) =>
  sendJson('POST', base(regionCode, id, 'decrees'), decreeInput, input, councilDetail);
export const updateDecree = (regionCode: string, id: string, decreeId: string, input: DecreeInput) =>
  sendJson('PUT', base(regionCode, id, 'decrees', decreeId), decreeInput, input, councilDetail);
export const removeDecree = (regionCode: string, id: string, decreeId: string) =>
  sendEmpty('DELETE', base(regionCode, id, 'decrees', decreeId), councilDetail);
export const decreeDocumentUrl = (regionCode: string, id: string, decreeId: string, attachmentId: string) =>
  base(regionCode, id, 'decrees', decreeId, 'documents', attachmentId);
export const uploadDecreeDocument = (regionCode: string, id: string, decreeId: string, file: File) =>
  sendNamedFile(base(regionCode, id, 'decrees', decreeId, 'documents'), file, attachmentItem);
export const removeDecreeDocument = (regionCode: string, id: string, decreeId: string, attachmentId: string) =>
  sendEmpty('DELETE', decreeDocumentUrl(regionCode, id, decreeId, attachmentId), okBody);

export const addMeeting = (regionCode: string, id: string, input: MeetingInput) =>
  sendJson('POST', base(regionCode, id, 'meetings'), meetingInput, input, councilDetail);
export const updateMeeting = (regionCode: string, id: string, meetingId: string, input: MeetingInput) =>
  sendJson('PUT', base(regionCode, id, 'meetings', meetingId), meetingInput, input, councilDetail);
export const removeMeeting = (regionCode: string, id: string, meetingId: string) =>
  sendEmpty('DELETE', base(regionCode, id, 'meetings', meetingId), councilDetail);
export const notulenUrl = (regionCode: string, id: string, meetingId: string, attachmentId: string) =>
  base(regionCode, id, 'meetings', meetingId, 'notulen', attachmentId);
export const uploadNotulen = (regionCode: string, id: string, meetingId: string, file: File) =>
  sendNamedFile(base(regionCode, id, 'meetings', meetingId, 'notulen'), file, attachmentItem);
export const removeNotulen = (regionCode: string, id: string, meetingId: string, attachmentId: string) =>
  sendEmpty('DELETE', notulenUrl(regionCode, id, meetingId, attachmentId), okBody);

export const addFollowUp = (regionCode: string, id: string, meetingId: string, input: FollowUpInput) =>
  sendJson('POST', base(regionCode, id, 'meetings', meetingId, 'follow-ups'), followUpInput, input, councilDetail);
export const updateFollowUp = (regionCode: string, id: string, followUpId: string, input: FollowUpInput) =>
  sendJson('PUT', base(regionCode, id, 'follow-ups', followUpId), followUpInput, input, councilDetail);
export const markFollowUpDone = (regionCode: string, id: string, followUpId: string, doneOn: string) =>
  sendJson('POST', base(regionCode, id, 'follow-ups', followUpId, 'done'), followUpDoneInput, { doneOn }, councilDetail);
export const reopenFollowUp = (regionCode: string, id: string, followUpId: string) =>
  sendEmpty('POST', base(regionCode, id, 'follow-ups', followUpId, 'reopen'), councilDetail);
export const removeFollowUp = (regionCode: string, id: string, followUpId: string) =>
  sendEmpty('DELETE', base(regionCode, id, 'follow-ups', followUpId), councilDetail);
