import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { sessions, users } from '../../db/schema.ts';
import { createLogger } from '../../logger.ts';
import { anonymous, loginAs, makeUser, startTestApp, TEST_PASSWORD, type TestApp } from '../../../../test/support/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ loginMaxFailures: 3, lockoutMinutes: 15 });
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who I am', async () => {
    const user = await makeUser(t.db, { role: 'admin_daerah' });
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sinergi_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    expect(res.json().user.username).toBe(user.username);
    expect(res.json().user.region.code).toBe('19.71');
    expect(res.json().abilities).toContain('users.write');
    // The token is stored hashed, never as sent.
    const stored = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored.map((s) => s.id)).not.toContain(cookie?.value);
    expect(stored).toHaveLength(1);
  });

  it('accepts the username in any case and the e-mail address', async () => {
    const user = await makeUser(t.db, { role: 'pimpinan' });
    await t.db.update(users).set({ email: 'sekda@pangkalpinang.go.id' }).where(eq(users.id, user.id));
    expect((await login(user.username.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login('SEKDA@pangkalpinang.go.id', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const user = await makeUser(t.db, { role: 'juri' });
    const unknown = await login('tidak.ada', 'apa-saja-123');
    const wrong = await login(user.username, 'salah-sekali-123');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('locks the account after repeated failures, even for the right password, and records it', async () => {
    const user = await makeUser(t.db, { role: 'operator' });
    expect((await login(user.username, 'salah-1-xxxxx')).statusCode).toBe(401);
    expect((await login(user.username, 'salah-2-xxxxx')).statusCode).toBe(401);
    // The failure that locks answers like any wrong password: only the right password learns of the lock.
    const third = await login(user.username, 'salah-3-xxxxx');
    expect(third.statusCode).toBe(401);
    expect(third.json().error.code).toBe('INVALID_CREDENTIALS');
    const right = await login(user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    // When the lock has passed, the right password works again.
    await t.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const admin = await loginAs(t.app, (await makeUser(t.db, { role: 'admin_daerah' })).username);
    const audit = await admin.get(`/api/v1/regions/19.71/audit?action=user.locked&q=${user.id}`);
    expect(audit.json().total).toBe(1);
  });

  it('refuses a deactivated account', async () => {
    const user = await makeUser(t.db, { role: 'verifikator', isActive: false });
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_INACTIVE');
  });

  it('answers 400 naming the missing field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ field: 'body.password', reason: 'Kata sandi wajib diisi' }]);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const proxied = await startTestApp({ trustProxy: true });
    try {
      const user = await makeUser(proxied.db, { role: 'juri' });
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.cookies.find((c) => c.name === 'sinergi_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });
});

describe('session', () => {
  it('ends at logout', async () => {
    const user = await makeUser(t.db, { role: 'juri' });
    const c = await loginAs(t.app, user.username);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('is refused once expired', async () => {
    const user = await makeUser(t.db, { role: 'juri' });
    const c = await loginAs(t.app, user.username);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('is shared by every app instance on the same database (no state in the process)', async () => {
    const user = await makeUser(t.db, { role: 'pimpinan' });
    const c = await loginAs(t.app, user.username);
    const second = await buildApp({ config: t.app.config, database: t.database, logger: createLogger('silent') });
    try {
      const res = await second.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: c.cookie ?? '' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.id).toBe(user.id);
    } finally {
      await second.close();
    }
  });

  it('is refused for a garbage cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'sinergi_session=garbage' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('needs the current password, then ends the other sessions but keeps this one', async () => {
    const user = await makeUser(t.db, { role: 'operator' });
    const here = await loginAs(t.app, user.username);
    const elsewhere = await loginAs(t.app, user.username);
    const wrong = await here.post('/api/v1/auth/password', { currentPassword: 'bukan-ini-123', newPassword: 'kata-sandi-baru-456' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const short = await here.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'pendek' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues[0].field).toBe('body.newPassword');
    const ok = await here.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'kata-sandi-baru-456' });
    expect(ok.statusCode).toBe(200);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, 'kata-sandi-baru-456')).statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts from one address', async () => {
    const limited = await startTestApp({ loginRatePerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
      const res = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } });
      expect(res.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});

describe('anonymous', () => {
  it('gets 401 on me', async () => {
    expect((await anonymous(t.app).get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
