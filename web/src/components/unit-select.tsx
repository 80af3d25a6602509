/**
 * Picks one unit of the region, searching on the server as the user types (a region may have
 * hundreds). Options are grouped by kind; `isAllowed` narrows them (e.g. only kecamatan for a kelurahan).
 */
import { type ComboboxData, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type Unit, unitListQueryOptions } from '../api/units.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from './unit-kind.ts';

export interface UnitOption {
  id: string;
  name: string;
  shortName: string | null;
  /** Unknown for a current value known only by name (the user list gives the unit's name, not its kind). */
  kind: UnitKind | null;
}

export const unitOptionLabel = (u: Pick<UnitOption, 'name' | 'shortName'>) => (u.shortName ? `${u.name} (${u.shortName})` : u.name);

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  regionCode: string;
  value: string | null;
  /** Reports the chosen unit (or null), with its kind so the caller can check hierarchy rules. */
  onChange: (unit: UnitOption | null) => void;
  /** The current value's unit, when it may not be among the first results (editing). */
  current?: UnitOption | null;
  isAllowed?: (unit: UnitOption) => boolean;
};

export function UnitSelect({ regionCode, value, onChange, current, isAllowed, ...props }: Props) {
  const { t, pick } = useI18n();
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Map<string, UnitOption>>(() => new Map());
  const selected = value ? (known.get(value) ?? (current?.id === value ? current : undefined)) : undefined;
  // Searching for the label of the chosen unit would list only that unit: show all instead.
  const typed = selected && search === unitOptionLabel(selected) ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 300);
  const list = useQuery(unitListQueryOptions(regionCode, { q: q || undefined, pageSize: 100, sort: 'name', order: 'asc' }));

  const options = useMemo(() => {
    const found: UnitOption[] = (list.data?.items ?? []).map((u: Unit) => ({ id: u.id, name: u.name, shortName: u.shortName, kind: u.kind }));
    const accepted = isAllowed ? found.filter(isAllowed) : found;
    if (selected && !accepted.some((u) => u.id === selected.id)) accepted.unshift(selected);
    return accepted;
  }, [list.data, isAllowed, selected]);

  const data = useMemo<ComboboxData>(() => {
    const item = (u: UnitOption) => ({ value: u.id, label: unitOptionLabel(u) });
    const groups = UNIT_KINDS.map((kind) => ({
      group: pick(UNIT_KIND_LABELS[kind]),
      items: options.filter((u) => u.kind === kind).map(item),
    })).filter((g) => g.items.length > 0);
    return [...options.filter((u) => u.kind === null).map(item), ...groups];
  }, [options, pick]);

  return (
    <Select
      {...props}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: items }) => items}
      nothingFoundMessage={list.isFetching ? t('app.loading') : t('unitSelect.nothingFound')}
      onChange={(id) => {
        const unit = id ? (options.find((u) => u.id === id) ?? null) : null;
        if (unit) setKnown((m) => new Map(m).set(unit.id, unit));
        onChange(unit);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
