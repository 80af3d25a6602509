/**
 * Innovations through the HTTP API: proposing, who sees what, autosave guarded by version,
 * completeness on submit, every workflow transition and each forbidden one (wrong role, wrong region,
 * wrong state), concurrent edits and reviews, carrying over into a later period, duplicate hints, the
 * audit trail, and the list's search, filters, sort and pages.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditItem } from '#shared/api/audit.ts';
import type { Innovation, InnovationSummary, innovationFields, Period, similarInnovation } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { attachments } from '#server/db/schema.ts';
import { type Client, clientFor, loginAs, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let verifier: Client;
let pimpinan: Client;
let otherAdmin: Client;
let otherVerifier: Client;
let period2024: Period;
let period2025: Period;
let period2026: Period;
let otherPeriod: Period;

type Profile = z.input<typeof innovationFields>;
type Similar = z.infer<typeof similarInnovation>;
interface TransitionResult {
  innovation: Innovation;
  similar: Similar[];
}
interface InnovationList {
  items: InnovationSummary[];
  total: number;
  page: number;
  pageSize: number;
}
type Body = Record<string, unknown>;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const fieldsOf = (res: LightMyRequestResponse) => (errorOf(res).issues ?? []).map((i) => i.field);
const innovationsUrl = (region = HOME) => `/api/v1/regions/${region}/innovations`;
const innovationUrl = (id: string, region = HOME) => `${innovationsUrl(region)}/${id}`;
const uniqueName = (prefix = 'Inovasi') => `${prefix} ${randomUUID().slice(0, 8)}`;

const WORDS = ['warga', 'mendaftar', 'antrean', 'melalui', 'aplikasi', 'lalu', 'petugas', 'memeriksa', 'berkas', 'secara', 'daring', 'sehingga'];
/** Exactly `n` words as the word counter counts them. */
const words = (n: number) => Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(' ');

/** Every field that submission requires, with a 320-word rancang bangun. */
function completeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: uniqueName('Inovasi Lengkap'),
    tahapan: 'penerapan',
    inisiator: 'opd',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    urusanUtama: 'kesehatan',
    urusanIrisan: ['kominfo'],
    tematik: 'digitalisasi_layanan',
    waktuUjiCoba: '2024-02-01',
    waktuPenerapan: '2024-07-01',
    rancangBangun: words(320),
    tujuan: 'Memangkas waktu tunggu pasien di puskesmas.',
    manfaat: 'Pasien tidak perlu datang pagi-pagi untuk mengambil nomor antrean.',
    hasil: 'Waktu tunggu rata-rata turun dari 90 menit menjadi 25 menit.',
    latitude: -2.129,
    longitude: 106.113,
    contactName: 'Siti Rahmawati',
    contactPhone: '081234567890',
    contactEmail: 'siti@example.go.id',
    ...overrides,
  };
}

const PROFILE_KEYS = [
  'name',
  'tahapan',
  'inisiator',
  'jenis',
  'bentuk',
  'urusanUtama',
  'urusanIrisan',
  'tematik',
  'waktuUjiCoba',
  'waktuPenerapan',
  'rancangBangun',
  'tujuan',
  'manfaat',
  'hasil',
  'latitude',
  'longitude',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const;

/** The full profile as the form holds it after loading: what an autosave PUT sends back. */
function profileOf(i: Innovation): Body {
  return Object.fromEntries(PROFILE_KEYS.map((k) => [k, i[k]]));
}

// ---- actors --------------------------------------------------------------------------------------

async function newOperator(region = HOME) {
  const { user, client } = await clientFor(t, 'operator', region);
  if (!user.unitId) throw new Error('operator without a unit');
  return { client, unitId: user.unitId, username: user.username };
}

// ---- innovation helpers --------------------------------------------------------------------------

async function propose(client: Client, body: Body = {}, region = HOME): Promise<Innovation> {
  const res = await client.post(innovationsUrl(region), { periodId: period2025.id, name: uniqueName(), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json<Innovation>(res);
}

async function read(client: Client, id: string, region = HOME): Promise<Innovation> {
  const res = await client.get(innovationUrl(id, region));
  expect(res.statusCode, res.body).toBe(200);
  return json<Innovation>(res);
}

function save(client: Client, i: Innovation, changes: Body = {}, version = i.version) {
  return client.put(innovationUrl(i.id), { ...profileOf(i), ...changes, version });
}

function act(client: Client, i: Innovation, body: Body) {
  return client.post(`${innovationUrl(i.id)}/transition`, { version: i.version, ...body });
}

async function step(client: Client, i: Innovation, body: Body): Promise<TransitionResult> {
  const res = await act(client, i, body);
  expect(res.statusCode, res.body).toBe(200);
  return json<TransitionResult>(res);
}

const RETURN = { action: 'return', notes: { rancangBangun: 'Jelaskan alur layanan sebelum dan sesudah inovasi.' } };
const REJECT = { action: 'reject', reason: 'Bukan inovasi: layanan ini sudah berjalan sejak 2010.' };

type State = Innovation['status'];

/** An innovation of the operator's unit brought into `state` through the API. */
async function inState(operator: Client, state: State, profile: Partial<Profile> = {}): Promise<Innovation> {
  const draft = await propose(operator, completeProfile(profile));
  if (state === 'draft') return draft;
  const submitted = (await step(operator, draft, { action: 'submit' })).innovation;
  if (state === 'diajukan') return submitted;
  if (state === 'dikembalikan') return (await step(verifier, submitted, RETURN)).innovation;
  if (state === 'terverifikasi') return (await step(verifier, submitted, { action: 'verify' })).innovation;
  return (await step(verifier, submitted, REJECT)).innovation;
}

async function auditOf(id: string): Promise<AuditItem[]> {
  const res = await admin.get(`/api/v1/regions/${HOME}/audit?entityType=innovation&q=${id}&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: AuditItem[] }>(res).items;
}

async function list(client: Client, query: string): Promise<InnovationList> {
  const res = await client.get(`${innovationsUrl()}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<InnovationList>(res);
}

/**
 * Fires requests at one row at the same moment. On a Postgres server the row is held locked until every
 * request waits for it, so all of them have read the same version before any writes: the real race,
 * made certain instead of likely. PGlite has a single connection and serialises them by itself.
 */
async function race(table: 'innovations' | 'periods', id: string, requests: (() => Promise<LightMyRequestResponse>)[]) {
  if (t.kind !== 'postgres') return Promise.all(requests.map((r) => r()));
  let pending: Promise<LightMyRequestResponse[]> | undefined;
  await t.db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${sql.identifier(table)} where id = ${id} for update`);
    pending = Promise.all(requests.map((r) => r()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const result = await t.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      const [row] = (result as unknown as { rows: { n: number }[] }).rows;
      if ((row?.n ?? 0) >= requests.length) break;
      if (Date.now() > deadline) throw new Error('the racing requests never waited for the row');
    }
  });
  if (!pending) throw new Error('requests not sent');
  return pending;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  verifier = (await clientFor(t, 'verifikator', HOME)).client;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  otherVerifier = (await clientFor(t, 'verifikator', OTHER)).client;
  const open = async (client: Client, year: number, region = HOME) => {
    const res = await client.post(`/api/v1/regions/${region}/periods`, {
      year,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-11-30`,
      targetTotal: 100,
      minPerUnit: 1,
      countsSubUnits: false,
    });
    if (res.statusCode !== 201) throw new Error(`period ${year}: ${res.body}`);
    return json<Period>(res);
  };
  period2024 = await open(admin, 2024);
  period2025 = await open(admin, 2025);
  period2026 = await open(admin, 2026);
  otherPeriod = await open(otherAdmin, 2025, OTHER);
});
afterAll(() => t.close());

