import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/roles.ts';
import { availableActions, INNOVATION_STATUSES, statusAfterEdit, transition, type InnovationRef } from './workflow.ts';

const actor = (role: Role, regionCode: string | null = '19.71', unitId: string | null = null): Actor => ({
  id: `u-${role}`,
  role,
  regionCode: role === 'admin_nasional' ? null : regionCode,
  unitId,
});
const inn = (status: InnovationRef['status']): InnovationRef => ({ status, regionCode: '19.71', unitId: 'unit-a' });

const operatorA = actor('operator', '19.71', 'unit-a');
const operatorB = actor('operator', '19.71', 'unit-b');
const verifier = actor('verifikator');
const foreignVerifier = actor('verifikator', '62.71');

describe('innovation workflow', () => {
  it('follows draft → diajukan → dikembalikan → diajukan → terverifikasi', () => {
    expect(transition(operatorA, inn('draft'), { action: 'submit' })).toEqual({ ok: true, to: 'diajukan' });
    expect(transition(verifier, inn('diajukan'), { action: 'return', notes: { tujuan: 'Perjelas tujuan' } })).toEqual({
      ok: true,
      to: 'dikembalikan',
    });
    expect(transition(operatorA, inn('dikembalikan'), { action: 'submit' })).toEqual({ ok: true, to: 'diajukan' });
    expect(transition(verifier, inn('diajukan'), { action: 'verify' })).toEqual({ ok: true, to: 'terverifikasi' });
  });

  it('rejects with a reason only', () => {
    expect(transition(verifier, inn('diajukan'), { action: 'reject' })).toEqual({ ok: false, refusal: 'reason_required' });
    expect(transition(verifier, inn('diajukan'), { action: 'reject', reason: '  ' })).toEqual({ ok: false, refusal: 'reason_required' });
    expect(transition(verifier, inn('diajukan'), { action: 'reject', reason: 'Bukan inovasi' })).toEqual({ ok: true, to: 'ditolak' });
  });

  it('returns only with at least one note', () => {
    expect(transition(verifier, inn('diajukan'), { action: 'return', notes: {} })).toEqual({ ok: false, refusal: 'note_required' });
    expect(transition(verifier, inn('diajukan'), { action: 'return', notes: { nama: ' ' } })).toEqual({ ok: false, refusal: 'note_required' });
  });

  it('refuses the wrong role: an operator cannot verify, another unit cannot submit, a foreign verifier cannot review', () => {
    expect(transition(operatorA, inn('diajukan'), { action: 'verify' })).toEqual({ ok: false, refusal: 'wrong_role' });
    expect(transition(operatorB, inn('draft'), { action: 'submit' })).toEqual({ ok: false, refusal: 'wrong_role' });
    expect(transition(foreignVerifier, inn('diajukan'), { action: 'verify' })).toEqual({ ok: false, refusal: 'wrong_role' });
    expect(transition(actor('pimpinan'), inn('draft'), { action: 'submit' })).toEqual({ ok: false, refusal: 'wrong_role' });
    expect(transition(actor('juri'), inn('diajukan'), { action: 'verify' })).toEqual({ ok: false, refusal: 'wrong_role' });
  });

  it('refuses the wrong state for every action', () => {
    for (const status of INNOVATION_STATUSES) {
      const submit = transition(operatorA, inn(status), { action: 'submit' });
      expect(submit.ok, `submit from ${status}`).toBe(status === 'draft' || status === 'dikembalikan');
      const verify = transition(verifier, inn(status), { action: 'verify' });
      expect(verify.ok, `verify from ${status}`).toBe(status === 'diajukan');
    }
  });

  it('offers exactly the legal actions', () => {
    expect(availableActions(operatorA, inn('draft'))).toEqual(['submit']);
    expect(availableActions(verifier, inn('diajukan'))).toEqual(['return', 'verify', 'reject']);
    expect(availableActions(actor('admin_daerah'), inn('diajukan'))).toEqual(['return', 'verify', 'reject']);
    expect(availableActions(operatorA, inn('terverifikasi'))).toEqual([]);
    expect(availableActions(operatorB, inn('draft'))).toEqual([]);
  });

  it('sends an edit after verification back for review and forbids edits under review', () => {
    expect(statusAfterEdit('terverifikasi')).toBe('diajukan');
    expect(statusAfterEdit('draft')).toBe('draft');
    expect(statusAfterEdit('dikembalikan')).toBe('dikembalikan');
    expect(statusAfterEdit('diajukan')).toBeNull();
    expect(statusAfterEdit('ditolak')).toBeNull();
  });
});
