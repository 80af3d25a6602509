/** Demo: Kota Pangkalpinang's public services and applications. */
import type { Tx } from '#server/db/client.ts';

export async function seedDemoServices(_tx: Tx, _unitIds: Map<string, string>): Promise<number> {
  return 0;
}
