/**
 * The guard on citizens' writes without login (survey answers, complaints, Open311 reports): a retry
 * with the same idempotency key gets the first answer and writes nothing, on any instance; a filled
 * honeypot is answered as accepted and writes nothing; an address that floods is slowed down; and a
 * page on another site may post (the route carries no session).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ErrorBody } from '#shared/errors.ts';
import { type App, buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import type { DatabaseHandle } from '#server/db/client.ts';
import { createLogger } from '#server/logger.ts';
import { publicWrite } from '#server/platform/public-write.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { openTestDatabase } from '../support/harness.ts';

const answer = z.object({ name: z.string().min(1, 'Nama wajib diisi'), score: z.number().int().min(1).max(4) });

/** What the handlers received, in order: proof of how many writes happened. */
const received: unknown[] = [];
let release: (() => void) | undefined;

const testRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/answers', publicWrite(app, { schema: { body: answer } }), async (request, reply) => {
    received.push(request.body);
    return reply.status(201).send({ id: `jawaban-${received.length}`, name: request.body.name });
  });
  app.post('/slow', publicWrite(app, { schema: { body: answer } }), async (request, reply) => {
    received.push(request.body);
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return reply.status(201).send({ id: 'lambat' });
  });
  app.post('/flood', publicWrite(app, { schema: { body: answer } }, { perMinute: 3 }), async (_request, reply) =>
    reply.status(201).send({ ok: true }),
  );
};

let handle: DatabaseHandle;
let drop: () => Promise<void>;
let app: App;
let storageDir: string;

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/public/test${url}`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}
const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;

beforeAll(async () => {
  ({ handle, drop } = await openTestDatabase());
  storageDir = mkdtempSync(path.join(tmpdir(), 'sinergi-public-write-'));
  const config = { ...loadConfig({}), logLevel: 'silent', webDir: '/nonexistent', storageDir, publicWritePerMinute: 1000 };
  app = await buildApp({ config, database: handle, logger: createLogger('silent') });
  await app.register(testRoutes, { prefix: '/api/v1/public/test' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await handle.close();
  await drop();
  rmSync(storageDir, { recursive: true, force: true });
});

describe('an idempotency key', () => {
  it('answers a retry with the first answer and writes once', async () => {
    const before = received.length;
    const first = await post('/answers', { name: 'Siti', score: 4 }, { 'idempotency-key': 'kirim-0001-abcdef' });
    const retry = await post('/answers', { name: 'Siti', score: 4 }, { 'idempotency-key': 'kirim-0001-abcdef' });
    expect(first.statusCode, first.body).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(received.length - before).toBe(1);
  });

  it('writes again for another key, or without a key', async () => {
    const before = received.length;
    expect((await post('/answers', { name: 'Budi', score: 3 }, { 'idempotency-key': 'kirim-0002-abcdef' })).statusCode).toBe(201);
    expect((await post('/answers', { name: 'Budi', score: 3 }, { 'idempotency-key': 'kirim-0003-abcdef' })).statusCode).toBe(201);
    expect((await post('/answers', { name: 'Budi', score: 3 })).statusCode).toBe(201);
    expect((await post('/answers', { name: 'Budi', score: 3 })).statusCode).toBe(201);
    expect(received.length - before).toBe(4);
  });

  it('keeps no receipt for a refused first attempt, so the corrected form goes through with the same key', async () => {
    const before = received.length;
    const refused = await post('/answers', { name: '', score: 9 }, { 'idempotency-key': 'kirim-0004-abcdef' });
    expect(refused.statusCode).toBe(400);
    const corrected = await post('/answers', { name: 'Ani', score: 2 }, { 'idempotency-key': 'kirim-0004-abcdef' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
    expect(received.length - before).toBe(1);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await post('/answers', { name: 'Ani', score: 2 }, { 'idempotency-key': 'pendek' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual(['header.idempotency-key']);
  });

  it('answers 409 to a retry while the first attempt is still running, and the answer once it is done', async () => {
    const headers = { 'idempotency-key': 'kirim-lambat-0001' };
    const first = post('/slow', { name: 'Dewi', score: 4 }, headers);
    await expect.poll(() => release !== undefined).toBe(true);
    const during = await post('/slow', { name: 'Dewi', score: 4 }, headers);
    expect(during.statusCode).toBe(409);
    expect(errorOf(during).code).toBe('IDEMPOTENCY_IN_PROGRESS');
    release?.();
    expect((await first).statusCode).toBe(201);
    const after = await post('/slow', { name: 'Dewi', score: 4 }, headers);
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotent-replayed']).toBe('true');
  });
});

describe('the honeypot', () => {
  it('answers a filled one as accepted and writes nothing', async () => {
    const before = received.length;
    const res = await post('/answers', { name: 'Bot', score: 4, website: 'https://spam.example' });
    expect(res.statusCode).toBe(202);
    expect(received.length).toBe(before);
  });

  it('lets an empty one through, without the field', async () => {
    const res = await post('/answers', { name: 'Rina', score: 3, website: '' });
    expect(res.statusCode, res.body).toBe(201);
    expect(received.at(-1)).toEqual({ name: 'Rina', score: 3 });
  });
});

describe('the rate limit and other sites', () => {
  it('slows down an address that floods (429 with the catalog body)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await post('/flood', { name: 'Banjir', score: 1 })).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const res = await post('/flood', { name: 'Banjir', score: 1 });
    expect(errorOf(res).code).toBe('RATE_LIMITED');
  });

  it('accepts a post from a page on another site', async () => {
    const res = await post('/answers', { name: 'Warga', score: 4 }, { origin: 'https://pangkalpinangkota.go.id', 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode, res.body).toBe(201);
  });
});
