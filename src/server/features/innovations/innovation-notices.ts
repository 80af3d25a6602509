/**
 * Who hears of a review step: when a verifier returns or verifies an innovation, its unit's operators
 * and its author are told, in the transaction of the step. Keyed by the innovation's new version, so a
 * retried request tells them once.
 */
import type { DbOrTx } from '#server/db/client.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { notify } from '#server/platform/notifications/notify.ts';
import { recipientsExcept, unitMemberIds } from '#server/platform/notifications/recipients.ts';
import type { InnovationRow } from '#server/platform/records.ts';

const KIND_OF = { return: 'innovation_returned', verify: 'innovation_verified' } as const;

export async function noticeOfReview(tx: DbOrTx, ctx: ServiceContext, row: InnovationRow, action: string, newVersion: number): Promise<void> {
  if (action !== 'return' && action !== 'verify') return;
  const kind = KIND_OF[action];
  await notify(tx, {
    recipients: recipientsExcept(ctx.actor.id, await unitMemberIds(tx, row.regionCode, row.unitId), [row.createdBy]),
    kind,
    params: { innovation: row.name, actor: ctx.actor.displayName },
    link: `/inovasi/${row.id}`,
    regionCode: row.regionCode,
    dedupeKey: `${kind}:${row.id}:v${newVersion}`,
  });
}
