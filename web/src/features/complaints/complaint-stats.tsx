/**
 * The statistics of complaint handling: how many are open, closed and late, the share resolved and the
 * median days to resolve, then per unit and per category with bars (the numbers stand beside them, so
 * the bars are only an aid to the eye).
 */
import { Box, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ComplaintStats, complaintStatsQueryOptions, complaintStatsReportUrl } from '../../api/complaints.api.ts';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useFigures } from '../../components/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { AttachToIndexButton } from '../../components/index-evidence-dialog.tsx';
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

interface Row {
  id: string;
  name: string;
  total: number;
  resolved: number;
  overdue: number;
  /** Only per unit. */
  medianDays?: string | null;
}

/**
 * One breakdown: a table with a bar column on wider screens; on a phone a list that fits the screen
 * without sideways scrolling.
 */
function BreakdownTable({ title, nameLabel, rows, withMedian }: { title: string; nameLabel: string; rows: Row[]; withMedian: boolean }) {
  const { t, formatNumber, formatDecimal } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const max = Math.max(0, ...rows.map((r) => r.total));
  const table = (
    <Table verticalSpacing={6} aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{nameLabel}</Table.Th>
          <Table.Th w="30%">{t('complaints.stats.volume')}</Table.Th>
          <Table.Th ta="end">{t('complaints.stats.total')}</Table.Th>
          <Table.Th ta="end">{t('complaints.stats.resolved')}</Table.Th>
          <Table.Th ta="end">{t('complaints.stats.overdue')}</Table.Th>
          {withMedian ? <Table.Th ta="end">{t('complaints.stats.medianDays')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Text size="sm">{r.name}</Text>
            </Table.Td>
            <Table.Td>
              <VolumeBar total={r.total} resolved={r.resolved} max={max} />
            </Table.Td>
            <Table.Td ta="end">{formatNumber(r.total)}</Table.Td>
            <Table.Td ta="end">{formatNumber(r.resolved)}</Table.Td>
            <Table.Td ta="end" c={r.overdue > 0 ? 'red.9' : undefined} fw={r.overdue > 0 ? 700 : undefined}>
              {formatNumber(r.overdue)}
            </Table.Td>
            {withMedian ? <Table.Td ta="end">{r.medianDays ? formatDecimal(r.medianDays) : '—'}</Table.Td> : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  // On a phone each row is a short block: the name, its bar, and the numbers in one sentence.
  const list = (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
      {rows.map((r) => (
        <Box component="li" key={r.id}>
          <Text size="sm" fw={500}>
            {r.name}
          </Text>
          <Box my={4}>
            <VolumeBar total={r.total} resolved={r.resolved} max={max} />
          </Box>
          <Text size="xs">
            {t('complaints.stats.rowSummary', { total: formatNumber(r.total), resolved: formatNumber(r.resolved) })}
            {' · '}
            <Text span size="xs" c={r.overdue > 0 ? 'red.9' : undefined} fw={r.overdue > 0 ? 700 : undefined}>
              {t('complaints.stats.rowOverdue', { n: formatNumber(r.overdue) })}
            </Text>
            {withMedian && r.medianDays ? ` · ${t('complaints.stats.rowMedian', { n: formatDecimal(r.medianDays) })}` : ''}
          </Text>
        </Box>
      ))}
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p={isMobile ? 'sm' : 'md'}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Legend />
      {isMobile ? list : <Table.ScrollContainer minWidth={600}>{table}</Table.ScrollContainer>}
    </Paper>
  );
}

function Breakdown({ stats }: { stats: ComplaintStats }) {
  const { t } = useI18n();
  return (
    <>
      <BreakdownTable
        title={t('complaints.stats.byUnit')}
        nameLabel={t('complaints.col.unit')}
        withMedian
        rows={stats.byUnit.map((u) => ({
          id: u.unitId,
          name: u.unitName,
          total: u.total,
          resolved: u.resolved,
          overdue: u.overdue,
          medianDays: u.medianDaysToResolve,
        }))}
      />
      <BreakdownTable
        title={t('complaints.stats.byCategory')}
        nameLabel={t('complaints.col.category')}
        withMedian={false}
        rows={stats.byCategory.map((c) => ({ id: c.categoryId, name: c.categoryName, total: c.total, resolved: c.resolved, overdue: c.overdue }))}
      />
    </>
  );
}

export function ComplaintStatsPanel({ regionCode }: { regionCode: string }) {
  const { t, formatNumber, formatDecimal } = useI18n();
  const { figure } = useFigures();
  const thisYear = new Date().getFullYear();
  const [period, setPeriod] = useState<string>(ALL);
  const range = period === ALL ? {} : yearRange(Number(period));
  const query = useQuery(complaintStatsQueryOptions(regionCode, range));
  const years = [thisYear, thisYear - 1, thisYear - 2].map(String);
  const canManage = useRegion().can('complaints.manage');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {t('complaints.stats.intro')}
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('complaints.stats.period')}
            data={[{ value: ALL, label: t('complaints.stats.allTime') }, ...years.map((y) => ({ value: y, label: y }))]}
            value={period}
            onChange={(v) => setPeriod(v ?? ALL)}
            allowDeselect={false}
            w={180}
          />
          <Button
            component="a"
            href={complaintStatsReportUrl(regionCode, range)}
            download
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('complaints.stats.download')}
          </Button>
          {canManage ? (
            // The statistics of the range on screen are what goes to the indicator.
            <AttachToIndexButton
              regionCode={regionCode}
              source={{ kind: 'complaints', ...range }}
              documentLabel={period === ALL ? t('complaints.stats.documentAll') : t('complaints.stats.documentYear', { year: period })}
            />
          ) : null}
        </Group>
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
              color={query.data.overdue > 0 ? 'red.9' : undefined}
            />
            <Figure
              label={t('complaints.stats.resolutionRate')}
              value={query.data.resolutionRate ? `${figure(query.data.resolutionRate, 'percent')} %` : '—'}
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
