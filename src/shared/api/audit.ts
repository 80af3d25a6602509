import { z } from 'zod';
import { pageQuery, paged } from './common.ts';

/** The page that shows an audited record (its own, or the record it belongs to). */
export const auditLink = z.object({
  type: z.enum([
    'innovation',
    'assessment',
    'skm_period',
    'complaint',
    'period',
    'event',
    'competition',
    'smartcity_programme',
    'smartcity_masterplan',
  ]),
  id: z.string(),
  /** The tab of that page, where the record sits on one (an IID answer on its innovation's IID tab). */
  tab: z.enum(['iid']).optional(),
});

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
    /** The record in words: its current name (or the one its snapshot kept), and where to open it. */
    record: z.object({ name: z.string().nullable(), link: auditLink.nullable() }),
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
export type AuditLink = z.infer<typeof auditLink>;
