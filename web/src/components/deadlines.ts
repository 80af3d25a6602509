/**
 * Dates a region's staff work toward: a period's reporting window (opens, closes) and the deadline of an
 * assessment or of one indicator assigned to a unit. All are calendar dates (`YYYY-MM-DD`) in the
 * region's own day, so they compare as text against today's date where the user is.
 */

/** Today's date on the user's clock, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A deadline is missed from the day after it: work finished on the day itself is on time. */
export function isPastDeadline(deadline: string | null | undefined, today: string): boolean {
  return deadline !== null && deadline !== undefined && deadline !== '' && today > deadline;
}

export type WindowPosition = 'before' | 'open' | 'after';

/** Where today falls against a reporting window that includes both its first and its last day. */
export function windowPosition(window: { opensOn: string; closesOn: string }, today: string): WindowPosition {
  if (today < window.opensOn) return 'before';
  if (today > window.closesOn) return 'after';
  return 'open';
}

/**
 * An innovation is late when its period's window has closed and it still waits on its own unit: a draft
 * never proposed, or one returned for a fix and not proposed again. What waits on the verifier, or is
 * decided, is not the unit's delay.
 */
export function isInnovationLate(status: string, window: { closesOn: string } | undefined, today: string): boolean {
  if (!window) return false;
  return (status === 'draft' || status === 'dikembalikan') && isPastDeadline(window.closesOn, today);
}

/**
 * An indicator assigned to a unit is late when its deadline has passed during the self-assessment and the
 * unit has not filled it yet; once filled, or once the assessment has moved on, there is nothing late.
 */
export function isIndicatorLate(item: { deadline: string | null; claimedValue: string | null }, stage: string, today: string): boolean {
  return stage === 'mandiri' && item.claimedValue === null && isPastDeadline(item.deadline, today);
}

/** An assessment is late when its filling deadline has passed and it is still in self-assessment. */
export function isAssessmentLate(assessment: { deadline: string | null; stage: string }, today: string): boolean {
  return assessment.stage === 'mandiri' && isPastDeadline(assessment.deadline, today);
}
