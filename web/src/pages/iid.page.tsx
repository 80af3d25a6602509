/**
 * Indeks Inovasi Daerah (/iid): for one period (the newest by default), the projected IID as claimed and
 * as verified with SPD, SID and the count score; every counted innovation's score; the warnings to fix
 * before the national deadline; the steps that would raise the index most; and the region's SPD
 * answers (answered by admins, verified by reviewers). Operators see their own unit's innovations.
 */
import { Anchor, Badge, Paper, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconBuildingBank, IconBulb, IconListNumbers, IconTrendingUp } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { type IidProjectionResponse, projectionQueryOptions } from '../api/iid.api.ts';
import { useFigures } from '../components/figures.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { IidFigures } from '../features/iid/iid-figures.tsx';
import { IidWarnings } from '../features/iid/iid-warnings.tsx';
import { NationalPanel } from '../features/iid/national-panel.tsx';
import { SpdSheet } from '../features/iid/spd-sheet.tsx';
import { WhatIfList } from '../features/iid/what-if-list.tsx';
import { PeriodGate } from '../features/innovations/period-gate.tsx';
import { choosePeriod, PeriodSelect, usePeriodParam, usePeriods } from '../features/innovations/period-select.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { compareDecimalText } from '../components/decimal-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

const TABS = ['inovasi', 'peringatan', 'simulasi', 'spd', 'nasional'] as const;
type Tab = (typeof TABS)[number];

function InnovationScores({ projection }: { projection: IidProjectionResponse }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const score = (text: string) => figure(text, 'iid');
  if (projection.innovations.length === 0)
    return <ListEmpty kind="empty" title={t('iid.noInnovations.title')} description={t('iid.noInnovations.text')} />;
  const rows = [...projection.innovations].sort((a, b) => compareDecimalText(b.claimedScore, a.claimedScore) || a.name.localeCompare(b.name, 'id'));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('iid.tab.innovations')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('innovations.col.name')}</Table.Th>
            <Table.Th>{t('innovations.col.unit')}</Table.Th>
            <Table.Th>{t('innovations.col.status')}</Table.Th>
            <Table.Th ta="end">{t('iid.col.claimedScore')}</Table.Th>
            <Table.Th ta="end">{t('iid.col.verifiedScore')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td maw={360}>
                <Anchor component={Link} to={`/inovasi/${i.id}?tab=iid`} size="sm" fw={600}>
                  {i.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.unitName}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={i.status} />
              </Table.Td>
              <Table.Td ta="end" fw={600}>
                {score(i.claimedScore)}
              </Table.Td>
              <Table.Td ta="end">
                {i.countsForVerified ? (
                  <Text size="sm" fw={600}>
                    {score(i.verifiedScore)}
                  </Text>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('iid.notCounted')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function IidPage() {
  const { t, formatNumber } = useI18n();
  const { regionCode, region, can } = useRegion();
  const canRead = can('innovations.read');
  const periods = usePeriods(regionCode, canRead);
  const [periodParam, setPeriod] = usePeriodParam();
  const period = choosePeriod(periods.data?.items, periodParam);
  const query = useQuery({ ...projectionQueryOptions(regionCode, period?.id ?? ''), enabled: canRead && period !== undefined });
  const [search, setSearch] = useSearchParams();
  const tabText = search.get('tab') ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(tabText) ? (tabText as Tab) : 'inovasi';

  if (!canRead) return <NoAccess />;
  const header = (
    <PageHeader
      title={t('iid.title')}
      description={t('iid.description', { region: region?.name ?? regionCode })}
      actions={period ? <PeriodSelect periods={periods.data?.items ?? []} value={period.id} onChange={setPeriod} w={160} /> : null}
    />
  );
  if (periods.isError || periods.isPending || !period) {
    return (
      <>
        {header}
        <PeriodGate periods={periods} canCreate={can('periods.write')} />
      </>
    );
  }

  const setTab = (value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (!value || value === 'inovasi') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      {header}
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton rows={8} />
      ) : (
        <>
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="md">
            <IidFigures projection={query.data} />
          </Paper>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="inovasi" leftSection={<IconBulb size={16} aria-hidden />}>
                {t('iid.tab.innovations')}
              </Tabs.Tab>
              <Tabs.Tab
                value="peringatan"
                leftSection={<IconAlertTriangle size={16} aria-hidden />}
                rightSection={
                  query.data.warnings.length > 0 ? (
                    <Badge size="xs" circle={query.data.warnings.length < 10} color="red" variant="light">
                      {formatNumber(query.data.warnings.length)}
                    </Badge>
                  ) : null
                }
              >
                {t('iid.tab.warnings')}
              </Tabs.Tab>
              <Tabs.Tab value="simulasi" leftSection={<IconTrendingUp size={16} aria-hidden />}>
                {t('iid.tab.whatIf')}
              </Tabs.Tab>
              <Tabs.Tab value="spd" leftSection={<IconListNumbers size={16} aria-hidden />}>
                {t('iid.tab.spd')}
              </Tabs.Tab>
              <Tabs.Tab value="nasional" leftSection={<IconBuildingBank size={16} aria-hidden />}>
                {t('iidNational.tab')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="inovasi">
              <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
                <InnovationScores projection={query.data} />
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="peringatan">
              <IidWarnings projection={query.data} />
            </Tabs.Panel>
            <Tabs.Panel value="simulasi">
              <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
                <WhatIfList regionCode={regionCode} periodId={period.id} />
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="spd">
              <SpdSheet regionCode={regionCode} periodId={period.id} />
            </Tabs.Panel>
            <Tabs.Panel value="nasional">
              <NationalPanel regionCode={regionCode} periodId={period.id} canManage={can('periods.write')} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </>
  );
}
