/**
 * What protects a logged-in user's browser: a page on another port of the same host (same-site, but not
 * our origin) cannot post in their name, nobody can frame the app, every response carries the security
 * headers, a text/plain body is read by no route, and a NUL character (or broken Unicode) anywhere in the
 * input is a 400 naming the field, never a 500 from the database.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Innovation, Period } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { PUBLIC, AUTHENTICATED } from '../../src/server/http/access.ts';
import { registerCrossSiteGuard } from '../../src/server/http/cross-site.ts';
import { registerTextGuard } from '../../src/server/http/text-guard.ts';
import { enforceAccessDeclarations, registerSessionAndAccess } from '../../src/server/http/plugins.ts';
import { anonymous, type Client, clientFor, loginAs, makeUnit, makeUser, startTestApp, type TestApp } from '../support/harness.ts';

const HOME = '19.71';
/** Where the app is reached in these tests, and a page on another port of the same host. */
const HOST = 'sinergi.test:3000';
const OWN = `http://${HOST}`;
const OTHER_PORT = 'http://sinergi.test:8080';

const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;

/** A tiny PDF, different for each name (the same file twice on one innovation is refused as a duplicate). */
const pdf = (name: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${name}\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );

let t: TestApp;
let admin: Client;
let operator: Client;
let nationalAdmin: Client;
let innovationId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  nationalAdmin = (await clientFor(t, 'admin_nasional')).client;
  const unit = await makeUnit(t.db, HOME);
  operator = (await clientFor(t, 'operator', HOME, unit.id)).client;
  const period = await admin.post(`/api/v1/regions/${HOME}/periods`, {
    year: 2026,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    targetTotal: 10,
    minPerUnit: 0,
  });
  expect(period.statusCode, period.body).toBe(201);
  const created = await operator.post(`/api/v1/regions/${HOME}/innovations`, {
    periodId: (period.json() as Period).id,
    name: 'Layanan Uji Keamanan',
  });
  expect(created.statusCode, created.body).toBe(201);
  innovationId = (created.json() as Innovation).id;
});
afterAll(() => t.close());

const evidenceUrl = () => `/api/v1/regions/${HOME}/innovations/${innovationId}/evidence`;

function uploadAs(client: Client, headers: Record<string, string>, fileName = 'bukti.pdf') {
  return client.request('POST', `${evidenceUrl()}/files?${new URLSearchParams({ fileName })}`, pdf(fileName), {
    host: HOST,
    'content-type': 'application/pdf',
    ...headers,
  });
}

async function evidenceCount(): Promise<number> {
  const res = await operator.get(evidenceUrl());
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: unknown[] }).items.length;
}

/** A fresh session, so a test that logs out does not end the session of another. */
async function freshOperator(): Promise<Client> {
  const user = await makeUser(t.db, { role: 'operator', regionCode: HOME });
  return loginAs(t.app, user.username);
}

async function isLoggedIn(client: Client): Promise<boolean> {
  const res = await client.get('/api/v1/auth/me');
  return res.statusCode === 200;
}

function expectRefusedCrossSite(res: LightMyRequestResponse, label: string) {
  expect(res.statusCode, `${label}: ${res.body}`).toBe(403);
  expect(errorOf(res).code, label).toBe('CROSS_SITE_REFUSED');
}

