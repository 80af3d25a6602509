import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditList, auditQuery } from '#shared/api/audit.ts';
import { regionCodeParam } from '#shared/api/common.ts';
import { inRegion } from '#server/http/access.ts';
import { describeAuditRecords } from './audit-records.ts';
import { listAudit } from './audit.queries.ts';

/** Read-only by design: there is no route that edits or deletes an audit entry. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { access: inRegion('audit.read') },
      schema: {
        summary: 'Log audit daerah, terbaru lebih dulu, dengan filter',
        params: regionCodeParam,
        querystring: auditQuery,
        response: { 200: auditList },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listAudit(app.db, {
        ...q,
        regionCode: request.params.regionCode,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      const records = await describeAuditRecords(app.db, request.params.regionCode, items);
      return {
        items: items.map((e, i) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorUsername: e.actorUsername,
          ip: e.ip,
          userAgent: e.userAgent,
          requestId: e.requestId,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          before: e.before,
          after: e.after,
          record: records[i] ?? { name: null, link: null },
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
};
