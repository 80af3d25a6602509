/** The audit log of one region (read-only). */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { auditList, type auditQuery } from '#shared/api/audit.ts';
import { apiPath, getJson } from './http.ts';

export type { AuditItem } from '#shared/api/audit.ts';
export type AuditParams = Partial<z.output<typeof auditQuery>>;

export const auditListQueryOptions = (regionCode: string, params: AuditParams) =>
  queryOptions({
    queryKey: ['regions', regionCode, 'audit', params],
    queryFn: () => getJson(apiPath('regions', regionCode, 'audit'), auditList, params),
    placeholderData: keepPreviousData,
  });
