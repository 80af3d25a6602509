import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.ts';
import { newPassword } from './auth.ts';
import { pageQuery, paged, requiredText, sortOrder } from './common.ts';

export const role = z.enum(ROLES, { error: `Peran harus salah satu dari: ${ROLES.join(', ')}` });

export const user = z
  .object({
    id: z.string(),
    username: z.string(),
    email: z.string().nullable(),
    displayName: z.string(),
    role,
    regionCode: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    isActive: z.boolean(),
    isLocked: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

const username = z
  .string({ error: 'Nama pengguna wajib diisi' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,59}$/, 'Nama pengguna 3–60 karakter: huruf kecil, angka, titik, garis bawah atau strip');

const email = z
  .email('Alamat surel tidak valid')
  .max(200)
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v ? v.toLowerCase() : null));

export const userCreate = z.object({
  username,
  email,
  displayName: requiredText('Nama lengkap', 120),
  role,
  unitId: z
    .uuid('Unit tidak valid')
    .nullish()
    .transform((v) => v ?? null),
  password: newPassword,
});

export const userUpdate = z.object({
  email,
  displayName: requiredText('Nama lengkap', 120),
  role,
  unitId: z
    .uuid('Unit tidak valid')
    .nullish()
    .transform((v) => v ?? null),
  version: z.number().int().min(1),
});

export const userActiveBody = z.object({ isActive: z.boolean(), version: z.number().int().min(1) });

export const userPasswordReset = z.object({ password: newPassword });

export const userListQuery = pageQuery.extend({
  role: role.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('all'),
  sort: z.enum(['username', 'displayName', 'role', 'createdAt', 'lastLoginAt']).default('username'),
  order: sortOrder,
});

export const userList = paged(user);

export type User = z.infer<typeof user>;
export type UserCreate = z.input<typeof userCreate>;
