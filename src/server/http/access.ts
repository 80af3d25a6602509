/**
 * Every API route declares who may call it, in its `config.access`; nothing else decides. The check
 * runs in `onRequest`, before the body is parsed, so an anonymous or foreign caller learns nothing
 * about the shape of the input, and a route without a declaration refuses to register at all.
 */
import type { Permission } from '#domain/access/roles.ts';

export type RouteAccess =
  /** Anyone, without login; gets the OpenAPI tag `public`. */
  | { kind: 'public' }
  /** Any logged-in user, about themselves. */
  | { kind: 'authenticated' }
  /** Only the national admin (install-wide operations). */
  | { kind: 'national' }
  /** A user who holds `permission` in the region named by the `:regionCode` path parameter. */
  | { kind: 'region'; permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * The route is meant to be called from other sites and devices (a public survey form embedded in a
     * region's website, an Open311 client), so a browser's `Origin` / `Sec-Fetch-Site` from another site
     * is not refused (see cross-site.ts). Such a route must be `public` and never sees the caller's
     * session: a page on another site can then post to it, but never as a logged-in user.
     */
    crossSite?: boolean;
  }
}

export const PUBLIC: RouteAccess = { kind: 'public' };
export const AUTHENTICATED: RouteAccess = { kind: 'authenticated' };
export const NATIONAL: RouteAccess = { kind: 'national' };
export function inRegion(permission: Permission): RouteAccess {
  return { kind: 'region', permission };
}
