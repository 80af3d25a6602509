/**
 * Accounts of a region through the HTTP API: creating them (role and unit rules), editing with
 * optimistic locking, deactivating (sessions end at once), resetting a password, and the list.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse } from '#shared/api/auth.ts';
import type { User } from '#shared/api/users.ts';
import type { ErrorBody } from '#shared/errors.ts';
import {
  anonymous,
  type Client,
  clientFor,
  loginAs,
  makeUnit,
  makeUser,
  startTestApp,
  type TestApp,
  TEST_PASSWORD,
} from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';
const NEW_PASSWORD = 'kata-sandi-baru-456';

let t: TestApp;
let admin: Client;
let adminUser: { id: string; username: string; version: number };
let nasional: Client;
let spareRegions: string[] = [];

interface UserList {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
/** Letters only, so names sort the same under every collation. */
const letters = () =>
  randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .padEnd(6, 'x');
const usersUrl = (region = HOME) => `/api/v1/regions/${region}/users`;

function freshRegion(): string {
  const code = spareRegions.shift();
  if (!code) throw new Error('out of spare regions');
  return code;
}

beforeAll(async () => {
  t = await startTestApp();
  const a = await clientFor(t, 'admin_daerah', HOME);
  admin = a.client;
  adminUser = a.user;
  nasional = (await clientFor(t, 'admin_nasional')).client;
  const regions = json<{ items: { code: string }[] }>(await anonymous(t.app).get('/api/v1/regions?kind=kabupaten')).items;
  spareRegions = regions.map((r) => r.code);
});
afterAll(() => t.close());

function login(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
}

async function createViaApi(client: Client, body: Record<string, unknown>, region = HOME): Promise<User> {
  const res = await client.post(usersUrl(region), body);
  expect(res.statusCode, res.body).toBe(201);
  return json<User>(res);
}

function newUserBody(fields: Record<string, unknown> = {}) {
  return { username: `pengguna.${letters()}`, displayName: 'Pengguna Baru', role: 'verifikator', password: NEW_PASSWORD, ...fields };
}

async function getUser(id: string, region = HOME): Promise<User> {
  const res = await admin.get(`${usersUrl(region)}/${id}`);
  expect(res.statusCode).toBe(200);
  return json<User>(res);
}

// ---- creating -----------------------------------------------------------------------------------

