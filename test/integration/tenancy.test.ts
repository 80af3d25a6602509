/**
 * Tenancy that cannot leak: walks every API route the app registered (so a new route is covered the
 * day it is added) and checks that an anonymous caller, a user of another region and a user whose role
 * is too weak are refused, while a rightful caller is not.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, rolesWith, type Role } from '../../src/domain/access/roles.ts';
import { enforceAccessDeclarations } from '../../src/server/http/plugins.ts';
import { anonymous, clientFor, makeUnit, type Client, type TestApp, startTestApp } from '../support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let unitId: string;
const clients = new Map<string, Client>();
const key = (role: Role, region: string) => `${role}@${region}`;

beforeAll(async () => {
  t = await startTestApp();
  unitId = (await makeUnit(t.db, HOME)).id;
  for (const role of ROLES) {
    if (role === 'admin_nasional') continue;
    clients.set(key(role, HOME), (await clientFor(t, role, HOME)).client);
  }
  clients.set(key('admin_daerah', OTHER), (await clientFor(t, 'admin_daerah', OTHER)).client);
  clients.set('admin_nasional', (await clientFor(t, 'admin_nasional')).client);
});
afterAll(() => t.close());

function concrete(url: string): string {
  return url
    .replace(':regionCode', HOME)
    .replace(/:id\b/g, unitId)
    .replace(/:[a-zA-Z]+/g, randomUUID());
}

function client(role: Role, region = HOME): Client {
  const c = role === 'admin_nasional' ? clients.get('admin_nasional') : clients.get(key(role, region));
  if (!c) throw new Error(`no client for ${role}`);
  return c;
}

describe('every API route', () => {
  it('is registered with an access declaration (the list is not empty)', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(15);
    expect(t.app.apiRoutes.filter((r) => r.access.kind === 'region').length).toBeGreaterThan(10);
  });

  it('refuses an anonymous caller with 401 unless it is public', async () => {
    for (const route of t.app.apiRoutes) {
      if (route.access.kind === 'public') continue;
      const res = await anonymous(t.app).request(route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a user of another region, even an admin, with 403', async () => {
    for (const route of t.app.apiRoutes) {
      if (route.access.kind !== 'region') continue;
      const res = await client('admin_daerah', OTHER).request(route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code).toBe('REGION_FORBIDDEN');
    }
  });

  it('refuses every role too weak for the route with 403, and lets every strong enough role through', async () => {
    for (const route of t.app.apiRoutes) {
      const { access } = route;
      if (access.kind !== 'region') continue;
      const allowed = rolesWith(access.permission);
      for (const role of ROLES) {
        const res = await client(role).request(route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
        const label = `${role} ${route.method} ${route.url}`;
        if (allowed.includes(role)) {
          expect([401, 403], label).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().error.code, label).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('keeps national routes to the national admin', async () => {
    for (const route of t.app.apiRoutes) {
      if (route.access.kind !== 'national') continue;
      const res = await client('admin_daerah').request(route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('marks exactly the public routes with the OpenAPI tag "public"', async () => {
    const doc = (await anonymous(t.app).get('/api/docs/json')).json() as {
      openapi: string;
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.apiRoutes) {
      const path = route.url.replace(/:([a-zA-Z]+)/g, '{$1}').replace(/\/$/, '') || '/';
      const op = doc.paths[path]?.[route.method.toLowerCase()] ?? doc.paths[`${path}/`]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${path} in OpenAPI`).toBeDefined();
      expect(op?.tags?.includes('public') ?? false, `${route.method} ${path}`).toBe(route.access.kind === 'public');
    }
  });

  it('lets the national admin into any real region and answers 404 for an unknown one', async () => {
    expect((await client('admin_nasional').get(`/api/v1/regions/${OTHER}/units`)).statusCode).toBe(200);
    const res = await client('admin_nasional').get('/api/v1/regions/99.99/units');
    expect(res.statusCode).toBe(404);
  });
});

describe('a regional id from another region', () => {
  it('is not found, even when the caller may read units in their own region', async () => {
    const foreign = await makeUnit(t.db, OTHER);
    const res = await client('admin_daerah').get(`/api/v1/regions/${HOME}/units/${foreign.id}`);
    expect(res.statusCode).toBe(404);
    const put = await client('admin_daerah').put(`/api/v1/regions/${HOME}/units/${foreign.id}`, {
      kind: 'dinas',
      name: 'Diambil alih',
      version: 1,
    });
    expect(put.statusCode).toBe(404);
  });
});

describe('a route without an access declaration', () => {
  it('cannot be registered', () => {
    const app = Fastify();
    enforceAccessDeclarations(app, []);
    expect(() => app.get('/api/v1/forgotten', async () => ({ ok: true }))).toThrow(/declares no config.access/);
    expect(() => app.get('/api/v1/declared', { config: { access: { kind: 'public' } } }, async () => ({ ok: true }))).not.toThrow();
  });
});
