/**
 * "Tugas saya" on the home page: one card per kind of task the user's role has, each item linking to
 * its page; an overdue item is marked with a red border, a warning icon and the words "Terlambat", so
 * it does not rest on colour alone. With nothing to do, one empty state says so for the role.
 */
import { Alert, Anchor, Badge, Box, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  type Icon,
  IconAlertTriangle,
  IconArrowBackUp,
  IconBuildingSkyscraper,
  IconCalendarDue,
  IconChecklist,
  IconClipboardCheck,
  IconGavel,
  IconListCheck,
  IconMessageReport,
  IconPencil,
  IconTrophy,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ListEmpty } from '../../components/list-empty.tsx';
import { myTasksQueryOptions, type TaskGroup, type TaskItem, type TaskKind } from '../../api/tugas.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';

const ICONS: Record<TaskKind, Icon> = {
  returned_innovations: IconArrowBackUp,
  draft_innovations: IconPencil,
  assigned_indicators: IconChecklist,
  unit_complaints: IconMessageReport,
  programme_reports: IconBuildingSkyscraper,
  verification_queue: IconClipboardCheck,
  judging: IconGavel,
  entries_to_screen: IconTrophy,
  deadlines: IconCalendarDue,
};

/** Where the whole list of a kind lives, when more than a page waits. */
const LIST_PAGES: Partial<Record<TaskKind, string>> = {
  returned_innovations: '/inovasi',
  draft_innovations: '/inovasi',
  assigned_indicators: '/penilaian',
  unit_complaints: '/pengaduan-masuk',
  programme_reports: '/kota-cerdas',
  verification_queue: '/inovasi',
  judging: '/penjurian',
  entries_to_screen: '/kompetisi',
};

const INNOVATION_KINDS: readonly TaskKind[] = ['returned_innovations', 'draft_innovations'];

function emptyTextOf(role: string, hasUnit: boolean): MessageKey {
  if (role === 'operator') return hasUnit ? 'tugas.empty.operator' : 'tugas.empty.noUnit';
  if (role === 'verifikator') return 'tugas.empty.verifikator';
  if (role === 'juri') return 'tugas.empty.juri';
  if (role === 'pimpinan') return 'tugas.empty.pimpinan';
  return 'tugas.empty.admin';
}

function itemTitle(kind: TaskKind, item: TaskItem, t: ReturnType<typeof useI18n>['t']): string {
  if (kind !== 'deadlines') return item.title;
  if (item.tag === 'period') return t('tugas.deadline.period', { year: item.title });
  if (item.tag === 'assessment') return t('tugas.deadline.assessment', { name: item.title });
  const stage = item.context ? t(`kompetisi.stage.${item.context}` as MessageKey) : '';
  return t('tugas.deadline.competition_stage', { name: item.title, stage: stage.toLowerCase() });
}

function TaskLine({ kind, item }: { kind: TaskKind; item: TaskItem }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const isInnovation = INNOVATION_KINDS.includes(kind);
  const details: string[] = [];
  if (isInnovation && item.context) details.push(t('tugas.period', { year: item.context }));
  else if (kind === 'judging' && item.context) details.push(`${item.context} · ${item.tag ? t(`kompetisi.stage.${item.tag}` as MessageKey) : ''}`);
  else if (kind !== 'deadlines' && item.context) details.push(item.context);
  if (kind === 'unit_complaints' && item.tag) details.push(t(`complaints.status.${item.tag}` as MessageKey));
  if (kind === 'verification_queue' && item.note) details.push(t('tugas.submittedAt', { date: formatDateTime(item.note) }));
  const due = item.dueOn ? formatDate(item.dueOn) : null;
  const dueText = due
    ? isInnovation
      ? t(item.overdue ? 'tugas.windowClosed' : 'tugas.windowCloses', { date: due })
      : t(item.overdue ? 'tugas.overdue' : 'tugas.due', { date: due })
    : null;
  return (
    <Box
      component="li"
      pl="sm"
      py={4}
      style={{ borderLeft: `3px solid var(--mantine-color-${item.overdue ? 'red-7' : 'gray-3'})`, listStyle: 'none' }}
    >
      <Anchor component={Link} to={item.link} fw={600} size="sm">
        {itemTitle(kind, item, t)}
      </Anchor>
      {kind === 'programme_reports' && item.note ? <Text size="sm">{t('tugas.quarterReport', { quarter: item.note })}</Text> : null}
      {details.length > 0 ? (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {details.join(' · ')}
        </Text>
      ) : null}
      {kind === 'returned_innovations' && item.note ? (
        <Text size="sm" fs="italic">
          {t('tugas.verifierNote', { note: item.note })}
        </Text>
      ) : null}
      {dueText ? (
        item.overdue ? (
          <Group gap={4} wrap="nowrap" align="center">
            <IconAlertTriangle size={14} color="var(--mantine-color-red-9)" aria-hidden />
            <Text size="xs" c="red.9" fw={700}>
              {dueText}
            </Text>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {dueText}
          </Text>
        )
      ) : null}
    </Box>
  );
}