// ---- proposing -----------------------------------------------------------------------------------

describe('proposing an innovation', () => {
  it('lets an operator propose for their own unit without naming it: a draft with a "created" timeline entry', async () => {
    const op = await newOperator();
    const res = await op.client.post(innovationsUrl(), { periodId: period2025.id, name: 'Sistem Antrean Puskesmas', tahapan: 'inisiatif' });
    expect(res.statusCode, res.body).toBe(201);
    const created = json<Innovation>(res);
    expect(created).toMatchObject({
      regionCode: HOME,
      periodId: period2025.id,
      year: 2025,
      unitId: op.unitId,
      status: 'draft',
      name: 'Sistem Antrean Puskesmas',
      tahapan: 'inisiatif',
      version: 1,
      previousId: null,
      nextId: null,
      submittedAt: null,
      verifiedAt: null,
    });
    expect(created.timeline).toHaveLength(1);
    expect(created.timeline[0]).toMatchObject({ action: 'created', fromStatus: null, toStatus: 'draft', actorName: 'Uji operator' });
    expect(await read(op.client, created.id)).toEqual(created);
  });

  it('refuses an operator who names another unit (403) and creates nothing there', async () => {
    const op = await newOperator();
    const elsewhere = await makeUnit(t.db, HOME);
    const res = await op.client.post(innovationsUrl(), { periodId: period2025.id, unitId: elsewhere.id, name: uniqueName() });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await list(admin, `unitId=${elsewhere.id}`)).total).toBe(0);
  });

  it('makes a regional admin name the unit, which must be of the region', async () => {
    const missing = await admin.post(innovationsUrl(), { periodId: period2025.id, name: uniqueName() });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).issues).toContainEqual({ field: 'body.unitId', reason: 'Pilih unit pengusul' });

    const foreignUnit = await makeUnit(t.db, OTHER);
    const foreign = await admin.post(innovationsUrl(), { periodId: period2025.id, unitId: foreignUnit.id, name: uniqueName() });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).issues).toContainEqual({ field: 'body.unitId', reason: 'Unit tidak ditemukan di daerah ini' });

    const unit = await makeUnit(t.db, HOME);
    const created = await propose(admin, { unitId: unit.id });
    expect(created).toMatchObject({ unitId: unit.id, unitName: unit.name, status: 'draft' });
  });

  it('refuses a period of another region', async () => {
    const op = await newOperator();
    const res = await op.client.post(innovationsUrl(), { periodId: otherPeriod.id, name: uniqueName() });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({ field: 'body.periodId', reason: 'Periode tidak ditemukan di daerah ini' });
    expect((await list(op.client, '')).total).toBe(0);
  });

  it('explains invalid fields in Indonesian, naming each field', async () => {
    const op = await newOperator();
    const res = await op.client.post(innovationsUrl(), {
      periodId: period2025.id,
      name: '   ',
      tahapan: 'percontohan',
      urusanUtama: 'olahraga_ekstrem',
      urusanIrisan: ['kesehatan', 'antariksa'],
      waktuUjiCoba: '31-12-2024',
      contactEmail: 'bukan-surel',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(errorOf(res).issues).toEqual(
      expect.arrayContaining([
        { field: 'body.name', reason: 'Nama inovasi wajib diisi' },
        { field: 'body.tahapan', reason: 'Tahapan harus inisiatif, uji coba atau penerapan' },
        { field: 'body.urusanUtama', reason: 'Urusan tidak dikenal' },
        { field: 'body.urusanIrisan.1', reason: 'Urusan tidak dikenal' },
        { field: 'body.waktuUjiCoba', reason: 'Tanggal harus berformat YYYY-MM-DD' },
        { field: 'body.contactEmail', reason: 'Alamat surel tidak valid' },
      ]),
    );
    expect(fieldsOf(res)).not.toContain('body.urusanIrisan.0');
    expect((await list(op.client, '')).total).toBe(0);
  });

  it.each(['verifikator', 'pimpinan'] as const)('is refused to a %s (403)', async (role) => {
    const { client } = await clientFor(t, role, HOME);
    const unit = await makeUnit(t.db, HOME);
    const res = await client.post(innovationsUrl(), { periodId: period2025.id, unitId: unit.id, name: uniqueName() });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await list(admin, `unitId=${unit.id}`)).total).toBe(0);
  });
});

// ---- visibility ----------------------------------------------------------------------------------

