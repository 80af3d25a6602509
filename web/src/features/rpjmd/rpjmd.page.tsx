/**
 * RPJMD: the region's misi → tujuan → sasaran → program cascade as a tree that opens and closes, with a
 * search that keeps the path to every match, and per programme code how many smart-city programmes and
 * innovations name it. Bapperida (the regional admin) imports the cascade from XLSX after a dry run,
 * adds, renames and removes entries; everyone who reads the smart-city plan reads it.
 */
import { ActionIcon, Badge, Box, Button, Card, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconDownload, IconFileImport, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { RPJMD_LEVELS } from '#shared/api/rpjmd.ts';
import {
  deleteRpjmd,
  deleteRpjmdEntry,
  importRpjmd,
  type RpjmdDetail,
  type RpjmdLevel,
  type RpjmdNode,
  rpjmdDetailOptions,
  rpjmdExportUrl,
  rpjmdKey,
  rpjmdListOptions,
  rpjmdTemplateUrl,
} from '../../api/rpjmd.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { EntryForm, PeriodForm } from './rpjmd-forms.tsx';
import { XlsxImport } from '../../components/xlsx-import.tsx';

const LEVEL_COLOR: Record<RpjmdLevel, string> = { misi: 'grape', tujuan: 'blue', sasaran: 'teal', program: 'orange' };
const childLevelOf = (level: RpjmdLevel): RpjmdLevel | null => RPJMD_LEVELS[RPJMD_LEVELS.indexOf(level) + 1] ?? null;

/** The tree cut to the entries that match (code or name) and the path down to them. */
function filterTree(nodes: RpjmdNode[], needle: string): RpjmdNode[] {
  if (!needle) return nodes;
  return nodes.flatMap((n) => {
    const own = n.code.toLocaleLowerCase('id').includes(needle) || n.name.toLocaleLowerCase('id').includes(needle);
    if (own) return [n];
    const children = filterTree(n.children, needle);
    return children.length > 0 ? [{ ...n, children }] : [];
  });
}

const allIds = (nodes: RpjmdNode[]): string[] => nodes.flatMap((n) => [n.id, ...allIds(n.children)]);

type EntryDialog = { level: RpjmdLevel; parent: RpjmdNode | null; entry: RpjmdNode | null } | null;

export function RpjmdPage() {
  const { t } = useI18n();
  const { regionCode, can } = useRegion();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const canRead = can('smartcity.read');
  const canManage = can('rpjmd.manage');
  const list = useQuery({ ...rpjmdListOptions(regionCode), enabled: canRead });
  const periods = list.data?.items ?? [];
  const selectedId = params.get('id') ?? periods.at(-1)?.id ?? null;
  const detail = useQuery({ ...rpjmdDetailOptions(regionCode, selectedId ?? ''), enabled: canRead && selectedId !== null });
  const [periodDialog, setPeriodDialog] = useState<'new' | 'edit' | null>(null);
  const [importing, setImporting] = useState(false);
  const [deletingPeriod, setDeletingPeriod] = useState(false);
  const [entryDialog, setEntryDialog] = useState<EntryDialog>(null);
  const [deleting, setDeleting] = useState<RpjmdNode | null>(null);

  const removePeriod = useMutation({
    mutationFn: (id: string) => deleteRpjmd(regionCode, id),
    onSuccess: async () => {
      setDeletingPeriod(false);
      setParams({}, { replace: true });
      notifications.show({ color: 'green', message: t('rpjmd.deleted') });
      await queryClient.invalidateQueries({ queryKey: rpjmdKey(regionCode) });
    },
  });
  const removeEntry = useMutation({
    mutationFn: (entry: RpjmdNode) => deleteRpjmdEntry(regionCode, selectedId ?? '', entry.id),
    onSuccess: async () => {
      setDeleting(null);
      notifications.show({ color: 'green', message: t('rpjmd.deleted') });
      await queryClient.invalidateQueries({ queryKey: rpjmdKey(regionCode) });
    },
  });

  if (!canRead) return <NoAccess />;
  const plan = detail.data;

  const actions = (
    <Group gap="xs">
      <Button component="a" href={rpjmdTemplateUrl(regionCode)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
        {t('rpjmd.template')}
      </Button>
      {plan ? (
        <Button
          component="a"
          href={rpjmdExportUrl(regionCode, plan.id)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('rpjmd.export')}
        </Button>
      ) : null}
      {canManage && plan ? (
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setImporting(true)}>
          {t('rpjmd.import')}
        </Button>
      ) : null}
      {canManage ? (
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPeriodDialog('new')}>
          {t('rpjmd.newPeriod')}
        </Button>
      ) : null}
    </Group>
  );

  return (
    <>
      <PageHeader title={t('rpjmd.title')} description={t('rpjmd.description')} actions={actions} />
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.isPending ? <TableSkeleton rows={6} /> : null}
      {list.data && periods.length === 0 ? (
        <ListEmpty
          kind="empty"
          title={t('rpjmd.empty.title')}
          description={canManage ? t('rpjmd.empty.manage') : t('rpjmd.empty.read')}
          actions={
            canManage ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPeriodDialog('new')}>
                {t('rpjmd.newPeriod')}
              </Button>
            ) : null
          }
        />
      ) : null}
      {periods.length > 0 ? (
        <Stack>
          {periods.length > 1 ? (
            <Select
              label={t('rpjmd.period')}
              maw={420}
              allowDeselect={false}
              data={periods.map((p) => ({ value: p.id, label: `${p.title} (${p.startYear}–${p.endYear})` }))}
              value={selectedId}
              onChange={(id) => id && setParams({ id }, { replace: true })}
            />
          ) : null}
          {detail.isError ? <QueryError error={detail.error} onRetry={() => detail.refetch()} /> : null}
          {detail.isPending && selectedId ? <TableSkeleton rows={6} /> : null}
          {plan ? (
            <PlanView
              plan={plan}
              canManage={canManage}
              onEditPeriod={() => setPeriodDialog('edit')}
              onDeletePeriod={() => setDeletingPeriod(true)}
              onImport={() => setImporting(true)}
              onAdd={(level, parent) => setEntryDialog({ level, parent, entry: null })}
              onEdit={(entry) => setEntryDialog({ level: entry.level, parent: null, entry })}
              onDelete={setDeleting}
            />
          ) : null}
        </Stack>
      ) : null}

      <Modal
        opened={periodDialog !== null}
        onClose={() => setPeriodDialog(null)}
        title={periodDialog === 'edit' ? t('rpjmd.editPeriod') : t('rpjmd.newPeriod')}
      >
        {periodDialog ? (
          <PeriodForm
            regionCode={regionCode}
            period={periodDialog === 'edit' ? (plan ?? null) : null}
            onDone={(id) => {
              setPeriodDialog(null);
              setParams({ id }, { replace: true });
            }}
          />
        ) : null}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('rpjmd.import.title')} size="xl">
        {importing && plan ? (
          <XlsxImport
            intro={t('rpjmd.import.intro')}
            templateUrl={rpjmdTemplateUrl(regionCode)}
            templateLabel={t('rpjmd.template')}
            runImport={(file, dryRun) => importRpjmd(regionCode, plan.id, file, dryRun)}
            createdLabel={(n) => t('rpjmd.import.willCreate', { n })}
            updatedLabel={(n) => t('rpjmd.import.willUpdate', { n })}
            onImported={async (report) => {
              notifications.show({ color: 'green', message: t('rpjmd.import.done', { created: report.created, updated: report.updated }) });
              await queryClient.invalidateQueries({ queryKey: rpjmdKey(regionCode) });
            }}
            onDone={() => setImporting(false)}
          />
        ) : null}
      </Modal>
      <Modal
        opened={entryDialog !== null}
        onClose={() => setEntryDialog(null)}
        title={entryDialog ? t(entryDialog.entry ? 'rpjmd.editEntry' : 'rpjmd.addEntry', { level: t(`rpjmd.level.${entryDialog.level}`) }) : ''}
      >
        {entryDialog && plan ? (
          <EntryForm
            regionCode={regionCode}
            rpjmdId={plan.id}
            level={entryDialog.level}
            parent={entryDialog.parent}
            entry={entryDialog.entry}
            onDone={() => setEntryDialog(null)}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('rpjmd.deleteEntry.title')}
        message={deleting ? t('rpjmd.deleteEntry.message', { code: deleting.code, n: deleting.children.length }) : ''}
        confirmLabel={t('common.delete')}
        isPending={removeEntry.isPending}
        error={removeEntry.error}
        onConfirm={() => deleting && removeEntry.mutate(deleting)}
        onClose={() => {
          setDeleting(null);
          removeEntry.reset();
        }}
      />
      <ConfirmDialog
        opened={deletingPeriod}
        title={t('rpjmd.deletePeriod.title')}
        message={plan ? t('rpjmd.deletePeriod.message', { title: plan.title, n: plan.entryCount }) : ''}
        confirmLabel={t('common.delete')}
        isPending={removePeriod.isPending}
        error={removePeriod.error}
        onConfirm={() => plan && removePeriod.mutate(plan.id)}
        onClose={() => {
          setDeletingPeriod(false);
          removePeriod.reset();
        }}
      />
    </>
  );
}

