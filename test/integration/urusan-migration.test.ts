/**
 * The move to the national application's urusan list: an install upgraded from the list with
 * "Pengawasan" and "Kesekretariatan" finds those innovations under "Fungsi lain" (utama and irisan), the
 * others untouched, and an audit entry per innovation moved saying what it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URUSAN } from '../../src/domain/innovations/profile.ts';
import { MIGRATIONS_DIR } from '../../src/server/db/migrate.ts';

let db: PGlite;

async function apply(file: string): Promise<void> {
  const text = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await db.exec(statement);
}

const migrations = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const FIRST = '0011_urusan_nasional.sql';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

beforeAll(async () => {
  db = new PGlite();
  for (const f of migrations.filter((f) => f < FIRST)) await apply(f);
  await db.exec(`
    insert into regions (code, name, kind) values ('19.71', 'Kota Pangkalpinang', 'kota');
    insert into units (id, region_code, kind, name) values ('${id(1)}', '19.71', 'inspektorat', 'Inspektorat');
    insert into periods (id, region_code, year, opens_on, closes_on, target_total) values ('${id(2)}', '19.71', 2025, '2025-01-01', '2025-12-31', 100);
    insert into innovations (id, region_code, period_id, unit_id, name, urusan_utama, urusan_irisan) values
      ('${id(3)}', '19.71', '${id(2)}', '${id(1)}', 'Klinik Konsultasi Pengadaan', 'pengawasan', '["keuangan"]'),
      ('${id(4)}', '19.71', '${id(2)}', '${id(1)}', 'Naskah Dinas Elektronik', 'kominfo', '["kesekretariatan", "pengawasan", "kearsipan"]'),
      ('${id(5)}', '19.71', '${id(2)}', '${id(1)}', 'Reses Terbuka', 'kesekretariatan', '["pengawasan"]'),
      ('${id(6)}', '19.71', '${id(2)}', '${id(1)}', 'Antrean Daring', 'kesehatan', '["kominfo"]');
  `);
  for (const f of migrations.filter((f) => f >= FIRST)) await apply(f);
}, 120_000);

afterAll(async () => {
  await db.close();
});

const innovation = async (n: number) =>
  (
    await db.query<{ urusan_utama: string; urusan_irisan: string[]; version: number }>(
      `select urusan_utama, urusan_irisan, version from innovations where id = $1`,
      [id(n)],
    )
  ).rows[0];

describe('the move to the national urusan list', () => {
  it('files Pengawasan and Kesekretariatan under Fungsi lain, as utama and as irisan, once each', async () => {
    expect(await innovation(3)).toEqual({ urusan_utama: 'fungsi_lain', urusan_irisan: ['keuangan'], version: 2 });
    expect(await innovation(4)).toEqual({ urusan_utama: 'kominfo', urusan_irisan: ['fungsi_lain', 'kearsipan'], version: 2 });
    // The irisan would repeat the new utama: it is dropped.
    expect(await innovation(5)).toEqual({ urusan_utama: 'fungsi_lain', urusan_irisan: [], version: 2 });
    expect(await innovation(6)).toEqual({ urusan_utama: 'kesehatan', urusan_irisan: ['kominfo'], version: 1 });
  });

  it('leaves only values of the national list', async () => {
    const known = new Set(URUSAN.map((u) => u.id));
    const { rows } = await db.query<{ v: string }>(
      `select urusan_utama as v from innovations union select jsonb_array_elements_text(urusan_irisan) from innovations`,
    );
    expect(rows.map((r) => r.v).filter((v) => !known.has(v))).toEqual([]);
  });

  it('notes each move in the audit log with what it was', async () => {
    const { rows } = await db.query<{ entity_id: string; before: { urusanUtama: string }; after: { urusanUtama: string; catatan: string } }>(
      `select entity_id, before, after from audit_log where action = 'innovation.urusan_moved' order by entity_id`,
    );
    expect(rows.map((r) => r.entity_id)).toEqual([id(3), id(4), id(5)]);
    expect(rows[0]?.before.urusanUtama).toBe('pengawasan');
    expect(rows[0]?.after.urusanUtama).toBe('fungsi_lain');
    expect(rows[0]?.after.catatan).toContain('Fungsi lain');
  });
});
