/**
 * Demo: the national IID validation result of Kota Pangkalpinang's 2025 period, so the IID page's
 * *Nasional* tab shows claimed, verified and national side by side without an import first. As national
 * validation usually corrects down, each verified innovation's national score is a little below its
 * verified score (most by about 4%, every fifth by about 12%); one innovation is judged not valid for
 * missing evidence, as is any verified innovation the IID rules keep from being reported (unscored); the
 * region's national index is about 4% below its verified index, with the predicate the framework's bands
 * give it and a made-up rank. Example data, marked as such.
 *
 * Made through the same checks and write as an uploaded sheet (importNationalRows), never as raw rows.
 * Seeded once: skipped when the period already has a national result (the demo runs again on an
 * existing database).
 */
import { and, eq } from 'drizzle-orm';
import { figureOf } from '#domain/iid/projection.ts';
import { Ratio } from '#domain/scoring/decimal.ts';
import { classify } from '#domain/scoring/result.ts';
import type { Tx } from '#server/db/client.ts';
import { iidNationalResults, periods, users } from '#server/db/schema.ts';
import { NATIONAL_STATUSES, NATIONAL_TEMPLATE_HEADERS as H, importNationalRows } from '#server/features/iid/iid-national-import.service.ts';
import type { SheetRow } from '#server/lib/xlsx.ts';
import { findIidPeriod, projectPeriodIid } from '#server/platform/figures/iid-projection.ts';

const REGION = '19.71';
const YEAR = 2025;
/** When the ministry's validation came back (after the national deadline of the period). */
const IMPORTED_AT = new Date(Date.UTC(2025, 10, 28, 3, 0));
const NATIONAL_RANK = 96;
const NOT_VALID_NOTE = 'Contoh data demo: bukti penerapan tidak dapat diakses saat validasi nasional.';
const NOT_ELIGIBLE_NOTE = 'Contoh data demo: tidak memenuhi syarat inovasi yang dilaporkan.';

/** `value` × `factor`, two decimals half-up, as the national application publishes a score. */
const scaled = (value: string, factor: string) => Ratio.from(value).mul(Ratio.from(factor)).roundHalfUp(2).toFixed(2);

export async function seedDemoIidNasional(tx: Tx): Promise<void> {
  const [periodRow] = await tx
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.regionCode, REGION), eq(periods.year, YEAR)));
  if (!periodRow) return;
  const [existing] = await tx.select({ id: iidNationalResults.id }).from(iidNationalResults).where(eq(iidNationalResults.periodId, periodRow.id));
  if (existing) return;
  const period = await findIidPeriod(tx, REGION, periodRow.id);
  const [admin] = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.regionCode, REGION), eq(users.username, 'admin.demo')));
  if (!period || !admin) return;

  const { framework, projection } = await projectPeriodIid(tx, REGION, period);
  const verified = figureOf(projection.verified);
  const nationalIndex = scaled(verified.index, '0.96');
  const predicate = classify(framework, framework.root.kind, Ratio.from(nationalIndex)).predicate;
  // The innovations the region reported: the verified ones, in name order as the template lists them.
  const reported = projection.innovations.filter((i) => i.status === 'terverifikasi').sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const rows: SheetRow[] = [
    {
      rowNumber: 2,
      cells: { [H.kind]: 'DAERAH', [H.index]: nationalIndex, [H.rank]: String(NATIONAL_RANK), [H.predicate]: predicate ?? '' },
    },
    ...reported.map((innovation, i) => {
      const note = !innovation.countsForVerified ? NOT_ELIGIBLE_NOTE : i === 2 ? NOT_VALID_NOTE : '';
      return {
        rowNumber: i + 3,
        cells: {
          [H.kind]: 'INOVASI',
          [H.innovationId]: innovation.id,
          [H.name]: innovation.name,
          [H.score]: note ? '' : scaled(innovation.verifiedScore, i % 5 === 4 ? '0.88' : '0.96'),
          [H.status]: note ? NATIONAL_STATUSES.tidak_valid : NATIONAL_STATUSES.valid,
          [H.note]: note,
        },
      };
    }),
  ];
  await importNationalRows(
    tx,
    { actor: admin, origin: { ip: null, userAgent: 'sinergi-demo-seed', requestId: null }, now: IMPORTED_AT },
    REGION,
    period.id,
    { dryRun: false, fileName: 'Contoh: hasil-validasi-nasional-iid-2025.xlsx' },
    rows,
  );
}
