/**
 * How the web app is served: hashed assets cached for a year, the page shell revalidated every time, the
 * precompressed variant the browser accepts (brotli, else gzip, else the file itself), client routes
 * answered with the shell, and unknown API paths or missing assets still a JSON 404. The web app here is a
 * small stand-in written to a temporary folder, laid out as `npm run build` lays out dist/web.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { startTestApp, type TestApp } from '../support/harness.ts';

const ASSET = '/assets/index-Ab12Cd34.js';
const SCRIPT = `console.log(${JSON.stringify('Sinergi '.repeat(400))});\n`;
const SHELL = `<!doctype html><html lang="id"><head><script type="module" src="${ASSET}"></script></head><body><div id="root"></div>${'<!-- -->'.repeat(200)}</body></html>\n`;

let webDir: string;
let t: TestApp;

/** Writes a file with its .br and .gz siblings, as the build does. */
function writeWithVariants(file: string, text: string) {
  writeFileSync(file, text);
  writeFileSync(`${file}.br`, brotliCompressSync(text));
  writeFileSync(`${file}.gz`, gzipSync(text));
}

beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'sinergi-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeWithVariants(path.join(webDir, 'index.html'), SHELL);
  writeWithVariants(path.join(webDir, ASSET), SCRIPT);
  // Small files are not precompressed: they go out as they are.
  writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await startTestApp({ webDir });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

function get(url: string, acceptEncoding?: string) {
  return t.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
}

/** The body as the browser sees it after undoing the content encoding. */
function decoded(res: LightMyRequestResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  expect(encoding).toBeUndefined();
  return res.rawPayload.toString('utf8');
}

describe('a hashed asset', () => {
  it('may be cached for a year, and comes as brotli when the browser accepts it', async () => {
    const res = await get(ASSET, 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(decoded(res)).toBe(SCRIPT);
  });

  it('comes as gzip when the browser accepts only gzip', async () => {
    const res = await get(ASSET, 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(res)).toBe(SCRIPT);
  });

  it('comes as it is when the browser accepts no encoding', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const res = await get(ASSET, acceptEncoding);
      expect(res.statusCode, String(acceptEncoding)).toBe(200);
      expect(res.headers['content-encoding'], String(acceptEncoding)).toBeUndefined();
      expect(res.body, String(acceptEncoding)).toBe(SCRIPT);
      expect(res.headers['content-type'], String(acceptEncoding)).toMatch(/^(text|application)\/javascript/);
    }
  });

  it('that does not exist is a JSON 404, not the page shell', async () => {
    const res = await get('/assets/index-Old00000.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect((res.json() as ErrorBody).error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('the page shell', () => {
  it('is revalidated on every visit, compressed like the assets', async () => {
    for (const [url, encoding] of [
      ['/', 'br'],
      ['/index.html', 'gzip'],
      ['/', undefined],
    ] as const) {
      const res = await get(url, encoding);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe(encoding);
      expect(decoded(res), url).toBe(SHELL);
    }
  });

  it('answers every client route (SPA fallback), revalidated as well', async () => {
    for (const url of ['/login', '/daerah/19.71/inovasi/5f3c?tab=bukti', '/katalog']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(decoded(res), url).toBe(SHELL);
    }
  });

  it('carries the security headers like every other response', async () => {
    const res = await get('/katalog', 'br');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('other files of the web app', () => {
  it('are revalidated (their names do not change with their content) and small ones go out uncompressed', async () => {
    const res = await get('/favicon.svg', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });
});

describe('the API', () => {
  it('answers an unknown path with a JSON 404, whatever the method', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await t.app.inject({ method, url: '/api/v1/does-not-exist', headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode, method).toBe(404);
      expect(res.headers['content-type'], method).toMatch(/^application\/json/);
      expect((res.json() as ErrorBody).error.code, method).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('keeps its own answers: health is JSON, not the page shell', async () => {
    const res = await get('/api/health', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