describe('who sees which innovations', () => {
  it('shows an operator only the innovations of their own unit', async () => {
    const a = await newOperator();
    const b = await newOperator();
    const mine = await propose(a.client);
    const theirs = await propose(b.client);

    const listed = await list(a.client, 'pageSize=200');
    expect(listed.items.map((i) => i.id)).toContain(mine.id);
    expect(listed.items.every((i) => i.unitId === a.unitId)).toBe(true);
    expect(listed.total).toBe(1);
    expect((await list(a.client, `unitId=${b.unitId}`)).total).toBe(0);

    for (const res of [
      await a.client.get(innovationUrl(theirs.id)),
      await a.client.get(`${innovationUrl(theirs.id)}/similar`),
      await save(a.client, theirs, { name: 'Diambil alih' }),
      await act(a.client, theirs, { action: 'submit' }),
      await a.client.post(`${innovationUrl(theirs.id)}/carry-over`, { periodId: period2026.id, developmentNote: 'Dicoba' }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(errorOf(res).code).toBe('NOT_FOUND');
    }
    expect(await read(b.client, theirs.id)).toMatchObject({ name: theirs.name, version: 1 });
  });

  it('shows verifiers and leaders every unit of the region', async () => {
    const a = await newOperator();
    const b = await newOperator();
    const first = await propose(a.client);
    const second = await propose(b.client);
    for (const client of [verifier, pimpinan, admin]) {
      expect((await list(client, `unitId=${a.unitId}`)).items.map((i) => i.id)).toEqual([first.id]);
      expect((await list(client, `unitId=${b.unitId}`)).items.map((i) => i.id)).toEqual([second.id]);
      expect((await read(client, second.id)).name).toBe(second.name);
    }
  });

  it('refuses the admin of another region (403 REGION_FORBIDDEN) and a juri (403)', async () => {
    const op = await newOperator();
    const i = await propose(op.client);
    const juri = (await clientFor(t, 'juri', HOME)).client;
    for (const url of [innovationsUrl(), innovationUrl(i.id)]) {
      const foreign = await otherAdmin.get(url);
      expect(foreign.statusCode, url).toBe(403);
      expect(errorOf(foreign).code).toBe('REGION_FORBIDDEN');
      const weak = await juri.get(url);
      expect(weak.statusCode, url).toBe(403);
      expect(errorOf(weak).code).toBe('FORBIDDEN');
    }
  });

  it("does not find an innovation of this region under another region code, even for that region's admin", async () => {
    const op = await newOperator();
    const i = await propose(op.client);
    const res = await otherAdmin.get(innovationUrl(i.id, OTHER));
    expect(res.statusCode).toBe(404);
    const foreignList = await otherAdmin.get(`${innovationsUrl(OTHER)}?pageSize=200`);
    expect(foreignList.statusCode).toBe(200);
    expect(json<InnovationList>(foreignList).items.map((x) => x.id)).not.toContain(i.id);
  });
});

// ---- autosave ------------------------------------------------------------------------------------

describe('saving the profile', () => {
  it('saves with the loaded version, then refuses that old version (409 STALE_VERSION) and keeps the first edit', async () => {
    const op = await newOperator();
    const i = await propose(op.client, { tujuan: 'Awal' });
    const first = await save(op.client, i, { tujuan: 'Versi tab pertama' });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<Innovation>(first)).toMatchObject({ tujuan: 'Versi tab pertama', version: i.version + 1, status: 'draft' });

    const second = await save(op.client, i, { tujuan: 'Versi tab kedua' });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe('STALE_VERSION');
    expect(errorOf(second).message).toMatch(/diubah orang lain/);
    expect(await read(op.client, i.id)).toMatchObject({ tujuan: 'Versi tab pertama', version: i.version + 1 });
  });

  it('keeps the version when nothing changed', async () => {
    const op = await newOperator();
    const i = await propose(op.client, completeProfile());
    const res = await save(op.client, i);
    expect(res.statusCode, res.body).toBe(200);
    const after = json<Innovation>(res);
    expect(after.version).toBe(i.version);
    expect(after.updatedAt).toBe(i.updatedAt);
    expect((await auditOf(i.id)).filter((e) => e.action === 'innovation.updated')).toHaveLength(0);
  });

  // App bug: updateInnovation (innovations.service.ts:186) diffs the raw input against the stored row,
  // but the row is stored normalised by toColumns (coordinates rounded to 6 decimals, the main urusan
  // dropped from urusanIrisan). Saving the same form again counts as a change: a new version, an audit
  // entry, and a verified innovation sent back for review although nothing stored changed.
  it('treats a form that only repeats what is stored as no change, even after normalisation', async () => {
    const op = await newOperator();
    const verified = await inState(op.client, 'terverifikasi', { urusanUtama: 'kesehatan', urusanIrisan: ['kominfo'], latitude: -2.129 });
    const mine = await read(op.client, verified.id);
    const form = { latitude: -2.12900004, urusanIrisan: ['kominfo', 'kesehatan'] };
    const res = await save(op.client, mine, form);
    expect([200, 400]).toContain(res.statusCode);
    expect(await read(op.client, verified.id)).toMatchObject({
      status: 'terverifikasi',
      version: verified.version,
      latitude: -2.129,
      urusanIrisan: ['kominfo'],
    });
  });

  it.each(['diajukan', 'ditolak'] as const)('refuses an edit while %s (409 INNOVATION_NOT_EDITABLE)', async (state) => {
    const op = await newOperator();
    const i = await inState(op.client, state);
    expect(i.canEdit).toBe(false);
    const res = await save(op.client, i, { name: 'Diubah diam-diam' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('INNOVATION_NOT_EDITABLE');
    expect(await read(op.client, i.id)).toMatchObject({ name: i.name, status: state, version: i.version });
  });

  it('lets the operator fix a returned innovation, which stays returned until resubmitted', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'dikembalikan');
    const res = await save(op.client, i, { rancangBangun: words(400) });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Innovation>(res)).toMatchObject({ status: 'dikembalikan', rancangBangunWords: 400, version: i.version + 1 });
  });

  it.each(['verifikator', 'pimpinan'] as const)('is refused to a %s (403), who cannot edit', async (role) => {
    const op = await newOperator();
    const i = await propose(op.client);
    const { client } = await clientFor(t, role, HOME);
    expect((await read(client, i.id)).canEdit).toBe(false);
    const res = await save(client, i, { name: 'Diubah peninjau' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await read(op.client, i.id)).name).toBe(i.name);
  });

  it('refuses an edit from another region (403) and leaves the innovation alone', async () => {
    const op = await newOperator();
    const i = await propose(op.client);
    const res = await otherAdmin.put(innovationUrl(i.id), { ...profileOf(i), name: 'Diambil alih', version: i.version });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('REGION_FORBIDDEN');
    expect((await read(op.client, i.id)).name).toBe(i.name);
  });
});

// ---- submitting ----------------------------------------------------------------------------------

