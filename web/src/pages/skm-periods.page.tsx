/**
 * Survei Kepuasan Masyarakat: the region's survey periods (newest first) with their dates, whether they
 * still take answers, how many services they cover and how many answers came in; the admin opens a new
 * one in a dialog. Each period opens its results page.
 */
import { Anchor, Badge, Button, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { skmPeriodListQueryOptions } from '../api/skm.api.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { SkmPeriodForm } from '../features/skm/skm-period-form.tsx';
import { PeriodStatusBadge } from '../features/skm/skm-status-badge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

export function SkmPeriodsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { regionCode, region, can } = useRegion();
  const navigate = useNavigate();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canRead = can('skm.read');
  const canManage = can('skm.manage');
  const periods = useQuery({ ...skmPeriodListQueryOptions(regionCode), enabled: canRead });
  const [formOpen, setFormOpen] = useState(false);

  if (region && !canRead) return <NoAccess />;
  const items = periods.data?.items ?? [];
  const nextYear = Math.max(new Date().getFullYear(), ...items.map((p) => p.year + 1));
  const addButton = canManage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setFormOpen(true)}>
      {t('skm.periods.add')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader title={t('skm.title')} description={t('skm.periods.description', { region: region?.name ?? regionCode })} actions={addButton} />
      <Paper withBorder radius="md" p="md">
        {periods.isError ? (
          <QueryError error={periods.error} onRetry={() => void periods.refetch()} />
        ) : periods.isPending ? (
          <TableSkeleton />
        ) : items.length === 0 ? (
          <ListEmpty kind="empty" title={t('skm.periods.emptyTitle')} description={t('skm.periods.emptyText')} actions={addButton} />
        ) : isMobile ? (
          <Stack gap="sm">
            {items.map((p) => (
              <Paper key={p.id} withBorder radius="sm" p="sm">
                <Anchor component={Link} to={`/skm/${p.id}`} fw={700}>
                  {t('skm.periods.labelOf', { label: p.label })}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                </Text>
                <Text size="sm" mt={4}>
                  <PeriodStatusBadge status={p.status} />{' '}
                  {t('skm.periods.countsShort', { services: formatNumber(p.serviceCount), responses: formatNumber(p.responseCount) })}
                </Text>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('skm.periods.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('skm.periods.col.period')}</Table.Th>
                  <Table.Th>{t('skm.periods.col.dates')}</Table.Th>
                  <Table.Th>{t('skm.periods.col.status')}</Table.Th>
                  <Table.Th ta="end">{t('skm.periods.col.services')}</Table.Th>
                  <Table.Th ta="end">{t('skm.periods.col.responses')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/skm/${p.id}`} fw={700}>
                        {t('skm.periods.labelOf', { label: p.label })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      <PeriodStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td ta="end">
                      {p.allServices ? (
                        <Badge variant="light" color="gray" radius="sm" mr={6}>
                          {t('skm.periods.allServices')}
                        </Badge>
                      ) : null}
                      {formatNumber(p.serviceCount)}
                    </Table.Td>
                    <Table.Td ta="end">{formatNumber(p.responseCount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Modal opened={formOpen} onClose={() => setFormOpen(false)} title={t('skm.form.createTitle')} size="xl" fullScreen={isMobile}>
        {formOpen ? (
          <SkmPeriodForm
            regionCode={regionCode}
            period={null}
            nextYear={nextYear}
            onDone={() => setFormOpen(false)}
            onCreated={(p) => void navigate(`/skm/${p.id}`)}
          />
        ) : null}
      </Modal>
    </>
  );
}
