import { describe, expect, it } from 'vitest';
import { currentDecree, isOverdue } from './councils.ts';

describe('follow-up overdue', () => {
  it('is overdue from the day after its due date, and never once done', () => {
    expect(isOverdue({ status: 'terbuka', dueDate: '2025-07-31' }, '2025-07-31')).toBe(false);
    expect(isOverdue({ status: 'terbuka', dueDate: '2025-07-31' }, '2025-08-01')).toBe(true);
    expect(isOverdue({ status: 'selesai', dueDate: '2025-07-31' }, '2026-01-01')).toBe(false);
  });
});

describe('decree in force', () => {
  it('is the latest by date, then the one recorded last; none without decrees', () => {
    const at = (iso: string) => new Date(iso);
    const a = { id: 'a', decreeDate: '2022-07-04', createdAt: at('2022-07-05T00:00:00Z') };
    const b = { id: 'b', decreeDate: '2024-03-18', createdAt: at('2022-07-05T00:00:00Z') };
    const c = { id: 'c', decreeDate: '2024-03-18', createdAt: at('2024-03-20T00:00:00Z') };
    expect(currentDecree([a, b])?.id).toBe('b');
    expect(currentDecree([c, a, b])?.id).toBe('c');
    expect(currentDecree([])).toBeNull();
  });
});
