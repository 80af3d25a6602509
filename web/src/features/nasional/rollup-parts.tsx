/**
 * The pieces the national roll-up, the province view and the public national page share: the summary
 * counts, the distribution charts (each with its numbers beside it), the table of regions (a card per
 * region on a phone) with each index's value, predicate, rank and its movement arrow since last year.
 */
import { BarChart } from '@mantine/charts';
import { Badge, Box, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { IndexCell, NationalRollup, RollupRow } from '../../api/nasional.api.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { SortableTh } from '../../components/sortable-th.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export type IndexKey = 'iid' | 'government' | 'ikm';
export const INDEX_KEYS: readonly IndexKey[] = ['iid', 'government', 'ikm'];
const INDEX_NAME: Record<IndexKey, string> = { iid: 'IID', government: 'SPBE/Pemdi', ikm: 'IKM' };
const COLORS: Record<IndexKey, string> = { iid: 'indigo.7', government: 'grape.7', ikm: 'cyan.8' };

/** A row as the public page gives it: an unpublished figure is null. */
export interface ShownRow {
  regionCode: string;
  regionName: string;
  kind: string;
  usesPlatform?: boolean;
  reported?: boolean;
  innovations: RollupRow['innovations'] | null;
  iid: IndexCell | null;
  government: IndexCell | null;
  ikm: IndexCell | null;
  complaints: RollupRow['complaints'] | null;
}

export function SummaryCards({ summary }: { summary: NationalRollup['summary'] }) {
  const { t, formatNumber } = useI18n();
  const items = [
    ['nasional.summary.regions', summary.regions],
    ['nasional.summary.usingPlatform', summary.usingPlatform],
    ['nasional.summary.reported', summary.reported],
    ['nasional.summary.withVerified', summary.withVerified],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      {items.map(([label, n]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t(label)}
          </Text>
          <Text fw={700} size="xl">
            {formatNumber(n)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** Per index: how many regions per predicate (bars) and per value range, with the numbers in a table beside. */
export function DistributionCharts({ distributions }: { distributions: NationalRollup['distributions'] }) {
  const { t, formatDecimal } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }}>
      {INDEX_KEYS.map((key) => {
        const d = distributions[key];
        const index = INDEX_NAME[key];
        const total = d.histogram.reduce((n, b) => n + b.count, 0);
        return (
          <Card key={key} withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">
              {t('nasional.chart.histogram', { index })}
            </Title>
            {total === 0 ? (
              <Text size="sm" c="dimmed">
                {t('nasional.chart.none', { index })}
              </Text>
            ) : (
              <Stack gap="xs">
                <div role="img" aria-label={t('nasional.chart.histogramLabel', { index })}>
                  <BarChart
                    h={160}
                    data={d.histogram.map((b) => ({
                      range: `${formatDecimal(b.from)}–${formatDecimal(b.to)}`,
                      [t('nasional.chart.regions')]: b.count,
                    }))}
                    dataKey="range"
                    series={[{ name: t('nasional.chart.regions'), color: COLORS[key] }]}
                    tickLine="none"
                    gridAxis="y"
                  />
                </div>
                <ScrollRegion label={t('nasional.chart.predicates', { index })} minWidth={200}>
                  <Table verticalSpacing={2} fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('nasional.chart.predicate')}</Table.Th>
                        <Table.Th ta="right">{t('nasional.chart.regions')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.predicates.map((p) => (
                        <Table.Tr key={p.predicate}>
                          <Table.Td>{p.predicate}</Table.Td>
                          <Table.Td ta="right">{p.count}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              </Stack>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

/** ▲ 3 / ▼ 2 / 0 / — with the sentence as its accessible name. */
export function RankMove({ cell, previousYear }: { cell: IndexCell; previousYear: number }) {
  const { t } = useI18n();
  const n = cell.rankChange;
  if (n === null) {
    return (
      <Badge
        variant="light"
        color="gray"
        size="sm"
        aria-label={t('nasional.change.none', { year: previousYear })}
        title={t('nasional.change.none', { year: previousYear })}
      >
        —
      </Badge>
    );
  }
  const label =
    n > 0
      ? t('nasional.change.up', { n, year: previousYear })
      : n < 0
        ? t('nasional.change.down', { n: -n, year: previousYear })
        : t('nasional.change.same', { year: previousYear });
  return (
    <Badge variant="light" color={n > 0 ? 'teal' : n < 0 ? 'red' : 'gray'} size="sm" aria-label={label} title={label}>
      {n > 0 ? `▲ ${n}` : n < 0 ? `▼ ${-n}` : '0'}
    </Badge>
  );
}

export function IndexValue({ cell, previousYear }: { cell: IndexCell | null; previousYear: number }) {
  const { t, formatDecimal } = useI18n();
  if (cell === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('publik.notPublished')}
      </Text>
    );
  }
  if (cell.value === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('nasional.noValue')}
      </Text>
    );
  }
  const change = cell.change === null ? null : `${cell.change.startsWith('-') ? '' : '+'}${formatDecimal(cell.change)}`;
  return (
    <Stack gap={0}>
      <Group gap={6}>
        <Tooltip label={cell.label ?? ''} disabled={!cell.label}>
          <Text size="sm" fw={600}>
            {formatDecimal(cell.value)}
          </Text>
        </Tooltip>
        {cell.rank !== null ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            #{cell.rank}
          </Text>
        ) : null}
        <RankMove cell={cell} previousYear={previousYear} />
      </Group>
      <Text size="xs" c="dimmed">
        {[cell.predicate, change === null ? null : t('nasional.valueChange', { change, year: previousYear })].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

function InnovationsValue({ row }: { row: ShownRow }) {
  const { t } = useI18n();
  if (row.innovations === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('publik.notPublished')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{t('nasional.innovationsFact', { verified: row.innovations.verified, proposed: row.innovations.proposed })}</Text>
      {row.innovations.target !== null ? (
        <Text size="xs" c="dimmed">
          {t('nasional.innovationsTarget', { target: row.innovations.target })}
        </Text>
      ) : null}
    </Stack>
  );
}

function ComplaintsValue({ row }: { row: ShownRow }) {
  const { t, formatDecimal } = useI18n();
  if (row.complaints === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('publik.notPublished')}
      </Text>
    );
  }
  return row.complaints.resolutionRate === null ? (
    <Text size="sm" c="dimmed">
      {t('nasional.noValue')}
    </Text>
  ) : (
    <Text size="sm">
      {formatDecimal(row.complaints.resolutionRate)}% ({row.complaints.resolved}/{row.complaints.received})
    </Text>
  );
}

function StatusBadges({ row }: { row: ShownRow }) {
  const { t } = useI18n();
  if (row.usesPlatform === undefined) return null;
  return (
    <Group gap={4}>
      <Badge size="sm" variant="light" color={row.usesPlatform ? 'blue' : 'gray'}>
        {row.usesPlatform ? t('nasional.usesPlatform') : t('nasional.notUsing')}
      </Badge>
      <Badge size="sm" variant="light" color={row.reported ? 'teal' : 'gray'}>
        {row.reported ? t('nasional.reported') : t('nasional.notReported')}
      </Badge>
    </Group>
  );
}

export type TableSort = 'rank' | 'name' | 'iid' | 'government' | 'ikm' | 'proposed' | 'complaints';

export interface RegionTableProps {
  rows: readonly ShownRow[];
  previousYear: number;
  /** Sortable headers when given (the national roll-up sorts on the server). */
  sorting?: { sort: string; dir: 'asc' | 'desc'; onSort: (column: TableSort) => void };
  /** The drill-down into a region's dashboard, when the caller may open it. */
  onOpen?: (row: ShownRow) => void;
  label: string;
}

export function RegionTable({ rows, previousYear, sorting, onOpen, label }: RegionTableProps) {
  const { t } = useI18n();
  const head = (column: TableSort, text: string) =>
    sorting ? (
      <SortableTh column={column} label={text} sort={sorting.sort} order={sorting.dir} onSort={sorting.onSort} />
    ) : (
      <Table.Th style={{ whiteSpace: 'nowrap' }}>{text}</Table.Th>
    );
  return (
    <>
      <Box visibleFrom="sm">
        <ScrollRegion label={label} minWidth={1100}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {head('name', t('nasional.col.region'))}
                {head('proposed', t('nasional.col.innovations'))}
                {head('iid', t('nasional.col.iid'))}
                {head('government', t('nasional.col.government'))}
                {head('ikm', t('nasional.col.ikm'))}
                {head('complaints', t('nasional.col.complaints'))}
                {onOpen ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.regionCode}>
                  <Table.Td miw={200}>
                    <Text size="sm" fw={600}>
                      {r.regionName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.regionCode}
                    </Text>
                    <StatusBadges row={r} />
                  </Table.Td>
                  <Table.Td>
                    <InnovationsValue row={r} />
                  </Table.Td>
                  {INDEX_KEYS.map((key) => (
                    <Table.Td key={key}>
                      <IndexValue cell={r[key]} previousYear={previousYear} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <ComplaintsValue row={r} />
                  </Table.Td>
                  {onOpen ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        rightSection={<IconArrowRight size={14} aria-hidden />}
                        onClick={() => onOpen(r)}
                        aria-label={t('nasional.openDashboard', { region: r.regionName })}
                      >
                        {t('nav.regionDashboard')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Box>
      <Stack hiddenFrom="sm" gap="sm">
        {rows.map((r) => (
          <Card key={r.regionCode} withBorder padding="sm" component="article" aria-label={r.regionName}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text fw={600} size="sm">
                  {r.regionName}
                </Text>
                <StatusBadges row={r} />
              </div>
              {onOpen ? (
                <Button size="xs" variant="light" onClick={() => onOpen(r)} aria-label={t('nasional.openDashboard', { region: r.regionName })}>
                  <IconArrowRight size={14} aria-hidden />
                </Button>
              ) : null}
            </Group>
            <SimpleGrid cols={2} spacing={6} mt="xs">
              <div>
                <Text size="xs" fw={600}>
                  {t('nasional.col.innovations')}
                </Text>
                <InnovationsValue row={r} />
              </div>
              {INDEX_KEYS.map((key) => (
                <div key={key}>
                  <Text size="xs" fw={600}>
                    {INDEX_NAME[key]}
                  </Text>
                  <IndexValue cell={r[key]} previousYear={previousYear} />
                </div>
              ))}
              <div>
                <Text size="xs" fw={600}>
                  {t('nasional.col.complaints')}
                </Text>
                <ComplaintsValue row={r} />
              </div>
            </SimpleGrid>
          </Card>
        ))}
      </Stack>
    </>
  );
}

/** The years a picker offers: the last five up to the current one (the roll-up has no list of its own). */
export function yearChoices(shown: number, now = new Date()): string[] {
  const current = Math.max(now.getFullYear(), shown);
  return Array.from({ length: 6 }, (_, i) => String(current - i));
}
