import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n.tsx';
import type { SortOrder } from './use-list-params.ts';

/** A column header that sorts the list when clicked (or activated by keyboard); says its state via aria-sort. */
export function SortableTh<C extends string>(props: { column: C; label: string; sort: string; order: SortOrder; onSort: (column: C) => void }) {
  const { t } = useI18n();
  const isActive = props.sort === props.column;
  const Icon = isActive ? (props.order === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th aria-sort={isActive ? (props.order === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => props.onSort(props.column)} title={t('common.sortBy', { column: props.label })}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm" component="span">
            {props.label}
          </Text>
          <Icon size={14} stroke={1.8} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