describe('submitting', () => {
  it('refuses an incomplete innovation, listing every missing field, and leaves it a draft', async () => {
    const op = await newOperator();
    const i = await propose(op.client, { rancangBangun: words(120) });
    const res = await act(op.client, i, { action: 'submit' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res).sort()).toEqual(['bentuk', 'hasil', 'inisiator', 'jenis', 'manfaat', 'rancangBangun', 'tahapan', 'tujuan', 'urusanUtama']);
    expect(errorOf(res).issues).toContainEqual({ field: 'tahapan', reason: 'Tahapan wajib diisi sebelum diajukan' });
    expect(errorOf(res).issues).toContainEqual({ field: 'rancangBangun', reason: 'Rancang bangun minimal 300 kata (sekarang 120)' });
    expect(await read(op.client, i.id)).toMatchObject({ status: 'draft', version: i.version, submittedAt: null });
  });

  it('counts the rancang bangun in words: 299 is refused with the count, 300 is enough', async () => {
    const op = await newOperator();
    const short = await propose(op.client, completeProfile({ rancangBangun: words(299) }));
    expect(short.rancangBangunWords).toBe(299);
    const refused = await act(op.client, short, { action: 'submit' });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).issues).toEqual([{ field: 'rancangBangun', reason: 'Rancang bangun minimal 300 kata (sekarang 299)' }]);

    const enough = await propose(op.client, completeProfile({ rancangBangun: words(300) }));
    expect((await step(op.client, enough, { action: 'submit' })).innovation.status).toBe('diajukan');
  });

  it('requires the dates that the tahapan implies, in order', async () => {
    const op = await newOperator();
    const noPenerapan = await propose(op.client, completeProfile({ tahapan: 'penerapan', waktuPenerapan: null }));
    const res = await act(op.client, noPenerapan, { action: 'submit' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toEqual([{ field: 'waktuPenerapan', reason: 'Waktu penerapan wajib diisi untuk tahapan penerapan' }]);

    const noUjiCoba = await propose(op.client, completeProfile({ tahapan: 'uji_coba', waktuUjiCoba: null, waktuPenerapan: null }));
    const res2 = await act(op.client, noUjiCoba, { action: 'submit' });
    expect(res2.statusCode).toBe(400);
    expect(fieldsOf(res2)).toEqual(['waktuUjiCoba']);

    const backwards = await propose(op.client, completeProfile({ waktuUjiCoba: '2024-08-01', waktuPenerapan: '2024-03-01' }));
    const res3 = await act(op.client, backwards, { action: 'submit' });
    expect(res3.statusCode).toBe(400);
    expect(errorOf(res3).issues).toEqual([{ field: 'waktuPenerapan', reason: 'Waktu penerapan tidak boleh sebelum waktu uji coba' }]);

    const initiative = await propose(op.client, completeProfile({ tahapan: 'inisiatif', waktuUjiCoba: null, waktuPenerapan: null }));
    expect((await step(op.client, initiative, { action: 'submit' })).innovation.status).toBe('diajukan');
  });

  it('submits a complete innovation: diajukan, with submittedAt and a timeline entry', async () => {
    const op = await newOperator();
    const i = await propose(op.client, completeProfile());
    const before = Date.now();
    const { innovation } = await step(op.client, i, { action: 'submit' });
    expect(innovation).toMatchObject({ status: 'diajukan', version: i.version + 1 });
    expect(innovation.submittedAt).not.toBeNull();
    expect(Date.parse(innovation.submittedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(innovation.timeline.map((e) => e.action)).toEqual(['created', 'submit']);
    expect(innovation.timeline[1]).toMatchObject({ fromStatus: 'draft', toStatus: 'diajukan', actorName: 'Uji operator' });
  });

  it('shows near-identical names of the region, from other years too, but not from another region', async () => {
    const token = randomUUID().slice(0, 8);
    const opA = await newOperator();
    const opB = await newOperator();
    const lastYear = await propose(opA.client, { periodId: period2024.id, name: `Sistem Antrean Daring ${token}` });
    const unrelated = await propose(opA.client, { name: `Bank Sampah Sekolah ${token}` });
    const foreign = await propose(
      otherAdmin,
      { periodId: otherPeriod.id, unitId: (await makeUnit(t.db, OTHER)).id, name: `Sistem Antrean Daring ${token}` },
      OTHER,
    );

    const mine = await propose(opB.client, completeProfile({ name: `sistem antrean-daring ${token.toUpperCase()}` }));
    const { innovation, similar } = await step(opB.client, mine, { action: 'submit' });
    expect(innovation.status).toBe('diajukan');
    const ids = similar.map((s) => s.id);
    expect(ids).toContain(lastYear.id);
    expect(ids).not.toContain(foreign.id);
    expect(ids).not.toContain(unrelated.id);
    expect(ids).not.toContain(mine.id);
    expect(similar.find((s) => s.id === lastYear.id)).toMatchObject({ year: 2024, name: lastYear.name, similarity: 1 });

    const res = await verifier.get(`${innovationUrl(mine.id)}/similar`);
    expect(res.statusCode).toBe(200);
    expect(json<{ items: Similar[] }>(res).items.map((s) => s.id)).toContain(lastYear.id);
  });

  it('shows no similar names for an innovation without a near-duplicate', async () => {
    const op = await newOperator();
    const i = await propose(op.client, completeProfile({ name: `Kampung Zakat Terpadu ${randomUUID()}` }));
    const { similar } = await step(op.client, i, { action: 'submit' });
    expect(similar).toEqual([]);
  });
});

// ---- the workflow --------------------------------------------------------------------------------

describe('the verification workflow', () => {
  /** Every action that is not legal in each state, taken by someone whose role would allow it. */
  const ILLEGAL: [State, string][] = [
    ['draft', 'return'],
    ['draft', 'verify'],
    ['draft', 'reject'],
    ['diajukan', 'submit'],
    ['dikembalikan', 'return'],
    ['dikembalikan', 'verify'],
    ['dikembalikan', 'reject'],
    ['terverifikasi', 'submit'],
    ['terverifikasi', 'return'],
    ['terverifikasi', 'verify'],
    ['terverifikasi', 'reject'],
    ['ditolak', 'submit'],
    ['ditolak', 'return'],
    ['ditolak', 'verify'],
    ['ditolak', 'reject'],
  ];
  it.each(ILLEGAL)('refuses a %s innovation the action %s (409 INNOVATION_WRONG_STATE)', async (state, action) => {
    const op = await newOperator();
    const i = await inState(op.client, state);
    const body = action === 'return' ? RETURN : action === 'reject' ? REJECT : { action };
    const res = await act(action === 'submit' ? op.client : verifier, i, body);
    expect(res.statusCode, res.body).toBe(409);
    expect(errorOf(res).code).toBe('INNOVATION_WRONG_STATE');
    expect(await read(op.client, i.id)).toMatchObject({ status: state, version: i.version });
  });

  it('refuses review actions to the operator who owns the innovation (403)', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    for (const body of [{ action: 'verify' }, RETURN, REJECT]) {
      const res = await act(op.client, i, body);
      expect(res.statusCode, body.action).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect(await read(op.client, i.id)).toMatchObject({ status: 'diajukan', version: i.version });
  });

  it('refuses submitting to a verifier, who does not own the innovation (403)', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'draft');
    const res = await act(verifier, i, { action: 'submit' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await read(op.client, i.id)).status).toBe('draft');
  });

  it('refuses every action to a leader (pimpinan), who only reads (403)', async () => {
    const op = await newOperator();
    const draft = await inState(op.client, 'draft');
    const submitted = await inState(op.client, 'diajukan');
    for (const [i, body] of [
      [draft, { action: 'submit' }],
      [submitted, { action: 'verify' }],
      [submitted, RETURN],
      [submitted, REJECT],
    ] as const) {
      const res = await act(pimpinan, i, body);
      expect(res.statusCode, body.action).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect((await read(op.client, draft.id)).status).toBe('draft');
    expect((await read(op.client, submitted.id)).status).toBe('diajukan');
  });

  it('refuses a verifier of another region (403 REGION_FORBIDDEN) and a juri (403)', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    const foreign = await act(otherVerifier, i, { action: 'verify' });
    expect(foreign.statusCode).toBe(403);
    expect(errorOf(foreign).code).toBe('REGION_FORBIDDEN');
    const juri = (await clientFor(t, 'juri', HOME)).client;
    const weak = await act(juri, i, { action: 'verify' });
    expect(weak.statusCode).toBe(403);
    expect(errorOf(weak).code).toBe('FORBIDDEN');
    expect(await read(op.client, i.id)).toMatchObject({ status: 'diajukan', version: i.version, verifiedAt: null });
  });

  it('refuses a transition on a stale version (409 STALE_VERSION)', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    const res = await act(verifier, i, { action: 'verify', version: i.version - 1 });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('STALE_VERSION');
    expect((await read(op.client, i.id)).status).toBe('diajukan');
  });

  it('needs a note on at least one field to return', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    const without = await act(verifier, i, { action: 'return' });
    expect(without.statusCode).toBe(400);
    expect(fieldsOf(without)).toContain('body.notes');
    for (const notes of [{}, { rancangBangun: '   ' }]) {
      const blank = await act(verifier, i, { action: 'return', notes });
      expect(blank.statusCode).toBe(400);
      expect(errorOf(blank).issues).toEqual([{ field: 'body.notes', reason: 'Tuliskan catatan pada paling sedikit satu isian' }]);
    }
    expect(await read(op.client, i.id)).toMatchObject({ status: 'diajukan', version: i.version });
  });

  it('returns with notes per field, kept on the innovation and in the timeline; resubmitting clears them', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    const notes = { rancangBangun: 'Tambahkan alur sebelum dan sesudah.', manfaat: 'Sebutkan jumlah penerima manfaat.', hasil: '  ' };
    const { innovation: returned } = await step(verifier, i, { action: 'return', notes, note: 'Lengkapi dua isian.' });
    const kept = { rancangBangun: notes.rancangBangun, manfaat: notes.manfaat };
    expect(returned).toMatchObject({ status: 'dikembalikan', reviewNotes: kept, version: i.version + 1 });
    const entry = returned.timeline.at(-1);
    expect(entry).toMatchObject({
      action: 'return',
      fromStatus: 'diajukan',
      toStatus: 'dikembalikan',
      note: 'Lengkapi dua isian.',
      fieldNotes: kept,
      actorName: 'Uji verifikator',
    });

    const seen = await read(op.client, i.id);
    expect(seen).toMatchObject({ reviewNotes: kept, actions: ['submit'], canEdit: true });

    const fixed = json<Innovation>(await save(op.client, seen, { manfaat: 'Dinikmati 12.000 pasien per tahun.' }));
    const { innovation: resubmitted } = await step(op.client, fixed, { action: 'submit' });
    expect(resubmitted).toMatchObject({ status: 'diajukan', reviewNotes: {} });
    expect(resubmitted.timeline.map((e) => e.action)).toEqual(['created', 'submit', 'return', 'submit']);
  });

  it('needs a reason to reject, then shows it', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    const without = await act(verifier, i, { action: 'reject' });
    expect(without.statusCode).toBe(400);
    expect(fieldsOf(without)).toContain('body.reason');
    const blank = await act(verifier, i, { action: 'reject', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(errorOf(blank).issues).toEqual([{ field: 'body.reason', reason: 'Alasan penolakan wajib diisi' }]);
    expect((await read(op.client, i.id)).status).toBe('diajukan');

    const { innovation } = await step(verifier, i, REJECT);
    expect(innovation).toMatchObject({ status: 'ditolak', rejectionReason: REJECT.reason });
    expect(innovation.timeline.at(-1)).toMatchObject({ action: 'reject', fromStatus: 'diajukan', toStatus: 'ditolak', note: REJECT.reason });
    expect(await read(op.client, i.id)).toMatchObject({ status: 'ditolak', rejectionReason: REJECT.reason, actions: [], canEdit: false });
  });

  it('verifies: terverifikasi with verifiedAt and a timeline entry', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    const { innovation } = await step(verifier, i, { action: 'verify', note: 'Lengkap.' });
    expect(innovation).toMatchObject({ status: 'terverifikasi', version: i.version + 1 });
    expect(innovation.verifiedAt).not.toBeNull();
    expect(innovation.timeline.at(-1)).toMatchObject({ action: 'verify', fromStatus: 'diajukan', toStatus: 'terverifikasi', note: 'Lengkap.' });
  });

  it('lets the regional admin review too', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    expect((await step(admin, i, { action: 'verify' })).innovation.status).toBe('terverifikasi');
  });

  it('sends an innovation edited after verification back for review, with a timeline entry', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'terverifikasi');
    expect(i.canEdit).toBe(false); // the verifier's view
    const mine = await read(op.client, i.id);
    expect(mine).toMatchObject({ actions: [], canEdit: true });

    const res = await save(op.client, mine, { tujuan: 'Tujuan yang diperbarui setelah verifikasi.' });
    expect(res.statusCode, res.body).toBe(200);
    const edited = json<Innovation>(res);
    expect(edited).toMatchObject({ status: 'diajukan', version: i.version + 1, tujuan: 'Tujuan yang diperbarui setelah verifikasi.' });
    const entry = edited.timeline.at(-1);
    expect(entry).toMatchObject({ action: 'edited_after_verification', fromStatus: 'terverifikasi', toStatus: 'diajukan' });
    expect(entry?.note).toContain('tujuan');

    const review = await read(verifier, i.id);
    expect(review.actions).toEqual(['return', 'verify', 'reject']);
    expect((await step(verifier, review, { action: 'verify' })).innovation.status).toBe('terverifikasi');
  });

  it('tells each caller which actions they may take and whether they may edit', async () => {
    const op = await newOperator();
    const draft = await inState(op.client, 'draft');
    expect(await read(op.client, draft.id)).toMatchObject({ actions: ['submit'], canEdit: true });
    expect(await read(verifier, draft.id)).toMatchObject({ actions: [], canEdit: false });
    expect(await read(pimpinan, draft.id)).toMatchObject({ actions: [], canEdit: false });
    expect(await read(admin, draft.id)).toMatchObject({ actions: ['submit'], canEdit: true });

    const submitted = (await step(op.client, draft, { action: 'submit' })).innovation;
    expect(submitted).toMatchObject({ actions: [], canEdit: false });
    expect(await read(verifier, draft.id)).toMatchObject({ actions: ['return', 'verify', 'reject'], canEdit: false });
    expect(await read(pimpinan, draft.id)).toMatchObject({ actions: [], canEdit: false });
    expect(await read(admin, draft.id)).toMatchObject({ actions: ['return', 'verify', 'reject'], canEdit: false });

    const verified = (await step(verifier, submitted, { action: 'verify' })).innovation;
    expect(verified).toMatchObject({ actions: [], canEdit: false });
    expect(await read(op.client, draft.id)).toMatchObject({ actions: [], canEdit: true });
  });
});

