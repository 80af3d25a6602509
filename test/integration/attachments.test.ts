/**
 * Attachments across kinds of record, on local disk and on an S3-compatible store (a local server
 * started by the test): the same bytes attached to an innovation and to an assessment item are stored
 * once and stay until the last record lets go; a carried-over innovation shares its files; every
 * stored file comes back byte for byte through each owner's own route.
 */
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail, AssessmentItem } from '#shared/api/assessments.ts';
import type { Innovation, Period } from '#shared/api/innovations.ts';

type EvidenceItem = Innovation['evidence'][number];
import type { ErrorBody } from '#shared/errors.ts';
import { storageKeyOf } from '#server/platform/attachments/stored-file.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../support/harness.ts';
import { makePdf } from '../support/files.ts';

const HOME = '19.71';
const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;

const keyOf = (data: Buffer) => storageKeyOf(createHash('sha256').update(data).digest('hex'));

describe.each(['local', 's3'] as const)('attachments on %s storage', (storage) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let verifier: Client;
  let periodId: string;
  let period2Id: string;
  let assessment: AssessmentDetail;
  let item: AssessmentItem;

  const innovationFiles = (id: string) => `/api/v1/regions/${HOME}/innovations/${id}/evidence`;
  const itemFiles = () => `/api/v1/regions/${HOME}/assessments/${assessment.id}/items/${item.id}/evidence`;
  const isStored = (data: Buffer) => t.app.storage.exists(keyOf(data));

  async function newInnovation(name: string): Promise<string> {
    const res = await operator.post(`/api/v1/regions/${HOME}/innovations`, { periodId, name });
    expect(res.statusCode, res.body).toBe(201);
    return json<Innovation>(res).id;
  }

  async function attachToInnovation(id: string, data: Buffer, fileName: string, target = 'umum'): Promise<EvidenceItem> {
    const res = await operator.request('POST', `${innovationFiles(id)}/files?${new URLSearchParams({ fileName, target })}`, data, {
      'content-type': 'application/pdf',
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<EvidenceItem>(res);
  }

  async function attachToItem(data: Buffer, fileName: string): Promise<{ id: string }> {
    const res = await operator.request('POST', `${itemFiles()}/files?${new URLSearchParams({ fileName })}`, data, {
      'content-type': 'application/pdf',
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<{ id: string }>(res);
  }

  beforeAll(async () => {
    t = await startTestApp(storage === 's3' ? { storage: 's3' } : {});
    const unit = await makeUnit(t.db, HOME, { name: 'Dinas Komunikasi dan Informatika' });
    admin = (await clientFor(t, 'admin_daerah', HOME)).client;
    operator = (await clientFor(t, 'operator', HOME, unit.id)).client;
    verifier = (await clientFor(t, 'verifikator', HOME)).client;
    const periods: string[] = [];
    for (const year of [2025, 2026]) {
      const res = await admin.post(`/api/v1/regions/${HOME}/periods`, { year, opensOn: `${year}-01-01`, closesOn: `${year}-12-31`, targetTotal: 10 });
      expect(res.statusCode, res.body).toBe(201);
      periods.push(json<Period>(res).id);
    }
    [periodId = '', period2Id = ''] = periods;
    const versions = json<{ items: { id: string; frameworkId: string; regionCode: string | null }[] }>(
      await admin.get(`/api/v1/regions/${HOME}/framework-versions`),
    ).items;
    const spbe = versions.find((v) => v.frameworkId === 'spbe-2020' && v.regionCode === null);
    const created = await admin.post(`/api/v1/regions/${HOME}/assessments`, {
      frameworkVersionId: spbe?.id,
      year: 2026,
      deadline: '2026-06-30',
      // SPBE 2020 ends with 2025: an admin opens it for 2026 only with a reason.
      overrideReason: 'Uji lampiran',
    });
    expect(created.statusCode, created.body).toBe(201);
    assessment = json<AssessmentDetail>(created);
    const assigned = await admin.post(`/api/v1/regions/${HOME}/assessments/${assessment.id}/assignments`, {
      assignments: [{ indicatorId: '1', unitId: unit.id }],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const detail = json<AssessmentDetail>(await admin.get(`/api/v1/regions/${HOME}/assessments/${assessment.id}`));
    const found = detail.items.find((i) => i.indicatorId === '1');
    if (!found) throw new Error('indicator 1 not in the assessment');
    item = found;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('stores the same bytes once for an innovation and an assessment item, and keeps them until the last one lets go', async () => {
    const data = makePdf(`Perwali SPBE ${storage}`);
    const innovationId = await newInnovation(`Satu Data ${storage}`);
    const onInnovation = await attachToInnovation(innovationId, data, 'perwali.pdf');
    const onItem = await attachToItem(data, 'perwali-spbe.pdf');
    expect(await isStored(data)).toBe(true);

    // Both owners serve the same bytes through their own routes.
    const fromInnovation = await verifier.get(`${innovationFiles(innovationId)}/${onInnovation.id}/content`);
    const fromItem = await verifier.get(`${itemFiles()}/${onItem.id}/content`);
    expect(fromInnovation.rawPayload.equals(data)).toBe(true);
    expect(fromItem.rawPayload.equals(data)).toBe(true);

    expect((await operator.delete(`${innovationFiles(innovationId)}/${onInnovation.id}`)).statusCode).toBe(200);
    expect(await isStored(data)).toBe(true);
    expect((await verifier.get(`${itemFiles()}/${onItem.id}/content`)).rawPayload.equals(data)).toBe(true);

    expect((await operator.delete(`${itemFiles()}/${onItem.id}`)).statusCode).toBe(200);
    expect(await isStored(data)).toBe(false);
  });

  it('lets a carried-over innovation share its files: the source letting go keeps them', async () => {
    const data = makePdf(`DPA ${storage}`);
    const sourceId = await newInnovation(`Antrean Daring ${storage}`);
    const evidence = await attachToInnovation(sourceId, data, 'dpa.pdf', 'anggaran');
    const carried = await operator.post(`/api/v1/regions/${HOME}/innovations/${sourceId}/carry-over`, {
      periodId: period2Id,
      developmentNote: 'Dikembangkan ke seluruh kecamatan.',
    });
    expect(carried.statusCode, carried.body).toBe(201);
    const nextId = json<{ id: string }>(carried).id;
    const next = json<Innovation>(await operator.get(`/api/v1/regions/${HOME}/innovations/${nextId}`));
    const copy = next.evidence.find((e) => e.target === 'anggaran');
    expect(copy).toMatchObject({ sha256: evidence.sha256, fileName: 'dpa.pdf' });

    expect((await operator.delete(`${innovationFiles(sourceId)}/${evidence.id}`)).statusCode).toBe(200);
    expect(await isStored(data)).toBe(true);
    const content = await operator.get(`${innovationFiles(nextId)}/${copy?.id}/content`);
    expect(content.rawPayload.equals(data)).toBe(true);
  });

  it('refuses the same file twice in one slot with its own code, and accepts it in another slot', async () => {
    const data = makePdf(`SK ${storage}`);
    const innovationId = await newInnovation(`Layanan Antar Dokumen ${storage}`);
    await attachToInnovation(innovationId, data, 'sk.pdf', 'umum');
    const twice = await operator.request('POST', `${innovationFiles(innovationId)}/files?fileName=sk-lagi.pdf&target=umum`, data, {
      'content-type': 'application/pdf',
    });
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).code).toBe('ATTACHMENT_DUPLICATE');
    await attachToInnovation(innovationId, data, 'sk.pdf', 'sid.16');
  });
});
