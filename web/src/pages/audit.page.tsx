/**
 * Log Audit: every recorded change in the region, newest first, filtered by text, action, record
 * type, actor and dates. Each row says the action in words and names the record (linked to its page
 * where it has one); it opens to show what changed, before and after. Read-only by design.
 */
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type AuditItem, auditListQueryOptions } from '../api/audit.api.ts';
import { DebouncedInput } from '../components/debounced-input.tsx';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TablePager } from '../components/table-pager.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { useListParams } from '../components/use-list-params.ts';
import { AuditDiff } from '../features/audit/audit-diff.tsx';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, actionLabel, auditLinkPath, entityTypeLabel } from '../features/audit/audit-labels.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

const SORTS = ['at'] as const;
const FILTERS = ['q', 'action', 'entityType', 'actor', 'from', 'to'] as const;
const COLUMNS = 6;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in the user's time zone, as the ISO instant at its start (or end). */
function dayBound(day: string, end: boolean): string | undefined {
  if (!DAY.test(day)) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function AuditRow({ entry }: { entry: AuditItem }) {
  const { t, pick, formatDateTime } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const action = actionLabel(entry.action);
  const entityType = entityTypeLabel(entry.entityType);
  const { name, link } = entry.record;
  const detailsId = `audit-${entry.id}`;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={isOpen}
            aria-controls={detailsId}
            aria-label={t(isOpen ? 'audit.hideChanges' : 'audit.showChanges')}
          >
            {isOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
        <Table.Td>
          {entry.actorUsername ?? (
            <Text c="dimmed" size="sm" component="span">
              {t('audit.system')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm" data-audit-action={entry.action}>
            {pick(action)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            <Badge variant="light" color="gray" radius="sm" tt="none">
              {pick(entityType)}
            </Badge>
            {name && link ? (
              <Anchor component={Link} to={auditLinkPath(link)} size="sm" data-audit-record>
                {name}
              </Anchor>
            ) : name ? (
              <Text size="sm" data-audit-record>
                {name}
              </Text>
            ) : entry.entityId ? (
              <Text size="xs" c="dimmed" ff="monospace" title={entry.entityId}>
                {entry.entityId.length > 13 ? `${entry.entityId.slice(0, 8)}…` : entry.entityId}
              </Text>
            ) : null}
          </Stack>
        </Table.Td>
        <Table.Td ff="monospace" fz="xs">
          {entry.ip ?? '—'}
        </Table.Td>
      </Table.Tr>
      <Table.Tr style={isOpen ? undefined : { borderBottom: 'none' }}>
        <Table.Td colSpan={COLUMNS} p={0}>
          <Collapse expanded={isOpen} id={detailsId}>
            <Box p="sm" bg="gray.0">
              <Stack gap="xs">
                <AuditDiff before={entry.before} after={entry.after} />
                <Text size="xs" c="dimmed">
                  {`${t('audit.actionCode')}: `}
                  <Code fz="xs">{entry.action}</Code>
                  {' · '}
                  {entry.entityId ? `${t('audit.entityId')}: ${entry.entityId} · ` : ''}
                  {entry.requestId ? `${t('common.requestId', { id: entry.requestId })} · ` : ''}
                  {entry.userAgent ? `${t('audit.userAgent')}: ${entry.userAgent}` : ''}
                </Text>
              </Stack>
            </Box>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </>
  );
}

export function AuditPage() {
  const { t, pick } = useI18n();
  const { regionCode, region, can } = useRegion();
  const list = useListParams({ sorts: SORTS, defaultSort: 'at', defaultOrder: 'desc', filters: FILTERS });
  const f = list.filters;
  const query = useQuery({
    ...auditListQueryOptions(regionCode, {
      page: list.page,
      pageSize: list.pageSize,
      q: f.q.trim() || undefined,
      action: f.action.trim() || undefined,
      entityType: f.entityType || undefined,
      actor: f.actor.trim() || undefined,
      from: dayBound(f.from, false),
      to: dayBound(f.to, true),
    }),
    enabled: can('audit.read'),
  });

  const total = query.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / list.pageSize));
  const { setPage } = list;
  useEffect(() => {
    if (query.data && list.page > lastPage) setPage(lastPage);
  }, [query.data, list.page, lastPage, setPage]);

  if (!can('audit.read')) return <NoAccess />;
  const items = query.data?.items ?? [];
  // The action's name only: the code stays searchable through the text field and in each entry's details.
  const actionOptions = Object.entries(AUDIT_ACTIONS)
    .map(([code, label]) => ({ value: code, label: pick(label) }))
    .sort((x, y) => x.label.localeCompare(y.label));

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description', { region: region?.name ?? regionCode })} />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="sm" mb="md">
          <DebouncedInput
            label={t('audit.filter.q')}
            placeholder={t('audit.filter.qPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={f.q}
            onCommit={(v) => list.setFilter('q', v)}
          />
          <Select
            label={t('audit.filter.action')}
            placeholder={t('common.all')}
            searchable
            clearable
            data={actionOptions}
            value={f.action || null}
            onChange={(v) => list.setFilter('action', v ?? '')}
          />
          <Select
            label={t('audit.filter.entityType')}
            placeholder={t('common.all')}
            clearable
            data={Object.entries(AUDIT_ENTITY_TYPES)
              .map(([value, label]) => ({ value, label: pick(label) }))
              .sort((x, y) => x.label.localeCompare(y.label))}
            value={f.entityType || null}
            onChange={(v) => list.setFilter('entityType', v ?? '')}
          />
          <DebouncedInput
            label={t('audit.filter.actor')}
            placeholder={t('audit.filter.actorPlaceholder')}
            value={f.actor}
            onCommit={(v) => list.setFilter('actor', v)}
          />
          <TextInput
            type="date"
            label={t('audit.filter.from')}
            value={f.from}
            max={f.to || undefined}
            onChange={(e) => list.setFilter('from', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('audit.filter.to')}
            value={f.to}
            min={f.from || undefined}
            onChange={(e) => list.setFilter('to', e.currentTarget.value)}
          />
        </SimpleGrid>
        {list.hasFilters ? (
          <Group mb="sm">
            <Button variant="subtle" size="xs" onClick={list.clearFilters}>
              {t('common.clearFilters')}
            </Button>
          </Group>
        ) : null}

        {query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : query.isPending ? (
          <TableSkeleton />
        ) : items.length === 0 ? (
          list.hasFilters ? (
            <ListEmpty kind="no-match" title={t('list.noMatch.title')} description={t('list.noMatch.text')} />
          ) : (
            <ListEmpty kind="empty" title={t('audit.empty.title')} description={t('audit.empty.text')} />
          )
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" aria-label={t('audit.title')} aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={48}>
                      <VisuallyHidden>{t('audit.col.details')}</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>{t('audit.col.at')}</Table.Th>
                    <Table.Th>{t('audit.col.actor')}</Table.Th>
                    <Table.Th>{t('audit.col.action')}</Table.Th>
                    <Table.Th>{t('audit.col.entity')}</Table.Th>
                    <Table.Th>{t('audit.col.ip')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <TablePager page={list.page} pageSize={list.pageSize} total={total} onPage={list.setPage} onPageSize={list.setPageSize} />
          </>
        )}
      </Paper>
    </>
  );
}
