import { describe, expect, it } from 'vitest';
import { owedQuarterWindow, quarterEnd, quarterOf, reportDueOn, reportReminderStage, reportsOwed } from './report-due.ts';

describe('reportDueOn', () => {
  it('is 10 days after the end of each quarter', () => {
    expect(reportDueOn({ year: 2026, quarter: 1 })).toBe('2026-04-10');
    expect(reportDueOn({ year: 2026, quarter: 2 })).toBe('2026-07-10');
    expect(reportDueOn({ year: 2026, quarter: 3 })).toBe('2026-10-10');
  });

  it('puts the fourth quarter in January of the next year', () => {
    expect(reportDueOn({ year: 2025, quarter: 4 })).toBe('2026-01-10');
  });

  it('knows the last day of each quarter, leap years included', () => {
    expect(quarterEnd({ year: 2024, quarter: 1 })).toBe('2024-03-31');
    expect(quarterEnd({ year: 2024, quarter: 2 })).toBe('2024-06-30');
    expect(quarterEnd({ year: 2024, quarter: 3 })).toBe('2024-09-30');
    expect(quarterEnd({ year: 2024, quarter: 4 })).toBe('2024-12-31');
  });
});

describe('quarterOf and the lookback window', () => {
  it('places a day in its quarter', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
  });

  it('looks back over the last four ended quarters, across a year boundary', () => {
    expect(owedQuarterWindow('2026-02-15')).toEqual([
      { year: 2025, quarter: 1 },
      { year: 2025, quarter: 2 },
      { year: 2025, quarter: 3 },
      { year: 2025, quarter: 4 },
    ]);
  });
});

describe('reportsOwed', () => {
  const span = { startYear: 2025, startQuarter: 3, endYear: 2026, endQuarter: 4 };

  it('lists unreported ended quarters inside the span, oldest first, with due date and overdue flag', () => {
    const owed = reportsOwed(span, [{ year: 2025, quarter: 3 }], '2026-07-05');
    expect(owed).toEqual([
      { year: 2025, quarter: 4, dueOn: '2026-01-10', overdue: true },
      { year: 2026, quarter: 1, dueOn: '2026-04-10', overdue: true },
      { year: 2026, quarter: 2, dueOn: '2026-07-10', overdue: false },
    ]);
  });

  it('is not overdue on the due date itself, and overdue the day after', () => {
    expect(reportsOwed(span, [], '2026-07-10').at(-1)).toMatchObject({ quarter: 2, overdue: false });
    expect(reportsOwed(span, [], '2026-07-11').at(-1)).toMatchObject({ quarter: 2, overdue: true });
  });

  it('owes nothing for quarters before the start, after the end, or not yet ended', () => {
    expect(reportsOwed({ startYear: 2027, startQuarter: 1, endYear: 2028, endQuarter: 4 }, [], '2026-12-31')).toEqual([]);
    expect(reportsOwed({ startYear: 2023, startQuarter: 1, endYear: 2024, endQuarter: 4 }, [], '2026-12-31')).toEqual([]);
    // The current quarter (2026 TW3) has not ended: only TW2 of 2026 is owed.
    expect(reportsOwed({ startYear: 2026, startQuarter: 2, endYear: 2026, endQuarter: 4 }, [], '2026-08-01')).toEqual([
      { year: 2026, quarter: 2, dueOn: '2026-07-10', overdue: true },
    ]);
  });

  it('owes nothing once every quarter is reported', () => {
    const all = [
      { year: 2025, quarter: 3 },
      { year: 2025, quarter: 4 },
      { year: 2026, quarter: 1 },
      { year: 2026, quarter: 2 },
    ];
    expect(reportsOwed(span, all, '2026-07-20')).toEqual([]);
  });
});

describe('reportReminderStage', () => {
  it('sends H-7 from seven days ahead to the day before', () => {
    expect(reportReminderStage('2026-04-10', '2026-04-02')).toBeNull();
    expect(reportReminderStage('2026-04-10', '2026-04-03')).toBe('h7');
    expect(reportReminderStage('2026-04-10', '2026-04-09')).toBe('h7');
  });

  it('sends the due-date reminder on the day, catching up three missed days', () => {
    expect(reportReminderStage('2026-04-10', '2026-04-10')).toBe('due');
    expect(reportReminderStage('2026-04-10', '2026-04-13')).toBe('due');
    expect(reportReminderStage('2026-04-10', '2026-04-14')).toBeNull();
  });
});
