/**
 * What a caller gets when something is wrong: one error shape everywhere (code, Indonesian and English
 * message, request id matching the x-request-id header), fields named in validation errors, and no
 * internals leaked. Also the health endpoint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG, type ErrorBody, type ErrorCode } from '../../src/shared/errors.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let pimpinan: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
});
afterAll(() => t.close());

const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;

function rawPost(url: string, payload: string, contentType: string, cookie: string | null = null) {
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
  });
}

/** Checks the shape every error response must have, for the given code. */
function expectCatalogError(res: LightMyRequestResponse, code: ErrorCode, label: string = code) {
  expect(res.statusCode, label).toBe(ERROR_CATALOG[code].status);
  expect(res.headers['content-type'], label).toMatch(/^application\/json/);
  const body = res.json() as ErrorBody;
  expect(Object.keys(body), label).toEqual(['error']);
  expect(body.error.code, label).toBe(code);
  expect(body.error.message, label).toBe(ERROR_CATALOG[code].id);
  expect(body.error.messageEn, label).toBe(ERROR_CATALOG[code].en);
  expect(body.error.requestId, label).toEqual(expect.any(String));
  expect(res.headers['x-request-id'], label).toBe(body.error.requestId);
  // Nothing of the server's insides: no stack, no file paths, no SQL.
  expect(res.body, label).not.toMatch(/stack|\.ts:\d|\.js:\d|node_modules|\bat \w+ \(|select |insert into/i);
}

describe('a request body that is not valid JSON', () => {
  it('is answered with 400 MALFORMED_REQUEST and no stack trace, on a public route', async () => {
    const res = await rawPost('/api/v1/auth/login', '{"username": "admin", "password": ', 'application/json');
    expectCatalogError(res, 'MALFORMED_REQUEST');
    expect(errorOf(res).issues).toBeUndefined();
  });

  it('is answered the same way on a route behind login', async () => {
    const res = await rawPost(`/api/v1/regions/${HOME}/units`, "{kind: 'dinas'}", 'application/json', admin.cookie);
    expectCatalogError(res, 'MALFORMED_REQUEST');
  });

  it('an empty JSON body is malformed too', async () => {
    const res = await rawPost('/api/v1/auth/login', '', 'application/json');
    expectCatalogError(res, 'MALFORMED_REQUEST');
  });
});

describe('a field of the wrong type', () => {
  it('is answered with 400 VALIDATION_FAILED naming each field, with Indonesian reasons', async () => {
    const unit = await makeUnit(t.db, HOME, { kind: 'dinas' });
    const res = await admin.put(`/api/v1/regions/${HOME}/units/${unit.id}`, { kind: 'dinas', name: 42, version: 'satu' });
    expectCatalogError(res, 'VALIDATION_FAILED');
    const issues = errorOf(res).issues ?? [];
    expect(issues.map((i) => i.field).sort()).toEqual(['body.name', 'body.version']);
    const reasons = Object.fromEntries(issues.map((i) => [i.field, i.reason]));
    expect(reasons['body.name']).toBe('Nama unit wajib diisi');
    // zod's Indonesian locale, not its English default ("Invalid input: expected number, received string").
    expect(reasons['body.version']).toMatch(/diharapkan|tidak valid/i);
    expect(reasons['body.version']).not.toMatch(/expected|invalid input/i);
    // Nothing was changed.
    expect((await admin.get(`/api/v1/regions/${HOME}/units/${unit.id}`)).json()).toMatchObject({ name: unit.name, version: 1 });
  });

  it('in the path or the query is named by its place', async () => {
    const badId = await admin.get(`/api/v1/regions/${HOME}/units/bukan-uuid`);
    expectCatalogError(badId, 'VALIDATION_FAILED');
    expect(errorOf(badId).issues).toEqual([{ field: 'params.id', reason: 'ID tidak valid' }]);

    const badPage = await admin.get(`/api/v1/regions/${HOME}/units?page=0`);
    expectCatalogError(badPage, 'VALIDATION_FAILED');
    expect(errorOf(badPage).issues?.map((i) => i.field)).toEqual(['querystring.page']);
  });

  it('on login names the field too', async () => {
    const res = await anonymous(t.app).post('/api/v1/auth/login', { username: ['admin'], password: 12 });
    expectCatalogError(res, 'VALIDATION_FAILED');
    expect(
      errorOf(res)
        .issues?.map((i) => i.field)
        .sort(),
    ).toEqual(['body.password', 'body.username']);
    expect(errorOf(res).issues?.find((i) => i.field === 'body.username')?.reason).toBe('Nama pengguna wajib diisi');
  });
});

describe('an unknown API address', () => {
  it('is answered with 404 ROUTE_NOT_FOUND for any method, logged in or not', async () => {
    for (const [client, method, url] of [
      [anonymous(t.app), 'GET', '/api/v1/tidak-ada'],
      [anonymous(t.app), 'POST', '/api/v2/regions'],
      [admin, 'GET', `/api/v1/regions/${HOME}/tidak-ada`],
      [admin, 'DELETE', '/api/health'],
    ] as const) {
      const res = await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      expectCatalogError(res, 'ROUTE_NOT_FOUND', `${method} ${url}`);
    }
  });
});

describe('every kind of error', () => {
  it('has the same body and carries its request id in the x-request-id header', async () => {
    const unit = await makeUnit(t.db, HOME, { kind: 'dinas' });
    const cases: [ErrorCode, () => Promise<LightMyRequestResponse>][] = [
      ['UNAUTHENTICATED', () => anonymous(t.app).get('/api/v1/auth/me')],
      ['INVALID_CREDENTIALS', () => anonymous(t.app).post('/api/v1/auth/login', { username: 'tidak.ada', password: 'salah-sekali' })],
      ['FORBIDDEN', () => pimpinan.post(`/api/v1/regions/${HOME}/units`, { kind: 'dinas', name: 'Dinas Pimpinan' })],
      ['REGION_FORBIDDEN', () => admin.get(`/api/v1/regions/${OTHER}/units`)],
      ['NOT_FOUND', () => admin.get(`/api/v1/regions/${HOME}/units/00000000-0000-4000-8000-000000000000`)],
      ['STALE_VERSION', () => admin.put(`/api/v1/regions/${HOME}/units/${unit.id}`, { kind: 'dinas', name: unit.name, version: 7 })],
      [
        'UNIT_HAS_CHILDREN',
        async () => {
          await makeUnit(t.db, HOME, { kind: 'upt', parentId: unit.id });
          return admin.delete(`/api/v1/regions/${HOME}/units/${unit.id}`);
        },
      ],
      ['UNSUPPORTED_MEDIA_TYPE', () => rawPost('/api/v1/auth/login', '<login/>', 'application/xml')],
      [
        'PAYLOAD_TOO_LARGE',
        () => rawPost('/api/v1/auth/login', JSON.stringify({ username: 'x', password: 'y'.repeat(1_100_000) }), 'application/json'),
      ],
    ];
    const seen = new Set<string>();
    for (const [code, send] of cases) {
      const res = await send();
      expectCatalogError(res, code);
      seen.add(errorOf(res).requestId ?? '');
    }
    expect(seen.size).toBe(cases.length);
  });

  it('a successful response carries a fresh x-request-id too, and the caller cannot choose it', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'dipilih-penyerang' } });
    const b = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(a.headers['x-request-id']).toEqual(expect.any(String));
    expect(a.headers['x-request-id']).not.toBe('dipilih-penyerang');
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
  });
});

describe('the health endpoint', () => {
  it('answers without login with the status, the kind of database and the version', async () => {
    const res = await anonymous(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(res.json()).toEqual({ status: 'ok', db: t.kind, version: pkg.version });
    expect(['pglite', 'postgres']).toContain(t.kind);
  });
});
