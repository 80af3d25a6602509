/**
 * The region's RPJMD programme codes, as the features that link to them need them: the smart-city
 * programme form and the innovation form offer the codes and refuse one the region's RPJMD does not
 * have, so a link always points at a programme the Bapperida keeps. The RPJMD feature owns the cascade.
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '#server/db/client.ts';
import { rpjmdEntries, rpjmdPeriods } from '#server/db/schema.ts';
import { fieldError } from '#server/http/app-error.ts';
import { containsSearchText } from '#server/platform/search.ts';

/**
 * Programme-level codes of the region's RPJMD periods, optionally matching `q`, each code once: a code
 * kept from one RPJMD into the next is one programme, shown with its name in the newest RPJMD.
 */
export async function rpjmdProgrammeCodesOf(db: DbOrTx, regionCode: string, q?: string, limit = 500) {
  const conditions: (SQL | undefined)[] = [eq(rpjmdEntries.regionCode, regionCode), eq(rpjmdEntries.level, 'program')];
  if (q) conditions.push(containsSearchText([rpjmdEntries.code, rpjmdEntries.name], q));
  const rows = await db
    .select({
      code: rpjmdEntries.code,
      name: rpjmdEntries.name,
      rpjmdTitle: rpjmdPeriods.title,
      startYear: rpjmdPeriods.startYear,
      endYear: rpjmdPeriods.endYear,
    })
    .from(rpjmdEntries)
    .innerJoin(rpjmdPeriods, and(eq(rpjmdPeriods.id, rpjmdEntries.rpjmdId), eq(rpjmdPeriods.regionCode, regionCode)))
    .where(and(...conditions))
    .orderBy(desc(rpjmdPeriods.startYear), asc(rpjmdEntries.code));
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, row);
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code, 'id', { numeric: true })).slice(0, limit);
}

/** Whether the code is a programme of one of the region's RPJMD periods. */
export async function isRpjmdProgrammeCode(db: DbOrTx, regionCode: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: rpjmdEntries.id })
    .from(rpjmdEntries)
    .where(and(eq(rpjmdEntries.regionCode, regionCode), eq(rpjmdEntries.level, 'program'), eq(rpjmdEntries.code, code)))
    .limit(1);
  return row !== undefined;
}

/**
 * Refuses (400, on `field`) a code the region's RPJMD does not list as a programme. `unchanged` keeps a
 * code saved before the cascade was entered: editing other fields of such a record must still work.
 */
export async function assertRpjmdProgrammeCode(
  db: DbOrTx,
  regionCode: string,
  code: string | null,
  field: string,
  unchanged?: string | null,
): Promise<void> {
  if (code === null || code === unchanged) return;
  if (await isRpjmdProgrammeCode(db, regionCode, code)) return;
  throw fieldError(
    field,
    `Kode program RPJMD "${code}" tidak ada dalam RPJMD daerah ini; pilih kode program dari daftar atau tambahkan dulu di menu RPJMD`,
  );
}
