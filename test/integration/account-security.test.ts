/**
 * Account security as someone probing it would meet it: a burst of guesses locks the account; the
 * login answers an unknown username, a wrong password and a locked account alike, after the same work;
 * a regional admin cannot learn who has an account in another region; every way of setting a password
 * refuses guessable ones; and deleting a unit that records still name answers why instead of a 500.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_CATALOG, type ErrorBody } from '#shared/errors.ts';
import { verifyPassword } from '#server/platform/passwords.ts';
import { createNationalAdmin } from '../../src/server/cli/create-admin.ts';
import { assessmentItems, assessments, auditLog, frameworkVersions, innovations, periods, users } from '../../src/server/db/schema.ts';
import { type Client, clientFor, loginAs, makeUnit, makeUser, startTestApp, TEST_PASSWORD, type TestApp } from '../support/harness.ts';

// Counts the argon2id verifications a login performs, while still performing them.
vi.mock('#server/platform/passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#server/platform/passwords.ts')>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const HOME = '19.71';
const OTHER = '62.71';
const MAX_FAILURES = 5;
const STRONG = 'jeruk-mangga-pisang-77';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp({ loginMaxFailures: MAX_FAILURES, lockoutMinutes: 15 });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;
/** What a caller can compare between two answers: everything but the request's own id. */
function seen(res: LightMyRequestResponse) {
  const { requestId: _requestId, ...error } = errorOf(res);
  return { status: res.statusCode, error, setsCookie: res.cookies.length > 0, contentType: res.headers['content-type'] };
}
const letters = () =>
  randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .padEnd(6, 'x');

async function lockedUntilOf(id: string) {
  const [row] = await t.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, id));
  return row?.lockedUntil ?? null;
}

async function lockEntries(id: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'user.locked'), eq(auditLog.entityId, id)));
}

// ---- lockout --------------------------------------------------------------------------------------

describe('a burst of wrong passwords for one account', () => {
  it('locks the account even when all guesses arrive at once, and the right password is then refused', async () => {
    const user = await makeUser(t.db, { role: 'verifikator' });
    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => login(user.username, `tebakan-salah-${i}-xx`)));
    expect(burst.map((r) => r.statusCode)).toEqual(Array(15).fill(401));
    expect(await lockedUntilOf(user.id)).not.toBeNull();
    const right = await login(user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(errorOf(right).code).toBe('ACCOUNT_LOCKED');
    // Counted once: the guesses that came after the lock neither extend it nor lock it again.
    expect(await lockEntries(user.id)).toHaveLength(1);
  });

  it('counts each sequential failure once and locks at the limit', async () => {
    const user = await makeUser(t.db, { role: 'juri' });
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect((await login(user.username, `salah-berurutan-${i}`)).statusCode).toBe(401);
      expect(await lockedUntilOf(user.id)).toBeNull();
    }
    expect((await login(user.username, 'salah-terakhir-xx')).statusCode).toBe(401);
    expect(await lockedUntilOf(user.id)).not.toBeNull();
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(423);
  });
});

// ---- enumeration ----------------------------------------------------------------------------------

