/**
 * Uploaded files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, ...), for installs whose
 * instances share no disk. Loaded only through `createBlobStorage`, so the SDK is imported by installs
 * that use it and by nobody else.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3StorageConfig } from '../config.ts';
import { BlobNotFoundError, type BlobStorage, checkKey } from './storage.ts';

export class S3BlobStorage implements BlobStorage {
  readonly kind = 's3';
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;

  constructor(private readonly config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.prefix = config.prefix;
    // Other stores lag behind AWS's newest request checksums (trailing checksums, CRC headers some
    // reject); asking for checksums only where the operation requires them works on all of them.
    const otherStore = config.endpoint !== undefined;
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      forcePathStyle: config.forcePathStyle,
      ...(otherStore ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
      // A store that stops answering must fail the request (and free it), not hang it; a download that
      // makes no progress for a minute is given up.
      requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
    });
  }

  /** The object key of a storage key: the install's prefix, then our content-addressed key. */
  objectKey(key: string): string {
    return `${this.prefix}${checkKey(key)}`;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const Key = this.objectKey(key);
    // Content-addressed: an object already under this key holds these very bytes, so it is not sent
    // again. Two uploads racing past this check both write the same bytes, which is harmless.
    if (await this.exists(key)) return;
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key, Body: data, ContentLength: data.length, ContentType: 'application/octet-stream' }),
    );
  }

  async get(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!(out.Body instanceof Readable)) throw new Error(`S3 answered ${key} without a readable body`);
      return out.Body;
    } catch (err) {
      throw isMissingObject(err) ? new BlobNotFoundError(key) : err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (err) {
      // A HEAD answer has no body, so 404 is all there is; a missing bucket is caught by `verify`.
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (err) {
      // S3 answers 204 for a key that is not there; some compatible stores answer 404.
      if (!isMissingObject(err)) throw err;
    }
  }

  /**
   * Reads one key that is never written, at start-up, so that a wrong endpoint, bucket or key pair stops
   * the start with a message that names the setting, instead of failing the first upload.
   */
  async verify(): Promise<void> {
    const where = `bucket "${this.bucket}"${this.config.endpoint ? ` at ${this.config.endpoint}` : ''}`;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}sinergi-probe/${randomUUID()}` }));
      if (out.Body instanceof Readable) out.Body.destroy();
    } catch (err) {
      if (isMissingObject(err)) return;
      const name = err instanceof Error ? err.name : String(err);
      const status = statusOf(err);
      if (name === 'NoSuchBucket') throw new Error(`S3 storage: ${where} does not exist (SINERGI_S3_BUCKET)`, { cause: err });
      if (status === 403 || status === 401) {
        throw new Error(
          `S3 storage: ${where} refused access (${name}); check SINERGI_S3_ACCESS_KEY_ID and SINERGI_S3_SECRET_ACCESS_KEY, and that ` +
            'the key may list the bucket (s3:ListBucket), without which a missing file answers 403 instead of 404',
          { cause: err },
        );
      }
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(`S3 storage: ${where} cannot be read (${name}: ${message}); check SINERGI_S3_ENDPOINT and SINERGI_S3_REGION`, {
        cause: err,
      });
    }
  }

  /** Closes the client's pooled connections. */
  destroy(): void {
    this.client.destroy();
  }
}

function statusOf(err: unknown): number | undefined {
  return err instanceof S3ServiceException ? err.$metadata.httpStatusCode : undefined;
}

/** A key with nothing under it, as opposed to a missing bucket or a refusal, which must not pass as "not found". */
function isMissingObject(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false;
  return err.name === 'NoSuchKey' || (err.$metadata.httpStatusCode === 404 && err.name !== 'NoSuchBucket');
}
