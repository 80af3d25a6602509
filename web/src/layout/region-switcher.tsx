import { type ComboboxData, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconMapPin } from '@tabler/icons-react';
import { useMemo } from 'react';
import { type Region, regionListQuery } from '../api/regions.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

/** Provinces with their kabupaten/kota under them, each province first. */
export function groupByProvince(regions: Region[]): ComboboxData {
  const provinces = regions.filter((r) => r.kind === 'provinsi');
  return provinces.map((p) => ({
    group: p.name,
    items: [p, ...regions.filter((r) => r.provinceCode === p.code)].map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
  }));
}

/** The national admin's choice of region: a searchable list of all 552 regions, by name or code. */
export function RegionSwitcher() {
  const { t } = useI18n();
  const { regionCode, switchRegion } = useRegion();
  const regions = useQuery(regionListQuery(''));
  const data = useMemo(() => groupByProvince(regions.data?.items ?? []), [regions.data]);
  const hasCurrent = regions.data?.items.some((r) => r.code === regionCode) ?? false;
  return (
    <Select
      label={t('region.switch')}
      placeholder={t('region.switchPlaceholder')}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('region.nothingFound')}
      data={hasCurrent ? data : [...data, { value: regionCode, label: regionCode }]}
      value={regionCode}
      onChange={(code) => {
        if (code) switchRegion(code);
      }}
      leftSection={<IconMapPin size={16} aria-hidden />}
      limit={60}
      disabled={regions.isPending}
      error={regions.isError ? t('region.listFailed') : undefined}
      comboboxProps={{ withinPortal: true, width: 340, position: 'bottom-start' }}
    />
  );
}
