import { z } from 'zod';
import { UNIT_KINDS } from '../../domain/units/unit-kinds.ts';
import { optionalText, pageQuery, paged, requiredText, sortOrder } from './common.ts';

export const unitKind = z.enum(UNIT_KINDS, { error: `Jenis unit harus salah satu dari: ${UNIT_KINDS.join(', ')}` });

export const unit = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    parentId: z.string().nullable(),
    parentName: z.string().nullable(),
    kind: unitKind,
    name: z.string(),
    shortName: z.string().nullable(),
    headName: z.string().nullable(),
    childCount: z.number().int(),
    userCount: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' });

export const unitInput = z.object({
  kind: unitKind,
  name: requiredText('Nama unit', 200),
  shortName: optionalText('Singkatan', 40),
  headName: optionalText('Nama kepala', 120),
  parentId: z
    .uuid('Induk tidak valid')
    .nullish()
    .transform((v) => v ?? null),
});

export const unitUpdate = unitInput.extend({
  /** The version the editor loaded; a stale one is refused so no edit silently overwrites another. */
  version: z.number().int().min(1),
});

export const unitListQuery = pageQuery.extend({
  kind: unitKind.optional(),
  parentId: z.uuid().optional(),
  sort: z.enum(['name', 'kind', 'shortName', 'updatedAt']).default('name'),
  order: sortOrder,
});

export const unitList = paged(unit);

export const unitImportRowError = z.object({ row: z.number().int(), field: z.string(), reason: z.string() });

export const unitImportReport = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(unitImportRowError),
  preview: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['create', 'update']),
      kind: z.string(),
      name: z.string(),
      shortName: z.string().nullable(),
      parent: z.string().nullable(),
    }),
  ),
});

export const unitImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Unit = z.infer<typeof unit>;
export type UnitInput = z.input<typeof unitInput>;
export type UnitImportReport = z.infer<typeof unitImportReport>;
