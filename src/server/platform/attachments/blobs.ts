/**
 * The blob store's bookkeeping in the database: a stored blob (content-addressed, shared by every
 * attachment with the same bytes, in any region) is used by the attachment rows that name its key, and
 * nothing else, so its reference count is one query whatever kinds of record carry attachments.
 */
import { count, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { attachments } from '#server/db/schema.ts';
import type { BlobStorage } from '#server/lib/storage.ts';

/** How many attachments, of any owner in any region, still use a stored blob: its one reference count. */
export async function countBlobUsers(db: DbOrTx, storageKey: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(attachments).where(eq(attachments.storageKey, storageKey));
  return row?.n ?? 0;
}

/** Lock namespace for stored blobs (two-key advisory locks do not overlap the one-key space of migrations). */
const BLOB_LOCK_NAMESPACE = 748_201_101;

/**
 * Serialises, until the transaction ends, everything that stores or removes one blob: an upload that
 * reuses a blob and a removal that finds it unused must not interleave, or the upload's row would point
 * at a deleted file.
 */
export async function lockBlob(db: DbOrTx, storageKey: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${BLOB_LOCK_NAMESPACE}::int, hashtext(${storageKey}))`);
}

export interface ReleaseResult {
  /** Set when the row is gone but its unused blob could not be deleted (harmless; worth a warning). */
  blobCleanupError?: unknown;
}

/** After a removal committed: deletes the stored blob if no attachment uses it any more. */
export async function releaseBlob(db: Db, storage: BlobStorage, storageKey: string | null): Promise<ReleaseResult> {
  if (!storageKey) return {};
  try {
    await db.transaction(async (tx) => {
      await lockBlob(tx, storageKey);
      if ((await countBlobUsers(tx, storageKey)) === 0) await storage.delete(storageKey);
    });
    return {};
  } catch (err) {
    return { blobCleanupError: err };
  }
}