// ---- concurrency ---------------------------------------------------------------------------------

/**
 * The races are forced on a Postgres server (both requests are held on a row lock, then released);
 * PGlite serialises every transaction, so there they simply run one after the other.
 */

describe('concurrent edits and reviews', () => {
  it('lets exactly one of two tabs of the same operator save the version they both loaded', async () => {
    const op = await newOperator();
    const secondTab = await loginAs(t.app, op.username);
    const i = await propose(op.client, completeProfile());
    const loaded = await read(secondTab, i.id);
    const [a, b] = await race('innovations', i.id, [
      () => save(op.client, i, { tujuan: 'Ditulis di tab A' }),
      () => save(secondTab, loaded, { manfaat: 'Ditulis di tab B' }),
    ]);
    if (!a || !b) throw new Error('missing responses');
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorOf(loser).code).toBe('STALE_VERSION');
    const final = await read(op.client, i.id);
    expect(final.version).toBe(i.version + 1);
    if (a.statusCode === 200) expect(final).toMatchObject({ tujuan: 'Ditulis di tab A', manfaat: i.manfaat });
    else expect(final).toMatchObject({ tujuan: i.tujuan, manfaat: 'Ditulis di tab B' });
  });

  it('lets exactly one of two verifiers act on the version they both loaded', async () => {
    const op = await newOperator();
    const i = await inState(op.client, 'diajukan');
    const secondVerifier = (await clientFor(t, 'verifikator', HOME)).client;
    const [a, b] = await race('innovations', i.id, [() => act(verifier, i, { action: 'verify' }), () => act(secondVerifier, i, RETURN)]);
    if (!a || !b) throw new Error('missing responses');
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(errorOf(a.statusCode === 409 ? a : b).code).toBe('STALE_VERSION');
    const final = await read(op.client, i.id);
    expect(final.status).toBe(a.statusCode === 200 ? 'terverifikasi' : 'dikembalikan');
    expect(final.version).toBe(i.version + 1);
    expect(final.timeline.filter((e) => e.action === 'verify' || e.action === 'return')).toHaveLength(1);
  });
});

