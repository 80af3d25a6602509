/**
 * The SPBE or Pemdi index of an assessment, claimed and verified, from its items by the exact engine
 * (domain/assessments/figures.ts). The assessment pages and the region's dashboard read it here, so a
 * leader's dashboard shows the very index the assessment page shows.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { computeFigures, type Figure, type ItemValues, type VerificationState } from '#domain/assessments/figures.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { assessmentItems, assessments, frameworkVersions } from '#server/db/schema.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';

/** The frameworks a region's digital-government index comes from, the newer national one first. */
export const GOVERNMENT_INDEX_FRAMEWORKS = ['pemdi-2026', 'spbe-2020'] as const;
/** The smart-city evaluation's framework. */
export const SMART_CITY_EVALUATION_FRAMEWORKS = ['smartcity-2021'] as const;

function verificationOf(text: string): VerificationState {
  return text === 'accepted' || text === 'corrected' ? text : 'pending';
}

/** What the engine needs of each stored item. */
export function itemValuesOf(
  items: readonly { indicatorId: string; claimedValue: string | null; verification: string; verifiedValue: string | null }[],
): ItemValues[] {
  return items.map((i) => ({
    indicatorId: i.indicatorId,
    claimedValue: i.claimedValue,
    verification: verificationOf(i.verification),
    verifiedValue: i.verifiedValue,
  }));
}

export interface GovernmentIndex {
  assessmentId: string;
  frameworkId: string;
  frameworkName: string;
  year: number;
  stage: string;
  framework: Framework;
  claimed: Figure;
  verified: Figure;
}

/**
 * The region's SPBE or Pemdi assessment of a year with its figures; when it has both (the year Pemdi
 * took over), the Pemdi one, the index the ministries now publish. Null when it has neither.
 */
export function governmentIndexOfYear(db: DbOrTx, regionCode: string, year: number): Promise<GovernmentIndex | null> {
  return assessmentIndexOfYear(db, regionCode, year, GOVERNMENT_INDEX_FRAMEWORKS);
}

/** The region's assessment of a year under the first of the frameworks it has one of, with its figures. */
export async function assessmentIndexOfYear(
  db: DbOrTx,
  regionCode: string,
  year: number,
  frameworkIds: readonly string[],
): Promise<GovernmentIndex | null> {
  const rows = await db
    .select({
      id: assessments.id,
      frameworkId: assessments.frameworkId,
      frameworkVersionId: assessments.frameworkVersionId,
      frameworkName: frameworkVersions.name,
      year: assessments.year,
      stage: assessments.stage,
    })
    .from(assessments)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessments.frameworkVersionId))
    .where(and(eq(assessments.regionCode, regionCode), eq(assessments.year, year), inArray(assessments.frameworkId, [...frameworkIds])));
  const chosen = frameworkIds.map((id) => rows.find((r) => r.frameworkId === id)).find((r) => r !== undefined);
  if (!chosen) return null;
  const loaded = await loadFrameworkVersion(db, regionCode, chosen.frameworkVersionId);
  if (!loaded) return null;
  const items = await db
    .select({
      indicatorId: assessmentItems.indicatorId,
      claimedValue: assessmentItems.claimedValue,
      verification: assessmentItems.verification,
      verifiedValue: assessmentItems.verifiedValue,
    })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.regionCode, regionCode), eq(assessmentItems.assessmentId, chosen.id)));
  const { claimed, verified } = computeFigures(loaded.framework, itemValuesOf(items));
  return {
    assessmentId: chosen.id,
    frameworkId: chosen.frameworkId,
    frameworkName: chosen.frameworkName,
    year: chosen.year,
    stage: chosen.stage,
    framework: loaded.framework,
    claimed,
    verified,
  };
}
