/**
 * The name of the region whose public pages a citizen opened (from the public national list), for the
 * portal's header and the public pages that name the region.
 */
import { useQuery } from '@tanstack/react-query';
import { portalRegionQuery } from '../api/portal.api.ts';
import { useI18n } from '../i18n/i18n.tsx';

const REGION_CODE = /^\d{2}(\.\d{2})?$/;

/** The region's name for a code, or "Daerah 19.71" while it loads or when the list does not know it. */
export function usePortalRegionName(regionCode: string | undefined): string | null {
  const { t } = useI18n();
  const valid = regionCode !== undefined && REGION_CODE.test(regionCode);
  const region = useQuery({ ...portalRegionQuery(regionCode ?? ''), enabled: valid });
  if (!valid) return null;
  return region.data?.name ?? t('portal.regionFallback', { code: regionCode });
}
