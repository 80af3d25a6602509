/**
 * The contract of the region's API tokens (machine access for a command-centre screen): the admin's
 * list, the form that issues one (the token itself is answered once), and the revocation.
 */
import { z } from 'zod';
import { TOKEN_SCOPES } from '../../domain/access/api-tokens.ts';
import { requiredText } from './common.ts';

export const tokenScope = z.enum(TOKEN_SCOPES, { error: `Cakupan harus salah satu dari: ${TOKEN_SCOPES.join(', ')}` });

/** How long a token may be valid, in days; none means until it is revoked. */
export const TOKEN_VALIDITY_MAX_DAYS = 730;

export const apiTokenInput = z.object({
  name: requiredText('Nama token', 120),
  scopes: z
    .array(tokenScope, { error: 'Cakupan wajib dipilih' })
    .min(1, 'Pilih paling sedikit satu cakupan')
    .transform((s) => [...new Set(s)]),
  validDays: z
    .number({ error: 'Masa berlaku harus angka hari' })
    .int('Masa berlaku harus bilangan bulat hari')
    .min(1, 'Masa berlaku paling sedikit 1 hari')
    .max(TOKEN_VALIDITY_MAX_DAYS, `Masa berlaku paling lama ${TOKEN_VALIDITY_MAX_DAYS} hari`)
    .nullish()
    .transform((v) => v ?? null),
});
export type ApiTokenInput = z.input<typeof apiTokenInput>;

export const apiTokenStatus = z.enum(['active', 'expired', 'revoked']);

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's first characters (`snrg_<public id>`), which name it in the server's log. */
  prefix: z.string(),
  scopes: z.array(z.string()),
  status: apiTokenStatus,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const apiTokenCreated = apiToken.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;

export const apiTokenList = z.object({ items: z.array(apiToken) });
