/**
 * Two scheduled notices: a smart-city programme's quarterly report due (seven days ahead and on the due
 * date, to the lead unit's operators; the rule is domain/kota-cerdas/report-due.ts), and a competition
 * stage that has opened (to the operators of the units whose entries are in that stage; for registration,
 * which has no entrants yet, to every operator of the region, since any unit may enter; for a national
 * competition the same in every participating region).
 * Dedupe keys name the programme, quarter and stage, or the competition stage, so a job run twice or
 * on several instances tells each person once; the texts are rendered in each recipient's language.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { quarterOf, reportDueOn, reportReminderStage } from '#domain/kota-cerdas/report-due.ts';
import type { Db } from '#server/db/client.ts';
import {
  competitionEntries,
  competitionResults,
  competitionStages,
  competitions,
  smartcityMasterplans,
  smartcityProgrammes,
  smartcityProgressReports,
  users,
} from '#server/db/schema.ts';
import { nationalCompetitionOpenTo } from '#server/platform/competition-participation.ts';
import { digestDay } from '#server/platform/mail/digest.ts';
import { noticeDate, notifyAlone } from '#server/platform/notifications/notify.ts';
import { unitMembers } from '#server/platform/notifications/recipients.ts';
import type { ReminderReport } from './reminders.ts';

/** The quarter before the one `today` falls in: the only one whose report can be due within a week. */
function lastEndedQuarter(today: string) {
  const q = quarterOf(today);
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/** Reports of the last ended quarter not yet filed, when their due date is seven days away or today. */
export async function sendProgrammeReportReminders(db: Db, now: Date): Promise<ReminderReport> {
  const today = digestDay(now);
  const quarter = lastEndedQuarter(today);
  const dueOn = reportDueOn(quarter);
  const stage = reportReminderStage(dueOn, today);
  if (!stage) return { notified: 0 };
  const index = quarter.year * 4 + quarter.quarter;
  const owing = await db
    .select({
      id: smartcityProgrammes.id,
      regionCode: smartcityProgrammes.regionCode,
      name: smartcityProgrammes.name,
      leadUnitId: smartcityProgrammes.leadUnitId,
    })
    .from(smartcityProgrammes)
    .innerJoin(smartcityMasterplans, eq(smartcityMasterplans.id, smartcityProgrammes.masterplanId))
    .leftJoin(
      smartcityProgressReports,
      and(
        eq(smartcityProgressReports.programmeId, smartcityProgrammes.id),
        eq(smartcityProgressReports.year, quarter.year),
        eq(smartcityProgressReports.quarter, quarter.quarter),
      ),
    )
    .where(
      and(
        eq(smartcityMasterplans.isActive, true),
        isNull(smartcityProgressReports.id),
        sql`${smartcityProgrammes.startYear} * 4 + ${smartcityProgrammes.startQuarter} <= ${index}`,
        sql`${smartcityProgrammes.endYear} * 4 + ${smartcityProgrammes.endQuarter} >= ${index}`,
      ),
    );
  let notified = 0;
  for (const p of owing) {
    const recipients = (await unitMembers(db, p.regionCode, p.leadUnitId)).map((m) => m.id);
    notified += (
      await notifyAlone(db, {
        recipients,
        kind: 'programme_report_due',
        params: {
          programme: p.name,
          deadline: noticeDate(dueOn),
          'term:id': `triwulan ${quarter.quarter} tahun ${quarter.year}`,
          'term:en': `Q${quarter.quarter} ${quarter.year}`,
        },
        link: `/kota-cerdas/program/${p.id}`,
        regionCode: p.regionCode,
        dedupeKey: `programme_report_due:${p.id}:${quarter.year}-${quarter.quarter}:${stage}`,
      })
    ).created;
  }
  return { notified };
}

const STAGE_NAMES: Record<string, { id: string; en: string }> = {
  pendaftaran: { id: 'pendaftaran', en: 'registration' },
  seleksi_administrasi: { id: 'seleksi administrasi', en: 'administrative screening' },
  penilaian_proposal: { id: 'penilaian proposal', en: 'proposal scoring' },
  presentasi: { id: 'presentasi', en: 'presentation' },
  verifikasi_lapangan: { id: 'verifikasi lapangan', en: 'field verification' },
};

const SCORED = new Set(['penilaian_proposal', 'presentasi', 'verifikasi_lapangan']);

type StageRow = typeof competitionStages.$inferSelect;

/** The units whose entries take part in a stage (those the earlier stages let through), by the entry's region. */
async function entrantUnits(db: Db, stage: StageRow, stages: readonly StageRow[]): Promise<Map<string, string[]>> {
  const entries = await db
    .select({
      id: competitionEntries.id,
      unitId: competitionEntries.unitId,
      regionCode: competitionEntries.regionCode,
      status: competitionEntries.status,
    })
    .from(competitionEntries)
    .where(and(eq(competitionEntries.competitionId, stage.competitionId), inArray(competitionEntries.status, ['diajukan', 'lolos'])));
  const prior = stages.filter((s) => s.position < stage.position && SCORED.has(s.code)).at(-1);
  let kept = entries;
  if (prior) {
    const results = await db
      .select({ entryId: competitionResults.entryId, advanced: competitionResults.advanced })
      .from(competitionResults)
      .where(eq(competitionResults.stageId, prior.id));
    const through = new Set(results.filter((r) => prior.advanceKind === 'none' || r.advanced).map((r) => r.entryId));
    kept = entries.filter((e) => through.has(e.id));
  } else if (stage.code !== 'seleksi_administrasi' && stages.some((s) => s.code === 'seleksi_administrasi' && s.position < stage.position)) {
    kept = entries.filter((e) => e.status === 'lolos');
  }
  const byRegion = new Map<string, string[]>();
  for (const e of kept) {
    const units = byRegion.get(e.regionCode) ?? [];
    if (!units.includes(e.unitId)) units.push(e.unitId);
    byRegion.set(e.regionCode, units);
  }
  return byRegion;
}

/**
 * Who hears that registration opened: every active operator of the region, or of a national
 * competition every active operator of each region taking part (listed, under a listed province, or
 * all regions when none is listed), by region.
 */
async function registrationAudience(db: Db, stage: StageRow, isNational: boolean): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ id: users.id, regionCode: users.regionCode })
    .from(users)
    .innerJoin(competitions, eq(competitions.id, stage.competitionId))
    .where(
      and(
        isNational ? and(isNotNull(users.regionCode), nationalCompetitionOpenTo(users.regionCode)) : eq(users.regionCode, stage.regionCode),
        eq(users.role, 'operator'),
        eq(users.isActive, true),
      ),
    );
  const byRegion = new Map<string, string[]>();
  for (const r of rows) if (r.regionCode) byRegion.set(r.regionCode, [...(byRegion.get(r.regionCode) ?? []), r.id]);
  return byRegion;
}

