/**
 * The RPJMD programme picker of the smart-city programme form and the innovation form: a searchable
 * list of the region's programme codes ("2.16.02 · Program …"). A code saved before the region entered
 * its RPJMD stays shown, so opening an old record does not blank it.
 */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { rpjmdProgrammesOptions } from '../api/rpjmd.api.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function RpjmdProgrammeSelect({
  regionCode,
  label,
  value,
  onChange,
  error,
  disabled,
}: {
  regionCode: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: React.ReactNode;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const options = useQuery(rpjmdProgrammesOptions(regionCode));
  const items = options.data?.items ?? [];
  // One option per code: the list refuses two options of one value.
  const data = [...new Map(items.map((p) => [p.code, { value: p.code, label: `${p.code} · ${p.name}` }])).values()];
  if (value && !items.some((p) => p.code === value)) data.unshift({ value, label: value });
  return (
    <Select
      label={label}
      placeholder={items.length === 0 && !options.isPending ? t('rpjmd.picker.none') : t('rpjmd.picker.placeholder')}
      description={t('rpjmd.picker.description')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      clearable
      nothingFoundMessage={t('rpjmd.picker.nothingFound')}
      error={error}
      disabled={disabled}
    />
  );
}
