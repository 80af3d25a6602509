/**
 * A user's own notifications: `/api/v1/me/notifications`. Open to any logged-in user about themselves;
 * the service scopes every query to the caller. authenticate → parse → one service call → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, idParam, okBody } from '#shared/api/common.ts';
import {
  notificationList,
  notificationListQuery,
  notificationPreferences,
  notificationPreferencesInput,
  unreadCount,
} from '#shared/api/notifications.ts';
import { AUTHENTICATED } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { getPreferences, listNotifications, markAllRead, markRead, savePreferences, unreadCountOf } from './notifications.service.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: AUTHENTICATED },
      schema: {
        summary: 'Notifikasi saya: belum dibaca dahulu, terbaru dahulu, per halaman',
        querystring: notificationListQuery,
        response: { 200: notificationList, 400: errorBody },
      },
    },
    async (request) => listNotifications(serviceContext(request), request.query),
  );

  app.get(
    '/unread-count',
    { config: { access: AUTHENTICATED }, schema: { summary: 'Jumlah notifikasi saya yang belum dibaca (lonceng)', response: { 200: unreadCount } } },
    async (request) => {
      const ctx = serviceContext(request);
      return { unread: await unreadCountOf(ctx.db, ctx.actor.id) };
    },
  );

  app.post(
    '/:id/read',
    {
      config: { access: AUTHENTICATED },
      schema: { summary: 'Tandai satu notifikasi saya sudah dibaca', params: idParam, response: { 200: okBody, 404: errorBody } },
    },
    async (request) => {
      await markRead(serviceContext(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/read-all',
    {
      config: { access: AUTHENTICATED },
      schema: {
        summary: 'Tandai semua notifikasi saya sudah dibaca',
        response: { 200: z.object({ ok: z.literal(true), marked: z.number().int() }) },
      },
    },
    async (request) => ({ ok: true as const, marked: await markAllRead(serviceContext(request)) }),
  );

  app.get(
    '/preferences',
    {
      config: { access: AUTHENTICATED },
      schema: {
        summary: 'Pengaturan notifikasi saya: bahasa, e-mail per jenis, segera atau ringkasan harian',
        response: { 200: notificationPreferences },
      },
    },
    async (request) => getPreferences(serviceContext(request), request.server.config.mail !== null),
  );

  app.put(
    '/preferences',
    {
      config: { access: AUTHENTICATED },
      schema: {
        summary: 'Simpan pengaturan notifikasi saya',
        body: notificationPreferencesInput,
        response: { 200: notificationPreferences, 400: errorBody },
      },
    },
    async (request) => {
      const ctx = serviceContext(request);
      await savePreferences(ctx, request.body);
      return getPreferences(ctx, request.server.config.mail !== null);
    },
  );
};
