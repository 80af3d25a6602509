/** Demo: Kota Pangkalpinang's satisfaction surveys (2025 finished with its report and follow-up, 2026 running). */
import type { Tx } from '#server/db/client.ts';

export async function seedDemoSkm(_tx: Tx): Promise<number> {
  return 0;
}