// ---- carry over ----------------------------------------------------------------------------------

describe('carrying an innovation into a later period', () => {
  it('creates a linked draft with the development note and copies of the evidence', async () => {
    const op = await newOperator();
    const source = await inState(op.client, 'terverifikasi');
    const rows = await t.db
      .insert(attachments)
      .values([
        {
          ownerType: 'innovation',
          ownerId: source.id,
          regionCode: HOME,
          slot: 'anggaran',
          kind: 'file',
          title: 'DPA 2025',
          fileName: 'dpa-2025.pdf',
          mimeType: 'application/pdf',
          sizeBytes: 12_345,
          sha256: 'a'.repeat(64),
          storageKey: `blobs/${'a'.repeat(64)}`,
        },
        {
          ownerType: 'innovation',
          ownerId: source.id,
          regionCode: HOME,
          slot: 'umum',
          kind: 'link',
          title: 'Video profil',
          url: 'https://video.example/antrean',
        },
      ])
      .returning();
    expect(rows).toHaveLength(2);

    const res = await op.client.post(`${innovationUrl(source.id)}/carry-over`, {
      periodId: period2026.id,
      developmentNote: 'Diperluas ke seluruh puskesmas pada 2026.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const next = json<Innovation>(res);
    expect(next.id).not.toBe(source.id);
    expect(next).toMatchObject({
      status: 'draft',
      version: 1,
      periodId: period2026.id,
      year: 2026,
      unitId: source.unitId,
      previousId: source.id,
      developmentNote: 'Diperluas ke seluruh puskesmas pada 2026.',
      name: source.name,
      rancangBangun: source.rancangBangun,
      urusanUtama: source.urusanUtama,
      reviewNotes: {},
      submittedAt: null,
      verifiedAt: null,
    });
    const strip = ({ id: _id, createdAt: _c, ...rest }: Innovation['evidence'][number]) => rest;
    const sourceEvidence = (await read(op.client, source.id)).evidence;
    expect(sourceEvidence).toHaveLength(2);
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
    expect(next.evidence.map(strip).sort(byTitle)).toEqual(sourceEvidence.map(strip).sort(byTitle));
    expect(next.evidence.map(strip)).toContainEqual(
      expect.objectContaining({ target: 'anggaran', kind: 'file', fileName: 'dpa-2025.pdf', sha256: 'a'.repeat(64), sizeBytes: 12_345 }),
    );
    expect(next.evidence.map(strip)).toContainEqual(expect.objectContaining({ kind: 'link', url: 'https://video.example/antrean' }));
    for (const row of rows) expect(next.evidence.map((e) => e.id)).not.toContain(row.id);
    expect(next.timeline.map((e) => e.action)).toEqual(['carried_over']);
    expect(next.timeline[0]?.note).toBe('Diperluas ke seluruh puskesmas pada 2026.');

    const after = await read(op.client, source.id);
    expect(after).toMatchObject({ nextId: next.id, status: 'terverifikasi', version: source.version });
    expect(after.evidence).toHaveLength(2);
    expect(after.timeline.at(-1)).toMatchObject({ action: 'carried_forward', note: '2026' });
  });

  it('refuses the same year and an earlier one', async () => {
    const op = await newOperator();
    const source = await inState(op.client, 'terverifikasi');
    for (const periodId of [period2025.id, period2024.id]) {
      const res = await op.client.post(`${innovationUrl(source.id)}/carry-over`, { periodId, developmentNote: 'Berkembang.' });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).issues).toEqual([{ field: 'body.periodId', reason: 'Pilih periode yang lebih baru dari periode inovasi ini' }]);
    }
    expect((await read(op.client, source.id)).nextId).toBeNull();
  });

  it('refuses carrying the same innovation twice into one period', async () => {
    const op = await newOperator();
    const source = await inState(op.client, 'terverifikasi');
    const url = `${innovationUrl(source.id)}/carry-over`;
    const first = await op.client.post(url, { periodId: period2026.id, developmentNote: 'Pertama.' });
    expect(first.statusCode, first.body).toBe(201);
    const second = await op.client.post(url, { periodId: period2026.id, developmentNote: 'Kedua.' });
    expect(second.statusCode).toBe(400);
    expect(errorOf(second).issues).toEqual([{ field: 'body.periodId', reason: 'Inovasi ini sudah dibawa ke periode tersebut' }]);
    expect((await list(op.client, `periodId=${period2026.id}`)).total).toBe(1);
  });

  it('requires the development note', async () => {
    const op = await newOperator();
    const source = await inState(op.client, 'terverifikasi');
    for (const developmentNote of ['', '   ']) {
      const res = await op.client.post(`${innovationUrl(source.id)}/carry-over`, { periodId: period2026.id, developmentNote });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).issues).toContainEqual({ field: 'body.developmentNote', reason: 'Catatan perkembangan wajib diisi' });
    }
    expect((await list(op.client, `periodId=${period2026.id}`)).total).toBe(0);
  });

  it('refuses a rejected innovation, a period of another region, and a verifier', async () => {
    const op = await newOperator();
    const rejected = await inState(op.client, 'ditolak');
    const refused = await op.client.post(`${innovationUrl(rejected.id)}/carry-over`, { periodId: period2026.id, developmentNote: 'Dicoba lagi.' });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('INNOVATION_REJECTED_NO_CARRY_OVER');

    const verified = await inState(op.client, 'terverifikasi');
    const foreign = await op.client.post(`${innovationUrl(verified.id)}/carry-over`, { periodId: otherPeriod.id, developmentNote: 'Pindah daerah.' });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign)).toEqual(['body.periodId']);

    const byVerifier = await verifier.post(`${innovationUrl(verified.id)}/carry-over`, {
      periodId: period2026.id,
      developmentNote: 'Oleh verifikator.',
    });
    expect(byVerifier.statusCode).toBe(403);
    expect((await read(op.client, verified.id)).nextId).toBeNull();
    expect((await list(op.client, `periodId=${period2026.id}`)).total).toBe(0);
  });
});

