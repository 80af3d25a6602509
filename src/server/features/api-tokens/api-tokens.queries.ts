/** Reading the region's API tokens, with the names of who issued and who revoked each. */
import { aliasedTable, desc, eq, and } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { apiTokens, users } from '#server/db/schema.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect & { createdByName: string | null; revokedByName: string | null };

const creator = aliasedTable(users, 'creator');
const revoker = aliasedTable(users, 'revoker');

function selectTokens(db: DbOrTx) {
  return db
    .select({ token: apiTokens, createdByName: creator.displayName, revokedByName: revoker.displayName })
    .from(apiTokens)
    .leftJoin(creator, eq(creator.id, apiTokens.createdBy))
    .leftJoin(revoker, eq(revoker.id, apiTokens.revokedBy));
}

export async function listApiTokens(db: DbOrTx, regionCode: string): Promise<ApiTokenRow[]> {
  const rows = await selectTokens(db).where(eq(apiTokens.regionCode, regionCode)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((r) => ({ ...r.token, createdByName: r.createdByName, revokedByName: r.revokedByName }));
}

export async function findApiToken(db: DbOrTx, regionCode: string, id: string): Promise<ApiTokenRow | null> {
  const [r] = await selectTokens(db).where(and(eq(apiTokens.id, id), eq(apiTokens.regionCode, regionCode)));
  return r ? { ...r.token, createdByName: r.createdByName, revokedByName: r.revokedByName } : null;
}
