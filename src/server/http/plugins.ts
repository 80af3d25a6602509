/**
 * Cross-cutting request handling, registered once on the root instance, in the order every request
 * goes through: cross-site check (cross-site.ts) → unstorable text check (text-guard.ts) → session or
 * API token → access check → (schema validation) → handler → error mapping; security headers on every
 * response (security-headers.ts).
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { tokenMayCall } from '#domain/access/api-tokens.ts';
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
    // Only a regional read may be opened by an API token (which one, the token's scope decides).
    const isTokenReadable = access.kind === 'region' && methods.every((m) => m === 'GET' || m === 'HEAD');
    route.schema =
      access.kind === 'public'
        ? { ...route.schema, tags: [...new Set([...(route.schema?.tags ?? []), 'public'])] }
        : { ...route.schema, security: isTokenReadable ? [{ session: [] }, { apiToken: [] }] : [{ session: [] }] };
  });
}

function accessOf(request: FastifyRequest): RouteAccess | undefined {
  return request.routeOptions.config.access;
}

/** Finds the actor behind a session token (the auth feature provides it; app.ts wires it in). */
export type SessionResolver = (db: Db, token: string, now: Date) => Promise<SessionActor | null>;

/** A machine calling with an API token (a command-centre screen): no user, no session. */
export interface TokenCaller {
  id: string;
  /** Names the token in logs (`snrg_<public id>`), never its secret. */
  publicId: string;
  name: string;
  regionCode: string;
  scopes: string[];
}

/** Finds the live token behind a bearer header (the api-tokens feature provides it; app.ts wires it in). */
export type TokenResolver = (db: Db, token: string, now: Date) => Promise<TokenCaller | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when an API token opened the request; `actor` is then null. */
    apiToken: TokenCaller | null;
  }
}

/**
 * The token of an `Authorization: Bearer …` header. Other schemes are not ours (a reverse proxy's basic
 * authentication in front of the app may pass its header through) and are left alone.
 */
function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header);
  return match ? (match[1] ?? '').trim() : undefined;
}

export function registerSessionAndAccess(
  app: FastifyInstance,
  resolveSession: SessionResolver,
  resolveToken: TokenResolver = async () => null,
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('apiToken', null);

  app.addHook('onRequest', async (request, reply) => {
    const access = accessOf(request);
    // A bearer token speaks for a machine: the request is the token's alone and never gets a session,
    // even when the browser also sent the session cookie. Public routes ignore the header.
    const bearer = access && access.kind !== 'public' ? bearerOf(request) : undefined;
    if (access && bearer !== undefined) {
      const caller = await resolveToken(app.db, bearer, new Date());
      if (!caller) return sendError(reply, 'UNAUTHENTICATED');
      request.apiToken = caller;
      request.log = request.log.child({ apiToken: caller.publicId, region: caller.regionCode });
      // A token reads regional data only: never an account's own routes, nor national ones.
      if (access.kind !== 'region') return sendError(reply, 'FORBIDDEN');
      const { regionCode } = request.params as { regionCode?: string };
      if (!regionCode) return sendError(reply, 'NOT_FOUND');
      const verdict = tokenMayCall(caller, request.method, regionCode, access.permission);
      if (verdict === 'other_region') return sendError(reply, 'REGION_FORBIDDEN');
      if (verdict !== 'allowed') return sendError(reply, 'FORBIDDEN');
      return;
    }
    // A route open to other sites never sees the session, so another page cannot act as the user there.
    const token = request.routeOptions.config.crossSite === true ? undefined : request.cookies[SESSION_COOKIE];
    if (token) {
      request.actor = await resolveSession(app.db, token, new Date());
      if (request.actor) {
        request.log = request.log.child({ userId: request.actor.id, user: request.actor.username });
      }
    }
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
