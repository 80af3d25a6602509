/**
 * The shared vocabulary of the competition engine (kompetisi inovasi: a region's own innovation
 * award, the IGA presentation stage, the KIPP proposal evaluation). Everything here is plain,
 * JSON-serialisable data: scores are decimal strings, dates are YYYY-MM-DD strings, ids are
 * strings. The engine is pure; the server stores these values and hands them back in.
 */
import type { TAHAPAN } from '#domain/innovations/profile.ts';
import type { InnovationStatus } from '#domain/innovations/workflow.ts';

export type { InnovationStatus };
export type Tahapan = (typeof TAHAPAN)[number];

/** A decimal number as text with a dot ("87.5", "-1", "0"): scores never pass through floats. */
export type DecimalText = string;

// ---------------------------------------------------------------------------------------------
// Eligibility (eligibility.ts)

/** The rules a competition can set; every key is optional in a category override. */
export type EligibilityRuleSet = {
  /** Only innovations the Bapperida verifier has accepted (status 'terverifikasi') may enter. */
  requireVerified: boolean;
  /** The tahapan an entry may be at; empty means any tahapan. */
  allowedTahapan: Tahapan[];
  /** Whole years between the penerapan date and `today` (KIPP: 2 for umum, 1 for replikasi); 0 = no rule. */
  minYearsSincePenerapan: number;
  /** An SK (surat keputusan) naming the innovator must be attached. */
  requireInnovatorSk: boolean;
  /**
   * Cap on entries of one unit: at top level in the whole competition, in a category override
   * for that category alone (KIPP 2021: 10 umum + 5 replikasi per agency). null = no cap.
   */
  maxEntriesPerUnit: number | null;
};

export type EligibilityRules = EligibilityRuleSet & {
  /** Per-category overrides, keyed by category code; the keys given replace the top-level ones. */
  categories?: Record<string, Partial<EligibilityRuleSet>>;
};

export type EntryCandidate = {
  status: InnovationStatus;
  tahapan: Tahapan;
  /** When the innovation entered penerapan (YYYY-MM-DD), null when it has not. */
  penerapanDate: string | null;
  hasInnovatorSk: boolean;
  unitId: string;
  category: string;
};

export type EligibilityContext = {
  /** Entries the unit already has in this competition (the candidate not counted). */
  entriesOfUnitInCompetition: number;
  /** Entries the unit already has in the candidate's category (the candidate not counted). */
  entriesOfUnitInCategory: number;
  /** The reference date (registration close or today), YYYY-MM-DD. */
  today: string;
};

export type EligibilityRuleCode = 'verified' | 'tahapan' | 'min_years' | 'innovator_sk' | 'unit_cap' | 'category_cap';

export type EligibilityFailure = { rule: EligibilityRuleCode; message: string };

export type EligibilityResult = { eligible: boolean; failures: EligibilityFailure[] };

// ---------------------------------------------------------------------------------------------
// Judge assignment (assignment.ts)

export type AssignmentEntry = {
  id: string;
  unitId: string;
  category: string;
  /** The entering unit's region; given only across regions (a national competition). */
  regionCode?: string;
};

export type AssignmentJudge = {
  id: string;
  /** The judge's own unit (a juri from an OPD); null for outside judges (academics). */
  unitId: string | null;
  conflictEntryIds: string[];
  conflictUnitIds: string[];
  /** When given, the judge judges only entries of these categories. */
  categories?: string[];
  /** The judge's region; given only across regions, where it is a conflict with that region's entries. */
  regionCode?: string | null;
};

export type AssignmentInput = { entries: AssignmentEntry[]; judges: AssignmentJudge[]; perEntry: number };

export type Assignment = { entryId: string; judgeId: string };

export type Shortfall = { entryId: string; assigned: number; needed: number };

export type AssignmentResult = { assignments: Assignment[]; shortfalls: Shortfall[] };

