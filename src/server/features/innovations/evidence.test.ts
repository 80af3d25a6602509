/**
 * Evidence through the real HTTP app: files checked by their bytes (not their name or declared type),
 * hashed and stored once per content, previewed inline without ever running script in our origin;
 * links; who may touch which innovation; an evidence change after verification sends it back for
 * review; every write audited.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { evidenceItem, Innovation, Period } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { attachments, auditLog } from '#server/db/schema.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { makePdf } from '../../../../test/support/files.ts';

type EvidenceItem = z.infer<typeof evidenceItem>;

const HOME = '19.71';
const OTHER = '62.71';

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const COMPLETE_PROFILE = {
  tahapan: 'inisiatif',
  inisiator: 'opd',
  jenis: 'digital',
  bentuk: 'pelayanan_publik',
  urusanUtama: 'pendidikan',
  tujuan: 'Mempercepat layanan',
  manfaat: 'Warga terlayani lebih cepat',
  hasil: 'Waktu layanan turun separuh',
  rancangBangun: Array.from({ length: 310 }, (_, i) => `kata${i}`).join(' '),
};

interface World {
  t: TestApp;
  admin: Client;
  operator: Client;
  operatorUsername: string;
  periodId: string;
}

async function makeWorld(t: TestApp): Promise<World> {
  const admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  const res = await admin.post(`/api/v1/regions/${HOME}/periods`, {
    year: 2026,
    opensOn: '2026-01-01',
    closesOn: '2026-12-31',
    targetTotal: 100,
    minPerUnit: 1,
  });
  expect(res.statusCode, res.body).toBe(201);
  const unit = await makeUnit(t.db, HOME);
  const op = await clientFor(t, 'operator', HOME, unit.id);
  return { t, admin, operator: op.client, operatorUsername: op.user.username, periodId: json<Period>(res).id };
}

async function createInnovation(w: World, fields: Record<string, unknown> = {}, client = w.operator): Promise<string> {
  const res = await client.post(`/api/v1/regions/${HOME}/innovations`, { periodId: w.periodId, name: 'Layanan Antar Dokumen', ...fields });
  expect(res.statusCode, res.body).toBe(201);
  return json<Innovation>(res).id;
}

const base = (innovationId: string, region = HOME) => `/api/v1/regions/${region}/innovations/${innovationId}/evidence`;

function upload(
  client: Client,
  innovationId: string,
  data: Buffer,
  query: Record<string, string>,
  contentType = 'application/octet-stream',
  region = HOME,
) {
  return client.request('POST', `${base(innovationId, region)}/files?${new URLSearchParams(query)}`, data, { 'content-type': contentType });
}

async function uploaded(client: Client, innovationId: string, data: Buffer, query: Record<string, string>, contentType?: string) {
  const res = await upload(client, innovationId, data, query, contentType);
  expect(res.statusCode, res.body).toBe(201);
  return json<EvidenceItem>(res);
}

async function rowsOf(t: TestApp, innovationId: string) {
  return t.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, 'innovation'), eq(attachments.ownerId, innovationId)));
}

function blobPath(t: TestApp, hash: string) {
  return path.join(t.app.config.storageDir, 'sha256', hash.slice(0, 2), hash.slice(2, 4), hash);
}

async function loadInnovation(client: Client, id: string) {
  const res = await client.get(`/api/v1/regions/${HOME}/innovations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Innovation>(res);
}

describe('evidence', () => {
  let w: World;
  let t: TestApp;
  let verifier: Client;
  let otherOperator: Client;
  let foreignAdmin: Client;

  beforeAll(async () => {
    t = await startTestApp();
    w = await makeWorld(t);
    verifier = (await clientFor(t, 'verifikator', HOME)).client;
    otherOperator = (await clientFor(t, 'operator', HOME)).client;
    foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  });
  afterAll(() => t.close());

  describe('files', () => {
    it('stores a real PDF with its hash, size and detected type, and previews it inline without script', async () => {
      const id = await createInnovation(w);
      const pdf = makePdf('Laporan uji coba');
      const item = await uploaded(w.operator, id, pdf, { fileName: 'Laporan Uji Coba.pdf', target: 'anggaran' });
      expect(item).toMatchObject({
        kind: 'file',
        target: 'anggaran',
        title: 'Laporan Uji Coba.pdf',
        fileName: 'Laporan Uji Coba.pdf',
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256: sha256(pdf),
        url: null,
      });
      expect(existsSync(blobPath(t, sha256(pdf)))).toBe(true);

      const content = await w.operator.get(`${base(id)}/${item.id}/content`);
      expect(content.statusCode).toBe(200);
      expect(content.rawPayload.equals(pdf)).toBe(true);
      expect(content.headers['content-type']).toBe('application/pdf');
      expect(content.headers['content-disposition']).toMatch(/^inline; filename="Laporan Uji Coba.pdf"/);
      expect(content.headers['x-content-type-options']).toBe('nosniff');
      expect(content.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");

      const list = json<{ items: EvidenceItem[] }>(await w.operator.get(base(id)));
      expect(list.items.map((e) => e.id)).toEqual([item.id]);
    });

    it('takes the type from the bytes, whatever the request declares, and keeps the given title', async () => {
      const id = await createInnovation(w);
      const item = await uploaded(w.operator, id, PNG, { fileName: 'foto-lokasi.png', target: 'sid.16', title: 'Foto lokasi' }, 'application/pdf');
      expect(item).toMatchObject({ mimeType: 'image/png', sha256: sha256(PNG), sizeBytes: PNG.length, target: 'sid.16', title: 'Foto lokasi' });
      const content = await verifier.get(`${base(id)}/${item.id}/content`);
      expect(content.statusCode).toBe(200);
      expect(content.headers['content-type']).toBe('image/png');
      expect(content.rawPayload.equals(PNG)).toBe(true);
      expect(content.headers['x-content-type-options']).toBe('nosniff');
      expect(content.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json'])(
      'refuses an upload sent as %s (what a form on another page could post) with 415, storing nothing',
      async (contentType) => {
        const id = await createInnovation(w);
        const res = await upload(w.operator, id, Buffer.concat([Buffer.from('%PDF-1.4\n'), PNG]), { fileName: 'a.pdf' }, contentType);
        expect(res.statusCode, res.body).toBe(415);
        expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(await rowsOf(t, id)).toHaveLength(0);
      },
    );

    it('refuses a text file named .pdf with 415 and stores nothing', async () => {
      const id = await createInnovation(w);
      const text = Buffer.from('<html><script>alert(document.cookie)</script></html>');
      const res = await upload(w.operator, id, text, { fileName: 'laporan.pdf' }, 'application/pdf');
      expect(res.statusCode).toBe(415);
      expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await rowsOf(t, id)).toHaveLength(0);
      expect(existsSync(blobPath(t, sha256(text)))).toBe(false);
    });

    it('refuses a PNG whose name says .pdf with 415', async () => {
      const id = await createInnovation(w);
      const res = await upload(w.operator, id, PNG, { fileName: 'laporan.pdf' });
      expect(res.statusCode).toBe(415);
      expect(errorOf(res).issues?.[0]?.field).toBe('fileName');
      expect(await rowsOf(t, id)).toHaveLength(0);
    });

    it('refuses an empty body, an unknown target and the same file twice on one target', async () => {
      const id = await createInnovation(w);
      const empty = await w.operator.request('POST', `${base(id)}/files?fileName=a.pdf`, undefined, { 'content-type': 'application/pdf' });
      expect(empty.statusCode).toBe(400);
      const badTarget = await upload(w.operator, id, PNG, { fileName: 'a.png', target: 'bukan target' });
      expect(badTarget.statusCode).toBe(400);
      expect(errorOf(badTarget).issues?.[0]?.field).toBe('query.target');
      await uploaded(w.operator, id, PNG, { fileName: 'a.png' });
      const twice = await upload(w.operator, id, PNG, { fileName: 'b.png' });
      expect(twice.statusCode).toBe(409);
      await uploaded(w.operator, id, PNG, { fileName: 'a.png', target: 'profil_bisnis' });
      expect(await rowsOf(t, id)).toHaveLength(2);
    });
  });

  describe('links', () => {
    it('records an http(s) link, which has no content to download', async () => {
      const id = await createInnovation(w);
      const res = await w.operator.post(`${base(id)}/links`, { title: 'Video penerapan', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
      expect(res.statusCode, res.body).toBe(201);
      const item = json<EvidenceItem>(res);
      expect(item).toMatchObject({ kind: 'link', target: 'umum', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', sha256: null, fileName: null });
      expect((await w.operator.get(`${base(id)}/${item.id}/content`)).statusCode).toBe(404);
    });

    it('refuses a URL that is not http(s) with 400', async () => {
      const id = await createInnovation(w);
      for (const url of ['javascript:alert(1)', 'ftp://example.org/video.mp4', 'bukan url']) {
        const res = await w.operator.post(`${base(id)}/links`, { title: 'Video', url });
        expect(res.statusCode, url).toBe(400);
        expect(errorOf(res).code).toBe('VALIDATION_FAILED');
      }
      expect(await rowsOf(t, id)).toHaveLength(0);
    });
  });

  describe('who may do what', () => {
    let id: string;
    let fileId: string;

    beforeAll(async () => {
      id = await createInnovation(w);
      fileId = (await uploaded(w.operator, id, makePdf('akses'), { fileName: 'akses.pdf' })).id;
    });

    it('hides an innovation of another unit from an operator: 404 for every route', async () => {
      expect((await otherOperator.get(base(id))).statusCode).toBe(404);
      expect((await otherOperator.get(`${base(id)}/${fileId}/content`)).statusCode).toBe(404);
      expect((await upload(otherOperator, id, PNG, { fileName: 'x.png' })).statusCode).toBe(404);
      expect((await otherOperator.post(`${base(id)}/links`, { title: 'x', url: 'https://example.org' })).statusCode).toBe(404);
      expect((await otherOperator.delete(`${base(id)}/${fileId}`)).statusCode).toBe(404);
      expect(await rowsOf(t, id)).toHaveLength(1);
    });

    it('lets a verifier read and preview but not upload (403)', async () => {
      expect((await verifier.get(base(id))).statusCode).toBe(200);
      expect((await verifier.get(`${base(id)}/${fileId}/content`)).statusCode).toBe(200);
      const res = await upload(verifier, id, PNG, { fileName: 'x.png' });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect((await verifier.delete(`${base(id)}/${fileId}`)).statusCode).toBe(403);
    });

    it('refuses a user of another region with 403', async () => {
      const res = await upload(foreignAdmin, id, PNG, { fileName: 'x.png' });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('REGION_FORBIDDEN');
      expect((await foreignAdmin.get(`${base(id)}/${fileId}/content`)).statusCode).toBe(403);
    });

    it("does not find another region's evidence through one's own region", async () => {
      const foreignPeriod = await foreignAdmin.post(`/api/v1/regions/${OTHER}/periods`, {
        year: 2026,
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        targetTotal: 10,
        minPerUnit: 1,
      });
      expect(foreignPeriod.statusCode, foreignPeriod.body).toBe(201);
      const foreignUnit = await makeUnit(t.db, OTHER);
      const created = await foreignAdmin.post(`/api/v1/regions/${OTHER}/innovations`, {
        periodId: json<Period>(foreignPeriod).id,
        unitId: foreignUnit.id,
        name: 'Inovasi daerah lain',
      });
      expect(created.statusCode, created.body).toBe(201);
      const foreignId = json<Innovation>(created).id;
      const res = await upload(foreignAdmin, foreignId, PNG, { fileName: 'x.png' }, 'image/png', OTHER);
      expect(res.statusCode, res.body).toBe(201);
      const foreignFile = json<EvidenceItem>(res);
      expect((await w.admin.get(`${base(foreignId)}/${foreignFile.id}/content`)).statusCode).toBe(404);
      expect((await w.admin.get(base(foreignId))).statusCode).toBe(404);
      expect((await w.admin.delete(`${base(foreignId)}/${foreignFile.id}`)).statusCode).toBe(404);
      // And an evidence id of one innovation is not found under another.
      expect((await w.admin.get(`${base(id)}/${foreignFile.id}/content`)).statusCode).toBe(404);
    });
  });

  describe('removal', () => {
    it('removes the row, and the stored file only once no evidence uses it any more', async () => {
      const first = await createInnovation(w);
      const second = await createInnovation(w, { name: 'Inovasi kedua' });
      const pdf = makePdf('dipakai bersama');
      const a = await uploaded(w.operator, first, pdf, { fileName: 'bersama.pdf' });
      const b = await uploaded(w.operator, second, pdf, { fileName: 'bersama.pdf' });
      expect(a.sha256).toBe(b.sha256);

      const res = await w.operator.delete(`${base(first)}/${a.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      expect(json<{ items: EvidenceItem[] }>(await w.operator.get(base(first))).items).toEqual([]);
      expect((await w.operator.get(`${base(first)}/${a.id}/content`)).statusCode).toBe(404);
      expect(existsSync(blobPath(t, sha256(pdf)))).toBe(true);
      const still = await w.operator.get(`${base(second)}/${b.id}/content`);
      expect(still.rawPayload.equals(pdf)).toBe(true);

      expect((await w.operator.delete(`${base(second)}/${b.id}`)).statusCode).toBe(200);
      expect(existsSync(blobPath(t, sha256(pdf)))).toBe(false);
      expect((await w.operator.delete(`${base(second)}/${b.id}`)).statusCode).toBe(404);
    });
  });

  describe('the workflow', () => {
    async function verified(): Promise<string> {
      const id = await createInnovation(w, COMPLETE_PROFILE);
      const submit = await w.operator.post(`/api/v1/regions/${HOME}/innovations/${id}/transition`, { action: 'submit', version: 1 });
      expect(submit.statusCode, submit.body).toBe(200);
      const verify = await verifier.post(`/api/v1/regions/${HOME}/innovations/${id}/transition`, { action: 'verify', version: 2 });
      expect(verify.statusCode, verify.body).toBe(200);
      expect((await loadInnovation(w.operator, id)).status).toBe('terverifikasi');
      return id;
    }

    it('sends a verified innovation back for review when evidence is added, with a timeline event', async () => {
      const id = await verified();
      const before = await loadInnovation(w.operator, id);
      await uploaded(w.operator, id, PNG, { fileName: 'baru.png' });
      const after = await loadInnovation(w.operator, id);
      expect(after.status).toBe('diajukan');
      expect(after.version).toBe(before.version + 1);
      expect(after.timeline.at(-1)).toMatchObject({ action: 'edited_after_verification', fromStatus: 'terverifikasi', toStatus: 'diajukan' });
      // The verifier's stale version can no longer verify what they have not seen.
      const stale = await verifier.post(`/api/v1/regions/${HOME}/innovations/${id}/transition`, { action: 'verify', version: before.version });
      expect(stale.statusCode).toBe(409);
    });

    it('sends it back for review when a link is added or evidence removed after verification', async () => {
      const id = await verified();
      const link = await w.operator.post(`${base(id)}/links`, { title: 'Video', url: 'https://example.org/video' });
      expect(link.statusCode, link.body).toBe(201);
      expect((await loadInnovation(w.operator, id)).status).toBe('diajukan');

      const verify = await verifier.post(`/api/v1/regions/${HOME}/innovations/${id}/transition`, {
        action: 'verify',
        version: (await loadInnovation(verifier, id)).version,
      });
      expect(verify.statusCode, verify.body).toBe(200);
      expect((await w.operator.delete(`${base(id)}/${json<EvidenceItem>(link).id}`)).statusCode).toBe(200);
      const after = await loadInnovation(w.operator, id);
      expect(after.status).toBe('diajukan');
      expect(after.timeline.filter((e) => e.action === 'edited_after_verification')).toHaveLength(2);
    });

    it('keeps a draft a draft, and refuses changes while the innovation is under review (409)', async () => {
      const id = await createInnovation(w, COMPLETE_PROFILE);
      await uploaded(w.operator, id, PNG, { fileName: 'draf.png' });
      const draft = await loadInnovation(w.operator, id);
      expect(draft.status).toBe('draft');
      expect(draft.timeline.map((e) => e.action)).toEqual(['created']);

      const submit = await w.operator.post(`/api/v1/regions/${HOME}/innovations/${id}/transition`, { action: 'submit', version: draft.version });
      expect(submit.statusCode, submit.body).toBe(200);
      const res = await upload(w.operator, id, makePdf('saat ditinjau'), { fileName: 'x.pdf' });
      expect(res.statusCode).toBe(409);
      expect(errorOf(res).code).toBe('INNOVATION_EVIDENCE_LOCKED');
      expect(await rowsOf(t, id)).toHaveLength(1);
    });
  });

  describe('the audit log', () => {
    it('records every write with who did it, and nothing for a refused one', async () => {
      const id = await createInnovation(w);
      const file = await uploaded(w.operator, id, makePdf('audit'), { fileName: 'audit.pdf' });
      const link = json<EvidenceItem>(await w.operator.post(`${base(id)}/links`, { title: 'Video', url: 'https://example.org/v' }));
      expect((await w.operator.delete(`${base(id)}/${file.id}`)).statusCode).toBe(200);
      expect((await upload(w.operator, id, Buffer.from('teks biasa'), { fileName: 'x.pdf' })).statusCode).toBe(415);

      const entries = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'evidence'), sql`coalesce(${auditLog.after}, ${auditLog.before}) ->> 'innovationId' = ${id}`))
        .orderBy(auditLog.id);
      expect(entries.map((e) => [e.action, e.entityId, e.actorUsername, e.regionCode])).toEqual([
        ['evidence.added', file.id, w.operatorUsername, HOME],
        ['evidence.added', link.id, w.operatorUsername, HOME],
        ['evidence.removed', file.id, w.operatorUsername, HOME],
      ]);
      expect(entries[0]?.after).toMatchObject({ sha256: file.sha256, mimeType: 'application/pdf', fileName: 'audit.pdf' });
    });
  });
});

describe('the upload limit', () => {
  const LIMIT = 1024;
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ maxUploadBytes: LIMIT });
    w = await makeWorld(t);
  });
  afterAll(() => t.close());

  const pdfOfSize = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);

  it('refuses a body over the limit with 413 and the catalog body, storing nothing', async () => {
    const id = await createInnovation(w);
    const big = pdfOfSize(LIMIT + 1);
    const res = await upload(w.operator, id, big, { fileName: 'besar.pdf' });
    expect(res.statusCode).toBe(413);
    expect(json<ErrorBody>(res)).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'Berkas terlalu besar.', messageEn: 'The file is too large.', requestId: expect.any(String) },
    });
    expect(await rowsOf(t, id)).toHaveLength(0);
    expect(existsSync(blobPath(t, sha256(big)))).toBe(false);
  });

  it('accepts a file of exactly the limit', async () => {
    const id = await createInnovation(w);
    const item = await uploaded(w.operator, id, pdfOfSize(LIMIT), { fileName: 'pas.pdf' });
    expect(item.sizeBytes).toBe(LIMIT);
  });
});
