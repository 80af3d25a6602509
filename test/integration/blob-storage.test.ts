/**
 * The blob store's contract, the same cases on local disk and on a local S3-compatible server: every
 * byte comes back, a missing key is "not found" rather than a crash, delete and re-put are harmless,
 * concurrent uploads of one file leave one object, keys keep the content-addressed layout. Then the
 * S3 store's start-up check and settings, and one evidence file through the HTTP app on S3 storage.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { BlobNotFoundError, type BlobStorage, createBlobStorage } from '../../src/server/lib/storage.ts';
import { clientFor, makeUnit, startTestApp, type TestApp } from '../support/harness.ts';
import { type S3TestServer, startS3Server } from '../support/s3-server.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** The layout the app stores files under: `sha256/ab/cd/<hash>`. */
const keyOf = (data: Buffer) => {
  const h = sha256(data);
  return `sha256/${h.slice(0, 2)}/${h.slice(2, 4)}/${h}`;
};

async function chunksOf(stream: Readable): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return chunks;
}
const bytesOf = async (storage: BlobStorage, key: string) => Buffer.concat(await chunksOf(await storage.get(key)));

interface Store {
  storage: BlobStorage;
  /** Every key the store holds, read beside it (its directory), not through the store under test. */
  rawKeys(): string[];
  close(): Promise<void>;
}

const PREFIX = 'kota-uji/';

