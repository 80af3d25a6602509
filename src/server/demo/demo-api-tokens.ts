/**
 * The demo's command-centre tokens of Kota Pangkalpinang: the Diskominfo screen's token in daily use,
 * and a trial screen's token that was revoked after the trial, so the admin's list shows both states.
 * The active token is published (like the demo's Open311 key) so a visitor can try the dashboard with
 * curl on a demo install; a real install issues its own from the admin page.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '#server/db/client.ts';
import { apiTokens, users } from '#server/db/schema.ts';

const REGION = '19.71';

export const DEMO_API_TOKEN = `snrg_de0000000001_${'demo-command-centre-pangkalpinang'.padEnd(43, '0')}`;
const TRIAL_TOKEN = `snrg_de0000000002_${'demo-trial-screen-revoked'.padEnd(43, '0')}`;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function seedDemoApiTokens(tx: Tx, now = new Date()): Promise<number> {
  const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'admin.demo'));
  const adminId = admin?.id ?? null;
  const rows = await tx
    .insert(apiTokens)
    .values([
      {
        regionCode: REGION,
        name: 'Layar command center Diskominfo',
        publicId: 'de0000000001',
        tokenHash: hashOf(DEMO_API_TOKEN),
        scopes: ['dashboard.read'],
        createdBy: adminId,
        createdAt: new Date(Date.UTC(2026, 0, 5, 2)),
        lastUsedAt: new Date(now.getTime() - 3 * 60_000),
      },
      {
        regionCode: REGION,
        name: 'Layar uji coba ruang rapat Wali Kota',
        publicId: 'de0000000002',
        tokenHash: hashOf(TRIAL_TOKEN),
        scopes: ['dashboard.read'],
        createdBy: adminId,
        createdAt: new Date(Date.UTC(2025, 10, 3, 2)),
        expiresAt: new Date(Date.UTC(2026, 10, 3, 2)),
        lastUsedAt: new Date(Date.UTC(2025, 10, 28, 6)),
        revokedAt: new Date(Date.UTC(2025, 11, 1, 3)),
        revokedBy: adminId,
      },
    ])
    .onConflictDoNothing()
    .returning({ id: apiTokens.id });
  return rows.length;
}
