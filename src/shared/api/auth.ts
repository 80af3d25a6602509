import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN } from '../../domain/access/password-policy.ts';
import { PERMISSIONS, ROLES } from '../../domain/access/roles.ts';
import { requiredText } from './common.ts';

export const loginBody = z.object({
  username: requiredText('Nama pengguna', 120),
  password: z.string({ error: 'Kata sandi wajib diisi' }).min(1, 'Kata sandi wajib diisi').max(500),
});

export { PASSWORD_MIN };

/**
 * The shape of a new password. The rest of the policy (strength, the username, the demo password)
 * needs the account it is for and the estimator's dictionaries: see domain/access/password-policy.ts,
 * applied by the services and shown by the web app while typing.
 */
export const newPassword = z
  .string({ error: 'Kata sandi baru wajib diisi' })
  .min(PASSWORD_MIN, PASSWORD_MESSAGES.too_short.id)
  .max(PASSWORD_MAX, PASSWORD_MESSAGES.too_long.id);

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Kata sandi lama wajib diisi').max(500),
  newPassword,
});

export const regionRef = z.object({ code: z.string(), name: z.string(), kind: z.string() });

export const meResponse = z
  .object({
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
      role: z.enum(ROLES),
      region: regionRef.nullable(),
      unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
    /** What the caller may do in their own region (empty for the national admin without a region). */
    abilities: z.array(z.enum(PERMISSIONS)),
  })
  .meta({ id: 'Me' });

export type MeResponse = z.infer<typeof meResponse>;