const stores: { name: string; open(): Promise<Store> }[] = [
  {
    name: 'local disk',
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'sinergi-blobs-'));
      const storage = await createBlobStorage({ storage: { kind: 'local' }, storageDir: dir });
      return {
        storage,
        rawKeys: () =>
          readdirSync(dir, { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
            .sort(),
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'S3 (local server, key prefix)',
    async open() {
      const server = await startS3Server();
      const storage = await createBlobStorage({ storage: server.storageConfig({ prefix: PREFIX }), storageDir: '/nonexistent' });
      return {
        storage,
        rawKeys: () => server.objectKeys().map((k) => (k.startsWith(PREFIX) ? k.slice(PREFIX.length) : `(outside the prefix) ${k}`)),
        close: () => server.stop(),
      };
    },
  },
];

describe.each(stores)('blob storage on $name', ({ open }) => {
  let store: Store;
  let storage: BlobStorage;
  beforeAll(async () => {
    store = await open();
    storage = store.storage;
  });
  afterAll(() => store.close());

  it('returns every byte it stored, binary and a few MB, as a stream', async () => {
    const allBytes = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    const large = randomBytes(3 * 1024 * 1024 + 7);
    for (const data of [allBytes, large, Buffer.from([0])]) {
      await storage.put(keyOf(data), data);
      expect(await storage.exists(keyOf(data))).toBe(true);
      expect((await bytesOf(storage, keyOf(data))).equals(data)).toBe(true);
    }
    // Streamed in pieces, not read whole into one buffer first.
    expect((await chunksOf(await storage.get(keyOf(large)))).length).toBeGreaterThan(1);
  });

  it('stores an empty file too (the interface does not forbid it; uploads refuse it earlier)', async () => {
    const empty = Buffer.alloc(0);
    await storage.put(keyOf(empty), empty);
    expect(await storage.exists(keyOf(empty))).toBe(true);
    expect(await bytesOf(storage, keyOf(empty))).toHaveLength(0);
  });

  it('answers a missing key with "not found": exists is false, get rejects with BlobNotFoundError', async () => {
    const key = keyOf(Buffer.from('never stored'));
    expect(await storage.exists(key)).toBe(false);
    const err = await storage.get(key).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobNotFoundError);
    expect((err as BlobNotFoundError).key).toBe(key);
  });

  it('deletes idempotently: a second delete and a delete of a key never stored are no errors', async () => {
    const data = randomBytes(1000);
    const key = keyOf(data);
    await storage.put(key, data);
    expect(store.rawKeys()).toContain(key);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(store.rawKeys()).not.toContain(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await storage.delete(key);
    await storage.delete(keyOf(Buffer.from('never stored either')));
  });

  it('leaves an existing key as it is on a second put (content-addressed: its bytes are the same)', async () => {
    const data = randomBytes(2000);
    const key = keyOf(data);
    await storage.put(key, data);
    await storage.put(key, data);
    expect((await bytesOf(storage, key)).equals(data)).toBe(true);
    // Proof that the second put did not write: bytes that do not match the key would have replaced them.
    await storage.put(key, Buffer.from('not these bytes'));
    expect((await bytesOf(storage, key)).equals(data)).toBe(true);
    expect(store.rawKeys().filter((k) => k === key)).toHaveLength(1);
  });

  it('survives concurrent puts of the same file: all succeed, one object, no leftovers', async () => {
    const data = randomBytes(1024 * 1024);
    const key = keyOf(data);
    const before = store.rawKeys();
    await Promise.all(Array.from({ length: 8 }, () => storage.put(key, data)));
    expect((await bytesOf(storage, key)).equals(data)).toBe(true);
    expect(store.rawKeys().filter((k) => !before.includes(k))).toEqual([key]);
  });

  it('keeps the sha256/ab/cd/<hash> layout: files sharing folders stay apart, under exactly their keys', async () => {
    const files = Array.from({ length: 5 }, (_, i) => Buffer.from(`berkas ${i}`));
    const before = store.rawKeys();
    await Promise.all(files.map((f) => storage.put(keyOf(f), f)));
    for (const f of files) expect((await bytesOf(storage, keyOf(f))).equals(f)).toBe(true);
    expect(store.rawKeys().filter((k) => !before.includes(k))).toEqual(files.map(keyOf).sort());
    for (const k of store.rawKeys()) expect(k).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });

  it('refuses keys that could escape the layout', async () => {
    for (const key of ['../outside', '/etc/passwd', 'sha256/../../x', 'Sha256/UPPER', '']) {
      await expect(storage.put(key, Buffer.from('x')), key).rejects.toThrow(/unsafe storage key/);
      await expect(storage.exists(key), key).rejects.toThrow(/unsafe storage key/);
      await expect(storage.get(key), key).rejects.toThrow(/unsafe storage key/);
    }
  });
});

describe('S3 storage at start-up', () => {
  let server: S3TestServer;
  beforeAll(async () => {
    server = await startS3Server();
  });
  afterAll(() => server.stop());

  it('refuses a wrong key pair with a message naming the settings', async () => {
    const config = server.storageConfig({ credentials: { accessKeyId: server.accessKeyId, secretAccessKey: 'salah' } });
    await expect(createBlobStorage({ storage: config, storageDir: '' })).rejects.toThrow(/refused access.*SINERGI_S3_SECRET_ACCESS_KEY/);
  });

  it('refuses a bucket that does not exist', async () => {
    await expect(createBlobStorage({ storage: server.storageConfig({ bucket: 'tidak-ada' }), storageDir: '' })).rejects.toThrow(
      /"tidak-ada".*does not exist \(SINERGI_S3_BUCKET\)/,
    );
  });

  it('refuses an endpoint where nothing answers', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    await expect(createBlobStorage({ storage: server.storageConfig({ endpoint: 'http://127.0.0.1:1' }), storageDir: '' })).rejects.toThrow(
      /cannot be read.*SINERGI_S3_ENDPOINT/,
    );
  });

  it('reads its settings from the environment, with a clear message for each bad value', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'local' });
    expect(
      loadConfig({
        SINERGI_STORAGE: 's3',
        SINERGI_S3_ENDPOINT: 'http://127.0.0.1:9000',
        SINERGI_S3_BUCKET: 'sinergi-files',
        SINERGI_S3_ACCESS_KEY_ID: 'kunci',
        SINERGI_S3_SECRET_ACCESS_KEY: 'rahasia',
        SINERGI_S3_PREFIX: 'kota/berkas',
      }).storage,
    ).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      bucket: 'sinergi-files',
      credentials: { accessKeyId: 'kunci', secretAccessKey: 'rahasia' },
      forcePathStyle: true,
      prefix: 'kota/berkas/',
    });
    expect(loadConfig({ SINERGI_STORAGE: 's3', SINERGI_S3_BUCKET: 'b-aws', SINERGI_S3_REGION: 'ap-southeast-3' }).storage).toMatchObject({
      endpoint: undefined,
      region: 'ap-southeast-3',
      credentials: undefined,
      forcePathStyle: false,
      prefix: '',
    });
    const bad: [Record<string, string>, RegExp][] = [
      [{ SINERGI_STORAGE: 's3' }, /SINERGI_S3_BUCKET: .*required/],
      [{ SINERGI_STORAGE: 'minio' }, /SINERGI_STORAGE/],
      [{ SINERGI_STORAGE: 's3', SINERGI_S3_BUCKET: 's3://sinergi' }, /SINERGI_S3_BUCKET/],
      [{ SINERGI_STORAGE: 's3', SINERGI_S3_BUCKET: 'b-1', SINERGI_S3_ENDPOINT: 'minio:9000' }, /SINERGI_S3_ENDPOINT/],
      [{ SINERGI_STORAGE: 's3', SINERGI_S3_BUCKET: 'b-1', SINERGI_S3_ACCESS_KEY_ID: 'kunci' }, /SINERGI_S3_SECRET_ACCESS_KEY: .*both/],
      [{ SINERGI_STORAGE: 's3', SINERGI_S3_BUCKET: 'b-1', SINERGI_S3_FORCE_PATH_STYLE: 'kadang' }, /SINERGI_S3_FORCE_PATH_STYLE/],
      [{ SINERGI_STORAGE: 's3', SINERGI_S3_BUCKET: 'b-1', SINERGI_S3_PREFIX: '../lain' }, /SINERGI_S3_PREFIX/],
    ];
    for (const [env, message] of bad) expect(() => loadConfig(env), JSON.stringify(env)).toThrow(message);
  });
});

