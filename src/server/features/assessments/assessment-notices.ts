/**
 * Who hears of an assignment: the operators of each unit that was given indicators, one notification
 * per unit and assignment, in the transaction of the assignment.
 */
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { frameworkVersions, units } from '#server/db/schema.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { notify } from '#server/platform/notifications/notify.ts';
import { recipientsExcept, unitMemberIds } from '#server/platform/notifications/recipients.ts';

export async function noticeOfAssignment(
  tx: DbOrTx,
  ctx: ServiceContext,
  assessment: { id: string; regionCode: string; frameworkVersionId: string; year: number },
  assigned: readonly { indicatorId: string; unitId: string | null }[],
): Promise<void> {
  const byUnit = new Map<string, string[]>();
  for (const a of assigned) if (a.unitId) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.indicatorId]);
  if (byUnit.size === 0) return;
  const [framework] = await tx
    .select({ name: frameworkVersions.name })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, assessment.frameworkVersionId));
  const names = new Map(
    (
      await tx
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...byUnit.keys()]))
    ).map((u) => [u.id, u.name]),
  );
  for (const [unitId, indicators] of byUnit) {
    // The same indicators given to the same unit are one event, however often the request is sent.
    const digest = createHash('sha256')
      .update([...indicators].sort().join(','))
      .digest('hex')
      .slice(0, 16);
    await notify(tx, {
      recipients: recipientsExcept(ctx.actor.id, await unitMemberIds(tx, assessment.regionCode, unitId)),
      kind: 'indicator_assigned',
      params: {
        count: indicators.length,
        assessment: `${framework?.name ?? 'Penilaian'} ${assessment.year}`,
        unit: names.get(unitId) ?? '',
        actor: ctx.actor.displayName,
      },
      link: `/penilaian/${assessment.id}`,
      regionCode: assessment.regionCode,
      dedupeKey: `indicator_assigned:${assessment.id}:${unitId}:${digest}`,
    });
  }
}
