/**
 * The two places the competition routes are mounted: a region's (/api/v1/regions/:regionCode/…, each
 * route with its permission) and the national admin's (/api/v1/national/competitions, no region in the
 * path, the national admin only). On the national mount a hook puts the scope NATIONAL where the
 * handlers read the region, so both mounts share every handler and service, never a copy of them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Permission } from '#domain/access/roles.ts';
import { regionCodeParam } from '#shared/api/common.ts';
import { inRegion, NATIONAL as NATIONAL_ACCESS, type RouteAccess } from '#server/http/access.ts';
import { NATIONAL } from './kompetisi.queries.ts';

export type RouteScope = 'region' | 'national';

export function routeScope(scope: RouteScope) {
  const national = scope === 'national';
  return {
    national,
    // The national path has no region; the schema still says what the path carries.
    scopeParam: (national ? z.object({}) : regionCodeParam) as unknown as typeof regionCodeParam,
    access: (permission: Permission): RouteAccess => (national ? NATIONAL_ACCESS : inRegion(permission)),
    /** On the national mount, names the scope NATIONAL in place of the region the handlers read. */
    nameScope(app: Pick<FastifyInstance, 'addHook'>): void {
      if (!national) return;
      app.addHook('preHandler', async (request) => {
        (request.params as { regionCode?: string }).regionCode = NATIONAL;
      });
    },
  };
}
