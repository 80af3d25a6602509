/**
 * The reminders scheduled jobs send: deadlines seven days and one day ahead (an innovation period's
 * reporting window closing, an assessment's or an indicator's filling deadline), and complaints past
 * their SLA. Each reminder carries a dedupe key naming the deadline, so a job run twice, or run again
 * the next day within the same window (a missed day is caught up), tells each person once per stage.
 * Only those with work left are told: a unit whose innovations are all proposed hears nothing.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';
import { assessmentItems, assessments, complaintCategories, complaints, frameworkVersions, innovations, periods, units } from '#server/db/schema.ts';
import { digestDay } from '#server/platform/mail/digest.ts';
import { noticeDate, notifyAlone } from '#server/platform/notifications/notify.ts';
import { regionUserIds, unitMembers } from '#server/platform/notifications/recipients.ts';

const DAY_MS = 86_400_000;

/** Whole days from `today` to `deadline` (both `YYYY-MM-DD`). */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** H-7 from seven days ahead to two; H-1 the day before and the day itself. */
function stageOf(days: number): 'deadline_h7' | 'deadline_h1' | null {
  if (days >= 2 && days <= 7) return 'deadline_h7';
  if (days >= 0 && days <= 1) return 'deadline_h1';
  return null;
}

export interface ReminderReport {
  notified: number;
}

/** Periods whose reporting window closes within seven days: the units with drafts or returned innovations. */
async function periodReminders(db: Db, today: string): Promise<number> {
  const due = await db
    .select()
    .from(periods)
    .where(and(gte(periods.closesOn, today), lte(periods.closesOn, addDays(today, 7))));
  let notified = 0;
  for (const period of due) {
    const days = daysUntil(period.closesOn, today);
    const kind = stageOf(days);
    if (!kind) continue;
    const open = await db
      .select({ unitId: innovations.unitId, n: sql<number>`count(*)::int` })
      .from(innovations)
      .where(and(eq(innovations.periodId, period.id), inArray(innovations.status, ['draft', 'dikembalikan'])))
      .groupBy(innovations.unitId);
    const pendingOf = new Map(open.map((o) => [o.unitId, o.n]));
    const members = await unitMembers(db, period.regionCode, [...pendingOf.keys()]);
    const base = {
      kind,
      link: '/inovasi',
      regionCode: period.regionCode,
      dedupeKey: `${kind}:period:${period.id}:${period.closesOn}`,
    } as const;
    const subject = { 'subject:id': `pelaporan inovasi ${period.year}`, 'subject:en': `Innovation reporting ${period.year}` };
    for (const [unitId, n] of pendingOf) {
      const recipients = members.filter((m) => m.unitId === unitId).map((m) => m.id);
      notified += (
        await notifyAlone(db, {
          ...base,
          recipients,
          params: {
            deadline: noticeDate(period.closesOn),
            days,
            ...subject,
            'todo:id': `Unit Anda masih punya ${n} inovasi berstatus draf atau dikembalikan: ajukan sebelum jendela ditutup.`,
            'todo:en': `Your unit still has ${n} ${n === 1 ? 'innovation' : 'innovations'} in draft or returned: submit before the window closes.`,
          },
        })
      ).created;
    }
    const total = [...pendingOf.values()].reduce((a, b) => a + b, 0);
    notified += (
      await notifyAlone(db, {
        ...base,
        recipients: await regionUserIds(db, period.regionCode),
        link: '/capaian-target',
        params: {
          deadline: noticeDate(period.closesOn),
          days,
          ...subject,
          'todo:id': `${total} inovasi dari ${pendingOf.size} unit masih berstatus draf atau dikembalikan.`,
          'todo:en': `${total} ${total === 1 ? 'innovation' : 'innovations'} from ${pendingOf.size} ${pendingOf.size === 1 ? 'unit are' : 'units are'} still in draft or returned.`,
        },
      })
    ).created;
  }
  return notified;
}

