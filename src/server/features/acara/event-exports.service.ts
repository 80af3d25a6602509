/**
 * Gathers what an event's documents print (the attendance list, a participant's certificate) and which
 * index indicators an event can serve as evidence for: a bimtek or a sosialisasi.
 */
import { eq } from 'drizzle-orm';
import type { IndexEvidenceSource } from '#domain/services/index-evidence.ts';
import type { Db } from '#server/db/client.ts';
import { regions } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { printedDate } from '#server/platform/pdf/pdf-kit.ts';
import { attendanceFileName, buildAttendancePdf, buildCertificatePdf, certificateFileName, type EventHeader } from './event-documents.ts';
import { allParticipants, findEvent, findParticipant } from './events.queries.ts';

export interface MadeDocument {
  fileName: string;
  data: Buffer;
}

async function headerOf(db: Db, regionCode: string, eventId: string): Promise<EventHeader> {
  const event = await findEvent(db, regionCode, eventId);
  if (!event) throw new AppError('NOT_FOUND');
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
  return {
    title: event.title,
    kind: event.kind,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    onlineUrl: event.onlineUrl,
    organiserUnitName: event.organiserUnitName,
    regionName: region?.name ?? regionCode,
  };
}

export async function attendanceDocument(
  db: Db,
  regionCode: string,
  eventId: string,
  now: Date,
  options: { compress?: boolean } = {},
): Promise<MadeDocument> {
  const header = await headerOf(db, regionCode, eventId);
  const rows = (await allParticipants(db, regionCode, eventId)).map((p) => ({
    name: p.name,
    position: p.position,
    affiliation: p.unitName ?? p.organisation ?? '',
    checkedInAt: p.checkedInAt,
  }));
  return { fileName: attendanceFileName(header.title), data: await buildAttendancePdf(header, rows, now, options) };
}

/** A certificate goes to a participant who attended: it says they took part. */
export async function certificateDocument(
  db: Db,
  regionCode: string,
  eventId: string,
  participantId: string,
  origin: string,
  now: Date,
  options: { compress?: boolean } = {},
): Promise<MadeDocument> {
  const header = await headerOf(db, regionCode, eventId);
  const p = await findParticipant(db, regionCode, eventId, participantId);
  if (!p) throw new AppError('NOT_FOUND');
  if (!p.checkedInAt) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'participantId', reason: 'Sertifikat hanya untuk peserta yang tercatat hadir; catat kehadirannya dulu' }],
    });
  }
  const data = await buildCertificatePdf(
    {
      participantName: p.name,
      affiliation: p.unitName ?? p.organisation ?? '',
      event: header,
      code: p.code,
      verifyUrl: `${origin}/sertifikat/${p.code}`,
      printedAt: now,
    },
    options,
  );
  return { fileName: certificateFileName(p.code), data };
}

/** Which indicators ask for this kind of event: a bimtek (IID 20) or a sosialisasi (IID 25); others none. */
export function evidenceSourceOf(kind: string): IndexEvidenceSource | null {
  return kind === 'bimtek' || kind === 'sosialisasi' ? kind : null;
}

/** One title per event, so attaching the same event twice to an indicator is refused. */
export function evidenceTitle(event: { title: string; startsAt: string }): string {
  return `Daftar hadir: ${event.title} (${printedDate(new Date(event.startsAt))})`;
}
