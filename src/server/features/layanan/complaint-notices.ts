/**
 * Who hears of a complaint: the operators of the unit it is routed to, when it is filed and when it is
 * handed to another unit, in the transaction of that step (keyed by the complaint's version, so a
 * retried request tells them once).
 */
import type { DbOrTx } from '#server/db/client.ts';
import { noticeDate, notify } from '#server/platform/notifications/notify.ts';
import { recipientsExcept, unitMemberIds } from '#server/platform/notifications/recipients.ts';

export async function noticeOfComplaintUnit(
  tx: DbOrTx,
  actorId: string | null,
  complaint: {
    id: string;
    regionCode: string;
    trackingCode: string;
    unitId: string;
    unitName: string;
    categoryName: string;
    dueAt: Date;
    version: number;
  },
): Promise<void> {
  await notify(tx, {
    recipients: recipientsExcept(actorId, await unitMemberIds(tx, complaint.regionCode, complaint.unitId)),
    kind: 'complaint_assigned',
    params: { code: complaint.trackingCode, category: complaint.categoryName, unit: complaint.unitName, due: noticeDate(complaint.dueAt) },
    link: `/pengaduan-masuk/${complaint.id}`,
    regionCode: complaint.regionCode,
    dedupeKey: `complaint_assigned:${complaint.id}:${complaint.unitId}:v${complaint.version}`,
  });
}
