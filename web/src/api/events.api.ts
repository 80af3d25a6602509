/**
 * Acara of one region: events (list, calendar month, one event, create, edit, delete, notulen,
 * follow-ups), participants (list, register, remove, tick attendance, the organiser's code entry, XLSX
 * import with a dry run), materials, the documents (attendance list, certificate, QR), and the
 * participant's own check-in page and the certificate check (public).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  attendanceInput,
  certificateCheck,
  checkinResult,
  checkinTicket,
  eventDetail,
  eventInput,
  eventList,
  type eventListQuery,
  eventUpdate,
  followUpInput,
  followUpUpdate,
  material,
  materialLinkInput,
  materialList,
  notesInput,
  organiserCheckinInput,
  participant,
  participantImportReport,
  participantInput,
  participantList,
  type participantListQuery,
} from '#shared/api/events.ts';
import { apiPath, getJson, sendEmpty, sendFile, sendJson } from './http.ts';
import { XLSX_MIME } from './units.api.ts';

export type { CheckinResult, CheckinTicket, EventDetail, EventFollowUp, EventSummary, Participant } from '#shared/api/events.ts';
export type EventListParams = Partial<z.output<typeof eventListQuery>>;
export type ParticipantListParams = Partial<z.output<typeof participantListQuery>>;
export type EventInputValues = z.input<typeof eventInput>;
export type ParticipantInputValues = z.input<typeof participantInput>;
export type FollowUpInputValues = z.input<typeof followUpInput>;
export type ParticipantImportReport = z.output<typeof participantImportReport>;
export type Material = z.output<typeof material>;

const nothing = z.undefined();
const eventsPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'events', ...rest);

/** Every cached event query of a region (lists, calendar months, one event, its participants). */
export const eventsKey = (regionCode: string) => ['regions', regionCode, 'events'] as const;
export const eventKey = (regionCode: string, id: string) => [...eventsKey(regionCode), 'one', id] as const;

export const eventListQueryOptions = (regionCode: string, params: EventListParams) =>
  queryOptions({
    queryKey: [...eventsKey(regionCode), 'list', params],
    queryFn: () => getJson(eventsPath(regionCode), eventList, params),
    placeholderData: keepPreviousData,
  });

export const eventQueryOptions = (regionCode: string, id: string) =>
  queryOptions({ queryKey: eventKey(regionCode, id), queryFn: () => getJson(eventsPath(regionCode, id), eventDetail) });

export const createEvent = (regionCode: string, input: EventInputValues) => sendJson('POST', eventsPath(regionCode), eventInput, input, eventDetail);
export const updateEvent = (regionCode: string, id: string, input: z.input<typeof eventUpdate>) =>
  sendJson('PUT', eventsPath(regionCode, id), eventUpdate, input, eventDetail);
export const deleteEvent = (regionCode: string, id: string) => sendEmpty('DELETE', eventsPath(regionCode, id), nothing);
export const saveNotes = (regionCode: string, id: string, input: z.input<typeof notesInput>) =>
  sendJson('PUT', eventsPath(regionCode, id, 'notes'), notesInput, input, eventDetail);

export const addFollowUp = (regionCode: string, id: string, input: FollowUpInputValues) =>
  sendJson('POST', eventsPath(regionCode, id, 'follow-ups'), followUpInput, input, eventDetail);
export const updateFollowUp = (regionCode: string, id: string, followUpId: string, input: z.input<typeof followUpUpdate>) =>
  sendJson('PUT', eventsPath(regionCode, id, 'follow-ups', followUpId), followUpUpdate, input, eventDetail);
export const deleteFollowUp = (regionCode: string, id: string, followUpId: string) =>
  sendEmpty('DELETE', eventsPath(regionCode, id, 'follow-ups', followUpId), nothing);

export const participantListQueryOptions = (regionCode: string, id: string, params: ParticipantListParams) =>
  queryOptions({
    queryKey: [...eventKey(regionCode, id), 'participants', params],
    queryFn: () => getJson(eventsPath(regionCode, id, 'participants'), participantList, params),
    placeholderData: keepPreviousData,
  });
export const registerParticipant = (regionCode: string, id: string, input: ParticipantInputValues) =>
  sendJson('POST', eventsPath(regionCode, id, 'participants'), participantInput, input, participant);
export const removeParticipant = (regionCode: string, id: string, participantId: string) =>
  sendEmpty('DELETE', eventsPath(regionCode, id, 'participants', participantId), nothing);
export const setAttendance = (regionCode: string, id: string, participantId: string, isPresent: boolean) =>
  sendJson('PUT', eventsPath(regionCode, id, 'participants', participantId, 'attendance'), attendanceInput, { isPresent }, participant);
export const checkInByCode = (regionCode: string, id: string, code: string) =>
  sendJson('POST', eventsPath(regionCode, id, 'checkin'), organiserCheckinInput, { code }, checkinResult);
export const importParticipants = (regionCode: string, id: string, file: Blob, dryRun: boolean) =>
  sendFile(`${eventsPath(regionCode, id, 'participants', 'import')}?dryRun=${dryRun}`, file, XLSX_MIME, participantImportReport);
export const participantTemplateUrl = (regionCode: string) => eventsPath(regionCode, 'participants-template.xlsx');
export const participantQrUrl = (regionCode: string, id: string, participantId: string) =>
  eventsPath(regionCode, id, 'participants', participantId, 'qr.svg');
export const certificateUrl = (regionCode: string, id: string, participantId: string) =>
  eventsPath(regionCode, id, 'participants', participantId, 'certificate.pdf');
export const attendancePdfUrl = (regionCode: string, id: string) => eventsPath(regionCode, id, 'attendance.pdf');

export const materialsQueryOptions = (regionCode: string, id: string) =>
  queryOptions({
    queryKey: [...eventKey(regionCode, id), 'materials'],
    queryFn: () => getJson(eventsPath(regionCode, id, 'materials'), materialList),
  });
export const uploadMaterial = (regionCode: string, id: string, file: File, title: string) =>
  sendFile(
    `${eventsPath(regionCode, id, 'materials', 'files')}?${new URLSearchParams({ fileName: file.name, ...(title ? { title } : {}) }).toString()}`,
    file,
    file.type || 'application/octet-stream',
    material,
  );
export const addMaterialLink = (regionCode: string, id: string, input: z.input<typeof materialLinkInput>) =>
  sendJson('POST', eventsPath(regionCode, id, 'materials', 'links'), materialLinkInput, input, material);
export const removeMaterial = (regionCode: string, id: string, materialId: string) =>
  sendEmpty('DELETE', eventsPath(regionCode, id, 'materials', materialId), nothing);
export const materialContentUrl = (regionCode: string, id: string, materialId: string) =>
  eventsPath(regionCode, id, 'materials', materialId, 'content');

// ---- public ----

export const checkinTicketQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['public', 'event-checkin', token],
    queryFn: () => getJson(apiPath('public', 'event-checkin', token), checkinTicket),
    retry: false,
  });
export const confirmCheckin = (token: string) => sendEmpty('POST', apiPath('public', 'event-checkin', token), checkinResult);
export const certificateCheckQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['public', 'event-certificates', code],
    queryFn: () => getJson(apiPath('public', 'event-certificates', code), certificateCheck),
    retry: false,
  });
