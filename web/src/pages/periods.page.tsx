/**
 * Periode: the region's reporting periods for innovations (newest first), each with its reporting
 * window, total target and minimum per unit; the admin opens and changes them in a dialog.
 */
import { ActionIcon, Anchor, Badge, Button, Modal, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Period } from '../api/periods.api.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { usePeriods } from '../features/innovations/period-select.tsx';
import { PeriodForm } from '../features/periods/period-form.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

type Dialog = { type: 'create' } | { type: 'edit'; period: Period } | null;

export function PeriodsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { regionCode, region, can } = useRegion();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canWrite = can('periods.write');
  const periods = usePeriods(regionCode, canWrite);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogOpen, setDialogOpen] = useState(false);

  if (!canWrite) return <NoAccess />;
  const items = periods.data?.items ?? [];
  const nextYear = Math.max(new Date().getFullYear(), ...items.map((p) => p.year + 1));
  const open = (next: Dialog) => {
    setDialog(next);
    setDialogOpen(true);
  };
  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open({ type: 'create' })}>
      {t('periods.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('periods.title')} description={t('periods.description', { region: region?.name ?? regionCode })} actions={addButton} />
      <Paper withBorder radius="md" p="md">
        {periods.isError ? (
          <QueryError error={periods.error} onRetry={() => void periods.refetch()} />
        ) : periods.isPending ? (
          <TableSkeleton />
        ) : items.length === 0 ? (
          <ListEmpty kind="empty" title={t('periods.empty.title')} description={t('periods.empty.text')} actions={addButton} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('periods.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('periods.year')}</Table.Th>
                  <Table.Th>{t('periods.window')}</Table.Th>
                  <Table.Th ta="end">{t('periods.targetTotal')}</Table.Th>
                  <Table.Th ta="end">{t('periods.minPerUnit')}</Table.Th>
                  <Table.Th>{t('periods.owing')}</Table.Th>
                  <Table.Th ta="end">{t('periods.innovations')}</Table.Th>
                  <Table.Th ta="end">{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/inovasi?periodId=${p.id}`} fw={700}>
                        {p.year}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(p.opensOn)} – {formatDate(p.closesOn)}
                    </Table.Td>
                    <Table.Td ta="end">{formatNumber(p.targetTotal)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(p.minPerUnit)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={p.countsSubUnits ? 'grape' : 'blue'} radius="sm">
                        {t(p.countsSubUnits ? 'periods.owing.all' : 'periods.owing.opd')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end">
                      {/* The dashboard's "diusulkan": drafts and rejected ones are listed apart. */}
                      <Text size="sm">{formatNumber(p.proposedCount)}</Text>
                      {p.innovationCount > p.proposedCount ? (
                        <Text size="xs" c="dimmed">
                          {t('periods.innovationsOther', { n: formatNumber(p.innovationCount - p.proposedCount) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon.Group style={{ justifyContent: 'flex-end' }}>
                        <Tooltip label={t('nav.dashboard')}>
                          <ActionIcon
                            variant="subtle"
                            component={Link}
                            to={`/capaian-target?periodId=${p.id}`}
                            aria-label={t('periods.dashboardLabel', { year: p.year })}
                          >
                            <IconChartBar size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('periods.editLabel', { year: p.year })}
                            onClick={() => open({ type: 'edit', period: p })}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </ActionIcon.Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Modal
        opened={dialogOpen}
        onClose={() => setDialogOpen(false)}
        title={dialog?.type === 'edit' ? t('periods.editTitle', { year: dialog.period.year }) : t('periods.createTitle')}
        size="lg"
        fullScreen={isMobile}
      >
        {dialog ? (
          <PeriodForm
            key={dialog.type === 'edit' ? dialog.period.id : 'new'}
            regionCode={regionCode}
            period={dialog.type === 'edit' ? dialog.period : null}
            nextYear={nextYear}
            onDone={() => setDialogOpen(false)}
          />
        ) : null}
      </Modal>
    </>
  );
}
