/**
 * Open311 GeoReport v2 at /open311/v2, checked against the specification's definitions: the fields of
 * a service and of a service request, `type` realtime/batch/blackbox, `status` open/closed, W3C dates,
 * errors as `[{code, description}]`; posting as a form with an API key (missing, wrong, revoked or
 * another region's key: 403); `jurisdiction_id` required; the 90-day window; the admin's key management.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '#server/db/schema.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let apiKey: string;
let clientId: string;
let unitName: string;

/** Every field of a service in GeoReport v2 `GET services`. */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
/** Every field of a service request in GeoReport v2 `GET requests`. */
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
/** W3C date-time with a zone, as the specification requires. */
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Row = Record<string, unknown>;
const rows = (res: LightMyRequestResponse) => res.json() as Row[];

function expectOpen311Error(res: LightMyRequestResponse, status: number, mentions?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = rows(res);
  expect(Array.isArray(body)).toBe(true);
  expect(body[0]?.code).toBe(status);
  expect(typeof body[0]?.description).toBe('string');
  if (mentions) expect(String(body[0]?.description)).toContain(mentions);
}

function expectServiceRequest(r: Row) {
  expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
  expect(['open', 'closed']).toContain(r.status);
  for (const f of ['service_request_id', 'service_name', 'service_code', 'description', 'agency_responsible']) expect(typeof r[f]).toBe('string');
  for (const f of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(String(r[f])).toMatch(W3C);
  for (const f of ['lat', 'long']) expect(r[f] === null || typeof r[f] === 'number').toBe(true);
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = (fields: Record<string, string>) =>
  anonymous(t.app).request('POST', '/open311/v2/requests.json', Buffer.from(form(fields)), { 'content-type': 'application/x-www-form-urlencoded' });

const report = (overrides: Record<string, string> = {}) => ({
  jurisdiction_id: HOME,
  api_key: apiKey,
  service_code: 'jalan-rusak',
  lat: '-2.1290',
  long: '106.1130',
  address_string: 'Jl. Depati Amir, Kel. Bukit Merapin',
  description: 'Aspal ambles di dekat lampu merah, sudah dua motor terjatuh.',
  email: 'warga@example.id',
  first_name: 'Budi',
  last_name: 'Santoso',
  phone: '081234567890',
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp({ publicWritePerMinute: 10_000 });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const unit = await makeUnit(t.db, HOME, { name: `Dinas PUPR ${randomUUID().slice(0, 6)}`, shortName: 'PUPR' });
  unitName = unit.name;
  for (const [code, name, isActive] of [
    ['jalan-rusak', 'Jalan rusak', true],
    ['lampu-jalan', 'Lampu jalan mati', true],
    ['arsip', 'Kategori lama', false],
  ] as const) {
    const res = await admin.post(`/api/v1/regions/${HOME}/complaint-categories`, {
      code,
      name,
      unitId: unit.id,
      slaDays: 5,
      groupName: 'Infrastruktur',
      isActive,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const issued = await admin.post(`/api/v1/regions/${HOME}/open311-clients`, { name: 'Aplikasi Mitra Uji' });
  expect(issued.statusCode, issued.body).toBe(201);
  const body = issued.json() as { id: string; key: string; keyPrefix: string };
  apiKey = body.key;
  clientId = body.id;
  expect(apiKey.startsWith(body.keyPrefix)).toBe(true);
});
afterAll(() => t.close());

describe('services', () => {
  it('lists the active categories as realtime services with every field of the specification', async () => {
    const res = await anonymous(t.app).get(`/open311/v2/services.json?jurisdiction_id=${HOME}`);
    expect(res.statusCode).toBe(200);
    const services = rows(res);
    expect(services.map((s) => s.service_code).sort()).toEqual(['jalan-rusak', 'lampu-jalan']);
    for (const s of services) {
      expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
      expect(s.metadata).toBe(false);
      expect(s.group).toBe('Infrastruktur');
      expect(typeof s.keywords).toBe('string');
    }
  });

  it('requires a known jurisdiction_id (one install serves many regions)', async () => {
    expectOpen311Error(await anonymous(t.app).get('/open311/v2/services.json'), 400, 'jurisdiction_id');
    expectOpen311Error(await anonymous(t.app).get('/open311/v2/services.json?jurisdiction_id=99.99'), 400, 'jurisdiction_id');
    const other = rows(await anonymous(t.app).get(`/open311/v2/services.json?jurisdiction_id=${OTHER}`));
    expect(other).toEqual([]);
  });

  it('gives a service definition without extra attributes, and 404 for an unknown or inactive code', async () => {
    const res = await anonymous(t.app).get(`/open311/v2/services/jalan-rusak.json?jurisdiction_id=${HOME}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ service_code: 'jalan-rusak', attributes: [] });
    expectOpen311Error(await anonymous(t.app).get(`/open311/v2/services/tidak-ada.json?jurisdiction_id=${HOME}`), 404);
    expectOpen311Error(await anonymous(t.app).get(`/open311/v2/services/arsip.json?jurisdiction_id=${HOME}`), 404);
  });

  it('answers the same services in XML, with errors as <errors>', async () => {
    const json = rows(await anonymous(t.app).get(`/open311/v2/services.json?jurisdiction_id=${HOME}`));
    const res = await anonymous(t.app).get(`/open311/v2/services.xml?jurisdiction_id=${HOME}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('xml');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>')).toBe(true);
    expect(xmlRecords(res.body, 'service')).toEqual(json.map(asXmlText));

    const definition = await anonymous(t.app).get(`/open311/v2/services/jalan-rusak.xml?jurisdiction_id=${HOME}`);
    expect(definition.statusCode).toBe(200);
    expect(definition.body).toContain('<service_definition><service_code>jalan-rusak</service_code><attributes></attributes></service_definition>');

    const missing = await anonymous(t.app).get(`/open311/v2/services/tidak-ada.xml?jurisdiction_id=${HOME}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('xml');
    expect(xmlRecords(missing.body, 'error')).toEqual([{ code: '404', description: expect.any(String) }]);
    const noJurisdiction = await anonymous(t.app).get('/open311/v2/requests.xml');
    expect(noJurisdiction.statusCode).toBe(400);
    expect(xmlRecords(noJurisdiction.body, 'error')[0]?.description).toContain('jurisdiction_id');
  });
});

/** The records `<item>…</item>` of an Open311 XML answer, each as its fields' text (null → ''). */
function xmlRecords(xml: string, item: string): Record<string, string>[] {
  const unescapeXml = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(new RegExp(`<${item}>(.*?)</${item}>`, 'gs'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/<(\w+)(?:\/>|>(.*?)<\/\1>)/gs)].map((f) => [f[1], unescapeXml(f[2] ?? '')])),
  );
}

/** A JSON record as the XML carries it: every value as text, null as empty. */
const asXmlText = (r: Row) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]));

describe('posting a request', () => {
  it('accepts a form with a valid key and returns the id, notice and account_id', async () => {
    const res = await postForm(report());
    expect(res.statusCode, res.body).toBe(201);
    const [created] = rows(res);
    expect(Object.keys(created ?? {}).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(created?.account_id).toBeNull();
    const id = String(created?.service_request_id);
    expect(id).toMatch(/^ADU-[2-9A-HJ-NP-Z]{6}$/);
    expect(String(created?.service_notice)).toContain(unitName);

    const [stored] = await t.db.select().from(complaints).where(eq(complaints.trackingCode, id));
    expect(stored).toMatchObject({
      source: 'open311',
      apiClientId: clientId,
      contactName: 'Budi Santoso',
      contactEmail: 'warga@example.id',
      regionCode: HOME,
    });

    const one = await anonymous(t.app).get(`/open311/v2/requests/${id}.json?jurisdiction_id=${HOME}`);
    expect(one.statusCode).toBe(200);
    const list = rows(one);
    expect(list).toHaveLength(1);
    const r = list[0] ?? {};
    expectServiceRequest(r);
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'jalan-rusak',
      agency_responsible: unitName,
      lat: -2.129,
      long: 106.113,
    });
    // The reporter's contact is never part of the public request.
    expect(one.body).not.toContain('warga@example.id');
    expect(one.body).not.toContain('Budi');
  });

  it('accepts a form posted to requests.xml and answers in XML, escaping what the citizen wrote', async () => {
    const description = 'Lubang <besar> & "dalam" di depan toko';
    const res = await anonymous(t.app).request(
      'POST',
      '/open311/v2/requests.xml',
      Buffer.from(form(report({ service_code: 'lampu-jalan', description }))),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const [created] = xmlRecords(res.body, 'request');
    expect(created?.service_request_id).toMatch(/^ADU-[2-9A-HJ-NP-Z]{6}$/);
    expect(res.body).toContain('<account_id/>');

    const one = await anonymous(t.app).get(`/open311/v2/requests/${created?.service_request_id}.xml?jurisdiction_id=${HOME}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Lubang &lt;besar&gt; &amp; &quot;dalam&quot;');
    const json = rows(await anonymous(t.app).get(`/open311/v2/requests/${created?.service_request_id}.json?jurisdiction_id=${HOME}`));
    expect(xmlRecords(one.body, 'request')).toEqual(json.map(asXmlText));
    expect(xmlRecords(one.body, 'request')[0]?.description).toBe(description);

    const refused = await anonymous(t.app).request('POST', '/open311/v2/requests.xml', Buffer.from(form(report({ api_key: 'salah' }))), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(refused.statusCode).toBe(403);
    expect(xmlRecords(refused.body, 'error')[0]?.code).toBe('403');
  });

  it('accepts JSON too', async () => {
    const res = await anonymous(t.app).request('POST', '/open311/v2/requests.json', report({ service_code: 'lampu-jalan' }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a missing, wrong, revoked or foreign key with 403 and writes nothing', async () => {
    const count = async () => (await t.db.select({ id: complaints.id }).from(complaints)).length;
    const before = await count();
    const { api_key: _omit, ...withoutKey } = report();
    expectOpen311Error(await postForm(withoutKey), 403);
    expectOpen311Error(await postForm(report({ api_key: 'kunci-salah' })), 403);

    const otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
    const foreignKey = (await otherAdmin.post(`/api/v1/regions/${OTHER}/open311-clients`, { name: 'Klien lain' })).json() as { key: string };
    expectOpen311Error(await postForm(report({ api_key: foreignKey.key })), 403);

    const spare = (await admin.post(`/api/v1/regions/${HOME}/open311-clients`, { name: 'Akan dicabut' })).json() as { id: string; key: string };
    expect((await postForm(report({ api_key: spare.key }))).statusCode).toBe(201);
    const revoked = await admin.post(`/api/v1/regions/${HOME}/open311-clients/${spare.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((revoked.json() as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expectOpen311Error(await postForm(report({ api_key: spare.key })), 403);
    expect(await count()).toBe(before + 1);

    const listed = await admin.get(`/api/v1/regions/${HOME}/open311-clients`);
    expect(listed.body).not.toContain(spare.key);
    expect(listed.body).not.toContain(apiKey);
    const items = (listed.json() as { items: { id: string; keyPrefix: string; revokedAt: string | null }[] }).items;
    expect(items.find((c) => c.id === spare.id)?.revokedAt).not.toBeNull();
    expect(items.find((c) => c.id === clientId)?.keyPrefix).toBe(apiKey.slice(0, 9));
  });

  it('names what is wrong: jurisdiction, service_code, location, description, email', async () => {
    expectOpen311Error(await postForm(report({ jurisdiction_id: '' })), 400, 'jurisdiction_id');
    expectOpen311Error(await postForm(report({ service_code: '' })), 400, 'service_code');
    expectOpen311Error(await postForm(report({ service_code: 'arsip' })), 400, 'service_code');
    expectOpen311Error(await postForm(report({ lat: '', long: '', address_string: '' })), 400, 'address_string');
    expectOpen311Error(await postForm(report({ lat: 'utara' })), 400, 'lat');
    expectOpen311Error(await postForm(report({ description: 'rusak' })), 400, 'description');
    expectOpen311Error(await postForm(report({ email: 'bukan-email' })), 400, 'email');
  });

  it('files once for a retry with the same Idempotency-Key', async () => {
    const key = `o311-${randomUUID()}`;
    const description = `Lampu jalan padam di gang sempit ${randomUUID()}`;
    const send = () =>
      anonymous(t.app).request('POST', '/open311/v2/requests.json', Buffer.from(form(report({ description }))), {
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': key,
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await t.db.select().from(complaints).where(eq(complaints.description, description))).toHaveLength(1);
  });
});

describe('searching requests', () => {
  it('filters by status open/closed, service_code, ids and dates; refuses windows over 90 days', async () => {
    const open = String(rows(await postForm(report()))[0]?.service_request_id);
    const toClose = String(rows(await postForm(report({ service_code: 'lampu-jalan' })))[0]?.service_request_id);
    const [row] = await t.db.select({ id: complaints.id }).from(complaints).where(eq(complaints.trackingCode, toClose));
    let version = 1;
    for (const [to, note] of [
      ['diverifikasi', null],
      ['ditindaklanjuti', null],
      ['selesai', 'Lampu sudah diganti.'],
    ] as const) {
      const res = await admin.post(`/api/v1/regions/${HOME}/complaints/${row?.id}/transition`, { to, note, version });
      expect(res.statusCode, res.body).toBe(200);
      version++;
    }

    const all = rows(await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}`));
    for (const r of all) expectServiceRequest(r);
    expect(all.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([open, toClose]));

    const closed = rows(await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&status=closed`));
    expect(closed.map((r) => r.service_request_id)).toEqual([toClose]);
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: 'Lampu sudah diganti.' });
    const opened = rows(await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&status=open`));
    expect(opened.every((r) => r.status === 'open')).toBe(true);
    expect(opened.map((r) => r.service_request_id)).toContain(open);

    const lamps = rows(await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&service_code=lampu-jalan`));
    expect(lamps.every((r) => r.service_code === 'lampu-jalan')).toBe(true);
    expect(lamps.length).toBeGreaterThan(0);

    const byIds = rows(await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&service_request_id=${open},${toClose}`));
    expect(byIds.map((r) => r.service_request_id).sort()).toEqual([open, toClose].sort());

    const past = rows(
      await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&start_date=2025-01-01T00:00:00Z&end_date=2025-02-01T00:00:00Z`),
    );
    expect(past).toEqual([]);
    expectOpen311Error(
      await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z`),
      400,
      '90',
    );
    expectOpen311Error(await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&status=dibuka`), 400, 'status');
    expectOpen311Error(await anonymous(t.app).get(`/open311/v2/requests.json?jurisdiction_id=${HOME}&start_date=kemarin`), 400, 'start_date');

    // Another jurisdiction sees none of these.
    const other = rows(await anonymous(t.app).get(`/open311/v2/requests/${open}.json?jurisdiction_id=${OTHER}`));
    expect(other).toEqual([{ code: 404, description: expect.any(String) }]);
  });

  it('answers 404 in the specification format for an unknown request or path', async () => {
    expectOpen311Error(await anonymous(t.app).get(`/open311/v2/requests/ADU-ZZZZZZ.json?jurisdiction_id=${HOME}`), 404);
    expectOpen311Error(await anonymous(t.app).get('/open311/v2/tidak-ada.json'), 404);
  });
});
