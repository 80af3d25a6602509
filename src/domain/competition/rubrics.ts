/**
 * The rubrics Sinergi ships, as versioned data in frameworks/rubrik-*.json. They are not entries
 * of the indicator-framework registry (framework_versions): that registry's schema, checks,
 * migration seeding and pages are built for indicator trees, and a rubric is a flat list of
 * weighted criteria. The files are validated here with rubricSchema when the module loads, so a
 * broken file stops the server and the tests instead of scoring with wrong weights.
 */
import igaPresentasi2023 from '../../../frameworks/rubrik-iga-presentasi-2023.json' with { type: 'json' };
import kippProposal2026 from '../../../frameworks/rubrik-kipp-proposal-2026.json' with { type: 'json' };
import { rubricSchema } from './scoring.ts';
import type { Rubric } from './types.ts';

function checked(json: unknown, file: string): Rubric {
  const parsed = rubricSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`frameworks/${file}.json tidak valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Presentation of the kepala daerah, IGA 2023 (BSKDN's published weights; scale 0–100 assumed). */
export const RUBRIK_IGA_PRESENTASI_2023: Rubric = checked(igaPresentasi2023, 'rubrik-iga-presentasi-2023');

/** KIPP 2026 proposal, kelompok umum (third-party weights, unverified; scale 0–100 assumed). */
export const RUBRIK_KIPP_PROPOSAL_2026: Rubric = checked(kippProposal2026, 'rubrik-kipp-proposal-2026');

/** The shipped rubrics by code, for a competition to choose from. */
export const SHIPPED_RUBRICS: ReadonlyMap<string, Rubric> = new Map([RUBRIK_IGA_PRESENTASI_2023, RUBRIK_KIPP_PROPOSAL_2026].map((r) => [r.code, r]));
