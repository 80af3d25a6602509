import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** "Showing 1–25 of 45", the page buttons and the page size. */
export function TablePager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const { t, formatNumber } = useI18n();
  const { page, pageSize, total } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const controlLabels = {
    first: t('common.firstPage'),
    previous: t('common.previousPage'),
    next: t('common.nextPage'),
    last: t('common.lastPage'),
  } as const;
  return (
    <Group justify="space-between" gap="sm" mt="md">
      <Group gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('common.showing', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
        </Text>
        <NativeSelect
          size="xs"
          aria-label={t('common.pageSize')}
          value={String(pageSize)}
          onChange={(e) => props.onPageSize(Number(e.currentTarget.value))}
          data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('common.perPage', { n }) }))}
        />
      </Group>
      {pages > 1 ? (
        <Pagination
          size="sm"
          total={pages}
          value={Math.min(page, pages)}
          onChange={props.onPage}
          siblings={1}
          boundaries={1}
          aria-label={t('common.pagination')}
          getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
        />
      ) : null}
    </Group>
  );
}