/** Items a card shows before "show more": the home page stays short with many kinds. */
const FIRST_SHOWN = 5;

function TaskCard({ group }: { group: TaskGroup }) {
  const { t, formatNumber } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? group.items : group.items.slice(0, FIRST_SHOWN);
  const hidden = group.items.length - shown.length;
  const KindIcon = ICONS[group.kind];
  const listPage = LIST_PAGES[group.kind];
  const titleId = `tugas-${group.kind}`;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={titleId}>
      <Group gap="sm" wrap="nowrap" mb={6}>
        <ThemeIcon size={32} radius="md" variant="light" color={group.overdue > 0 ? 'red' : 'blue'}>
          <KindIcon size={18} aria-hidden />
        </ThemeIcon>
        <Title order={3} size="h5" id={titleId}>
          {t(`tugas.kind.${group.kind}`)}
        </Title>
      </Group>
      <Group gap={4} mb="xs">
        {group.overdue > 0 ? (
          <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
            {t('tugas.overdueCount', { n: formatNumber(group.overdue) })}
          </Badge>
        ) : null}
        <Badge variant="light" color="gray">
          {t('tugas.count', { n: group.total })}
        </Badge>
      </Group>
      {group.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tugas.noneInGroup')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0}>
          {shown.map((item) => (
            <TaskLine key={item.id} kind={group.kind} item={item} />
          ))}
        </Stack>
      )}
      {hidden > 0 ? (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setExpanded(true)} style={{ alignSelf: 'flex-start' }}>
          {t('tugas.showMore', { n: formatNumber(hidden) })}
        </Button>
      ) : null}
      {group.total > shown.length && hidden === 0 ? (
        <Group gap="xs" mt="sm">
          <Text size="xs" c="dimmed">
            {t('tugas.shownOf', { shown: formatNumber(shown.length), total: formatNumber(group.total) })}
          </Text>
          {listPage ? (
            <Anchor component={Link} to={listPage} size="xs">
              {t('tugas.openAll')}
            </Anchor>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}

export function MyTasks({ regionCode, role, hasUnit }: { regionCode: string; role: string; hasUnit: boolean }) {
  const { t } = useI18n();
  const tasks = useQuery(myTasksQueryOptions(regionCode));
  const groups = tasks.data?.groups ?? [];
  // Kinds with work first (overdue before the rest), empty kinds last: what needs doing is on top.
  const ordered = [...groups].sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || Number(b.total > 0) - Number(a.total > 0));
  const isEmpty = tasks.isSuccess && groups.every((g) => g.total === 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="tugas-saya">
      <div>
        <Title order={2} size="h3" id="tugas-saya">
          <Group gap="xs" component="span">
            <IconListCheck size={24} aria-hidden />
            {t('tugas.title')}
          </Group>
        </Title>
        <Text size="sm" c="dimmed">
          {t('tugas.description')}
        </Text>
      </div>
      {tasks.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Skeleton height={140} radius="md" />
          <Skeleton height={140} radius="md" />
        </SimpleGrid>
      ) : tasks.isError ? (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />}>
          {t('tugas.loadFailed')}
        </Alert>
      ) : isEmpty ? (
        <Card withBorder radius="md" padding={0}>
          <ListEmpty kind="empty" title={t('tugas.empty.title')} description={t(emptyTextOf(role, hasUnit))} />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {ordered.map((group) => (
            <TaskCard key={group.kind} group={group} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