describe('the login answer', () => {
  it('is the same for an unknown username, a wrong password and a locked account with a wrong password', async () => {
    const user = await makeUser(t.db, { role: 'operator' });
    const locked = await makeUser(t.db, { role: 'operator' });
    await t.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, locked.id));
    const unknown = seen(await login(`tidak.ada.${letters()}`, 'tebakan-salah-123'));
    expect(unknown.status).toBe(401);
    expect(unknown.error.code).toBe('INVALID_CREDENTIALS');
    expect(seen(await login(user.username, 'tebakan-salah-123'))).toEqual(unknown);
    expect(seen(await login(locked.username, 'tebakan-salah-123'))).toEqual(unknown);
    // Only the right password learns of the lock.
    expect(errorOf(await login(locked.username, TEST_PASSWORD)).code).toBe('ACCOUNT_LOCKED');
  });

  it('never shows a lock to guesses, for real and unknown usernames alike', async () => {
    const user = await makeUser(t.db, { role: 'pimpinan' });
    const unknownName = `tidak.ada.${letters()}`;
    const real: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < MAX_FAILURES + 3; i++) {
      real.push(seen(await login(user.username, `salah-${i}-xxxxx`)));
      unknown.push(seen(await login(unknownName, `salah-${i}-xxxxx`)));
    }
    expect(real).toEqual(unknown);
    expect(real.every((r) => (r as { status: number }).status === 401)).toBe(true);
  });

  it('costs the same work on every refused path: one argon2id verification and one update of the accounts', async () => {
    // A statement-level trigger fires for every UPDATE on users, even one that matches no row.
    await t.db.execute(sql`create table if not exists probe_user_updates (n bigserial primary key)`);
    await t.db.execute(
      sql.raw(`create or replace function probe_user_update() returns trigger language plpgsql as $$
        begin insert into probe_user_updates default values; return null; end $$`),
    );
    await t.db.execute(sql`drop trigger if exists probe_user_update on users`);
    await t.db.execute(sql`create trigger probe_user_update after update on users for each statement execute function probe_user_update()`);
    const updates = async () => {
      const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sql`probe_user_updates`);
      return row?.n ?? 0;
    };
    const verify = vi.mocked(verifyPassword);
    const user = await makeUser(t.db, { role: 'operator' });
    const locked = await makeUser(t.db, { role: 'operator' });
    await t.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, locked.id));

    const work = async (username: string) => {
      const [updatesBefore, verificationsBefore] = [await updates(), verify.mock.calls.length];
      await login(username, 'tebakan-salah-123');
      const calls = verify.mock.calls.slice(verificationsBefore);
      return {
        updates: (await updates()) - updatesBefore,
        verifications: calls.length,
        hashKind: calls.map(([hash]) => hash.split('$').slice(0, 4).join('$')),
      };
    };
    try {
      const unknown = await work(`tidak.ada.${letters()}`);
      expect(unknown).toEqual({ updates: 1, verifications: 1, hashKind: ['$argon2id$v=19$m=19456,t=2,p=1'] });
      expect(await work(user.username)).toEqual(unknown);
      expect(await work(locked.username)).toEqual(unknown);
    } finally {
      await t.db.execute(sql`drop trigger if exists probe_user_update on users`);
    }
  });
});

describe('a regional admin creating or editing an account', () => {
  it('hears the same refusal for a username taken in another region as for one taken in their own', async () => {
    const foreign = await makeUser(t.db, { role: 'juri', regionCode: OTHER, username: `asing.${letters()}` });
    const local = await makeUser(t.db, { role: 'juri', regionCode: HOME, username: `lokal.${letters()}` });
    const body = (username: string) => ({ username, displayName: 'Akun Baru', role: 'juri', password: STRONG });
    const foreignClash = await admin.post(`/api/v1/regions/${HOME}/users`, body(foreign.username));
    const localClash = await admin.post(`/api/v1/regions/${HOME}/users`, body(local.username));
    expect(seen(foreignClash)).toEqual(seen(localClash));
    expect(errorOf(foreignClash).issues).toEqual([{ field: 'body.username', reason: 'Nama pengguna tidak tersedia, pilih nama lain' }]);
    expect(JSON.stringify(foreignClash.json())).not.toMatch(new RegExp(`${OTHER}|Palangka|${foreign.id}`, 'i'));
  });

  it('hears the same refusal for an e-mail address used in another region as for one used in their own', async () => {
    const foreignEmail = `asing.${letters()}@palangkaraya.go.id`;
    const localEmail = `lokal.${letters()}@pangkalpinang.go.id`;
    const foreign = await makeUser(t.db, { role: 'juri', regionCode: OTHER });
    const local = await makeUser(t.db, { role: 'juri', regionCode: HOME });
    await t.db.update(users).set({ email: foreignEmail }).where(eq(users.id, foreign.id));
    await t.db.update(users).set({ email: localEmail }).where(eq(users.id, local.id));
    const create = (email: string) =>
      admin.post(`/api/v1/regions/${HOME}/users`, { username: `baru.${letters()}`, email, displayName: 'Akun Baru', role: 'juri', password: STRONG });
    const foreignClash = await create(foreignEmail.toUpperCase());
    expect(seen(foreignClash)).toEqual(seen(await create(localEmail)));
    expect(errorOf(foreignClash).issues).toEqual([
      { field: 'body.email', reason: 'Alamat surel ini tidak dapat dipakai, gunakan alamat surel lain' },
    ]);

    // Editing an account's e-mail to another region's address answers the same.
    const mine = await makeUser(t.db, { role: 'juri', regionCode: HOME });
    const edit = (email: string) =>
      admin.put(`/api/v1/regions/${HOME}/users/${mine.id}`, { email, displayName: 'Uji juri', role: 'juri', unitId: null, version: 1 });
    expect(seen(await edit(foreignEmail))).toEqual(seen(await edit(localEmail)));
    expect(seen(await edit(foreignEmail))).toEqual(seen(foreignClash));
  });
});

