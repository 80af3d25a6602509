/**
 * The statistics of complaint handling: how many are open, closed and late, the share resolved and the
 * median days to resolve, then per unit and per category with bars (the numbers stand beside them, so
 * the bars are only an aid to the eye).
 */
import { Box, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ComplaintStats, complaintStatsQueryOptions } from '../../api/complaints.api.ts';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { yearRange } from './complaint-labels.ts';

const ALL = 'semua';

function Figure({ label, value, hint, color }: { label: string; value: string; hint?: string; color?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} lh={1.2}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** A bar of `total` against the largest row, the resolved part in green. Decorative: the cells say the numbers. */
function VolumeBar({ total, resolved, max }: { total: number; resolved: number; max: number }) {
  const width = max > 0 ? (total / max) * 100 : 0;
  const resolvedWidth = total > 0 ? (resolved / total) * 100 : 0;
  return (
    <Box aria-hidden style={{ width: '100%', minWidth: 80, height: 12, borderRadius: 3, background: 'var(--mantine-color-gray-1)' }}>
      <Box style={{ width: `${width}%`, height: '100%', borderRadius: 3, background: 'var(--mantine-color-blue-3)', overflow: 'hidden' }}>
        <Box style={{ width: `${resolvedWidth}%`, height: '100%', background: 'var(--mantine-color-green-7)' }} />
      </Box>
    </Box>
  );
}

function Legend() {
  const { t } = useI18n();
  const swatch = (color: string) => (
    <Box aria-hidden style={{ width: 12, height: 12, borderRadius: 2, background: `var(--mantine-color-${color})` }} />
  );
  return (
    <Group gap="md" mb="xs">
      <Group gap={6}>
        {swatch('green-7')}
        <Text size="xs">{t('complaints.stats.legendResolved')}</Text>
      </Group>
      <Group gap={6}>
        {swatch('blue-3')}
        <Text size="xs">{t('complaints.stats.legendOther')}</Text>
      </Group>
    </Group>
  );
}

function Breakdown({ stats }: { stats: ComplaintStats }) {
  const { t, formatNumber, formatDecimal } = useI18n();
  const maxUnit = Math.max(0, ...stats.byUnit.map((u) => u.total));
  const maxCategory = Math.max(0, ...stats.byCategory.map((c) => c.total));
  return (
    <>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="xs">
          {t('complaints.stats.byUnit')}
        </Title>
        <Legend />
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} aria-label={t('complaints.stats.byUnit')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaints.col.unit')}</Table.Th>
                <Table.Th w="30%">{t('complaints.stats.volume')}</Table.Th>
                <Table.Th ta="end">{t('complaints.stats.total')}</Table.Th>
                <Table.Th ta="end">{t('complaints.stats.resolved')}</Table.Th>
                <Table.Th ta="end">{t('complaints.stats.overdue')}</Table.Th>
                <Table.Th ta="end">{t('complaints.stats.medianDays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.byUnit.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>
                    <Text size="sm">{u.unitName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <VolumeBar total={u.total} resolved={u.resolved} max={maxUnit} />
                  </Table.Td>
                  <Table.Td ta="end">{formatNumber(u.total)}</Table.Td>
                  <Table.Td ta="end">{formatNumber(u.resolved)}</Table.Td>
                  <Table.Td ta="end" c={u.overdue > 0 ? 'red.8' : undefined} fw={u.overdue > 0 ? 600 : undefined}>
                    {formatNumber(u.overdue)}
                  </Table.Td>
                  <Table.Td ta="end">{u.medianDaysToResolve ? formatDecimal(u.medianDaysToResolve) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="xs">
          {t('complaints.stats.byCategory')}
        </Title>
        <Legend />
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} aria-label={t('complaints.stats.byCategory')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaints.col.category')}</Table.Th>
                <Table.Th w="30%">{t('complaints.stats.volume')}</Table.Th>
                <Table.Th ta="end">{t('complaints.stats.total')}</Table.Th>
                <Table.Th ta="end">{t('complaints.stats.resolved')}</Table.Th>
                <Table.Th ta="end">{t('complaints.stats.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.byCategory.map((c) => (
                <Table.Tr key={c.categoryId}>
                  <Table.Td>
                    <Text size="sm">{c.categoryName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <VolumeBar total={c.total} resolved={c.resolved} max={maxCategory} />
                  </Table.Td>
                  <Table.Td ta="end">{formatNumber(c.total)}</Table.Td>
                  <Table.Td ta="end">{formatNumber(c.resolved)}</Table.Td>
                  <Table.Td ta="end" c={c.overdue > 0 ? 'red.8' : undefined} fw={c.overdue > 0 ? 600 : undefined}>
                    {formatNumber(c.overdue)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}

export function ComplaintStatsPanel({ regionCode }: { regionCode: string }) {
  const { t, formatNumber, formatDecimal } = useI18n();
  const thisYear = new Date().getFullYear();
  const [period, setPeriod] = useState<string>(ALL);
  const range = period === ALL ? {} : yearRange(Number(period));
  const query = useQuery(complaintStatsQueryOptions(regionCode, range));
  const years = [thisYear, thisYear - 1, thisYear - 2].map(String);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {t('complaints.stats.intro')}
        </Text>
        <Select
          label={t('complaints.stats.period')}
          data={[{ value: ALL, label: t('complaints.stats.allTime') }, ...years.map((y) => ({ value: y, label: y }))]}
          value={period}
          onChange={(v) => setPeriod(v ?? ALL)}
          allowDeselect={false}
          w={180}
        />
      </Group>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
            <Figure
              label={t('complaints.stats.open')}
              value={formatNumber(query.data.open)}
              hint={t('complaints.stats.ofTotal', { n: formatNumber(query.data.total) })}
            />
            <Figure label={t('complaints.stats.closed')} value={formatNumber(query.data.closed)} />
            <Figure
              label={t('complaints.stats.overdueOpen')}
              value={formatNumber(query.data.overdue)}
              color={query.data.overdue > 0 ? 'red.8' : undefined}
            />
            <Figure
              label={t('complaints.stats.resolutionRate')}
              value={query.data.resolutionRate ? `${formatDecimal(query.data.resolutionRate)} %` : '—'}
              hint={t('complaints.stats.resolutionRateHint')}
            />
            <Figure
              label={t('complaints.stats.median')}
              value={query.data.medianDaysToResolve ? t('complaints.stats.days', { n: formatDecimal(query.data.medianDaysToResolve) }) : '—'}
              hint={t('complaints.stats.medianHint')}
            />
          </SimpleGrid>
          {query.data.total === 0 ? (
            <Text size="sm" c="dimmed">
              {t('complaints.stats.none')}
            </Text>
          ) : (
            <Breakdown stats={query.data} />
          )}
        </>
      )}
    </Stack>
  );
}
