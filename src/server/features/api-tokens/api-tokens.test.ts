/**
 * The region's API tokens through the real HTTP app: the admin issues, lists and revokes them; a token
 * reads what its scope allows in its own region; a revoked, expired, unknown or wrong token is refused;
 * the token is never stored or audited in clear. The route-by-route walk is in test/integration/tenancy.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog, periods } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';
const base = `/api/v1/regions/${HOME}/api-tokens`;

let t: TestApp;
let admin: Client;
let periodId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2026, opensOn: '2026-01-01', closesOn: '2026-12-31', targetTotal: 10 })
    .returning();
  if (!period) throw new Error('no period');
  periodId = period.id;
});
afterAll(() => t.close());

/** A dashboard.read route that exists on every branch: the period's target dashboard. */
const dashboardUrl = () => `/api/v1/regions/${HOME}/periods/${periodId}/dashboard`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function issue(name = 'Layar command center Diskominfo', validDays: number | null = null) {
  const res = await admin.post(base, { name, scopes: ['dashboard.read'], validDays });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string; prefix: string; status: string; expiresAt: string | null };
}

const row = async (id: string) => {
  const [r] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!r) throw new Error('no token row');
  return r;
};

describe('issuing a token', () => {
  it('answers the token once; the list, the row and the audit entry keep only its prefix and hash', async () => {
    const created = await issue();
    expect(created.token).toMatch(/^snrg_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.status).toBe('active');

    const list = (await admin.get(base)).json() as { items: Record<string, unknown>[] };
    const listed = list.items.find((i) => i.id === created.id);
    expect(listed).toMatchObject({ name: 'Layar command center Diskominfo', prefix: created.prefix, scopes: ['dashboard.read'], lastUsedAt: null });
    expect(JSON.stringify(list)).not.toContain(created.token);

    const stored = await row(created.id);
    const secret = created.token.slice(created.prefix.length + 1);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'api_token'), eq(auditLog.entityId, created.id)));
    expect(audit.map((a) => a.action)).toEqual(['api_token.created']);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain(stored.tokenHash);
  });

  it('refuses a missing name, a write permission as scope and an impossible validity, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ name: ' ', scopes: ['dashboard.read'] }, 'name'],
      [{ name: 'Layar', scopes: ['users.write'] }, 'scopes.0'],
      [{ name: 'Layar', scopes: [] }, 'scopes'],
      [{ name: 'Layar', scopes: ['dashboard.read'], validDays: 0 }, 'validDays'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(base, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = res.json().error as { code: string; issues: { field: string; reason: string }[] };
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.issues.map((i) => i.field)).toContain(`body.${field}`);
    }
  });

  it('sets the expiry from the validity in days', async () => {
    const created = await issue('Layar sementara', 30);
    expect(created.expiresAt).not.toBeNull();
    const days = (Date.parse(created.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });
});

describe('a command centre calling with its token', () => {
  it('reads the dashboard of its region and marks the token used, at most once a minute', async () => {
    const created = await issue();
    const res = await anonymous(t.app).request('GET', dashboardUrl(), undefined, bearer(created.token));
    expect(res.statusCode, res.body).toBe(200);
    const firstUse = (await row(created.id)).lastUsedAt;
    expect(firstUse).not.toBeNull();

    await anonymous(t.app).request('GET', dashboardUrl(), undefined, bearer(created.token));
    expect((await row(created.id)).lastUsedAt?.getTime()).toBe(firstUse?.getTime());

    // A minute later, the next call writes again.
    const aMinuteAgo = new Date(Date.now() - 61_000);
    await t.db.update(apiTokens).set({ lastUsedAt: aMinuteAgo }).where(eq(apiTokens.id, created.id));
    await anonymous(t.app).request('GET', dashboardUrl(), undefined, bearer(created.token));
    expect((await row(created.id)).lastUsedAt?.getTime()).toBeGreaterThan(aMinuteAgo.getTime() + 30_000);
  });

  it('is refused with 401 once revoked, and the revocation is audited once', async () => {
    const created = await issue();
    const revoked = await admin.post(`${base}/${created.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedByName: 'Uji admin_daerah' });
    expect((await admin.post(`${base}/${created.id}/revoke`)).json()).toMatchObject({ status: 'revoked' });
    const res = await anonymous(t.app).request('GET', dashboardUrl(), undefined, bearer(created.token));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'api_token'), eq(auditLog.entityId, created.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['api_token.created', 'api_token.revoked']);
    expect((await row(created.id)).revokedBy).not.toBeNull();
  });

  it('is refused with 401 once expired, and the list says so', async () => {
    const created = await issue('Layar kedaluwarsa', 1);
    await t.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.id));
    const res = await anonymous(t.app).request('GET', dashboardUrl(), undefined, bearer(created.token));
    expect(res.statusCode).toBe(401);
    const listed = ((await admin.get(base)).json() as { items: { id: string; status: string }[] }).items.find((i) => i.id === created.id);
    expect(listed?.status).toBe('expired');
  });

  it('is refused with 401 when unknown, wrong or malformed, alike', async () => {
    const created = await issue();
    const wrongSecret = `${created.prefix}_${'A'.repeat(43)}`;
    const unknownId = `snrg_000000000000_${created.token.slice(-43)}`;
    for (const token of [wrongSecret, unknownId, 'snrg_kurang', '', `${created.token}x`]) {
      const res = await anonymous(t.app).request('GET', dashboardUrl(), undefined, bearer(token));
      expect(res.statusCode, token).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('never gets a session: with the admin cookie beside it, the token alone decides', async () => {
    const created = await issue();
    const write = await admin.request('POST', base, { name: 'Lewat cookie', scopes: ['dashboard.read'] }, bearer(created.token));
    expect(write.statusCode).toBe(403);
    const list = await admin.request('GET', base, undefined, bearer(created.token));
    expect(list.statusCode).toBe(403);
    const bad = await admin.request('GET', base, undefined, bearer('snrg_salah'));
    expect(bad.statusCode).toBe(401);
    const me = await admin.request('GET', '/api/v1/auth/me', undefined, bearer(created.token));
    expect(me.statusCode).toBe(403);
  });

  it('is ignored on public routes, and another authorization scheme leaves the session alone', async () => {
    const pub = await anonymous(t.app).request('GET', `/api/v1/public/regions/${HOME}/services`, undefined, bearer('snrg_salah'));
    expect([401, 403]).not.toContain(pub.statusCode);
    const basic = await admin.request('GET', base, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.statusCode).toBe(200);
  });
});

describe('another region', () => {
  it('cannot list or revoke the tokens of this region, and the national admin finds none under the wrong code', async () => {
    const created = await issue();
    const foreign = (await clientFor(t, 'admin_daerah', OTHER)).client;
    expect((await foreign.post(`/api/v1/regions/${OTHER}/api-tokens/${created.id}/revoke`)).statusCode).toBe(404);
    expect((await foreign.get(base)).statusCode).toBe(403);
    const national = (await clientFor(t, 'admin_nasional')).client;
    expect((await national.post(`/api/v1/regions/${OTHER}/api-tokens/${created.id}/revoke`)).statusCode).toBe(404);
    expect((await row(created.id)).revokedAt).toBeNull();
    expect((await admin.post(`${base}/${randomUUID()}/revoke`)).statusCode).toBe(404);
  });
});