// ---- password policy ------------------------------------------------------------------------------

const WEAK = ['aaaaaaaaaa', '1234567890', '          ', 'bismillah123', 'sinergi-demo'];

describe('every way of setting a password refuses a guessable one', () => {
  it('an admin creating an account: weak passwords, the username, and the demo password are refused with what to do', async () => {
    for (const password of WEAK) {
      const username = `lemah.${letters()}`;
      const res = await admin.post(`/api/v1/regions/${HOME}/users`, { username, displayName: 'Akun Lemah', role: 'juri', password });
      expect(res.statusCode, password).toBe(400);
      expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.password']);
      expect(errorOf(res).issues?.[0]?.reason).toMatch(
        password === 'sinergi-demo' ? /^Kata sandi demo tidak boleh dipakai/ : /^Kata sandi terlalu mudah ditebak\./,
      );
      expect((await login(username, password)).statusCode).toBe(401);
    }
    const username = `sendiri.${letters()}`;
    const own = await admin.post(`/api/v1/regions/${HOME}/users`, {
      username,
      displayName: 'Akun Sendiri',
      role: 'juri',
      password: `${username}-2026`,
    });
    expect(errorOf(own).issues).toEqual([
      { field: 'body.password', reason: 'Kata sandi tidak boleh memuat nama pengguna. Pilih kata sandi yang tidak berhubungan dengan akun ini.' },
    ]);
    const ok = await admin.post(`/api/v1/regions/${HOME}/users`, { username, displayName: 'Akun Sendiri', role: 'juri', password: STRONG });
    expect(ok.statusCode).toBe(201);
    expect((await login(username, STRONG)).statusCode).toBe(200);
  });

  it('an admin resetting a password: a weak one is refused and the old one keeps working', async () => {
    const user = await makeUser(t.db, { role: 'verifikator', regionCode: HOME });
    for (const password of [...WEAK, user.username]) {
      const res = await admin.post(`/api/v1/regions/${HOME}/users/${user.id}/password`, { password });
      expect(res.statusCode, password).toBe(400);
      expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.password']);
    }
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/regions/${HOME}/users/${user.id}/password`, { password: STRONG })).statusCode).toBe(200);
    expect((await login(user.username, STRONG)).statusCode).toBe(200);
  });

  it('a user changing their own password: a weak one is refused and the current one keeps working', async () => {
    const user = await makeUser(t.db, { role: 'operator', regionCode: HOME });
    const me = await loginAs(t.app, user.username);
    for (const newPassword of WEAK) {
      const res = await me.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.newPassword']);
    }
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await me.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: STRONG })).statusCode).toBe(200);
    expect((await login(user.username, STRONG)).statusCode).toBe(200);
  });

  it('the CLI creating the first admin: a weak or demo password stops it before any account exists', async () => {
    for (const password of ['1234567890', 'sinergi-demo', 'admin.pusat.2026']) {
      const username = password === 'admin.pusat.2026' ? 'admin.pusat' : `cli.${letters()}`;
      await expect(createNationalAdmin(t.db, { username, name: 'Admin Pusat', password })).rejects.toThrow(/^password: Kata sandi/);
      expect(await t.db.select().from(users).where(eq(users.username, username))).toEqual([]);
    }
    const username = `cli.${letters()}`;
    const id = await createNationalAdmin(t.db, { username, name: 'Admin Pusat', password: STRONG });
    expect(id).toEqual(expect.any(String));
    expect((await login(username, STRONG)).statusCode).toBe(200);
  });
});

// ---- deleting a unit ------------------------------------------------------------------------------

describe('deleting a unit that records still name', () => {
  const unitUrl = (id: string) => `/api/v1/regions/${HOME}/units/${id}`;

  it('answers 409 UNIT_HAS_INNOVATIONS for a unit that proposed an innovation, and keeps it', async () => {
    const unit = await makeUnit(t.db, HOME);
    const [period] = await t.db
      .insert(periods)
      .values({ regionCode: HOME, year: 2031, opensOn: '2031-01-01', closesOn: '2031-12-31', targetTotal: 10 })
      .returning({ id: periods.id });
    if (!period) throw new Error('period not created');
    await t.db.insert(innovations).values({ regionCode: HOME, periodId: period.id, unitId: unit.id, name: 'Layanan Antar Jemput Dokumen' });
    const res = await admin.delete(unitUrl(unit.id));
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({
      code: 'UNIT_HAS_INNOVATIONS',
      message: ERROR_CATALOG.UNIT_HAS_INNOVATIONS.id,
      messageEn: ERROR_CATALOG.UNIT_HAS_INNOVATIONS.en,
    });
    expect((await admin.get(unitUrl(unit.id))).statusCode).toBe(200);
  });

  it('answers 409 UNIT_HAS_ASSESSMENT_ITEMS for a unit assigned an assessment indicator, and keeps it', async () => {
    const unit = await makeUnit(t.db, HOME);
    const [version] = await t.db.select({ id: frameworkVersions.id, frameworkId: frameworkVersions.frameworkId }).from(frameworkVersions).limit(1);
    if (!version) throw new Error('no framework version installed');
    const [assessment] = await t.db
      .insert(assessments)
      .values({ regionCode: HOME, frameworkVersionId: version.id, frameworkId: version.frameworkId, year: 2031 })
      .returning({ id: assessments.id });
    if (!assessment) throw new Error('assessment not created');
    await t.db.insert(assessmentItems).values({ assessmentId: assessment.id, regionCode: HOME, indicatorId: '1', unitId: unit.id });
    const res = await admin.delete(unitUrl(unit.id));
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('UNIT_HAS_ASSESSMENT_ITEMS');
    expect((await admin.get(unitUrl(unit.id))).statusCode).toBe(200);
  });

  it('names children and users with their own codes too', async () => {
    const parent = await makeUnit(t.db, HOME, { kind: 'dinas' });
    await makeUnit(t.db, HOME, { kind: 'upt', parentId: parent.id });
    expect(errorOf(await admin.delete(unitUrl(parent.id))).code).toBe('UNIT_HAS_CHILDREN');
    const staffed = await makeUnit(t.db, HOME);
    await makeUser(t.db, { role: 'operator', regionCode: HOME, unitId: staffed.id });
    expect(errorOf(await admin.delete(unitUrl(staffed.id))).code).toBe('UNIT_HAS_USERS');
  });
});
