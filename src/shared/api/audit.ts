import { z } from 'zod';
import { pageQuery, paged } from './common.ts';

export const auditItem = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUsername: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const auditQuery = pageQuery.extend({
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(80).optional(),
  actor: z.string().trim().max(120).optional(),
  from: z.iso.datetime({ offset: true, error: 'Tanggal awal harus berformat ISO 8601' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'Tanggal akhir harus berformat ISO 8601' }).optional(),
});

export const auditList = paged(auditItem);
export type AuditItem = z.infer<typeof auditItem>;