/**
 * Stages that run and whose first day has come: the entrants hear that the stage is open until its
 * last day. Penetapan (the decree) asks nothing of the entrants and is left out. A national
 * competition's stage tells the people of every participating region, each notice filed under the
 * recipient's own region; one key per stage, so everyone is told once however often the job runs.
 */
export async function notifyOpenedCompetitionStages(db: Db, now: Date): Promise<ReminderReport> {
  const today = digestDay(now);
  const open = await db
    .select({ stage: competitionStages, competitionName: competitions.name, scope: competitions.scope })
    .from(competitionStages)
    .innerJoin(competitions, eq(competitions.id, competitionStages.competitionId))
    .where(
      and(
        eq(competitionStages.status, 'berjalan'),
        eq(competitions.status, 'berjalan'),
        lte(competitionStages.startsOn, today),
        gte(competitionStages.endsOn, today),
        inArray(competitionStages.code, Object.keys(STAGE_NAMES)),
      ),
    );
  let notified = 0;
  for (const { stage, competitionName, scope } of open) {
    let audience: Map<string, string[]>;
    if (stage.code === 'pendaftaran') {
      audience = await registrationAudience(db, stage, scope === 'national');
    } else {
      const stages = await db.select().from(competitionStages).where(eq(competitionStages.competitionId, stage.competitionId));
      audience = new Map();
      for (const [regionCode, unitIds] of await entrantUnits(db, stage, stages)) {
        audience.set(
          regionCode,
          (await unitMembers(db, regionCode, unitIds)).map((m) => m.id),
        );
      }
    }
    const name = STAGE_NAMES[stage.code] ?? { id: stage.code, en: stage.code };
    for (const [regionCode, recipients] of audience) {
      notified += (
        await notifyAlone(db, {
          recipients,
          kind: 'competition_stage_opened',
          params: { competition: competitionName, deadline: noticeDate(stage.endsOn), 'stage:id': name.id, 'stage:en': name.en },
          link: `/kompetisi/${stage.competitionId}`,
          regionCode,
          dedupeKey: `competition_stage_opened:${stage.id}`,
        })
      ).created;
    }
  }
  return { notified };
}
