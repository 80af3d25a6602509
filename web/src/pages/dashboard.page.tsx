/**
 * Capaian Target: for one period, the innovations proposed (submitted and not rejected; drafts are
 * shown beside, not counted) against the total target, counts by status, tahapan, jenis and urusan, every
 * unit against its minimum (units short of it first and highlighted; cards on a phone so the counts stay
 * in view), the coverage of the six yandas urusan, and the period's XLSX export. After the reporting
 * window closes, drafts still waiting are called late.
 */
import { Alert, Badge, Button, Card, Group, Paper, Progress, SimpleGrid, Stack, Switch, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconDownload } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { type PeriodDashboard, periodDashboardQueryOptions, periodExportUrl } from '../api/periods.api.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { isPastDeadline, todayIso } from '../components/deadlines.ts';
import { isStatus, JENIS_LABELS, labelIn, STATUS_COLORS, STATUS_LABELS, TAHAPAN_LABELS, urusanName } from '../components/innovation-labels.ts';
import { choosePeriod, PeriodSelect, usePeriodParam, usePeriods } from '../features/innovations/period-select.tsx';
import { isUnitKind, UNIT_KIND_LABELS } from '../components/unit-kind.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

/** The server's key for innovations that leave the field empty. */
const UNSET_KEY = 'belum_diisi';

/** A headline number, labelled for assistive technology by its own caption. */
function StatCard({ label, value, children }: { label: string; value: string; children?: ReactNode }) {
  const labelId = useId();
  return (
    <Card withBorder radius="md" padding="lg" role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={34} fw={800} lh={1.15} data-stat-value>
        {value}
      </Text>
      {children}
    </Card>
  );
}

