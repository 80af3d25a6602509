import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_ACTIONS } from '#domain/innovations/workflow.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, actionLabel, auditLinkPath, entityTypeLabel } from './audit-labels.ts';

const SERVER = new URL('../../../../src/server/', import.meta.url);

/** Every server source file (tests aside), as text. */
function serverSources(dir = SERVER.pathname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

describe('audit labels', () => {
  const sources = serverSources();
  const literals = (pattern: RegExp) => [...new Set(sources.flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1] ?? '')))];

  it('name in words every action and record type the server writes', () => {
    // Codes written as literals (`action: 'unit.created'`, or either side of a choice), and the workflow's.
    const actions = [
      ...literals(/action: '([a-z0-9_]+\.[a-z0-9_.]+)'/g),
      ...literals(/\? '([a-z_][a-z0-9_]*\.[a-z0-9_.]+)' : '[a-z0-9_.]+'/g),
      ...literals(/\? '[a-z0-9_.]+' : '([a-z_][a-z0-9_]*\.[a-z0-9_.]+)'/g),
      ...WORKFLOW_ACTIONS.map((a) => `innovation.${a}`),
    ];
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((a) => !(a in AUDIT_ACTIONS))).toEqual([]);
    const types = literals(/entityType: '([a-z0-9_]+)'/g);
    expect(types).toContain('innovation');
    expect(types.filter((t) => !(t in AUDIT_ENTITY_TYPES))).toEqual([]);
  });

  it('says an unknown code from its parts rather than as the bare code', () => {
    expect(actionLabel('innovation.verify')).toEqual({ id: 'Inovasi diverifikasi', en: 'Innovation verified' });
    expect(actionLabel('complaint.escalated')).toEqual({ id: 'Pengaduan: escalated', en: 'Complaint: escalated' });
    expect(entityTypeLabel('survey_batch')).toEqual({ id: 'survey batch', en: 'survey batch' });
  });

  it('opens each linked record on its page', () => {
    expect(auditLinkPath({ type: 'innovation', id: 'a1' })).toBe('/inovasi/a1');
    expect(auditLinkPath({ type: 'innovation', id: 'a1', tab: 'iid' })).toBe('/inovasi/a1?tab=iid');
    expect(auditLinkPath({ type: 'assessment', id: 'b2' })).toBe('/penilaian/b2');
    expect(auditLinkPath({ type: 'period', id: 'c3' })).toBe('/capaian-target?periodId=c3');
    expect(auditLinkPath({ type: 'complaint', id: 'd4' })).toBe('/pengaduan-masuk/d4');
    expect(auditLinkPath({ type: 'skm_period', id: 'e5' })).toBe('/skm/e5');
  });
});
