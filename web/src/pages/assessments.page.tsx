/**
 * Penilaian: the region's self-assessments (SPBE, Indeks Pemdi) by framework and year, each with its
 * stage and how far it is (filled and verified of all indicators); opening a new one for managers; and
 * the framework versions with their upload for those who may load a new version.
 */
import { Anchor, Badge, Button, Modal, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { type AssessmentSummary, assessmentListQueryOptions, frameworkVersionListQueryOptions } from '../api/assessments.api.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { AssessmentCreateForm } from '../features/assessments/assessment-create-form.tsx';
import { STAGE_COLORS, STAGE_LABELS } from '../components/evaluation/assessment-labels.ts';
import { FrameworkVersionsPanel } from '../features/assessments/framework-versions-panel.tsx';
import { isAssessmentLate, todayIso } from '../components/deadlines.ts';
import { LateBadge } from '../components/late-badge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { ScrollRegion } from '../components/scroll-region.tsx';

function ProgressCell({ label, done, total, color }: { label: string; done: number; total: number; color: string }) {
  const { t, formatNumber } = useI18n();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}: {t('assessments.ofTotal', { done: formatNumber(done), total: formatNumber(total) })}
      </Text>
      <Progress
        value={(done / Math.max(1, total)) * 100}
        color={color}
        size="sm"
        aria-label={`${label}: ${formatNumber(done)} / ${formatNumber(total)}`}
      />
    </div>
  );
}

function FrameworkGroup({ name, items }: { name: string; items: AssessmentSummary[] }) {
  const { t, pick, formatDate } = useI18n();
  const today = todayIso();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Title order={2} size="h4" mb="sm">
        {name}
      </Title>
      <ScrollRegion label={name} minWidth={620}>
        <Table verticalSpacing="xs" highlightOnHover aria-label={name}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assessments.col.year')}</Table.Th>
              <Table.Th>{t('assessments.col.stage')}</Table.Th>
              <Table.Th miw={200}>{t('assessments.col.progress')}</Table.Th>
              <Table.Th>{t('assessments.col.deadline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/penilaian/${a.id}`}
                    fw={700}
                    aria-label={t('assessments.openLabel', { name: a.frameworkName, year: a.year })}
                  >
                    {a.year}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    v{a.frameworkVersion}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" radius="sm" color={STAGE_COLORS[a.stage]}>
                    {pick(STAGE_LABELS[a.stage])}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <ProgressCell label={t('assessments.filled')} done={a.filledCount} total={a.itemCount} color="blue" />
                    <ProgressCell label={t('assessments.verified')} done={a.verifiedCount} total={a.itemCount} color="green" />
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {a.deadline ? formatDate(a.deadline) : '—'}
                  {isAssessmentLate(a, today) ? (
                    <>
                      {' '}
                      <LateBadge />
                    </>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Paper>
  );
}

export function AssessmentsPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canRead = can('assessments.read');
  const canManage = can('assessments.manage');
  const canUpload = can('frameworks.upload');
  const list = useQuery({ ...assessmentListQueryOptions(regionCode), enabled: canRead });
  const versions = useQuery({ ...frameworkVersionListQueryOptions(regionCode), enabled: canRead && (canManage || canUpload) });
  const [isCreateOpen, setCreateOpen] = useState(false);

  if (!canRead) return <NoAccess />;
  const items = list.data?.items ?? [];
  // By framework (in the order they first appear), newest year first within each.
  const groups = new Map<string, AssessmentSummary[]>();
  for (const a of [...items].sort((x, y) => y.year - x.year)) groups.set(a.frameworkName, [...(groups.get(a.frameworkName) ?? []), a]);
  const addButton = canManage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreateOpen(true)} disabled={!versions.data}>
      {t('assessments.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('assessments.title')}
        description={t('assessments.description', { region: region?.name ?? regionCode })}
        actions={addButton}
      />
      <Stack gap="md">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <TableSkeleton />
        ) : items.length === 0 ? (
          <Paper withBorder radius="md" p="md">
            <ListEmpty
              kind="empty"
              title={t('assessments.empty.title')}
              description={t(canManage ? 'assessments.empty.text' : 'assessments.empty.readOnly')}
              actions={addButton}
            />
          </Paper>
        ) : (
          [...groups.entries()].map(([name, rows]) => <FrameworkGroup key={name} name={name} items={rows} />)
        )}
        {canUpload ? (
          versions.isError ? (
            <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
          ) : versions.data ? (
            <FrameworkVersionsPanel regionCode={regionCode} versions={versions.data.items} />
          ) : null
        ) : null}
      </Stack>
      <Modal opened={isCreateOpen} onClose={() => setCreateOpen(false)} title={t('assessments.createTitle')} size="lg" fullScreen={isMobile}>
        {isCreateOpen && versions.data ? (
          <AssessmentCreateForm regionCode={regionCode} versions={versions.data.items} onDone={() => setCreateOpen(false)} />
        ) : null}
      </Modal>
    </>
  );
}