// ---------------------------------------------------------------------------------------------
// Rubric scoring (scoring.ts)

/** A scoring rubric (frameworks/rubrik-*.json): criteria with percent weights that add up to 100. */
export type Rubric = {
  code: string;
  name: string;
  /** The scale every criterion is scored on, e.g. 0–100 step 1 or 1–5. */
  scale: { min: DecimalText; max: DecimalText; step?: DecimalText };
  criteria: RubricCriterion[];
  /** Where the rubric comes from and how sure that is (free text for people). */
  source?: string;
  note?: string;
};

export type RubricCriterion = {
  code: string;
  name: string;
  /** Percent of the weighted score; the criteria's weights add up to 100. */
  weight: DecimalText;
  /** What a score means, for the judges' form. */
  descriptors?: { score: DecimalText; text: string }[];
  note?: string;
};

/** One judge's score sheet for one entry: criterion code → score on the rubric's scale. */
export type ScoreSheet = { judgeId: string; entryId: string; scores: Record<string, DecimalText> };

export type AggregateInput = {
  rubric: Rubric;
  sheets: ScoreSheet[];
  /** Rescale each judge's scores to the panel's mean and spread (z-scores) before averaging. */
  normalise: boolean;
  /** Points on the rubric's scale; default 20 % of (max − min). */
  outlierThreshold?: DecimalText;
};

export type EntryAggregate = {
  entryId: string;
  /** Mean of the judges' (normalised) weighted scores, rounded half-up to 2 places. */
  score: DecimalText;
  judgeCount: number;
  /** Mean raw score per criterion over the judges, rounded half-up to 2 places. */
  perCriterion: Record<string, DecimalText>;
};

export type JudgeStats = {
  judgeId: string;
  /** Mean of the judge's raw weighted scores, 2 places. */
  mean: DecimalText;
  /** Population standard deviation of the judge's raw weighted scores, 2 places. */
  sd: DecimalText;
};

export type Outlier = {
  entryId: string;
  judgeId: string;
  /** The judge's weighted score minus the mean of the other judges of the entry (signed), 2 places. */
  deviation: DecimalText;
};

/** One sheet's weighted score, raw and after normalisation (equal when not normalising), 2 places. */
export type SheetScore = { judgeId: string; entryId: string; weighted: DecimalText; normalised: DecimalText };

export type AggregateResult = {
  entries: EntryAggregate[];
  judges: JudgeStats[];
  outliers: Outlier[];
  sheets: SheetScore[];
  /** Mean and population SD of every sheet's raw weighted score: the scale normalised scores are put on. */
  overall: { mean: DecimalText; sd: DecimalText };
};

/** What breaks a tie in rankEntries, in this order (see docs/scoring/kompetisi.md). */
export type TieBreakKeys = {
  /**
   * Scores on criteria, from the highest-weight criterion down (the caller orders them, e.g.
   * with `criteriaByWeight(rubric)`); compared one by one, higher first.
   */
  criterionScores?: DecimalText[];
  /** When the entry was submitted (ISO 8601); earlier first. */
  submittedAt?: string;
};

export type RankInput = { entryId: string; score: DecimalText; tiebreak: TieBreakKeys };

/** A ranked entry; `tied` when another entry shares its rank after every tie-break key. */
export type Ranked = { entryId: string; score: DecimalText; rank: number; tied: boolean };

export type StageScores = {
  code: string;
  /** The stage's weight in percent of the final score. */
  weight: DecimalText;
  /** entryId → stage score on a 0–100 scale. */
  scores: Record<string, DecimalText>;
};

export type VoteInput = {
  /** The public vote's share of the final score, in percent. */
  share: DecimalText;
  /** entryId → number of votes. */
  counts: Record<string, number>;
};

export type CombineInput = { stages: StageScores[]; vote?: VoteInput };

export type AdvanceRule = { kind: 'top'; n: number } | { kind: 'passing'; min: DecimalText };
