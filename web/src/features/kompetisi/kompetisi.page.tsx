/**
 * Kompetisi inovasi: the region's competitions (newest year first) with their current stage, entries
 * and registration deadline, searchable and paged; the admin creates one in a dialog. The same page
 * lists the national admin's competitions across regions (under /kompetisi-nasional), and on a
 * region's page the national competitions open to the region, which its units may enter.
 */
import { Anchor, Badge, Button, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { competitionListQuery, nationalOpenQuery } from '../../api/kompetisi.api.ts';
import { DebouncedInput } from '../../components/debounced-input.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { useCompetitionScope } from './competition-scope.tsx';
import { CompetitionForm } from './competition-form.tsx';
import { kindLabel, stageLabel, statusLabel } from './kompetisi-labels.ts';

export function KompetisiPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { region, can } = useRegion();
  const { scope: regionCode, basePath, national } = useCompetitionScope();
  const navigate = useNavigate();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canRead = can('competitions.read');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const list = useQuery({ ...competitionListQuery(regionCode, { page, q }), enabled: canRead });
  const [formOpen, setFormOpen] = useState(false);

  if (region && !canRead) return <NoAccess />;
  const items = list.data?.items ?? [];
  const addButton = can('competitions.manage') ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setFormOpen(true)}>
      {t('kompetisi.add')}
    </Button>
  ) : undefined;
  const stageText = (c: (typeof items)[number]) => (c.currentStage ? t(stageLabel(c.currentStage)) : t(statusLabel(c.status)));

  return (
    <>
      <PageHeader
        title={national ? t('kompetisi.national.title') : t('kompetisi.title')}
        description={national ? t('kompetisi.national.description') : t('kompetisi.description', { region: region?.name ?? regionCode })}
        actions={addButton}
      />
      {national || !region ? null : <NationalOpen regionCode={regionCode} />}
      <Paper withBorder radius="md" p="md">
        <DebouncedInput
          label={t('kompetisi.searchLabel')}
          value={q}
          onCommit={(v) => {
            setQ(v);
            setPage(1);
          }}
          mb="md"
          maw={420}
        />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <TableSkeleton />
        ) : items.length === 0 ? (
          q ? (
            <ListEmpty kind="no-match" title={t('kompetisi.noMatch')} description={t('kompetisi.noMatchText')} />
          ) : (
            <ListEmpty kind="empty" title={t('kompetisi.emptyTitle')} description={t('kompetisi.emptyText')} actions={addButton} />
          )
        ) : isMobile ? (
          <Stack gap="sm">
            {items.map((c) => (
              <Paper key={c.id} withBorder radius="sm" p="sm">
                <Anchor component={Link} to={`${basePath}/${c.id}`} fw={700}>
                  {c.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(kindLabel(c.kind))} · {c.year}
                </Text>
                <Text size="sm" mt={4}>
                  <Badge variant="light" radius="sm">
                    {stageText(c)}
                  </Badge>{' '}
                  {t('kompetisi.col.entries')}: {formatNumber(c.entryCount)}
                </Text>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('kompetisi.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kompetisi.col.name')}</Table.Th>
                  <Table.Th>{t('kompetisi.col.year')}</Table.Th>
                  <Table.Th>{t('kompetisi.col.stage')}</Table.Th>
                  <Table.Th ta="end">{t('kompetisi.col.entries')}</Table.Th>
                  <Table.Th>{t('kompetisi.col.closes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`${basePath}/${c.id}`} fw={700}>
                        {c.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(kindLabel(c.kind))}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.year}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" radius="sm">
                        {stageText(c)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end">{formatNumber(c.entryCount)}</Table.Td>
                    <Table.Td>{c.registrationClosesOn ? formatDate(c.registrationClosesOn) : '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.data && list.data.total > list.data.pageSize ? (
          <TablePager page={page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} onPageSize={() => setPage(1)} />
        ) : null}
      </Paper>
      <Modal opened={formOpen} onClose={() => setFormOpen(false)} title={t('kompetisi.form.title')} size="xl" fullScreen={isMobile}>
        {formOpen ? (
          <CompetitionForm
            regionCode={regionCode}
            onCreated={(c) => {
              setFormOpen(false);
              notifications.show({ color: 'green', message: t('kompetisi.created') });
              void navigate(`${basePath}/${c.id}`);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

/**
 * The national competitions the region may enter: the admin daerah and the operators see them here
 * and enter from the competition's page, like their region's own (only their region's entries show).
 */
function NationalOpen({ regionCode }: { regionCode: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  const list = useQuery(nationalOpenQuery(regionCode));
  const items = list.data?.items ?? [];
  if (list.isPending || (list.isSuccess && items.length === 0)) return null;
  return (
    <Paper withBorder radius="md" p="md" mb="md" component="section" aria-labelledby="kompetisi-nasional-heading">
      <Title order={2} size="h4" id="kompetisi-nasional-heading">
        {t('kompetisi.national.openTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('kompetisi.national.openText')}
      </Text>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="xs">
          {items.map((c) => (
            <Paper key={c.id} withBorder radius="sm" p="sm">
              <Anchor component={Link} to={`/kompetisi/${c.id}`} fw={700}>
                {c.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(kindLabel(c.kind))} · {c.year} ·{' '}
                {c.currentStage === 'pendaftaran' && c.registrationClosesOn
                  ? t('kompetisi.national.closes', { date: formatDate(c.registrationClosesOn) })
                  : c.currentStage
                    ? t(stageLabel(c.currentStage))
                    : t(statusLabel(c.status))}
              </Text>
              <Text size="sm">{t('kompetisi.national.ourEntries', { n: formatNumber(c.entryCount) })}</Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
