/** Queries on evidence rows; every one filters by region and innovation. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { evidence } from '#server/db/schema.ts';

export type EvidenceRow = typeof evidence.$inferSelect;

export async function findEvidence(db: DbOrTx, regionCode: string, innovationId: string, id: string): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.regionCode, regionCode), eq(evidence.innovationId, innovationId), eq(evidence.id, id)));
  return row;
}

/** The same file (by hash) or the same link already attached to this target of this innovation. */
export async function findSameEvidence(
  db: DbOrTx,
  regionCode: string,
  innovationId: string,
  target: string,
  what: { sha256: string } | { url: string },
): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(evidence)
    .where(
      and(
        eq(evidence.regionCode, regionCode),
        eq(evidence.innovationId, innovationId),
        eq(evidence.target, target),
        'sha256' in what ? eq(evidence.sha256, what.sha256) : eq(evidence.url, what.url),
      ),
    )
    .limit(1);
  return row;
}
