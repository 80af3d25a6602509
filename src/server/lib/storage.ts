/**
 * Where uploaded files live: under the data directory (the default) or in an S3-compatible bucket
 * (`s3-storage.ts`). Features see only `BlobStorage` and get it from `createBlobStorage`, so switching
 * is a configuration value, not a change in the features. Keys are content hashes, so the same file
 * uploaded twice is stored once and a stored file never changes.
 */
import { randomUUID } from 'node:crypto';
import { access, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AppConfig } from '../config.ts';

export interface BlobStorage {
  readonly kind: 'local' | 's3';
  /** Stores bytes under a key. A key already present is left as it is: its bytes are the same. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes of a key as a stream; rejects with `BlobNotFoundError` when there is none. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes a key; a key that is already gone is not an error. */
  delete(key: string): Promise<void>;
}

/** What `get` rejects with for a key that holds nothing, whichever store is behind it. */
export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`stored file ${key} not found`);
    this.name = 'BlobNotFoundError';
  }
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

/** Keys come from our own hashes; anything else (a path escape, an odd character) is a bug, not data. */
export function checkKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key ${key}`);
  return key;
}

/** The configured store. The S3 client is imported only here, so a local install never loads it. */
export async function createBlobStorage(config: Pick<AppConfig, 'storage' | 'storageDir'>): Promise<BlobStorage> {
  if (config.storage.kind === 'local') return new LocalDiskStorage(config.storageDir);
  const { S3BlobStorage } = await import('./s3-storage.ts');
  const storage = new S3BlobStorage(config.storage);
  await storage.verify();
  return storage;
}

export class LocalDiskStorage implements BlobStorage {
  readonly kind = 'local';
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return path.join(this.root, checkKey(key));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    if (await this.exists(key)) return;
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves half a file under its final name; the temporary name
    // is unique so two uploads of the same file at the same moment do not write into one another.
    const tmp = `${file}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    // Open first, so a missing file rejects here rather than as an error event on the stream later.
    const handle = await open(this.pathOf(key), 'r').catch((err: unknown) => {
      throw isMissing(err) ? new BlobNotFoundError(key) : err;
    });
    return handle.createReadStream();
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'ENOTDIR');
}
