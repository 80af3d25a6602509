/**
 * The profile vocabulary that changes by year: the tematik an innovation of a period may name is the list
 * in the IID framework that scores the period (framework data), so a new year's list is a new framework
 * file and older periods keep theirs. The innovation form, the XLSX import, the public catalogue and the
 * national export all read it here, so they agree.
 */
import { tematikOptions } from '#domain/innovations/profile.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';

export type TematikOption = { id: string; name: string };

/** The period's tematik list; with no IID framework installed at all, the 2023 form's list. */
export async function tematikOptionsOfPeriod(
  db: DbOrTx,
  regionCode: string,
  period: { year: number; iidFrameworkVersionId: string | null },
): Promise<readonly TematikOption[]> {
  try {
    const { framework } = await iidFrameworkOfPeriod(db, regionCode, period);
    return tematikOptions(framework);
  } catch (error) {
    if (error instanceof AppError && error.code === 'IID_FRAMEWORK_MISSING') return tematikOptions({});
    throw error;
  }
}

/** Why a tematik is refused for the period, naming the field and the year (null: it is allowed). */
export function tematikRefusal(options: readonly TematikOption[], tematik: string | null, year: number): string | null {
  if (tematik === null || options.some((o) => o.id === tematik)) return null;
  return `Tematik "${tematik}" tidak ada dalam daftar tematik IID tahun ${year}; pilih salah satu: ${options.map((o) => o.name).join(', ')}`;
}

/** Refuses (400, on `field`) a tematik the period's framework does not list. */
export async function assertTematik(
  db: DbOrTx,
  regionCode: string,
  period: { year: number; iidFrameworkVersionId: string | null },
  tematik: string | null,
  field: string,
): Promise<void> {
  if (tematik === null) return;
  const reason = tematikRefusal(await tematikOptionsOfPeriod(db, regionCode, period), tematik, period.year);
  if (reason !== null) throw fieldError(field, reason);
}
