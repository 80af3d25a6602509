/**
 * An innovation's IID (SID) indicators as its current framework lists them, each with the level the
 * innovation claimed, the verifier's decision and the evidence attached to it. Read by features that
 * look at an innovation indicator by indicator without owning the IID (the IGA nominee's field
 * validation checklist), so they never reach into the IID feature.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { iidStructure } from '#domain/iid/structure.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { iidAnswers, innovations, periods } from '#server/db/schema.ts';
import { listAttachments } from '#server/platform/attachments/attachments.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';

export interface InnovationIndicatorLine {
  indicatorId: string;
  name: string;
  variable: string | null;
  claimedLevel: number | null;
  /** The parameter's wording at the claimed level ("Ada, 3 inovasi sejenis"…). */
  claimedLabel: string | null;
  verification: 'pending' | 'accepted' | 'corrected' | null;
  verifiedLevel: number | null;
  evidence: { id: string; kind: string; title: string; fileName: string | null; url: string | null }[];
}

export interface InnovationIndicators {
  frameworkName: string;
  frameworkVersion: string;
  lines: InnovationIndicatorLine[];
}

export async function innovationIndicators(db: DbOrTx, regionCode: string, innovationId: string): Promise<InnovationIndicators | undefined> {
  const [row] = await db
    .select({ periodId: periods.id, year: periods.year, iidFrameworkVersionId: periods.iidFrameworkVersionId })
    .from(innovations)
    .innerJoin(periods, eq(periods.id, innovations.periodId))
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.id, innovationId)));
  if (!row) return undefined;
  const { framework } = await iidFrameworkOfPeriod(db, regionCode, row);
  const sid = iidStructure(framework).sid;
  const answers = await db
    .select()
    .from(iidAnswers)
    .where(
      and(
        eq(iidAnswers.regionCode, regionCode),
        eq(iidAnswers.periodId, row.periodId),
        isNotNull(iidAnswers.innovationId),
        eq(iidAnswers.innovationId, innovationId),
      ),
    );
  const answerOf = new Map(answers.map((a) => [a.indicatorId, a]));
  const files = await listAttachments(db, regionCode, 'innovation', [innovationId], { slotPrefix: 'sid.' });
  return {
    frameworkName: framework.name,
    frameworkVersion: framework.version,
    lines: sid.map((indicator) => {
      const answer = answerOf.get(indicator.id);
      const level = answer?.claimedLevel ?? null;
      return {
        indicatorId: indicator.id,
        name: indicator.name,
        variable: indicator.variable,
        claimedLevel: level,
        claimedLabel: level === null ? null : (indicator.parameters.find((p) => p.level === level)?.label ?? indicator.zeroLabel),
        verification: (answer?.verification ?? null) as InnovationIndicatorLine['verification'],
        verifiedLevel: answer?.verifiedLevel ?? null,
        evidence: files
          .filter((f) => f.slot === `sid.${indicator.id}`)
          .map((f) => ({ id: f.id, kind: f.kind, title: f.title, fileName: f.fileName, url: f.url })),
      };
    }),
  };
}
