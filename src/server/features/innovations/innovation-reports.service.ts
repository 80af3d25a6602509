// Placeholder while this feature is being written.
import type { Period } from '#shared/api/innovations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { AppError } from '#server/http/app-error.ts';

export async function periodDashboardData(_db: DbOrTx, _regionCode: string, _period: Period): Promise<never> {
  throw new AppError('INTERNAL');
}

export async function exportPeriodInnovations(_db: DbOrTx, _regionCode: string, _period: Period): Promise<Buffer> {
  throw new AppError('INTERNAL');
}