function CountBars({ title, rows }: { title: string; rows: { key: string; label: string; count: number; color?: string }[] }) {
  const { t, formatNumber } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.none')}
        </Text>
      ) : (
        <Stack gap={8}>
          {rows.map((r) => (
            <div key={r.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{r.label}</Text>
                <Text size="sm" fw={700}>
                  {formatNumber(r.count)}
                </Text>
              </Group>
              <Progress value={(r.count / max) * 100} color={r.color ?? 'blue'} size="sm" aria-hidden />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

type UnitRow = PeriodDashboard['units'][number];

function UnitStatusBadge({ unit }: { unit: UnitRow }) {
  const { t, formatNumber } = useI18n();
  return (
    <Badge variant="light" color={unit.meetsMinimum ? 'green' : 'red'} data-unit-status>
      {unit.meetsMinimum ? t('dashboard.meets') : t('dashboard.short', { n: formatNumber(unit.minimum - unit.total) })}
    </Badge>
  );
}

/** A unit's drafts, which do not count yet: red once the window has closed, since they are late. */
function UnitDrafts({ unit, isClosed }: { unit: UnitRow; isClosed: boolean }) {
  const { t, formatNumber } = useI18n();
  if (unit.drafts === 0) return null;
  return (
    <Text size="xs" c={isClosed ? 'red.9' : 'dimmed'} fw={isClosed ? 600 : undefined} data-unit-drafts>
      {t(isClosed ? 'dashboard.unitDraftsLate' : 'dashboard.unitDrafts', { n: formatNumber(unit.drafts) })}
    </Text>
  );
}

/** On a phone: one card per unit with its counts and status, instead of a table scrolled sideways. */
function UnitCards({ units, isClosed }: { units: UnitRow[]; isClosed: boolean }) {
  const { t, pick, formatNumber } = useI18n();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('dashboard.unitsTitle')}>
      {units.map((u) => (
        <Paper key={u.unitId} component="li" withBorder radius="md" p="sm" bg={u.meetsMinimum ? undefined : 'red.0'} data-unit-card>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {u.unitName}
              </Text>
              <Text size="xs" c="dimmed">
                {isUnitKind(u.kind) ? pick(UNIT_KIND_LABELS[u.kind]) : u.kind}
              </Text>
            </div>
            <UnitStatusBadge unit={u} />
          </Group>
          <Group gap="md" mt={6} wrap="wrap">
            <Text size="sm">
              {t('dashboard.col.total')}: <strong>{formatNumber(u.total)}</strong>
            </Text>
            <Text size="sm">
              {t('dashboard.col.verified')}: <strong>{formatNumber(u.verified)}</strong>
            </Text>
            <Text size="sm">
              {t('dashboard.col.minimum')}: <strong>{formatNumber(u.minimum)}</strong>
            </Text>
          </Group>
          <UnitDrafts unit={u} isClosed={isClosed} />
        </Paper>
      ))}
    </Stack>
  );
}

function DashboardBody({ data }: { data: PeriodDashboard }) {
  const { t, pick, formatNumber, formatDate } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [onlyShort, setOnlyShort] = useState(false);
  const { period } = data;
  const percent = period.targetTotal > 0 ? Math.round((data.total / period.targetTotal) * 100) : 0;
  const unitsMeeting = data.units.filter((u) => u.meetsMinimum).length;
  const unsetLabel = t('dashboard.unset');
  const label = (labels: Parameters<typeof labelIn>[0], key: string) =>
    key === UNSET_KEY ? unsetLabel : pick(labelIn(labels, key) ?? { id: key, en: key });
  const units = onlyShort ? data.units.filter((u) => !u.meetsMinimum) : data.units;
  const drafts = data.byStatus.find((c) => c.key === 'draft')?.count ?? 0;
  const isClosed = isPastDeadline(period.closesOn, todayIso());

  return (
    <Stack gap="md">
      {isClosed && drafts > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('dashboard.lateTitle')} data-late-drafts>
          <Text size="sm">{t('dashboard.lateText', { date: formatDate(period.closesOn), n: formatNumber(drafts) })}</Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <StatCard label={t('dashboard.total')} value={formatNumber(data.total)}>
          <Text size="sm" c="dimmed">
            {t('dashboard.ofTarget', { target: formatNumber(period.targetTotal), percent: formatNumber(percent) })}
          </Text>
          {drafts > 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.draftsAside', { n: formatNumber(drafts) })}
            </Text>
          ) : null}
          <Progress
            value={Math.min(100, percent)}
            color={percent >= 100 ? 'green' : 'blue'}
            size="lg"
            mt="xs"
            aria-label={t('dashboard.targetProgress', { percent: formatNumber(percent) })}
          />
        </StatCard>
        <StatCard label={t('dashboard.verified')} value={formatNumber(data.verified)}>
          <Text size="sm" c="dimmed">
            {t('dashboard.verifiedOf', { total: formatNumber(data.total) })}
          </Text>
        </StatCard>
        <StatCard label={t('dashboard.unitsMeeting')} value={`${formatNumber(unitsMeeting)} / ${formatNumber(data.units.length)}`}>
          <Text size="sm" c={unitsMeeting < data.units.length ? 'red' : 'green'}>
            {t('dashboard.unitsShort', { n: formatNumber(data.units.length - unitsMeeting), min: formatNumber(period.minPerUnit) })}
          </Text>
        </StatCard>
        <StatCard label={t('dashboard.yandas')} value={`${formatNumber(data.yandasCovered)} / ${formatNumber(data.yandas.length)}`}>
          <Text size="sm" c="dimmed">
            {t('dashboard.yandasHint')}
          </Text>
        </StatCard>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <CountBars
          title={t('dashboard.byStatus')}
          rows={data.byStatus.map((c) => ({
            key: c.key,
            label: isStatus(c.key) ? pick(STATUS_LABELS[c.key]) : c.key,
            count: c.count,
            color: isStatus(c.key) ? STATUS_COLORS[c.key] : 'gray',
          }))}
        />
        <CountBars
          title={t('dashboard.byTahapan')}
          rows={data.byTahapan.map((c) => ({ key: c.key, label: label(TAHAPAN_LABELS, c.key), count: c.count, color: 'cyan' }))}
        />
        <CountBars
          title={t('dashboard.byJenis')}
          rows={data.byJenis.map((c) => ({ key: c.key, label: label(JENIS_LABELS, c.key), count: c.count, color: 'indigo' }))}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <CountBars
          title={t('dashboard.byUrusan')}
          rows={data.byUrusan.map((c) => ({
            key: c.key,
            label: c.key === UNSET_KEY ? unsetLabel : urusanName(c.key),
            count: c.count,
            color: 'grape',
          }))}
        />
        <Paper withBorder radius="md" p="md" role="group" aria-label={t('dashboard.yandasTitle')}>
          <Title order={2} size="h5" mb={4}>
            {t('dashboard.yandasTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('dashboard.yandasText', { covered: data.yandasCovered, total: data.yandas.length })}
          </Text>
          <Stack gap={6}>
            {data.yandas.map((y) => (
              <Group key={y.urusan} gap="sm" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap">
                  <ThemeIcon size={22} radius="xl" variant="light" color={y.count > 0 ? 'green' : 'red'}>
                    {y.count > 0 ? <IconCircleCheck size={16} aria-hidden /> : <IconCircleDashed size={16} aria-hidden />}
                  </ThemeIcon>
                  <Text size="sm">{y.name}</Text>
                </Group>
                <Badge variant="light" color={y.count > 0 ? 'green' : 'red'}>
                  {y.count > 0 ? t('dashboard.yandasCount', { n: formatNumber(y.count) }) : t('dashboard.yandasNone')}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm" gap="sm">
          <div>
            <Title order={2} size="h5">
              {t('dashboard.unitsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t(period.countsSubUnits ? 'dashboard.unitsTextSub' : 'dashboard.unitsText', { min: formatNumber(period.minPerUnit) })}
            </Text>
          </div>
          <Switch label={t('dashboard.onlyShort')} checked={onlyShort} onChange={(e) => setOnlyShort(e.currentTarget.checked)} />
        </Group>
        {units.length === 0 ? (
          <ListEmpty kind="empty" title={t('dashboard.noUnitsTitle')} description={t(onlyShort ? 'dashboard.allMeet' : 'dashboard.noUnits')} />
        ) : isMobile ? (
          <UnitCards units={units} isClosed={isClosed} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label={t('dashboard.unitsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.col.unit')}</Table.Th>
                  <Table.Th>{t('dashboard.col.kind')}</Table.Th>
                  <Table.Th ta="end">{t('dashboard.col.total')}</Table.Th>
                  <Table.Th ta="end">{t('dashboard.col.verified')}</Table.Th>
                  <Table.Th ta="end">{t('dashboard.col.minimum')}</Table.Th>
                  <Table.Th>{t('dashboard.col.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.map((u) => (
                  <Table.Tr key={u.unitId} bg={u.meetsMinimum ? undefined : 'red.0'}>
                    <Table.Td>
                      <Text size="sm" fw={u.meetsMinimum ? undefined : 600}>
                        {u.unitName}
                      </Text>
                      <UnitDrafts unit={u} isClosed={isClosed} />
                    </Table.Td>
                    <Table.Td>{isUnitKind(u.kind) ? pick(UNIT_KIND_LABELS[u.kind]) : u.kind}</Table.Td>
                    <Table.Td ta="end">{formatNumber(u.total)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(u.verified)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(u.minimum)}</Table.Td>
                    <Table.Td>
                      <UnitStatusBadge unit={u} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const canRead = can('dashboard.read');
  const periods = usePeriods(regionCode, canRead);
  const [periodParam, setPeriod] = usePeriodParam();
  const period = choosePeriod(periods.data?.items, periodParam);
  const query = useQuery({ ...periodDashboardQueryOptions(regionCode, period?.id ?? ''), enabled: canRead && period !== undefined });

  if (!canRead) return <NoAccess />;
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={period ? t('dashboard.description', { region: region?.name ?? regionCode, year: period.year }) : undefined}
        actions={
          period ? (
            <>
              <PeriodSelect periods={periods.data?.items ?? []} value={period.id} onChange={setPeriod} w={140} />
              <Button
                component="a"
                href={periodExportUrl(regionCode, period.id)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                style={{ alignSelf: 'flex-end' }}
              >
                {t('innovations.export')}
              </Button>
            </>
          ) : null
        }
      />
      {periods.isError ? (
        <QueryError error={periods.error} onRetry={() => void periods.refetch()} />
      ) : periods.isPending ? (
        <TableSkeleton />
      ) : !period ? (
        <ListEmpty kind="empty" title={t('innovations.noPeriod.title')} description={t('innovations.noPeriod.readOnly')} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton rows={10} />
      ) : (
        <DashboardBody data={query.data} />
      )}
    </>
  );
}