describe('evidence through the HTTP app on S3 storage', () => {
  const HOME = '19.71';
  let t: TestApp;
  let s3: S3TestServer;
  beforeAll(async () => {
    t = await startTestApp({ storage: 's3' });
    if (!t.s3) throw new Error('the harness started no S3 server');
    s3 = t.s3;
  });
  afterAll(() => t.close());

  const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

  it('uploads a file into the bucket, serves it back byte for byte, and removes it from the bucket on delete', async () => {
    expect(t.app.storage.kind).toBe('s3');
    const admin = (await clientFor(t, 'admin_daerah', HOME)).client;
    const period = await admin.post(`/api/v1/regions/${HOME}/periods`, {
      year: 2026,
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      targetTotal: 10,
      minPerUnit: 1,
    });
    expect(period.statusCode, period.body).toBe(201);
    const unit = await makeUnit(t.db, HOME);
    const operator = (await clientFor(t, 'operator', HOME, unit.id)).client;
    const created = await operator.post(`/api/v1/regions/${HOME}/innovations`, { periodId: json<{ id: string }>(period).id, name: 'Arsip Digital' });
    expect(created.statusCode, created.body).toBe(201);
    const base = `/api/v1/regions/${HOME}/innovations/${json<{ id: string }>(created).id}/evidence`;

    // A PDF by its header, 2 MB, so the answer streams in many pieces from the bucket.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2 * 1024 * 1024)]);
    const key = keyOf(pdf);
    const uploaded = await operator.request('POST', `${base}/files?fileName=arsip.pdf`, pdf, { 'content-type': 'application/pdf' });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const item = json<{ id: string; sha256: string; sizeBytes: number }>(uploaded);
    expect(item).toMatchObject({ sha256: sha256(pdf), sizeBytes: pdf.length });

    expect(s3.objectKeys()).toEqual([key]);
    expect(s3.objectBytes(key)?.equals(pdf)).toBe(true);
    expect(readdirSync(t.app.config.storageDir)).toEqual([]);

    const content = await operator.get(`${base}/${item.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.rawPayload.equals(pdf)).toBe(true);

    const removed = await operator.delete(`${base}/${item.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(s3.objectKeys()).toEqual([]);
    expect((await operator.get(`${base}/${item.id}/content`)).statusCode).toBe(404);
  });
});