// ---- audit ---------------------------------------------------------------------------------------

describe('the audit trail of an innovation', () => {
  it('records every write: create, edits, each workflow step and the carry-over', async () => {
    const op = await newOperator();
    const i = await propose(op.client, completeProfile({ tujuan: 'Tujuan awal.' }));
    const edited = json<Innovation>(await save(op.client, i, { tujuan: 'Tujuan kedua.' }));
    const submitted = (await step(op.client, edited, { action: 'submit' })).innovation;
    const returned = (await step(verifier, submitted, { ...RETURN, note: 'Lengkapi juga foto kegiatan.' })).innovation;
    const resubmitted = (await step(op.client, returned, { action: 'submit' })).innovation;
    const verified = (await step(verifier, resubmitted, { action: 'verify' })).innovation;
    const reopened = json<Innovation>(await save(op.client, await read(op.client, verified.id), { hasil: 'Hasil baru.' }));
    expect(reopened.status).toBe('diajukan');
    const rejected = (await step(verifier, reopened, REJECT)).innovation;
    expect(rejected.status).toBe('ditolak');

    const entries = await auditOf(i.id);
    expect(entries.every((e) => e.entityType === 'innovation' && e.entityId === i.id)).toBe(true);
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'innovation.created',
      'innovation.updated',
      'innovation.submit',
      'innovation.return',
      'innovation.submit',
      'innovation.verify',
      'innovation.updated',
      'innovation.reject',
    ]);
    const firstEdit = entries.filter((e) => e.action === 'innovation.updated').at(-1);
    expect(firstEdit?.before).toEqual({ tujuan: 'Tujuan awal.' });
    expect(firstEdit?.after).toEqual({ tujuan: 'Tujuan kedua.' });
    expect(entries.find((e) => e.action === 'innovation.reject')?.after).toMatchObject({ status: 'ditolak', reason: REJECT.reason });
    // What the unit was told on return: the notes per field and the general note.
    expect(entries.find((e) => e.action === 'innovation.return')?.after).toEqual({
      status: 'dikembalikan',
      notes: RETURN.notes,
      note: 'Lengkapi juga foto kegiatan.',
    });
  });

  it('records the carry-over on the new innovation', async () => {
    const op = await newOperator();
    const source = await inState(op.client, 'terverifikasi');
    const res = await op.client.post(`${innovationUrl(source.id)}/carry-over`, { periodId: period2026.id, developmentNote: 'Tahun kedua.' });
    expect(res.statusCode, res.body).toBe(201);
    const next = json<Innovation>(res);
    const [entry] = await auditOf(next.id);
    expect(entry).toMatchObject({ action: 'innovation.carried_over', entityId: next.id });
    expect(entry?.after).toMatchObject({ previousId: source.id, periodId: period2026.id, developmentNote: 'Tahun kedua.' });
  });
});

// ---- the list ------------------------------------------------------------------------------------

