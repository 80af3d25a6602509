import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { abilitiesIn } from '#domain/access/roles.ts';
import { changePasswordBody, loginBody, meResponse } from '#shared/api/auth.ts';
import { errorBody, okBody } from '#shared/api/common.ts';
import { AUTHENTICATED, PUBLIC } from '#server/http/access.ts';
import { originOf, serviceContext } from '#server/http/context.ts';
import { SESSION_COOKIE } from '#server/http/plugins.ts';
import { decoyPasswordHash } from '#server/platform/passwords.ts';
import { changePassword, getMe, login, logout } from './auth.service.ts';

function isSecure(request: FastifyRequest): boolean {
  const mode = request.server.config.secureCookies;
  return mode === 'always' || (mode === 'auto' && request.protocol === 'https');
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request),
    path: '/',
    expires,
  });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Ready before the first login, so the first unknown username is not the one that takes longer.
  await decoyPasswordHash();

  const present = async (request: FastifyRequest) => {
    const ctx = serviceContext(request);
    const me = await getMe(ctx);
    return {
      user: {
        id: me.id,
        username: me.username,
        displayName: me.displayName,
        email: me.email,
        role: ctx.actor.role,
        region: me.regionCode ? { code: me.regionCode, name: me.regionName ?? '', kind: me.regionKind ?? '' } : null,
        unit: me.unitId ? { id: me.unitId, name: me.unitName ?? '' } : null,
      },
      abilities: me.regionCode ? abilitiesIn(ctx.actor, me.regionCode) : [],
    };
  };

  app.post(
    '/login',
    {
      config: {
        access: PUBLIC,
        rateLimit: { max: app.config.loginRatePerMinute, timeWindow: 60_000 },
      },
      schema: {
        summary: 'Masuk dengan nama pengguna (atau surel) dan kata sandi',
        body: loginBody,
        response: { 200: meResponse, 401: errorBody, 423: errorBody },
      },
    },
    async (request, reply) => {
      const c = app.config;
      const result = await login(
        app.db,
        { sessionHours: c.sessionHours, maxFailures: c.loginMaxFailures, lockoutMinutes: c.lockoutMinutes },
        request.body,
        originOf(request),
        new Date(),
      );
      setSessionCookie(request, reply, result.token, result.expiresAt);
      request.actor = result.actor;
      return present(request);
    },
  );

  app.post(
    '/logout',
    { config: { access: AUTHENTICATED }, schema: { summary: 'Keluar (mengakhiri sesi ini)', response: { 200: okBody } } },
    async (request, reply) => {
      await logout(serviceContext(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    { config: { access: AUTHENTICATED }, schema: { summary: 'Pengguna yang sedang masuk', response: { 200: meResponse } } },
    async (request) => present(request),
  );

  app.post(
    '/password',
    {
      config: { access: AUTHENTICATED },
      schema: { summary: 'Ganti kata sandi sendiri', body: changePasswordBody, response: { 200: okBody } },
    },
    async (request) => {
      await changePassword(serviceContext(request), request.body);
      return { ok: true as const };
    },
  );
};
