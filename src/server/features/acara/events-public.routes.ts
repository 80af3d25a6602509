/**
 * Public routes of Acara, under /api/v1/public: a region's events with counts only (never anyone's
 * name), the participant's own check-in (the unguessable token in the link authorises it; the public
 * write guard limits the rate and answers a retry with the first answer), and the certificate check.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { certificateCheck, checkinResult, checkinTicket, publicEventList, publicEventQuery } from '#shared/api/events.ts';
import { eventParticipants, events, regions } from '#server/db/schema.ts';
import { PUBLIC } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { publicWrite } from '#server/platform/public-write.ts';
import { checkCertificate, checkInByToken, checkinTicket as ticketOf } from './participants.service.ts';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Tautan kehadiran tidak valid') });
const codeParams = z.object({ code: z.string().trim().min(8).max(12) });

export const eventsPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions/:regionCode/events',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['public'],
        summary: 'Acara daerah per tahun (jumlah peserta saja, tanpa data pribadi)',
        params: regionCodeParam,
        querystring: publicEventQuery,
        response: { 200: publicEventList, 404: errorBody },
      },
    },
    async (request) => {
      const { regionCode } = request.params;
      const [region] = await app.db.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
      if (!region) throw new AppError('NOT_FOUND');
      const year = request.query.year;
      const rows = await app.db
        .select({
          id: events.id,
          title: events.title,
          kind: events.kind,
          topic: events.topic,
          startsAt: events.startsAt,
          place: events.place,
          participants: sql<number>`(select count(*)::int from ${eventParticipants} p where p.event_id = "events"."id")`,
        })
        .from(events)
        .where(
          and(
            eq(events.regionCode, regionCode),
            year === undefined ? undefined : sql`extract(year from (${events.startsAt} at time zone 'Asia/Jakarta')) = ${year}`,
          ),
        )
        .orderBy(asc(events.startsAt))
        .limit(1000);
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          kind: r.kind as z.infer<typeof publicEventList>['items'][number]['kind'],
          topic: r.topic as z.infer<typeof publicEventList>['items'][number]['topic'],
          startsAt: r.startsAt.toISOString(),
          place: r.place ?? 'Daring',
          participants: r.participants,
        })),
      };
    },
  );

  app.get(
    '/event-checkin/:token',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['public'],
        summary: 'Halaman kehadiran pribadi peserta: nama dan acaranya (token pada tautan QR adalah izinnya)',
        params: tokenParams,
        response: { 200: checkinTicket, 404: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return ticketOf(app.db, request.params.token);
    },
  );

  app.post(
    '/event-checkin/:token',
    publicWrite(
      app,
      {
        schema: {
          tags: ['public'],
          summary: 'Konfirmasi kehadiran dengan tautan QR pribadi; dihitung sekali (pindaian berikutnya: "sudah hadir")',
          params: tokenParams,
          response: { 200: checkinResult, 404: errorBody, 409: errorBody, 429: errorBody },
        },
      },
      { honeypot: false },
    ),
    async (request) => checkInByToken(app.db, request.params.token, new Date()),
  );

  app.get(
    '/event-certificates/:code',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['public'],
        summary: 'Periksa keaslian sertifikat acara dari kode verifikasinya',
        params: codeParams,
        response: { 200: certificateCheck, 404: errorBody },
      },
    },
    async (request) => checkCertificate(app.db, request.params.code),
  );
};
