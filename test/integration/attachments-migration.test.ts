/**
 * The move of innovation and assessment evidence into the one attachments table: an install upgraded
 * from the version with two evidence tables keeps every file and link, with the same ids (so links,
 * audit entries and stored blobs still match), its owner and its slot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/server/db/migrate.ts';

let db: PGlite;

async function apply(file: string): Promise<void> {
  const text = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await db.exec(statement);
}

const migrations = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const before = migrations.filter((f) => f < '0004');
const after = migrations.filter((f) => f >= '0004');

const FILE_SHA = 'ab'.repeat(32);
const ids = {
  unit: '00000000-0000-4000-8000-000000000001',
  period: '00000000-0000-4000-8000-000000000002',
  innovation: '00000000-0000-4000-8000-000000000003',
  fileEvidence: '00000000-0000-4000-8000-000000000004',
  linkEvidence: '00000000-0000-4000-8000-000000000005',
  version: '00000000-0000-4000-8000-000000000006',
  assessment: '00000000-0000-4000-8000-000000000007',
  item: '00000000-0000-4000-8000-000000000008',
  itemEvidence: '00000000-0000-4000-8000-000000000009',
};

beforeAll(async () => {
  db = new PGlite();
  for (const f of before) await apply(f);
  await db.exec(`
    insert into regions (code, name, kind) values ('19.71', 'Kota Pangkalpinang', 'kota');
    insert into units (id, region_code, kind, name) values ('${ids.unit}', '19.71', 'dinas', 'Diskominfo');
    insert into periods (id, region_code, year, opens_on, closes_on, target_total) values ('${ids.period}', '19.71', 2025, '2025-01-01', '2025-12-31', 100);
    insert into innovations (id, region_code, period_id, unit_id, name) values ('${ids.innovation}', '19.71', '${ids.period}', '${ids.unit}', 'Antrean daring');
    insert into evidence (id, innovation_id, region_code, target, kind, title, file_name, mime_type, size_bytes, sha256, storage_key, created_at)
      values ('${ids.fileEvidence}', '${ids.innovation}', '19.71', 'sid.16', 'file', 'SK Inovasi', 'sk.pdf', 'application/pdf', 1234, '${FILE_SHA}', 'sha256/ab/ab/${FILE_SHA}', '2025-03-01T10:00:00Z');
    insert into evidence (id, innovation_id, region_code, target, kind, title, url, created_at)
      values ('${ids.linkEvidence}', '${ids.innovation}', '19.71', 'umum', 'link', 'Video profil', 'https://video.example/antrean', '2025-03-02T10:00:00Z');
    insert into framework_versions (id, framework_id, version, name, input_kind, body, origin) values ('${ids.version}', 'spbe-2020', '1', 'SPBE', 'values', '{}', 'shipped');
    insert into assessments (id, region_code, framework_version_id, framework_id, year) values ('${ids.assessment}', '19.71', '${ids.version}', 'spbe-2020', 2025);
    insert into assessment_items (id, assessment_id, region_code, indicator_id) values ('${ids.item}', '${ids.assessment}', '19.71', '1');
    insert into assessment_evidence (id, item_id, region_code, kind, title, file_name, mime_type, size_bytes, sha256, storage_key, created_at)
      values ('${ids.itemEvidence}', '${ids.item}', '19.71', 'file', 'Perwali SPBE', 'perwali.pdf', 'application/pdf', 1234, '${FILE_SHA}', 'sha256/ab/ab/${FILE_SHA}', '2025-04-01T10:00:00Z');
  `);
  for (const f of after) await apply(f);
}, 120_000);

afterAll(async () => {
  await db.close();
});

describe('upgrading to one attachments table', () => {
  it('keeps every piece of evidence with its id, owner, slot and stored file', async () => {
    const rows = await db.query<Record<string, unknown>>(
      'select id, region_code, owner_type, owner_id, slot, kind, title, file_name, size_bytes, sha256, storage_key, url, created_at from attachments order by id',
    );
    expect(rows.rows).toEqual([
      expect.objectContaining({
        id: ids.fileEvidence,
        owner_type: 'innovation',
        owner_id: ids.innovation,
        slot: 'sid.16',
        kind: 'file',
        title: 'SK Inovasi',
        file_name: 'sk.pdf',
        size_bytes: 1234,
        sha256: FILE_SHA,
        storage_key: `sha256/ab/ab/${FILE_SHA}`,
        created_at: new Date('2025-03-01T10:00:00Z'),
      }),
      expect.objectContaining({ id: ids.linkEvidence, owner_type: 'innovation', slot: 'umum', kind: 'link', url: 'https://video.example/antrean' }),
      expect.objectContaining({ id: ids.itemEvidence, owner_type: 'assessment_item', owner_id: ids.item, slot: 'umum', title: 'Perwali SPBE' }),
    ]);
  });

  it('counts one blob shared by an innovation and an assessment item twice, in one table', async () => {
    const count = await db.query<{ n: number }>('select count(*)::int as n from attachments where storage_key = $1', [`sha256/ab/ab/${FILE_SHA}`]);
    expect(count.rows[0]?.n).toBe(2);
  });

  it('drops the two old evidence tables', async () => {
    const tables = await db.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_name in ('evidence', 'assessment_evidence')",
    );
    expect(tables.rows).toEqual([]);
  });
});
