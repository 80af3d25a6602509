/**
 * Building blocks of the HTTP contract, shared by the server (validation, OpenAPI) and the web app
 * (types). Field messages are Indonesian (zod's `id` locale, set in src/shared/zod-locale.ts).
 */
import { z } from 'zod';
import { ERROR_CATALOG, type ErrorCode } from '../errors.ts';

export const regionCodeParam = z.object({
  regionCode: z.string().regex(/^\d{2}(\.\d{2})?$/, 'Kode wilayah berformat 2 digit (provinsi) atau 2.2 digit (kabupaten/kota), mis. 19.71'),
});

export const idParam = z.object({ id: z.uuid('ID tidak valid') });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  q: z.string().trim().max(200).optional(),
});

export const sortOrder = z.enum(['asc', 'desc']).default('asc');

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

const errorCodes = Object.keys(ERROR_CATALOG) as [ErrorCode, ...ErrorCode[]];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      messageEn: z.string(),
      issues: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const okBody = z.object({ ok: z.literal(true) });

/** Trimmed, non-empty text with an Indonesian message naming the field. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} wajib diisi` })
    .trim()
    .min(1, `${label} wajib diisi`)
    .max(max, `${label} paling banyak ${max} karakter`);
}

/** Optional text: blank becomes null. */
export function optionalText(label: string, max = 200) {
  return z
    .string()
    .trim()
    .max(max, `${label} paling banyak ${max} karakter`)
    .nullish()
    .transform((v) => (v ? v : null));
}