describe('creating an account', () => {
  it('creates an operator bound to a unit of the region, who can then log in with their password', async () => {
    const unit = await makeUnit(t.db, HOME, { kind: 'dinas' });
    const username = `operator.${letters()}`;
    const created = await createViaApi(admin, {
      username: `  ${username.toUpperCase()} `,
      displayName: 'Operator Dinas',
      email: `${username}@Contoh.go.id`,
      role: 'operator',
      unitId: unit.id,
      password: NEW_PASSWORD,
    });
    expect(created).toMatchObject({
      username,
      email: `${username}@contoh.go.id`,
      role: 'operator',
      regionCode: HOME,
      unitId: unit.id,
      unitName: unit.name,
      isActive: true,
      isLocked: false,
      lastLoginAt: null,
      version: 1,
    });
    expect(JSON.stringify(created)).not.toMatch(/password|argon/i);

    const res = await login(username, NEW_PASSWORD);
    expect(res.statusCode).toBe(200);
    const me = json<MeResponse>(res);
    expect(me.user).toMatchObject({ username, role: 'operator', unit: { id: unit.id, name: unit.name } });
    expect(me.abilities).toEqual(expect.arrayContaining(['region.read', 'units.read']));
    for (const p of ['units.write', 'users.read', 'users.write', 'audit.read'] as const) expect(me.abilities).not.toContain(p);
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses an operator without a unit, naming body.unitId', async () => {
    const body = newUserBody({ role: 'operator' });
    const res = await admin.post(usersUrl(), body);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'body.unitId', reason: 'Operator wajib terikat pada satu unit' }]);
    expect((await login(body.username, NEW_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses a unit of another region', async () => {
    const foreign = await makeUnit(t.db, OTHER, { kind: 'dinas' });
    const body = newUserBody({ role: 'operator', unitId: foreign.id });
    const res = await admin.post(usersUrl(), body);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'body.unitId', reason: 'Unit tidak ditemukan di daerah ini' }]);
    expect((await login(body.username, NEW_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses a username already taken, whatever its case, even in another region', async () => {
    const existing = await makeUser(t.db, { role: 'juri', regionCode: OTHER, username: `juri.${letters()}` });
    const res = await admin.post(usersUrl(), newUserBody({ username: existing.username.toUpperCase() }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'body.username', reason: 'Nama pengguna tidak tersedia, pilih nama lain' }]);
    // The existing account keeps its password.
    expect((await login(existing.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an email address already taken, whatever its case', async () => {
    const email = `surel.${letters()}@contoh.go.id`;
    await createViaApi(admin, newUserBody({ email }));
    const res = await admin.post(usersUrl(), newUserBody({ email: email.toUpperCase() }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'body.email', reason: 'Alamat surel ini tidak dapat dipakai, gunakan alamat surel lain' }]);
  });

  it('does not let a regional admin create a national admin', async () => {
    const body = newUserBody({ role: 'admin_nasional' });
    const res = await admin.post(usersUrl(), body);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.role']);
    expect((await login(body.username, NEW_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses a short password and a malformed username with Indonesian reasons', async () => {
    const res = await admin.post(usersUrl(), newUserBody({ username: 'a b', password: 'pendek' }));
    expect(res.statusCode).toBe(400);
    const reasons = Object.fromEntries((errorOf(res).issues ?? []).map((i) => [i.field, i.reason]));
    expect(reasons['body.password']).toBe('Kata sandi paling sedikit 10 karakter');
    expect(reasons['body.username']).toMatch(/^Nama pengguna 3–60 karakter/);
  });

  it('is refused to a role without users.write', async () => {
    const { client: pimpinan } = await clientFor(t, 'pimpinan', HOME);
    const body = newUserBody();
    const res = await pimpinan.post(usersUrl(), body);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await pimpinan.get(usersUrl())).statusCode).toBe(403);
    expect((await login(body.username, NEW_PASSWORD)).statusCode).toBe(401);
  });
});

// ---- updating -----------------------------------------------------------------------------------

describe('editing an account', () => {
  it('saves with the loaded version and refuses a stale one without changing anything', async () => {
    const created = await createViaApi(admin, newUserBody({ displayName: 'Nama Awal' }));
    const first = await admin.put(`${usersUrl()}/${created.id}`, {
      displayName: 'Nama Kedua',
      email: null,
      role: 'juri',
      version: created.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<User>(first)).toMatchObject({ displayName: 'Nama Kedua', role: 'juri', version: created.version + 1 });

    const stale = await admin.put(`${usersUrl()}/${created.id}`, { displayName: 'Nama Ketiga', role: 'pimpinan', version: created.version });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('STALE_VERSION');
    expect(await getUser(created.id)).toMatchObject({ displayName: 'Nama Kedua', role: 'juri', version: created.version + 1 });
  });

  it('ends the sessions of a user whose role changes, so the new role applies at once', async () => {
    const created = await createViaApi(admin, newUserBody({ role: 'verifikator' }));
    const session = await loginAs(t.app, created.username, NEW_PASSWORD);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    const res = await admin.put(`${usersUrl()}/${created.id}`, { displayName: created.displayName, role: 'pimpinan', version: created.version });
    expect(res.statusCode).toBe(200);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('does not let an admin change their own role', async () => {
    const me = await getUser(adminUser.id);
    const res = await admin.put(`${usersUrl()}/${adminUser.id}`, { displayName: me.displayName, role: 'pimpinan', version: me.version });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.role']);
    expect((await getUser(adminUser.id)).role).toBe('admin_daerah');
  });

  it('cannot reach an account of another region through this region', async () => {
    const foreign = await makeUser(t.db, { role: 'juri', regionCode: OTHER });
    expect((await admin.get(`${usersUrl()}/${foreign.id}`)).statusCode).toBe(404);
    const res = await admin.put(`${usersUrl()}/${foreign.id}`, { displayName: 'Diambil', role: 'juri', version: foreign.version });
    expect(res.statusCode).toBe(404);
    expect((await admin.post(`${usersUrl()}/${foreign.id}/password`, { password: NEW_PASSWORD })).statusCode).toBe(404);
    expect((await login(foreign.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

// ---- deactivating -------------------------------------------------------------------------------

describe('deactivating an account', () => {
  it('ends its open session at once and refuses its next login with ACCOUNT_INACTIVE', async () => {
    const user = await makeUser(t.db, { role: 'verifikator', regionCode: HOME });
    const session = await loginAs(t.app, user.username);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    const { version } = await getUser(user.id);

    const res = await admin.post(`${usersUrl()}/${user.id}/active`, { isActive: false, version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<User>(res)).toMatchObject({ isActive: false, version: version + 1 });

    const me = await session.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    expect(errorOf(me).code).toBe('UNAUTHENTICATED');
    const again = await login(user.username, TEST_PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(errorOf(again).code).toBe('ACCOUNT_INACTIVE');
    expect(again.cookies.find((c) => c.name === 'sinergi_session')).toBeUndefined();
  });

  it('can be undone: a reactivated account logs in again', async () => {
    const user = await makeUser(t.db, { role: 'juri', regionCode: HOME, isActive: false });
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(403);
    const res = await admin.post(`${usersUrl()}/${user.id}/active`, { isActive: true, version: user.version });
    expect(res.statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a stale version', async () => {
    const user = await makeUser(t.db, { role: 'juri', regionCode: HOME });
    const res = await admin.post(`${usersUrl()}/${user.id}/active`, { isActive: false, version: user.version + 1 });
    expect(res.statusCode).toBe(409);
    expect((await getUser(user.id)).isActive).toBe(true);
  });

  it('is refused to an admin on their own account', async () => {
    const me = await getUser(adminUser.id);
    const res = await admin.post(`${usersUrl()}/${adminUser.id}/active`, { isActive: false, version: me.version });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.isActive']);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await getUser(adminUser.id)).isActive).toBe(true);
  });
});

// ---- resetting a password -----------------------------------------------------------------------

describe('resetting a password', () => {
  it('replaces the old password with the new one and ends the open sessions', async () => {
    const user = await makeUser(t.db, { role: 'verifikator', regionCode: HOME });
    const session = await loginAs(t.app, user.username);

    const res = await admin.post(`${usersUrl()}/${user.id}/password`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const old = await login(user.username, TEST_PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(errorOf(old).code).toBe('INVALID_CREDENTIALS');
    expect((await login(user.username, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a password that is too short and keeps the old one', async () => {
    const user = await makeUser(t.db, { role: 'juri', regionCode: HOME });
    const res = await admin.post(`${usersUrl()}/${user.id}/password`, { password: 'pendek' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['body.password']);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

// ---- listing ------------------------------------------------------------------------------------

describe('the account list', () => {
  async function seedRegion() {
    const region = freshRegion();
    const unit = await makeUnit(t.db, region, { kind: 'dinas' });
    const tag = letters();
    const ani = await createViaApi(
      nasional,
      newUserBody({ username: `ani${tag}`, displayName: 'Zulaikha', role: 'operator', unitId: unit.id }),
      region,
    );
    const budi = await createViaApi(
      nasional,
      newUserBody({ username: `budi${tag}`, displayName: 'Yusuf', role: 'verifikator', email: `kontak${tag}@contoh.go.id` }),
      region,
    );
    const citra = await createViaApi(
      nasional,
      newUserBody({ username: `citra${tag}`, displayName: 'Xaverius', role: 'operator', unitId: unit.id }),
      region,
    );
    const off = await nasional.post(`${usersUrl(region)}/${citra.id}/active`, { isActive: false, version: citra.version });
    expect(off.statusCode).toBe(200);
    return { region, tag, ani, budi, citra };
  }

  const usernames = async (region: string, query: string) => {
    const res = await nasional.get(`${usersUrl(region)}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<UserList>(res).items.map((u) => u.username);
  };

  it('filters by role, by status and by text in the username, name or email', async () => {
    const { region, tag } = await seedRegion();
    expect(await usernames(region, '')).toEqual([`ani${tag}`, `budi${tag}`, `citra${tag}`]);
    expect(await usernames(region, 'role=operator')).toEqual([`ani${tag}`, `citra${tag}`]);
    expect(await usernames(region, 'status=inactive')).toEqual([`citra${tag}`]);
    expect(await usernames(region, 'status=active&role=operator')).toEqual([`ani${tag}`]);
    expect(await usernames(region, 'q=YUSUF')).toEqual([`budi${tag}`]);
    expect(await usernames(region, `q=kontak${tag}`)).toEqual([`budi${tag}`]);
    expect(await usernames(region, `q=citra${tag}`)).toEqual([`citra${tag}`]);
  });

  it('sorts by the chosen column and pages with the total of all matches', async () => {
    const { region, tag } = await seedRegion();
    expect(await usernames(region, 'sort=username&order=desc')).toEqual([`citra${tag}`, `budi${tag}`, `ani${tag}`]);
    expect(await usernames(region, 'sort=displayName')).toEqual([`citra${tag}`, `budi${tag}`, `ani${tag}`]);
    // verifikator after operator; the two operators tie, so only the first place is certain.
    expect((await usernames(region, 'sort=role&order=desc'))[0]).toBe(`budi${tag}`);
    expect((await usernames(region, 'sort=role&order=asc'))[2]).toBe(`budi${tag}`);
    const page2 = json<UserList>(await nasional.get(`${usersUrl(region)}?pageSize=2&page=2`));
    expect(page2.items.map((u) => u.username)).toEqual([`citra${tag}`]);
    expect(page2.total).toBe(3);
  });

  it('never shows a regional admin the accounts of another region', async () => {
    const tag = letters();
    const foreign = await makeUser(t.db, { role: 'verifikator', regionCode: OTHER, username: `asing${tag}` });
    const mine = await makeUser(t.db, { role: 'verifikator', regionCode: HOME, username: `lokal${tag}` });
    const all = json<UserList>(await admin.get(`${usersUrl()}?pageSize=200`));
    expect(all.items.every((u) => u.regionCode === HOME)).toBe(true);
    expect(all.items.map((u) => u.id)).toContain(mine.id);
    expect(all.items.map((u) => u.id)).not.toContain(foreign.id);
    const searched = json<UserList>(await admin.get(`${usersUrl()}?q=${tag}`));
    expect(searched.items.map((u) => u.username)).toEqual([`lokal${tag}`]);
    expect(searched.total).toBe(1);
    expect((await admin.get(`${usersUrl(OTHER)}?q=${tag}`)).statusCode).toBe(403);
  });

  it('shows when an account last logged in', async () => {
    const user = await makeUser(t.db, { role: 'juri', regionCode: HOME });
    expect((await getUser(user.id)).lastLoginAt).toBeNull();
    await loginAs(t.app, user.username);
    expect((await getUser(user.id)).lastLoginAt).not.toBeNull();
  });
});
