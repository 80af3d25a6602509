/**
 * Picks the region's services an application serves, searching on the server as the user types (a
 * region lists hundreds). Each option names its unit too, since several units offer a service of the
 * same name (legalisir, surat keterangan).
 */
import { MultiSelect, type MultiSelectProps, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { serviceListQueryOptions } from '../../api/services.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface ServiceOption {
  id: string;
  name: string;
  unitName?: string;
}

type Props = Omit<MultiSelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  regionCode: string;
  value: string[];
  onChange: (ids: string[]) => void;
  /** The services already chosen (editing), known by name before any search. */
  current: ServiceOption[];
};

export function ServiceMultiSelect({ regionCode, value, onChange, current, ...props }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [known, setKnown] = useState<Map<string, ServiceOption>>(() => new Map(current.map((s) => [s.id, s])));
  const list = useQuery(serviceListQueryOptions(regionCode, { q: q || undefined, pageSize: 100, sort: 'name', order: 'asc' }));

  const found = useMemo(() => (list.data?.items ?? []).map((s) => ({ id: s.id, name: s.name, unitName: s.unitName })), [list.data]);
  const options = useMemo(() => {
    const byId = new Map<string, ServiceOption>();
    for (const id of value) {
      const chosen = known.get(id);
      if (chosen) byId.set(id, chosen);
    }
    for (const s of found) byId.set(s.id, s);
    return byId;
  }, [found, known, value]);

  return (
    <MultiSelect
      {...props}
      searchable
      clearable
      hidePickedOptions
      data={[...options.values()].map((s) => ({ value: s.id, label: s.name }))}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: items }) => items}
      nothingFoundMessage={list.isFetching ? t('app.loading') : t('aplikasi.servicesNothingFound')}
      renderOption={({ option }) => {
        const unitName = options.get(option.value)?.unitName;
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {unitName ? (
              <Text size="xs" c="dimmed">
                {unitName}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      onChange={(ids) => {
        setKnown((m) => {
          const next = new Map(m);
          for (const id of ids) {
            const s = options.get(id);
            if (s) next.set(id, s);
          }
          return next;
        });
        onChange(ids);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