/** Indicators still unfilled in a self-assessment whose deadline (the item's, else the assessment's) is near. */
async function assessmentReminders(db: Db, today: string): Promise<number> {
  const deadline = sql<string>`coalesce(${assessmentItems.deadline}, ${assessments.deadline})::text`;
  const open = await db
    .select({
      assessmentId: assessments.id,
      regionCode: assessments.regionCode,
      year: assessments.year,
      framework: frameworkVersions.name,
      unitId: sql<string>`${assessmentItems.unitId}`,
      deadline,
      n: sql<number>`count(*)::int`,
    })
    .from(assessmentItems)
    .innerJoin(assessments, eq(assessments.id, assessmentItems.assessmentId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessments.frameworkVersionId))
    .where(
      and(
        eq(assessments.stage, 'mandiri'),
        isNull(assessmentItems.claimedValue),
        isNotNull(assessmentItems.unitId),
        sql`coalesce(${assessmentItems.deadline}, ${assessments.deadline}) between ${today}::date and ${addDays(today, 7)}::date`,
      ),
    )
    .groupBy(assessments.id, assessments.regionCode, assessments.year, frameworkVersions.name, assessmentItems.unitId, deadline);
  let notified = 0;
  for (const group of open) {
    const days = daysUntil(group.deadline, today);
    const kind = stageOf(days);
    if (!kind) continue;
    const recipients = (await unitMembers(db, group.regionCode, group.unitId)).map((m) => m.id);
    const subject = `${group.framework} ${group.year}`;
    notified += (
      await notifyAlone(db, {
        recipients,
        kind,
        params: {
          subject,
          deadline: noticeDate(group.deadline),
          days,
          'todo:id': `Masih ada ${group.n} indikator yang ditugaskan ke unit Anda belum diisi.`,
          'todo:en': `${group.n} ${group.n === 1 ? 'indicator' : 'indicators'} assigned to your unit ${group.n === 1 ? 'is' : 'are'} not filled yet.`,
        },
        link: `/penilaian/${group.assessmentId}`,
        regionCode: group.regionCode,
        dedupeKey: `${kind}:assessment:${group.assessmentId}:${group.unitId}:${group.deadline}`,
      })
    ).created;
  }
  return notified;
}

/** The deadline reminders of the day (the job runs each morning; see scheduled-jobs.ts). */
export async function sendDeadlineReminders(db: Db, now: Date): Promise<ReminderReport> {
  const today = digestDay(now);
  return { notified: (await periodReminders(db, today)) + (await assessmentReminders(db, today)) };
}

const CLOSED = ['selesai', 'ditolak', 'duplikat'];

/**
 * Complaints past their SLA and still open: the unit handling each is told once (again if it is handed
 * to another unit). Overdue itself stays computed when read, as the inbox shows it.
 */
export async function notifyOverdueComplaints(db: Db, now: Date): Promise<ReminderReport> {
  const overdue = await db
    .select({
      id: complaints.id,
      regionCode: complaints.regionCode,
      trackingCode: complaints.trackingCode,
      unitId: complaints.unitId,
      unitName: units.name,
      categoryName: complaintCategories.name,
      dueAt: complaints.dueAt,
    })
    .from(complaints)
    .innerJoin(units, eq(units.id, complaints.unitId))
    .innerJoin(complaintCategories, eq(complaintCategories.id, complaints.categoryId))
    .where(and(lt(complaints.dueAt, now), notInArray(complaints.status, CLOSED)));
  let notified = 0;
  for (const c of overdue) {
    const recipients = (await unitMembers(db, c.regionCode, c.unitId)).map((m) => m.id);
    notified += (
      await notifyAlone(db, {
        recipients,
        kind: 'complaint_overdue',
        params: { code: c.trackingCode, category: c.categoryName, unit: c.unitName, due: noticeDate(c.dueAt) },
        link: `/pengaduan-masuk/${c.id}`,
        regionCode: c.regionCode,
        dedupeKey: `complaint_overdue:${c.id}:${c.unitId}:${c.dueAt.toISOString()}`,
      })
    ).created;
  }
  return { notified };
}
