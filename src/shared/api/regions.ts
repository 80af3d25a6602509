import { z } from 'zod';
import { PERMISSIONS } from '../../domain/access/roles.ts';

export const regionKind = z.enum(['provinsi', 'kabupaten', 'kota']);

export const region = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: regionKind,
    provinceCode: z.string().nullable(),
  })
  .meta({ id: 'Region' });

export const regionListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, 'Kode provinsi 2 digit')
    .optional(),
  kind: regionKind.optional(),
});

export const regionList = z.object({ items: z.array(region), total: z.number().int() });

export const regionDetail = region.extend({
  province: region.nullable(),
  unitCount: z.number().int(),
  userCount: z.number().int(),
  /** The caller's abilities in this region. */
  abilities: z.array(z.enum(PERMISSIONS)),
});

export type Region = z.infer<typeof region>;
export type RegionDetail = z.infer<typeof regionDetail>;