describe('a state-changing request from another origin of the same site', () => {
  it('cannot log the user out: 403, and the session still works', async () => {
    const user = await freshOperator();
    const res = await user.request('POST', '/api/v1/auth/logout', {}, { host: HOST, origin: OTHER_PORT, 'sec-fetch-site': 'same-site' });
    expectRefusedCrossSite(res, 'logout from another port');
    expect(await isLoggedIn(user)).toBe(true);
  });

  it("cannot upload evidence in the user's name: 403, and nothing is stored", async () => {
    const before = await evidenceCount();
    const refused: Array<Record<string, string>> = [
      { origin: OTHER_PORT, 'sec-fetch-site': 'same-site' },
      { origin: OTHER_PORT },
      { origin: 'null' },
      { origin: 'https://sinergi.test:3000' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      expectRefusedCrossSite(await uploadAs(operator, headers), JSON.stringify(headers));
    }
    expect(await evidenceCount()).toBe(before);
  });

  it('is refused for PUT and DELETE too, before the session is even looked at', async () => {
    const unit = await makeUnit(t.db, HOME);
    const put = await admin.request(
      'PUT',
      `/api/v1/regions/${HOME}/units/${unit.id}`,
      { kind: 'dinas', name: 'Diambil alih', version: 1 },
      {
        host: HOST,
        origin: OTHER_PORT,
      },
    );
    expectRefusedCrossSite(put, 'PUT');
    const del = await admin.request('DELETE', `/api/v1/regions/${HOME}/units/${unit.id}`, undefined, { host: HOST, origin: OTHER_PORT });
    expectRefusedCrossSite(del, 'DELETE');
    expect((await admin.get(`/api/v1/regions/${HOME}/units/${unit.id}`)).json()).toMatchObject({ name: unit.name, version: 1 });
  });
});

describe('a request from our own pages, or from no browser page at all', () => {
  it('uploads and logs out from the same origin', async () => {
    const before = await evidenceCount();
    const res = await uploadAs(operator, { origin: OWN, 'sec-fetch-site': 'same-origin' }, 'sama.pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(await evidenceCount()).toBe(before + 1);

    const user = await freshOperator();
    const out = await user.request('POST', '/api/v1/auth/logout', undefined, { host: HOST, origin: OWN, 'sec-fetch-site': 'same-origin' });
    expect(out.statusCode, out.body).toBe(200);
    expect(await isLoggedIn(user)).toBe(false);
  });

  it('passes with the default port written or not, and with Sec-Fetch-Site none (typed by the user)', async () => {
    const user = await freshOperator();
    const res = await user.request('POST', '/api/v1/auth/logout', undefined, {
      host: 'sinergi.test',
      origin: 'http://SINERGI.test:80',
      'sec-fetch-site': 'none',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('passes without Origin and Sec-Fetch-Site (the CLI, a server, a script)', async () => {
    const user = await freshOperator();
    expect((await user.post('/api/v1/auth/logout')).statusCode).toBe(200);
  });

  it('reads are not refused: a GET from another site still works', async () => {
    const res = await anonymous(t.app).request('GET', '/api/v1/public/innovations', undefined, {
      host: HOST,
      origin: 'https://elsewhere.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('behind a reverse proxy', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await startTestApp({ trustProxy: true });
  });
  afterAll(() => proxied.close());

  const login = (app: TestApp['app'], headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tidak.ada', password: 'salah' }, headers });

  it('compares with the address the proxy received when the proxy is trusted', async () => {
    const forwarded = { host: 'internal:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sinergi.example.go.id' };
    // Reaches the login check (401), not refused as cross-site.
    expect((await login(proxied.app, { ...forwarded, origin: 'https://sinergi.example.go.id' })).statusCode).toBe(401);
    expectRefusedCrossSite(await login(proxied.app, { ...forwarded, origin: 'http://sinergi.example.go.id' }), 'http page, https site');
    expectRefusedCrossSite(await login(proxied.app, { ...forwarded, origin: 'http://internal:3000' }), 'the internal address');
  });

  it('ignores forwarded headers when the proxy is not trusted', async () => {
    const forwarded = { host: 'internal:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sinergi.example.go.id' };
    expectRefusedCrossSite(await login(t.app, { ...forwarded, origin: 'https://sinergi.example.go.id' }), 'untrusted forwarded host');
    expect((await login(t.app, { ...forwarded, origin: 'http://internal:3000' })).statusCode).toBe(401);
  });
});

describe('a route declared open to other sites (config.crossSite)', () => {
  async function tinyApp() {
    const app = Fastify();
    await app.register(cookie);
    registerCrossSiteGuard(app);
    registerTextGuard(app);
    enforceAccessDeclarations(app, []);
    registerSessionAndAccess(app, async (_db, token) =>
      token === 'sesi-sah'
        ? { id: 'u1', role: 'operator', regionCode: HOME, unitId: null, username: 'op', displayName: 'Op', sessionId: 's1' }
        : null,
    );
    app.post('/api/v1/public/answers', { config: { access: PUBLIC, crossSite: true } }, async (request) => ({
      actor: request.actor?.username ?? null,
    }));
    app.post('/api/v1/public/other', { config: { access: PUBLIC } }, async (request) => ({ actor: request.actor?.username ?? null }));
    await app.ready();
    return app;
  }

  it('accepts a post from another site, and never sees the session cookie there', async () => {
    const app = await tinyApp();
    const headers = { origin: 'https://portal.example', 'sec-fetch-site': 'cross-site', cookie: 'sinergi_session=sesi-sah' };
    const open = await app.inject({ method: 'POST', url: '/api/v1/public/answers', payload: {}, headers });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toEqual({ actor: null });
    const closed = await app.inject({ method: 'POST', url: '/api/v1/public/other', payload: {}, headers });
    expectRefusedCrossSite(closed, 'undeclared public route');
    // The same cookie is a session on an ordinary route: the cross-site route ignores it on purpose.
    const own = await app.inject({ method: 'POST', url: '/api/v1/public/other', payload: {}, headers: { cookie: 'sinergi_session=sesi-sah' } });
    expect(own.json()).toEqual({ actor: 'op' });
    await app.close();
  });

  it('cannot be declared on a route that needs a login', () => {
    const app = Fastify();
    enforceAccessDeclarations(app, []);
    expect(() => app.post('/api/v1/me/x', { config: { access: AUTHENTICATED, crossSite: true } }, async () => ({}))).toThrow(/must be public/);
  });
});

describe('a text/plain body', () => {
  it('is read by no route: logout with a text body is 415 and the session survives', async () => {
    const user = await freshOperator();
    const res = await user.request('POST', '/api/v1/auth/logout', 'x', { 'content-type': 'text/plain' });
    expect(res.statusCode, res.body).toBe(415);
    expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await isLoggedIn(user)).toBe(true);
  });

  it('does not log anybody in either', async () => {
    const res = await anonymous(t.app).request('POST', '/api/v1/auth/login', JSON.stringify({ username: 'a', password: 'b' }), {
      'content-type': 'text/plain;charset=UTF-8',
    });
    expect(res.statusCode, res.body).toBe(415);
  });
});

describe('security headers', () => {
  function expectHeaders(res: LightMyRequestResponse, label: string) {
    expect(res.headers['content-security-policy'], label).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy'], label).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['content-security-policy'], label).toMatch(/object-src 'none'/);
    expect(res.headers['x-frame-options'], label).toBe('DENY');
    expect(res.headers['x-content-type-options'], label).toBe('nosniff');
    expect(res.headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cross-origin-opener-policy'], label).toBe('same-origin');
  }

  it('are on every API answer: success, errors, refusals, the docs', async () => {
    for (const [label, res] of [
      ['health', await anonymous(t.app).get('/api/health')],
      ['catalogue', await anonymous(t.app).get('/api/v1/public/innovations')],
      ['401', await anonymous(t.app).get(`/api/v1/regions/${HOME}/units`)],
      ['404', await anonymous(t.app).get('/api/v1/tidak-ada')],
      ['400', await admin.get(`/api/v1/regions/${HOME}/units/bukan-uuid`)],
      ['403 cross-site', await admin.request('POST', '/api/v1/auth/logout', undefined, { origin: OTHER_PORT, host: HOST })],
      ['docs', await anonymous(t.app).get('/api/docs/static/index.html')],
      ['docs json', await anonymous(t.app).get('/api/docs/json')],
    ] as const) {
      expect(res.statusCode, label).toBeLessThan(500);
      expectHeaders(res, label);
    }
  });

  it('leave a stored file its own stricter policy, framed by our own pages only (the preview)', async () => {
    const res = await uploadAs(operator, {}, 'pratinjau.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const file = await operator.get(`${evidenceUrl()}/${id}/content`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(file.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  describe('on the web app', () => {
    let web: TestApp;
    let webDir: string;
    beforeAll(async () => {
      webDir = mkdtempSync(path.join(tmpdir(), 'sinergi-web-'));
      mkdirSync(path.join(webDir, 'assets'));
      writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Sinergi</title><div id="root"></div>');
      writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export {};');
      web = await startTestApp({ webDir });
    });
    afterAll(async () => {
      await web.close();
      rmSync(webDir, { recursive: true, force: true });
    });

    it('are on the shell, the client-side pages and the assets', async () => {
      for (const url of ['/', '/index.html', '/inovasi/123', '/katalog?q=x', '/assets/app.js', '/assets/tidak-ada.js']) {
        const res = await anonymous(web.app).get(url);
        expect(res.statusCode, url).toBeLessThan(500);
        expectHeaders(res, url);
      }
      expect((await anonymous(web.app).get('/inovasi/123')).body).toContain('<div id="root">');
    });
  });
});

describe('a NUL character', () => {
  const NUL_REASON = 'Tidak boleh memuat karakter NUL';

  function expectNulRefused(res: LightMyRequestResponse, field: string) {
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(errorOf(res).issues).toEqual([{ field, reason: NUL_REASON }]);
  }

  it('in the query is refused naming the parameter', async () => {
    expectNulRefused(await anonymous(t.app).get('/api/v1/public/innovations?q=pelayanan%00'), 'querystring.q');
    expectNulRefused(await anonymous(t.app).get('/api/v1/regions?q=a&q=b%00'), 'querystring.q.1');
    expectNulRefused(await admin.get(`/api/v1/regions/${HOME}/units?q=%00`), 'querystring.q');
  });

  it('in the path is refused naming the parameter, even before the region is looked up', async () => {
    expectNulRefused(await nationalAdmin.get('/api/v1/regions/19.71%00/units'), 'params.regionCode');
    expectNulRefused(await admin.get(`/api/v1/regions/${HOME}/units/%00`), 'params.id');
  });

  it('in a JSON body is refused at any depth, in values and in keys', async () => {
    expectNulRefused(await anonymous(t.app).post('/api/v1/auth/login', { username: 'admin\u0000', password: 'x' }), 'body.username');
    expectNulRefused(
      await admin.post(`/api/v1/regions/${HOME}/units`, { kind: 'dinas', name: 'Dinas Baru', extra: { list: [{}, { deep: 'a\u0000b' }] } }),
      'body.extra.list.1.deep',
    );
    expectNulRefused(await admin.post(`/api/v1/regions/${HOME}/units`, { kind: 'dinas', name: 'Dinas Baru', extra: { 'k\u0000': 1 } }), 'body.extra');
  });

  it('and half a surrogate pair (broken Unicode, which the audit log cannot store) are refused the same way', async () => {
    const res = await admin.post(`/api/v1/regions/${HOME}/units`, { kind: 'dinas', name: 'Dinas \ud800 Rusak' });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'body.name', reason: 'Memuat karakter Unicode yang rusak (surrogate tanpa pasangan)' }]);
    // A whole pair (an emoji) is ordinary text.
    const emoji = await admin.post(`/api/v1/regions/${HOME}/units`, { kind: 'dinas', name: 'Dinas Senyum \ud83d\ude00' });
    expect(emoji.statusCode, emoji.body).toBe(201);
  });

  it('in the session cookie means no session: 401 on a private route, a public route still answers', async () => {
    const token = admin.cookie?.split('=')[1] ?? '';
    for (const cookieValue of [`sinergi_session=%00`, `sinergi_session=${token}%00`]) {
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieValue } });
      expect(me.statusCode, me.body).toBe(401);
      const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: { cookie: cookieValue } });
      expect(health.statusCode, health.body).toBe(200);
    }
  });
});
