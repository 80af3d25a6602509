/**
 * Dewan kota cerdas: the region's councils as cards (kind, SK in force, members, open and overdue
 * follow-ups) and, below, every open follow-up of their meetings with the overdue ones highlighted and
 * a "tandai selesai" action. Admins form councils; everyone with smart-city access reads.
 */
import { Anchor, Badge, Button, Card, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type CouncilSummary, councilListQueryOptions, openFollowUpsQueryOptions } from '../../api/councils.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { CouncilForm } from './council-forms.tsx';
import { COUNCIL_KIND_COLORS, COUNCIL_KIND_LABELS, councilPath } from './dewan-labels.ts';
import { FollowUpTable } from './follow-up-table.tsx';

export function CouncilsPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ ...councilListQueryOptions(regionCode), enabled: can('smartcity.read') });
  const open = useQuery({ ...openFollowUpsQueryOptions(regionCode), enabled: can('smartcity.read') });
  if (!can('smartcity.read')) return <NoAccess />;
  const canManage = can('smartcity.manage');

  return (
    <>
      <PageHeader
        title={t('dewan.title')}
        description={t('dewan.description', { region: region?.name ?? regionCode })}
        actions={
          <>
            <Button component={Link} to="/kota-cerdas" variant="default">
              {t('dewan.masterplanLink')}
            </Button>
            {canManage ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('dewan.add')}
              </Button>
            ) : null}
          </>
        }
      />
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <TableSkeleton /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <ListEmpty
            kind="empty"
            title={t('dewan.empty.title')}
            description={canManage ? t('dewan.empty.text') : t('dewan.empty.readOnly')}
            actions={
              canManage ? (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                  {t('dewan.add')}
                </Button>
              ) : undefined
            }
          />
        </Paper>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {list.data.items.map((c) => (
              <CouncilCard key={c.id} council={c} />
            ))}
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4">
              {t('dewan.followUps.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('dewan.followUps.hint')}
            </Text>
            {open.isError ? <QueryError error={open.error} onRetry={() => void open.refetch()} /> : null}
            {open.data && open.data.items.length === 0 ? <Text size="sm">{t('dewan.followUps.empty')}</Text> : null}
            {open.data && open.data.items.length > 0 ? (
              <FollowUpTable regionCode={regionCode} items={open.data.items} canManage={open.data.canManage} showCouncil />
            ) : null}
          </Paper>
        </Stack>
      ) : null}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('dewan.add')} size="lg">
        {creating ? (
          <CouncilForm
            regionCode={regionCode}
            council={null}
            onDone={(c) => {
              setCreating(false);
              void navigate(councilPath(c.id));
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function CouncilCard({ council: c }: { council: CouncilSummary }) {
  const { t, formatDate } = useI18n();
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Badge color={COUNCIL_KIND_COLORS[c.kind]} variant="light">
          {t(COUNCIL_KIND_LABELS[c.kind])}
        </Badge>
        <Anchor component={Link} to={councilPath(c.id)} fw={600}>
          {c.name}
        </Anchor>
        <Text size="sm">
          {c.currentDecree ? (
            <>
              <Text span c="dimmed" size="sm">
                {t('dewan.card.currentSk')}:{' '}
              </Text>
              {c.currentDecree.number} ({formatDate(c.currentDecree.decreeDate)})
            </>
          ) : (
            <Text span c="dimmed" size="sm">
              {t('dewan.card.noSk')}
            </Text>
          )}
        </Text>
        <Group gap="xs">
          <Badge variant="outline" color="gray">
            {t('dewan.card.members', { n: c.memberCount })}
          </Badge>
          <Badge variant="outline" color="gray">
            {t('dewan.card.meetings', { n: c.meetingCount })}
          </Badge>
        </Group>
        <Group gap="xs">
          {c.openFollowUps > 0 ? (
            <Badge color="blue" variant="light">
              {t('dewan.card.open', { n: c.openFollowUps })}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dewan.card.open.none')}
            </Text>
          )}
          {c.overdueFollowUps > 0 ? (
            <Badge color="red" variant="filled">
              {t('dewan.card.overdue', { n: c.overdueFollowUps })}
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
