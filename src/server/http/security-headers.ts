/**
 * The browser-side protections every response carries: the web app, its pages, the API and the API
 * docs. The app only ever loads its own scripts and talks to its own server, so anything injected into a
 * page (a name, a description from another user) cannot load or run code; no other page may frame it
 * (clickjacking) or keep a handle on its window; nothing is sniffed into a type we did not send; and the
 * full address of a page (which may name a record) never leaks to another site.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Mantine injects `<style>` elements at run time, hence inline styles; images and fonts may be data
 * URLs (icons) or blobs (previews of a file being uploaded); map tiles come from the one tile server
 * the install names (see `tileSource`).
 */
export function appContentSecurityPolicy(imageSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageSources].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const APP_CONTENT_SECURITY_POLICY = appContentSecurityPolicy();

/** The origin of a tile URL template as a CSP source (`{s}` subdomains become `*`). */
export function tileSource(template: string): string | undefined {
  const origin = /^https?:\/\/[^/]+/.exec(template)?.[0];
  return origin?.replace(/\{s\}/g, '*');
}

function securityHeaders(imageSources: readonly string[]): Readonly<Record<string, string>> {
  return { ...SECURITY_HEADERS, 'content-security-policy': appContentSecurityPolicy(imageSources) };
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': APP_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * A response that sets its own policy (a stored evidence file) keeps it. Such a file is previewed in a
 * frame of our own pages, so unless its policy says otherwise it may be framed by our origin only.
 */
function frameOptionsFor(reply: FastifyReply): string {
  const own = reply.getHeader('content-security-policy');
  if (own === undefined) return 'DENY';
  const ancestors = /(?:^|;)\s*frame-ancestors\s+([^;]*)/i.exec(String(own))?.[1]?.trim();
  return ancestors === "'none'" ? 'DENY' : 'SAMEORIGIN';
}

export function registerSecurityHeaders(app: FastifyInstance, options: { mapTiles?: string } = {}): void {
  const tiles = options.mapTiles ? tileSource(options.mapTiles) : undefined;
  const headers = securityHeaders(tiles ? [tiles] : []);
  app.addHook('onSend', async (_request, reply, payload) => {
    // Decided before the loop adds our own policy.
    const frameOptions = frameOptionsFor(reply);
    for (const [name, value] of Object.entries(headers)) {
      if (reply.hasHeader(name)) continue;
      reply.header(name, name === 'x-frame-options' ? frameOptions : value);
    }
    return payload;
  });
}
