/**
 * A local S3-compatible server for tests: the npm package `@20minutes/s3rver` (a maintained fork of
 * s3rver that checks SigV4 signatures, so a wrong key pair fails as it would on a real store), started
 * in this process on a free loopback port over a temporary directory, with one bucket. No Docker, no
 * download, nothing outside the npm registry.
 *
 * Known gap of this server: bucket-level requests (ListObjectsV2, CreateBucket, HeadBucket) fail its
 * signature check, so the bucket is created by the server itself and `objectKeys` reads its directory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3StorageConfig, StorageConfig } from '../../src/server/config.ts';

interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverClass = new (options: S3rverOptions) => S3rverInstance;

// The package is CommonJS without type declarations; its surface used here is typed above.
const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as S3rverClass;

/** The server's built-in account: it checks signatures against this key pair. */
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';
const OBJECT_SUFFIX = '._S3rver_object';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Settings for an app or a store on this server (`prefix` optional), as `loadConfig` would build them. */
  storageConfig(fields?: Partial<S3StorageConfig>): Extract<StorageConfig, { kind: 's3' }>;
  /** Every object key in the bucket, read from the server's own directory (not through S3). */
  objectKeys(): string[];
  /** An object's bytes from the server's directory, or null. */
  objectBytes(key: string): Buffer | null;
  stop(): Promise<void>;
}

export async function startS3Server(bucket = 'sinergi-test'): Promise<S3TestServer> {
  const directory = mkdtempSync(path.join(tmpdir(), 'sinergi-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const bucketDir = path.join(directory, bucket);

  const objectKeys = () =>
    readdirSync(bucketDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(OBJECT_SUFFIX))
      .map((f) => f.slice(0, -OBJECT_SUFFIX.length).split(path.sep).join('/'))
      .sort();

  return {
    endpoint,
    bucket,
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    storageConfig: (fields = {}) => ({
      kind: 's3',
      endpoint,
      region: 'us-east-1',
      bucket,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      forcePathStyle: true,
      prefix: '',
      ...fields,
    }),
    objectKeys,
    objectBytes: (key) => {
      try {
        return readFileSync(path.join(bucketDir, `${key}${OBJECT_SUFFIX}`));
      } catch {
        return null;
      }
    },
    stop: async () => {
      // Keep-alive connections of a client not yet destroyed would hold `close` open.
      const closing = server.close();
      server.httpServer?.closeAllConnections();
      await closing;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
