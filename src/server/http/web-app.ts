/**
 * The built web app (dist/web) at `/`, and what answers a path nothing else matched.
 *
 * - Files under /assets/ carry a content hash in their name (Vite): a new build gives new names, so the
 *   browser may keep them for a year without asking again.
 * - index.html (and every client route, which answers with it) names the current assets: the browser
 *   must revalidate it on every visit (`no-cache`: ETag / Last-Modified, usually a 304), or it would keep
 *   loading the previous release.
 * - Text files go out as the `.br` or `.gz` written beside them at build time (vite.config.ts) when the
 *   browser accepts one: no compression work per request, and the strongest compression.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.ts';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(webDir);
  if (hasWeb) {
    const assetsDir = path.join(path.resolve(webDir), 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: webDir,
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      preCompressed: true,
      cacheControl: false,
      // `file` is the file actually sent (index.html.br, for example), under the real root.
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.startsWith(assetsDir) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any non-API GET gets its shell, except a missing asset (an old
    // hashed name after a new release must fail, not come back as HTML the browser cannot run).
    const isPage = !request.url.startsWith('/api') && !request.url.startsWith('/assets/');
    if (hasWeb && request.method === 'GET' && isPage) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendError(reply, 'ROUTE_NOT_FOUND');
  });
}
