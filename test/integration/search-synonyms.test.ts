/**
 * Spelling variants in every full-text search a region's staff and citizens use: the public innovation
 * catalogue, the staff innovation list, the staff service list and the public service portal. "akte
 * kelahiran" finds the Akta Kelahiran service and innovation, "antrian" finds "antrean", websearch syntax
 * keeps its meaning (phrase, minus, or), an unknown word still finds nothing, the install's own groups
 * (SINERGI_SEARCH_SYNONYMS) apply, and no query text (quotes, operators, odd characters) causes a 5xx.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { innovations, periods, services } from '#server/db/schema.ts';
import { loadConfig } from '#server/config.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../support/harness.ts';

const HOME = '19.71';

let t: TestApp;
let pub: Client;
let admin: Client;

const NAMES = {
  aktaService: 'Penerbitan Akta Kelahiran',
  antreanService: 'Nomor Antrean Poli Umum',
  izinService: 'Surat Izin Praktik Bidan',
  ktpService: 'Penerbitan KTP-el',
  aktaInnovation: 'Akta Kelahiran Langsung Jadi',
  antreanInnovation: 'Antrean Daring Puskesmas',
  sampahInnovation: 'Bank Sampah Kelurahan',
  draftInnovation: 'Akta Kelahiran Draf',
};

beforeAll(async () => {
  // The install adds one group of its own: "online" for "daring".
  t = await startTestApp({ searchSynonyms: [['daring', 'online']] });
  pub = anonymous(t.app);
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const dukcapil = await makeUnit(t.db, HOME, { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
  const dinkes = await makeUnit(t.db, HOME, { name: 'Dinas Kesehatan' });
  await t.db.insert(services).values([
    {
      regionCode: HOME,
      unitId: dukcapil.id,
      name: NAMES.aktaService,
      category: 'Administrasi kependudukan',
      description: 'Pencatatan kelahiran dan penerbitan kutipan akta',
    },
    { regionCode: HOME, unitId: dinkes.id, name: NAMES.antreanService, description: 'Ambil nomor antrean dari rumah' },
    { regionCode: HOME, unitId: dinkes.id, name: NAMES.izinService, description: 'Perizinan tenaga kesehatan' },
    { regionCode: HOME, unitId: dukcapil.id, name: NAMES.ktpService },
  ]);
  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2025, opensOn: '2025-01-01', closesOn: '2025-12-31', targetTotal: 10 })
    .returning({ id: periods.id });
  if (!period) throw new Error('period not created');
  const innovation = (name: string, tujuan: string, unitId: string, status: 'terverifikasi' | 'draft' = 'terverifikasi') => ({
    regionCode: HOME,
    periodId: period.id,
    unitId,
    status,
    name,
    tahapan: 'penerapan',
    jenis: 'digital',
    urusanUtama: 'adminduk',
    tujuan,
    verifiedAt: status === 'terverifikasi' ? new Date('2025-03-01T08:00:00Z') : null,
  });
  await t.db
    .insert(innovations)
    .values([
      innovation(NAMES.aktaInnovation, 'Akta kelahiran terbit di rumah sakit saat bayi lahir', dukcapil.id),
      innovation(NAMES.antreanInnovation, 'Warga mengambil antrean tanpa datang pagi', dinkes.id),
      innovation(NAMES.sampahInnovation, 'Mengurangi sampah rumah tangga', dinkes.id),
      innovation(NAMES.draftInnovation, 'Belum diajukan', dukcapil.id, 'draft'),
    ]);
});
afterAll(() => t.close());

/** The four searches, each answering the names it found for `q`. */
const SEARCHES: Record<string, (q: string) => Promise<{ status: number; names: string[] }>> = {
  catalogue: (q) => namesFrom(pub.get(`/api/v1/public/innovations?pageSize=50&q=${encodeURIComponent(q)}`)),
  innovationList: (q) => namesFrom(admin.get(`/api/v1/regions/${HOME}/innovations?pageSize=50&q=${encodeURIComponent(q)}`)),
  serviceList: (q) => namesFrom(admin.get(`/api/v1/regions/${HOME}/services?pageSize=50&q=${encodeURIComponent(q)}`)),
  portal: (q) => namesFrom(pub.get(`/api/v1/public/regions/${HOME}/services?pageSize=50&q=${encodeURIComponent(q)}`)),
};

async function namesFrom(response: Promise<{ statusCode: number; body: string; json: () => unknown }>) {
  const res = await response;
  const names = res.statusCode === 200 ? (res.json() as { items: { name: string }[] }).items.map((i) => i.name).sort() : [];
  return { status: res.statusCode, names };
}

async function found(search: keyof typeof SEARCHES, q: string): Promise<string[]> {
  const { status, names } = await (SEARCHES[search] as (q: string) => Promise<{ status: number; names: string[] }>)(q);
  expect(status, `${search} ?q=${q}`).toBe(200);
  return names;
}

const sorted = (...names: string[]) => [...names].sort();

