/**
 * Who hears of a judges' assignment: each judge given entries is told how many and by when, in the
 * transaction of the assignment. Keyed by the entries given, so the same assignment asked again tells
 * nobody twice, while a new one (other entries) does.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '#server/db/client.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { noticeDate, notify } from '#server/platform/notifications/notify.ts';

export async function noticeOfJudging(
  tx: DbOrTx,
  ctx: ServiceContext,
  stage: { id: string; regionCode: string; endsOn: string },
  competitionName: string,
  assignments: readonly { entryId: string; judgeId: string }[],
): Promise<void> {
  const byJudge = new Map<string, string[]>();
  for (const a of assignments) byJudge.set(a.judgeId, [...(byJudge.get(a.judgeId) ?? []), a.entryId]);
  for (const [judgeId, entries] of byJudge) {
    if (judgeId === ctx.actor.id) continue;
    const digest = createHash('sha256')
      .update([...entries].sort().join(','))
      .digest('hex')
      .slice(0, 16);
    await notify(tx, {
      recipients: [judgeId],
      kind: 'judge_assigned',
      params: { count: entries.length, competition: competitionName, deadline: noticeDate(stage.endsOn) },
      link: '/penjurian',
      // A national competition's stage belongs to no region.
      regionCode: stage.regionCode === 'nasional' ? null : stage.regionCode,
      dedupeKey: `judge_assigned:${stage.id}:${digest}`,
    });
  }
}
