/** The blob store's bookkeeping in the database: who still uses a stored blob, and its lock. */
import { count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { assessmentEvidence, evidence } from '#server/db/schema.ts';

/**
 * How many evidence rows, in any region, still use a stored blob. Keys are content hashes, so a
 * carried-over innovation or another unit uploading the same file shares the blob.
 */
/** Rows of every evidence table (innovations and assessment items) that point at one stored blob. */
export async function countBlobUsers(db: DbOrTx, storageKey: string): Promise<number> {
  const [a] = await db.select({ n: count() }).from(evidence).where(eq(evidence.storageKey, storageKey));
  const [b] = await db.select({ n: count() }).from(assessmentEvidence).where(eq(assessmentEvidence.storageKey, storageKey));
  return (a?.n ?? 0) + (b?.n ?? 0);
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
