/**
 * Cross-cutting request handling, registered once on the root instance, in the order every request
 * goes through: cross-site check (cross-site.ts) → unstorable text check (text-guard.ts) → session → access check →
 * (schema validation) → handler → error mapping; security headers on every response (security-headers.ts).
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { can, canAccessRegion } from '#domain/access/roles.ts';
import { regions } from '#server/db/schema.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';
import type { RouteAccess } from './access.ts';
import type { SessionActor } from './context.ts';
import { sendError } from './errors.ts';

export const SESSION_COOKIE = 'sinergi_session';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route's input schemas as declared (zod), so tests can derive well-formed and malformed input. */
  input: { params?: unknown; querystring?: unknown; body?: unknown };
}

/** Refuses to register an API route that does not say who may call it, and tags public ones. */
export function enforceAccessDeclarations(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    if (access.kind === 'region' && !route.url.includes(':regionCode')) {
      throw new Error(`Route ${route.url} is regional but has no :regionCode parameter`);
    }
    // Other sites may post to a cross-site route, so it must not act for whoever is logged in.
    if (route.config?.crossSite === true && access.kind !== 'public') {
      throw new Error(`Route ${route.method} ${route.url} accepts cross-site requests, so its access must be public`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const input = { params: route.schema?.params, querystring: route.schema?.querystring, body: route.schema?.body };
    for (const method of methods) if (method !== 'HEAD') registry.push({ method, url: route.url, access, input });
    route.schema =
      access.kind === 'public'
        ? { ...route.schema, tags: [...new Set([...(route.schema?.tags ?? []), 'public'])] }
        : { ...route.schema, security: [{ session: [] }] };
  });
}

function accessOf(request: FastifyRequest): RouteAccess | undefined {
  return request.routeOptions.config.access;
}

/** Finds the actor behind a session token (the auth feature provides it; app.ts wires it in). */
export type SessionResolver = (db: Db, token: string, now: Date) => Promise<SessionActor | null>;

export function registerSessionAndAccess(app: FastifyInstance, resolveSession: SessionResolver): void {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    // A route open to other sites never sees the session, so another page cannot act as the user there.
    const token = request.routeOptions.config.crossSite === true ? undefined : request.cookies[SESSION_COOKIE];
    if (token) {
      request.actor = await resolveSession(app.db, token, new Date());
      if (request.actor) {
        request.log = request.log.child({ userId: request.actor.id, user: request.actor.username });
      }
    }
    const access = accessOf(request);
    if (!access || access.kind === 'public') return;
    const actor = request.actor;
    if (!actor) return sendError(reply, 'UNAUTHENTICATED');
    if (access.kind === 'national' && actor.role !== 'admin_nasional') return sendError(reply, 'FORBIDDEN');
    if (access.kind === 'region') {
      const { regionCode } = request.params as { regionCode?: string };
      if (!regionCode) return sendError(reply, 'NOT_FOUND');
      request.log = request.log.child({ region: regionCode });
      if (!canAccessRegion(actor, regionCode)) return sendError(reply, 'REGION_FORBIDDEN');
      if (!can(actor, access.permission, regionCode)) return sendError(reply, 'FORBIDDEN');
      // The national admin may name any code; make sure it is a real region before anything runs.
      if (actor.role === 'admin_nasional') {
        const [found] = await app.db.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
        if (!found) return sendError(reply, 'NOT_FOUND');
      }
    }
  });
}
