import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role } from '#domain/access/roles.ts';
import { errorBody, idParam, okBody, regionCodeParam } from '#shared/api/common.ts';
import { user, userActiveBody, userCreate, userList, userListQuery, userPasswordReset, userUpdate, type User } from '#shared/api/users.ts';
import { inRegion } from '#server/http/access.ts';
import { AppError } from '#server/http/app-error.ts';
import { serviceContext } from '#server/http/context.ts';
import { findUser, listUsers, type UserRow } from './users.queries.ts';
import { createUser, resetUserPassword, setUserActive, updateUser } from './users.service.ts';

const userParams = regionCodeParam.extend(idParam.shape);

function presentUser(row: UserRow, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    regionCode: row.regionCode,
    unitId: row.unitId,
    unitName: row.unitName,
    isActive: row.isActive,
    isLocked: row.lockedUntil !== null && row.lockedUntil > now,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const reload = async (regionCode: string, id: string) => {
    const row = await findUser(app.db, regionCode, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentUser(row, new Date());
  };

  app.get(
    '/',
    {
      config: { access: inRegion('users.read') },
      schema: { summary: 'Daftar akun daerah', params: regionCodeParam, querystring: userListQuery, response: { 200: userList } },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listUsers(app.db, request.params.regionCode, q);
      const now = new Date();
      return { items: items.map((r) => presentUser(r, now)), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/:id',
    {
      config: { access: inRegion('users.read') },
      schema: { summary: 'Satu akun', params: userParams, response: { 200: user, 404: errorBody } },
    },
    async (request) => reload(request.params.regionCode, request.params.id),
  );

  app.post(
    '/',
    {
      config: { access: inRegion('users.write') },
      schema: { summary: 'Buat akun di daerah ini', params: regionCodeParam, body: userCreate, response: { 201: user, 400: errorBody } },
    },
    async (request, reply) => {
      const { regionCode } = request.params;
      const id = await createUser(serviceContext(request), regionCode, request.body);
      return reply.status(201).send(await reload(regionCode, id));
    },
  );

  app.put(
    '/:id',
    {
      config: { access: inRegion('users.write') },
      schema: { summary: 'Ubah akun', params: userParams, body: userUpdate, response: { 200: user, 409: errorBody } },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await updateUser(serviceContext(request), regionCode, id, request.body);
      return reload(regionCode, id);
    },
  );

  app.post(
    '/:id/active',
    {
      config: { access: inRegion('users.write') },
      schema: { summary: 'Aktifkan atau nonaktifkan akun', params: userParams, body: userActiveBody, response: { 200: user } },
    },
    async (request) => {
      const { regionCode, id } = request.params;
      await setUserActive(serviceContext(request), regionCode, id, request.body);
      return reload(regionCode, id);
    },
  );

  app.post(
    '/:id/password',
    {
      config: { access: inRegion('users.write') },
      schema: { summary: 'Setel ulang kata sandi akun', params: userParams, body: userPasswordReset, response: { 200: okBody } },
    },
    async (request) => {
      await resetUserPassword(serviceContext(request), request.params.regionCode, request.params.id, request.body.password);
      return { ok: true as const };
    },
  );
};