describe('the innovation searches (public catalogue and staff list)', () => {
  it('find the Akta Kelahiran innovation for "akte kelahiran", as words and as a phrase', async () => {
    for (const q of ['akte kelahiran', '"akte kelahiran"', 'AKTE', 'kelahiran akte']) {
      expect(await found('catalogue', q), q).toEqual([NAMES.aktaInnovation]);
      // Staff see drafts too.
      expect(await found('innovationList', q), q).toEqual(sorted(NAMES.aktaInnovation, NAMES.draftInnovation));
    }
  });

  it('find "antrean" for "antrian", an affixed form and the install\'s own group', async () => {
    for (const search of ['catalogue', 'innovationList'] as const) {
      expect(await found(search, 'antrian')).toEqual([NAMES.antreanInnovation]);
      expect(await found(search, 'antriannya')).toEqual([NAMES.antreanInnovation]);
      expect(await found(search, 'antrian online')).toEqual([NAMES.antreanInnovation]);
    }
  });

  it('keep the meaning of minus and or', async () => {
    expect(await found('catalogue', 'akte or antrian')).toEqual(sorted(NAMES.aktaInnovation, NAMES.antreanInnovation));
    expect(await found('catalogue', 'rumah -akte')).toEqual([NAMES.sampahInnovation]);
    expect(await found('innovationList', 'rumah -akte')).toEqual([NAMES.sampahInnovation]);
    // The phrase holds its order: "kelahiran akte" is not "akta kelahiran".
    expect(await found('catalogue', '"kelahiran akte"')).toEqual([]);
  });

  it('still find a known word and nothing for an unknown one', async () => {
    expect(await found('catalogue', 'sampah')).toEqual([NAMES.sampahInnovation]);
    expect(await found('catalogue', 'zzqxwv')).toEqual([]);
    expect(await found('innovationList', 'zzqxwv')).toEqual([]);
    // A variant word next to an unknown one does not widen the search to everything.
    expect(await found('catalogue', 'akte zzqxwv')).toEqual([]);
  });

  it('find a fragment of a name written with the other spelling (staff list)', async () => {
    expect(await found('innovationList', 'Akte Kel')).toEqual(sorted(NAMES.aktaInnovation, NAMES.draftInnovation));
  });
});

describe('the service searches (staff list and public portal)', () => {
  it('find the Akta Kelahiran service for "akte kelahiran", "antrean" for "antrian", "izin praktik" for "ijin praktek"', async () => {
    for (const search of ['serviceList', 'portal'] as const) {
      expect(await found(search, 'akte kelahiran')).toEqual([NAMES.aktaService]);
      expect(await found(search, '"akte kelahiran"')).toEqual([NAMES.aktaService]);
      expect(await found(search, 'antrian')).toEqual([NAMES.antreanService]);
      expect(await found(search, 'ijin praktek')).toEqual([NAMES.izinService]);
      expect(await found(search, 'perijinan')).toEqual([NAMES.izinService]);
      expect(await found(search, 'akte or antrian')).toEqual(sorted(NAMES.aktaService, NAMES.antreanService));
      expect(await found(search, 'penerbitan -akte')).toEqual([NAMES.ktpService]);
    }
  });

  it('find a fragment of a name written with the other spelling, and nothing for an unknown word', async () => {
    for (const search of ['serviceList', 'portal'] as const) {
      expect(await found(search, 'Akte Kel')).toEqual([NAMES.aktaService]);
      expect(await found(search, 'KTP-el')).toEqual([NAMES.ktpService]);
      expect(await found(search, 'zzqxwv')).toEqual([]);
    }
  });
});

describe('odd query text', () => {
  const ODD = [
    "'",
    '"',
    '"akte',
    'akte"',
    '""',
    '\\',
    '%',
    '_',
    'akte:*',
    "akte' | 'akta",
    'akte & | ! ( ) <-> <2>',
    "'); drop table services; --",
    '-',
    '--akte',
    'or',
    'akte or',
    '-"akte kelahiran" or -',
    '!!akte',
    'akte😀',
    'ákte',
    'x'.repeat(200),
    'akte '.repeat(40).trim(),
  ];

  it('never makes any search fail: 200, or a 400 that names the field', async () => {
    for (const q of ODD) {
      for (const [name, search] of Object.entries(SEARCHES)) {
        const { status } = await search(q);
        expect([200, 400], `${name} ?q=${q}`).toContain(status);
      }
    }
  });

  it('still finds the service when the query carries a stray quote or operator characters', async () => {
    expect(await found('portal', '"akte')).toEqual([NAMES.aktaService]);
    expect(await found('portal', 'akte:* &')).toEqual([NAMES.aktaService]);
  });
});

describe('the install synonym file (SINERGI_SEARCH_SYNONYMS)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sinergi-synonyms-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const full = path.join(dir, name);
    writeFileSync(full, text);
    return full;
  };

  it('is read into the configuration', () => {
    const config = loadConfig({ SINERGI_SEARCH_SYNONYMS: file('ok.json', '{"about":"x","groups":[["Daring","online"]]}') });
    expect(config.searchSynonyms).toEqual([['daring', 'online']]);
    expect(loadConfig({}).searchSynonyms).toEqual([]);
  });

  it('stops the start when missing, not JSON, or holding a phrase, naming the setting', () => {
    expect(() => loadConfig({ SINERGI_SEARCH_SYNONYMS: path.join(dir, 'missing.json') })).toThrow(/SINERGI_SEARCH_SYNONYMS: .*ENOENT/);
    expect(() => loadConfig({ SINERGI_SEARCH_SYNONYMS: file('bad.json', '{"groups": [') })).toThrow(/SINERGI_SEARCH_SYNONYMS: .*JSON/);
    expect(() => loadConfig({ SINERGI_SEARCH_SYNONYMS: file('phrase.json', '{"groups":[["akta","akta lahir"]]}') })).toThrow(
      /SINERGI_SEARCH_SYNONYMS: .*groups\[0\]\[1\]/,
    );
  });
});
