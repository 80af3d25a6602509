/** The region's reporting periods: a hook that picks the current one (newest by default) and a select. */
import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { type Period, periodListQueryOptions } from '../../api/periods.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The chosen period, kept in the URL beside the list's own parameters; changing it goes back to page 1. */
export function usePeriodParam(): [string | null, (periodId: string) => void] {
  const [search, setSearch] = useSearchParams();
  const set = useCallback(
    (periodId: string) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('periodId', periodId);
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [search.get('periodId'), set];
}

export function usePeriods(regionCode: string, enabled = true) {
  return useQuery({ ...periodListQueryOptions(regionCode), enabled });
}

/** The period named by `periodId` when it exists, else the newest (the server lists newest first). */
export function choosePeriod(periods: Period[] | undefined, periodId: string | null | undefined): Period | undefined {
  if (!periods) return undefined;
  return periods.find((p) => p.id === periodId) ?? periods[0];
}

export function PeriodSelect({
  periods,
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  periods: Period[];
  value: string | null;
  onChange: (periodId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={t('period.select')}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...props}
      data={periods.map((p) => ({ value: p.id, label: t('period.label', { year: p.year }) }))}
      value={value}
      onChange={(id) => {
        if (id) onChange(id);
      }}
    />
  );
}
