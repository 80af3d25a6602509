/**
 * The public service portal of a region (no login): its active services with their standard, the
 * latest IKM and whether the survey is open; one service's page with the questionnaire of the open
 * period and the published follow-up plan; and the poster that leads citizens to the survey.
 */
import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { leaves } from '#domain/scoring/tree.ts';
import type { z } from 'zod';
import type { publicServiceDetail, publicServiceList, publicServiceListQuery } from '#shared/api/services.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { regions, services, skmPeriodServices, skmPeriods, units } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { containsSearchText, matchesSearch } from '#server/platform/search.ts';
import type { PosterData } from './poster.ts';
import { publishedFollowUps } from './skm-follow-ups.service.ts';
import { periodLabel, questionsOf, type SkmPeriodRow, surveyFrameworkOf, todayInIndonesia } from './skm-periods.service.ts';
import { latestIkmByService } from './skm-results.service.ts';

type PublicServiceList = z.infer<typeof publicServiceList>;
type PublicServiceDetail = z.infer<typeof publicServiceDetail>;
type PublicServiceListQuery = z.infer<typeof publicServiceListQuery>;

/**
 * Which services take answers today: the open periods covering today (all services, or the chosen
 * ones); or, in a region with no period for this year nor one running today, every service (the first
 * answer opens the year, see resolveAnswerTarget).
 */
async function openSurveys(
  db: DbOrTx,
  regionCode: string,
  today: string,
): Promise<{ isOpen: (serviceId: string) => boolean; periods: SkmPeriodRow[] }> {
  const year = Number(today.slice(0, 4));
  const relevant = await db
    .select()
    .from(skmPeriods)
    .where(
      and(
        eq(skmPeriods.regionCode, regionCode),
        sql`(${skmPeriods.year} = ${year} or (${skmPeriods.startsOn} <= ${today} and ${skmPeriods.endsOn} >= ${today}))`,
      ),
    )
    .orderBy(desc(skmPeriods.startsOn));
  if (relevant.length === 0) return { isOpen: () => true, periods: [] };
  const open = relevant.filter((p) => p.status === 'dibuka' && p.startsOn <= today && p.endsOn >= today);
  if (open.some((p) => p.allServices)) return { isOpen: () => true, periods: open };
  const chosen = open.length
    ? await db
        .select({ serviceId: skmPeriodServices.serviceId })
        .from(skmPeriodServices)
        .where(
          sql`${skmPeriodServices.periodId} in (${sql.join(
            open.map((p) => sql`${p.id}`),
            sql`, `,
          )})`,
        )
    : [];
  const ids = new Set(chosen.map((c) => c.serviceId));
  return { isOpen: (id) => ids.has(id), periods: open };
}

export async function listPublicServices(db: DbOrTx, regionCode: string, query: PublicServiceListQuery, now: Date): Promise<PublicServiceList> {
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
  if (!region) throw new AppError('NOT_FOUND');
  const conditions: Array<SQL | undefined> = [eq(services.regionCode, regionCode), eq(services.isActive, true)];
  if (query.unitId) conditions.push(eq(services.unitId, query.unitId));
  if (query.q) {
    // Words of the name or description, or a fragment of the service's or unit's name, with the spelling
    // variants of the words (akte finds akta).
    conditions.push(or(matchesSearch(services.searchVector, query.q), containsSearchText([services.name, units.name], query.q)));
  }
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: services.id,
        name: services.name,
        unitId: services.unitId,
        unitName: units.name,
        category: services.category,
        description: services.description,
        channel: services.channel,
        onlineUrl: services.onlineUrl,
        isDigital: services.isDigital,
      })
      .from(services)
      .innerJoin(units, eq(units.id, services.unitId))
      .where(where)
      .orderBy(asc(services.name), asc(services.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(services).innerJoin(units, eq(units.id, services.unitId)).where(where),
  ]);
  const today = todayInIndonesia(now);
  const [ikm, surveys] = await Promise.all([
    latestIkmByService(
      db,
      regionCode,
      rows.map((r) => r.id),
    ),
    openSurveys(db, regionCode, today),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      channel: r.channel as PublicServiceList['items'][number]['channel'],
      ikm: ikm.get(r.id) ?? null,
      surveyOpen: surveys.isOpen(r.id),
    })),
    total: counted?.n ?? 0,
  };
}

async function findActiveService(db: DbOrTx, serviceId: string) {
  const [row] = await db
    .select({ service: services, unitName: units.name, regionName: regions.name })
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .innerJoin(regions, eq(regions.code, services.regionCode))
    .where(and(eq(services.id, serviceId), eq(services.isActive, true)));
  if (!row) throw new AppError('SKM_SERVICE_NOT_FOUND');
  return row;
}

export async function publicServiceDetailOf(db: DbOrTx, serviceId: string, now: Date): Promise<PublicServiceDetail> {
  const { service, unitName, regionName } = await findActiveService(db, serviceId);
  const today = todayInIndonesia(now);
  const surveys = await openSurveys(db, service.regionCode, today);
  const surveyOpen = surveys.isOpen(service.id);
  let survey: PublicServiceDetail['survey'] = null;
  if (surveyOpen) {
    // The period this service's answers go to; none yet when the first answer will open the year.
    const period = surveys.periods.find((p) => p.allServices) ?? surveys.periods[0];
    const source = period ?? { year: Number(today.slice(0, 4)), semester: null, frameworkVersionId: null, questions: {} };
    const { framework } = await surveyFrameworkOf(db, service.regionCode, source);
    const names = new Map(leaves(framework.root).map((l) => [l.id, l.name]));
    survey = {
      periodId: period?.id ?? null,
      label: periodLabel(source),
      questions: questionsOf(source).map((q) => ({ ...q, name: names.get(q.unsur) ?? q.unsur })),
    };
  }
  const [latestClosed] = await db
    .select({ id: skmPeriods.id })
    .from(skmPeriods)
    .where(and(eq(skmPeriods.regionCode, service.regionCode), eq(skmPeriods.status, 'ditutup')))
    .orderBy(desc(skmPeriods.endsOn))
    .limit(1);
  const followUps = latestClosed ? await publishedFollowUps(db, service.regionCode, [latestClosed.id]) : [];
  const ikm = await latestIkmByService(db, service.regionCode, [service.id]);
  return {
    id: service.id,
    name: service.name,
    unitName,
    category: service.category,
    description: service.description,
    channel: service.channel as PublicServiceDetail['channel'],
    onlineUrl: service.onlineUrl,
    isDigital: service.isDigital,
    ikm: ikm.get(service.id) ?? null,
    surveyOpen,
    regionCode: service.regionCode,
    regionName,
    unitId: service.unitId,
    requirements: service.requirements,
    procedure: service.procedure,
    duration: service.duration,
    cost: service.cost,
    product: service.product,
    complaintHandling: service.complaintHandling,
    survey,
    followUps: followUps
      .filter((f) => f.serviceId === null || f.serviceId === service.id)
      .map((f) => ({ unsur: f.unsur, action: f.action, dueOn: f.dueOn, status: f.status, progress: f.progress })),
  };
}

/** The poster of a service: its survey page at `origin` (this server as the caller reached it). */
export async function posterDataOf(db: DbOrTx, serviceId: string, origin: string, now: Date): Promise<PosterData> {
  const { service, unitName, regionName } = await findActiveService(db, serviceId);
  return {
    regionName,
    serviceName: service.name,
    unitName,
    url: `${origin}/portal/${service.regionCode}/layanan/${service.id}/survei`,
    printedAt: now,
  };
}