describe('the innovation list', () => {
  it('searches by a word of the name, and by its Indonesian stem (pelayanan finds Layanan)', async () => {
    const unit = await makeUnit(t.db, HOME);
    const layanan = await propose(admin, { unitId: unit.id, name: 'Layanan Antar Dokumen Kependudukan' });
    const sampah = await propose(admin, { unitId: unit.id, name: 'Bank Sampah Digital' });
    expect((await list(admin, `unitId=${unit.id}&q=sampah`)).items.map((i) => i.id)).toEqual([sampah.id]);
    expect((await list(admin, `unitId=${unit.id}&q=DOKUMEN`)).items.map((i) => i.id)).toEqual([layanan.id]);
    expect((await list(admin, `unitId=${unit.id}&q=pelayanan`)).items.map((i) => i.id)).toEqual([layanan.id]);
    expect((await list(admin, `unitId=${unit.id}&q=irigasi`)).total).toBe(0);
  });

  it('filters by status, tahapan, jenis, urusan (main or secondary) and period', async () => {
    const unit = await makeUnit(t.db, HOME);
    const sampah = await propose(admin, {
      unitId: unit.id,
      name: 'Bank Sampah Digital',
      tahapan: 'uji_coba',
      jenis: 'non_digital',
      urusanUtama: 'lingkungan_hidup',
    });
    const irigasi = await propose(admin, {
      unitId: unit.id,
      name: 'Sistem Irigasi Cerdas',
      tahapan: 'inisiatif',
      jenis: 'digital',
      urusanUtama: 'pertanian',
      urusanIrisan: ['lingkungan_hidup'],
    });
    const layanan = await propose(admin, {
      ...completeProfile({ name: 'Layanan Antar Dokumen Kependudukan', jenis: 'digital', urusanUtama: 'adminduk', urusanIrisan: ['kominfo'] }),
      unitId: unit.id,
    });
    await step(admin, layanan, { action: 'submit' });
    const lastYear = await propose(admin, { unitId: unit.id, periodId: period2024.id, name: 'Pasar Rakyat Daring' });

    const ids = async (query: string) => (await list(admin, `unitId=${unit.id}&${query}`)).items.map((i) => i.id).sort();
    expect(await ids('status=diajukan')).toEqual([layanan.id]);
    expect(await ids('status=draft')).toEqual([sampah.id, irigasi.id, lastYear.id].sort());
    expect(await ids('tahapan=uji_coba')).toEqual([sampah.id]);
    expect(await ids('jenis=digital')).toEqual([layanan.id, irigasi.id].sort());
    expect(await ids('urusan=lingkungan_hidup')).toEqual([sampah.id, irigasi.id].sort());
    expect(await ids('urusan=kominfo')).toEqual([layanan.id]);
    expect(await ids(`periodId=${period2024.id}`)).toEqual([lastYear.id]);
    expect(await ids(`periodId=${period2025.id}&jenis=digital&status=draft`)).toEqual([irigasi.id]);
  });

  it('sorts by name both ways and pages with the full total', async () => {
    const unit = await makeUnit(t.db, HOME);
    const names = ['Sistem Irigasi Cerdas', 'Bank Sampah Digital', 'Layanan Antar Dokumen'];
    for (const name of names) await propose(admin, { unitId: unit.id, name });
    const asc = await list(admin, `unitId=${unit.id}&sort=name&order=asc`);
    expect(asc.items.map((i) => i.name)).toEqual(['Bank Sampah Digital', 'Layanan Antar Dokumen', 'Sistem Irigasi Cerdas']);
    const desc = await list(admin, `unitId=${unit.id}&sort=name&order=desc`);
    expect(desc.items.map((i) => i.name)).toEqual(['Sistem Irigasi Cerdas', 'Layanan Antar Dokumen', 'Bank Sampah Digital']);

    const page1 = await list(admin, `unitId=${unit.id}&sort=name&order=asc&pageSize=2&page=1`);
    const page2 = await list(admin, `unitId=${unit.id}&sort=name&order=asc&pageSize=2&page=2`);
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items.map((i) => i.name)).toEqual(['Bank Sampah Digital', 'Layanan Antar Dokumen']);
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i) => i.name)).toEqual(['Sistem Irigasi Cerdas']);
    expect(page2.items[0]).toMatchObject({ unitId: unit.id, unitName: unit.name, year: 2025, status: 'draft' });
  });

  it('refuses an unknown filter value in Indonesian', async () => {
    const res = await admin.get(`${innovationsUrl()}?tahapan=percontohan`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({ field: 'querystring.tahapan', reason: 'Tahapan harus inisiatif, uji coba atau penerapan' });
  });
});

describe('a period that refuses units outside its reporting window', () => {
  it("refuses an operator's proposal and submission outside the window, writes nothing, and lets the regional admin act", async () => {
    const operator = await newOperator();
    const periodsUrl = `/api/v1/regions/${HOME}/periods`;
    // A window that opens long after today.
    const created = await admin.post(periodsUrl, {
      year: 2041,
      opensOn: '2041-01-01',
      closesOn: '2041-12-31',
      targetTotal: 10,
      refuseOutsideWindow: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    let late = json<Period>(created);
    expect(late.refuseOutsideWindow).toBe(true);

    const name = uniqueName('Di Luar Jadwal');
    const refused = await operator.client.post(innovationsUrl(), { periodId: late.id, name });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('OUTSIDE_REPORTING_WINDOW');
    expect((await list(admin, `periodId=${late.id}&pageSize=100`)).items.map((i) => i.name)).not.toContain(name);
    // The regional admin, who extends windows by hand, may still propose for the unit.
    const byAdmin = await admin.post(innovationsUrl(), { periodId: late.id, name, unitId: operator.unitId });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);

    // Open the window around today: the operator proposes a complete draft there; then close it again.
    const edit = (fields: Record<string, unknown>) =>
      admin.put(`${periodsUrl}/${late.id}`, {
        year: 2041,
        opensOn: late.opensOn,
        closesOn: late.closesOn,
        targetTotal: 10,
        refuseOutsideWindow: late.refuseOutsideWindow,
        ...fields,
        version: late.version,
      });
    const opened = await edit({ opensOn: '2020-01-01', closesOn: '2099-12-31' });
    expect(opened.statusCode, opened.body).toBe(200);
    late = json<Period>(opened);
    const inLate = await operator.client.post(innovationsUrl(), { ...completeProfile(), periodId: late.id });
    expect(inLate.statusCode, inLate.body).toBe(201);
    const ready = json<Innovation>(inLate);
    const closed = await edit({ opensOn: '2020-01-01', closesOn: '2020-12-31' });
    expect(closed.statusCode, closed.body).toBe(200);
    late = json<Period>(closed);
    const submit = await act(operator.client, ready, { action: 'submit' });
    expect(submit.statusCode).toBe(409);
    expect(errorOf(submit).code).toBe('OUTSIDE_REPORTING_WINDOW');
    expect((await read(operator.client, ready.id)).status).toBe('draft');

    // Only a warning once the period stops refusing: the submission goes through.
    const warnOnly = await edit({ refuseOutsideWindow: false });
    expect(warnOnly.statusCode, warnOnly.body).toBe(200);
    expect((await step(operator.client, ready, { action: 'submit' })).innovation.status).toBe('diajukan');
  });
});
