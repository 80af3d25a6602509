/**
 * Refuses a state-changing request that a browser sent on behalf of another page. The session cookie is
 * SameSite=Lax, which stops other sites but not another port or subdomain of the same site (a forum on
 * :8080 of the city's server is "same-site"), so a page there could otherwise log a user out or upload a
 * file in their name. Browsers tell us where a request comes from: `Origin` (scheme, host and port of
 * the page) and `Sec-Fetch-Site`. A request with neither header (the CLI, a server, a test) is not from
 * a browser page and passes; a route meant for other sites declares `config.crossSite` (see access.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from './errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What `Sec-Fetch-Site` says for our own pages (`same-origin`) and for what the user typed or bookmarked (`none`). */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/** Scheme, host and port as the request reached us (behind a trusted proxy: as the proxy received it). */
export function ownOrigin(request: FastifyRequest): string | null {
  return normalizedOrigin(`${request.protocol}://${request.host}`);
}

/** `https://Example.org:443` and `https://example.org` are one origin; garbage is no origin at all. */
function normalizedOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Why the request must be refused, or null when it may go on. */
export function crossSiteReason(request: FastifyRequest): string | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  if (request.routeOptions.config.crossSite === true) return null;
  const { origin, 'sec-fetch-site': fetchSite } = request.headers;
  if (origin !== undefined) {
    const own = ownOrigin(request);
    // `Origin: null` (a sandboxed frame, a redirect from elsewhere) is never our own page.
    if (typeof origin !== 'string' || own === null || normalizedOrigin(origin) !== own) return `origin ${String(origin)}`;
  }
  if (fetchSite !== undefined && (typeof fetchSite !== 'string' || !OWN_FETCH_SITES.has(fetchSite))) {
    return `sec-fetch-site ${String(fetchSite)}`;
  }
  return null;
}

/** Registers the check first among the request hooks: nothing (not even the session lookup) runs for a refused request. */
export function registerCrossSiteGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const reason = crossSiteReason(request);
    if (reason === null) return;
    request.log.warn({ reason, host: request.host, protocol: request.protocol }, 'cross-site request refused');
    return sendError(reply, 'CROSS_SITE_REFUSED');
  });
}