function PlanView({
  plan,
  canManage,
  onEditPeriod,
  onDeletePeriod,
  onImport,
  onAdd,
  onEdit,
  onDelete,
}: {
  plan: RpjmdDetail;
  canManage: boolean;
  onEditPeriod: () => void;
  onDeletePeriod: () => void;
  onImport: () => void;
  onAdd: (level: RpjmdLevel, parent: RpjmdNode | null) => void;
  onEdit: (entry: RpjmdNode) => void;
  onDelete: (entry: RpjmdNode) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const needle = q.trim().toLocaleLowerCase('id');
  const shown = useMemo(() => filterTree(plan.tree, needle), [plan.tree, needle]);
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Text fw={600} component="h2" size="lg" m={0}>
              {plan.title}
            </Text>
            <Text size="sm" c="dimmed">
              {plan.startYear}–{plan.endYear}
              {plan.perdaNumber ? ` · ${t('rpjmd.perda', { n: plan.perdaNumber })}` : ''} ·{' '}
              {t('rpjmd.counts', { n: plan.entryCount, p: plan.programmeCount })}
            </Text>
          </div>
          {canManage ? (
            <Group gap="xs">
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onAdd('misi', null)}>
                {t('rpjmd.addMisi')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEditPeriod}>
                {t('rpjmd.editPeriod')}
              </Button>
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDeletePeriod}>
                {t('rpjmd.deletePeriod.button')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {plan.tree.length === 0 ? (
          <ListEmpty
            kind="empty"
            title={t('rpjmd.noEntries.title')}
            description={canManage ? t('rpjmd.noEntries.manage') : t('rpjmd.noEntries.read')}
            actions={
              canManage ? (
                <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
                  {t('rpjmd.import')}
                </Button>
              ) : null
            }
          />
        ) : (
          <>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={t('rpjmd.search')}
                placeholder={t('rpjmd.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                style={{ flex: '1 1 240px' }}
              />
              <Button variant="default" onClick={() => setCollapsed(new Set())}>
                {t('rpjmd.expandAll')}
              </Button>
              <Button variant="default" onClick={() => setCollapsed(new Set(allIds(plan.tree)))}>
                {t('rpjmd.collapseAll')}
              </Button>
            </Group>
            {shown.length === 0 ? (
              <ListEmpty kind="no-match" title={t('rpjmd.noMatch.title')} description={t('rpjmd.noMatch.description')} />
            ) : (
              <Box component="ul" aria-label={t('rpjmd.treeLabel')} m={0} p={0} style={{ listStyle: 'none' }}>
                {shown.map((n) => (
                  <TreeNode
                    key={n.id}
                    node={n}
                    depth={0}
                    // A search opens every path to its matches.
                    isOpen={(id) => needle !== '' || !collapsed.has(id)}
                    onToggle={toggle}
                    canManage={canManage}
                    onAdd={onAdd}
                    onEdit={onEdit}
                    onDelete={onDelete}
                  />
                ))}
              </Box>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function TreeNode({
  node,
  depth,
  isOpen,
  onToggle,
  canManage,
  onAdd,
  onEdit,
  onDelete,
}: {
  node: RpjmdNode;
  depth: number;
  isOpen: (id: string) => boolean;
  onToggle: (id: string) => void;
  canManage: boolean;
  onAdd: (level: RpjmdLevel, parent: RpjmdNode | null) => void;
  onEdit: (entry: RpjmdNode) => void;
  onDelete: (entry: RpjmdNode) => void;
}) {
  const { t } = useI18n();
  const open = isOpen(node.id);
  const childLevel = childLevelOf(node.level);
  const hasChildren = node.children.length > 0;
  const levelName = t(`rpjmd.level.${node.level}`);
  return (
    <li>
      <Group
        gap="xs"
        wrap="nowrap"
        align="flex-start"
        py={6}
        pl={{ base: depth * 12, sm: depth * 28 }}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            mt={2}
            aria-expanded={open}
            aria-label={t(open ? 'rpjmd.collapse' : 'rpjmd.expand', { code: node.code })}
            onClick={() => onToggle(node.id)}
          >
            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} />
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color={LEVEL_COLOR[node.level]}>
              {levelName}
            </Badge>
            <Text size="sm" fw={600} ff="monospace">
              {node.code}
            </Text>
            {node.level === 'program' ? (
              <>
                <Badge size="sm" variant={node.linkedProgrammes > 0 ? 'filled' : 'outline'} color="cyan.9">
                  {t('rpjmd.linkedProgrammes', { n: node.linkedProgrammes })}
                </Badge>
                <Badge size="sm" variant={node.linkedInnovations > 0 ? 'filled' : 'outline'} color="indigo">
                  {t('rpjmd.linkedInnovations', { n: node.linkedInnovations })}
                </Badge>
              </>
            ) : null}
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {node.name}
          </Text>
        </Stack>
        {canManage ? (
          <Group gap={2} wrap="nowrap">
            {childLevel ? (
              <Tooltip label={t('rpjmd.addEntry', { level: t(`rpjmd.level.${childLevel}`) })}>
                <ActionIcon
                  variant="subtle"
                  aria-label={`${t('rpjmd.addEntry', { level: t(`rpjmd.level.${childLevel}`) })} · ${node.code}`}
                  onClick={() => onAdd(childLevel, node)}
                >
                  <IconPlus size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ) : null}
            <Tooltip label={t('common.edit')}>
              <ActionIcon variant="subtle" aria-label={`${t('common.edit')} ${node.code}`} onClick={() => onEdit(node)}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('common.delete')}>
              <ActionIcon variant="subtle" color="red" aria-label={`${t('common.delete')} ${node.code}`} onClick={() => onDelete(node)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : null}
      </Group>
      {hasChildren && open ? (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {node.children.map((c) => (
            <TreeNode
              key={c.id}
              node={c}
              depth={depth + 1}
              isOpen={isOpen}
              onToggle={onToggle}
              canManage={canManage}
              onAdd={onAdd}
              onEdit={onEdit}
              onDelete={onDelete}
            />
          ))}
        </Box>
      ) : null}
    </li>
  );
}
