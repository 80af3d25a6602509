/**
 * Choosing urusan pemerintahan from the official list (src/domain/innovations/profile.ts), grouped as
 * the law groups them, with the six yandas (urusan wajib pelayanan dasar) marked. Searchable by name.
 */
import {
  Badge,
  type ComboboxData,
  type ComboboxLikeRenderOptionInput,
  type ComboboxItem,
  Group,
  MultiSelect,
  type MultiSelectProps,
  Select,
  type SelectProps,
  Text,
} from '@mantine/core';
import { useMemo } from 'react';
import { isYandas } from '#domain/innovations/profile.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { URUSAN, URUSAN_GROUP_LABELS, URUSAN_GROUPS } from '../../components/innovation-labels.ts';

function useUrusanData(): ComboboxData {
  const { pick } = useI18n();
  return useMemo(
    () =>
      URUSAN_GROUPS.map((group) => ({
        group: pick(URUSAN_GROUP_LABELS[group]),
        items: URUSAN.filter((u) => u.group === group).map((u) => ({ value: u.id, label: u.name })),
      })),
    [pick],
  );
}

function useRenderUrusan() {
  const { t } = useI18n();
  return ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => (
    <Group justify="space-between" wrap="nowrap" gap="xs" w="100%">
      <Text size="sm" component="span">
        {option.label}
      </Text>
      {isYandas(option.value) ? (
        <Badge size="xs" variant="light" color="teal" component="span">
          {t('urusan.yandas')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function UrusanSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useI18n();
  const data = useUrusanData();
  const renderOption = useRenderUrusan();
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t('urusan.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      {...props}
      data={data}
      renderOption={renderOption}
    />
  );
}

export function UrusanMultiSelect({ exclude, ...props }: Omit<MultiSelectProps, 'data'> & { exclude?: string | null }) {
  const { t } = useI18n();
  const all = useUrusanData();
  const renderOption = useRenderUrusan();
  const data = useMemo(
    () =>
      exclude
        ? all.map((g) =>
            typeof g === 'object' && 'group' in g
              ? { ...g, items: g.items.filter((i) => typeof i !== 'object' || !('value' in i) || i.value !== exclude) }
              : g,
          )
        : all,
    [all, exclude],
  );
  return (
    <MultiSelect
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('urusan.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      {...props}
      data={data}
      renderOption={renderOption}
    />
  );
}
