/**
 * Rencana aksi: the national recommendations made into tasks, per assessment (tab) and for the whole
 * region (page). A task shows its indicator, unit, owner, due date (overdue in red, with the word),
 * progress and evidence; managers make tasks from the recommendations or add one by hand, edit and
 * delete them (confirmed), the owner reports progress and uploads evidence. Tasks of earlier years still open are shown as carried into this assessment.
 * On a phone the list becomes cards.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconListCheck, IconPlus, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type ActionTask,
  actionPlanKey,
  actionPlanQueryOptions,
  deleteTask,
  regionTasksKey,
  taskEvidenceUrl,
  tasksFromRecommendations,
  updateTask,
  uploadTaskEvidence,
} from '../../api/national.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import { type UnitOption, UnitSelect } from '../../components/unit-select.tsx';
import { TaskCreateForm, useOwnerOptions } from './task-create-form.tsx';

const STATUSES = ['belum', 'berjalan', 'selesai', 'batal'] as const;
export const statusKey = (s: string) => `plan.status.${s}` as MessageKey;
const STATUS_COLORS: Record<string, string> = { belum: 'gray', berjalan: 'blue', selesai: 'teal', batal: 'dark' };

export function ActionPlanPanel({ regionCode, assessmentId }: { regionCode: string; assessmentId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery(actionPlanQueryOptions(regionCode, assessmentId));
  const [isAdding, setAdding] = useState(false);
  const make = useMutation({
    mutationFn: () => tasksFromRecommendations(regionCode, assessmentId),
    onSuccess: (data) => {
      queryClient.setQueryData(actionPlanKey(regionCode, assessmentId), data);
      void queryClient.invalidateQueries({ queryKey: regionTasksKey(regionCode) });
      notifications.show({ color: 'green', message: t('plan.made') });
    },
  });
  if (query.isPending) return <Skeleton h={240} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const list = query.data;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: actionPlanKey(regionCode, assessmentId) });
    void queryClient.invalidateQueries({ queryKey: regionTasksKey(regionCode) });
  };
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('plan.title')} · {t('plan.count', { n: list.items.length })}
            </Title>
            {list.can.create ? (
              <Group gap="xs">
                <Button size="sm" leftSection={<IconListCheck size={16} aria-hidden />} onClick={() => make.mutate()} loading={make.isPending}>
                  {t('plan.fromRecommendations')}
                </Button>
                <Button size="sm" variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                  {t('plan.add')}
                </Button>
              </Group>
            ) : null}
          </Group>
          <FormErrorAlert error={make.error} />
          {list.items.length === 0 ? (
            <Text c="dimmed" size="sm">
              {list.can.create ? t('plan.empty') : t('plan.emptyNoNational')}
            </Text>
          ) : (
            <TaskList regionCode={regionCode} tasks={list.items} onChanged={refresh} label={t('plan.title')} />
          )}
        </Stack>
      </Paper>
      {list.carried.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('plan.carried')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('plan.carriedHelp')}
            </Text>
            <TaskList regionCode={regionCode} tasks={list.carried} onChanged={refresh} label={t('plan.carried')} withYear />
          </Stack>
        </Paper>
      ) : null}
      <Modal opened={isAdding} onClose={() => setAdding(false)} title={t('plan.addTitle')} size="lg">
        <TaskCreateForm regionCode={regionCode} assessmentId={assessmentId} onDone={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}

function StatusBadge({ task }: { task: ActionTask }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" variant="light" color={STATUS_COLORS[task.status]}>
        {t(statusKey(task.status))}
      </Badge>
      {task.isOverdue ? (
        <Badge size="sm" color="red" leftSection={<IconAlertTriangle size={10} aria-hidden />}>
          {t('plan.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** The tasks as a table (desktop) or cards (phone), with edit and delete where allowed. */
export function TaskList({
  regionCode,
  tasks,
  onChanged,
  label,
  withYear,
  withLink,
}: {
  regionCode: string;
  tasks: ActionTask[];
  onChanged: () => void;
  label: string;
  withYear?: boolean;
  withLink?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [editing, setEditing] = useState<ActionTask | null>(null);
  const [removing, setRemoving] = useState<ActionTask | null>(null);
  const remove = useMutation({
    mutationFn: (task: ActionTask) => deleteTask(regionCode, task.assessmentId, task.id),
    onSuccess: () => {
      setRemoving(null);
      notifications.show({ color: 'green', message: t('plan.deleted') });
      onChanged();
    },
  });
  const actions = (task: ActionTask) => (
    <Group gap={4} wrap="nowrap">
      {task.can.report ? (
        <Button size="xs" variant="default" onClick={() => setEditing(task)} aria-label={`${t('plan.edit')}: ${task.title}`}>
          {t('plan.edit')}
        </Button>
      ) : null}
      {task.can.remove ? (
        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(task)} aria-label={`${t('plan.delete')}: ${task.title}`}>
          {t('plan.delete')}
        </Button>
      ) : null}
      {withLink ? (
        <Anchor component={Link} to={`/penilaian/${task.assessmentId}?tab=rencana`} size="xs">
          {t('plan.openAssessment')}
        </Anchor>
      ) : null}
    </Group>
  );
  const titleOf = (task: ActionTask) => (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {task.indicatorId} · {task.title}
      </Text>
      {task.recommendation ? (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {task.recommendation}
        </Text>
      ) : null}
      {withYear ? (
        <Text size="xs" c="dimmed">
          {t('plan.year', { year: task.year })}
        </Text>
      ) : null}
    </Stack>
  );
  return (
    <>
      {isPhone ? (
        <Stack gap="xs">
          {tasks.map((task) => (
            <Paper key={task.id} withBorder radius="sm" p="sm" data-testid="task-card">
              <Stack gap={6}>
                {titleOf(task)}
                <StatusBadge task={task} />
                <Text size="xs">
                  {t('plan.unit')}: {task.unitName ?? t('plan.noOwner')} · {t('plan.owner')}: {task.ownerName ?? t('plan.noOwner')}
                </Text>
                <Text size="xs">
                  {t('plan.due')}: {task.dueDate ? formatDate(task.dueDate) : '–'}
                </Text>
                <Progress value={task.progress} aria-label={`${t('plan.progress')} ${task.progress}%`} />
                {actions(task)}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <ScrollRegion label={label} minWidth={900}>
          <Table striped verticalSpacing={6} aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.task')}</Table.Th>
                <Table.Th>{t('plan.unit')}</Table.Th>
                <Table.Th>{t('plan.owner')}</Table.Th>
                <Table.Th>{t('plan.due')}</Table.Th>
                <Table.Th>{t('plan.progress')}</Table.Th>
                <Table.Th>{t('plan.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td miw={260} maw={380}>
                    {titleOf(task)}
                  </Table.Td>
                  <Table.Td>{task.unitName ?? '–'}</Table.Td>
                  <Table.Td>{task.ownerName ?? '–'}</Table.Td>
                  <Table.Td>{task.dueDate ? formatDate(task.dueDate) : '–'}</Table.Td>
                  <Table.Td miw={110}>
                    <Group gap={6} wrap="nowrap">
                      <Progress value={task.progress} w={60} aria-label={`${t('plan.progress')} ${task.progress}%`} />
                      <Text size="xs">{task.progress}%</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge task={task} />
                  </Table.Td>
                  <Table.Td>{actions(task)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('plan.editTitle', { id: editing.indicatorId }) : ''}
        size="lg"
      >
        {editing ? (
          <TaskForm
            regionCode={regionCode}
            task={editing}
            onDone={() => {
              setEditing(null);
              onChanged();
            }}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title={t('plan.deleteTitle')}
        message={removing ? t('plan.deleteMessage', { title: removing.title }) : ''}
        confirmLabel={t('plan.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </>
  );
}

function TaskForm({ regionCode, task, onDone }: { regionCode: string; task: ActionTask; onDone: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({
    title: task.title,
    unitId: task.unitId,
    ownerId: task.ownerId ?? '',
    dueDate: task.dueDate ?? '',
    progress: task.progress,
    status: task.status,
    note: task.note,
  });
  const [current, setCurrent] = useState<ActionTask>(task);
  const isManager = task.can.edit;
  const save = useMutation({
    mutationFn: () =>
      updateTask(regionCode, task.assessmentId, task.id, {
        ...v,
        ownerId: v.ownerId || null,
        dueDate: v.dueDate || null,
        version: current.version,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('lhe.saved') });
      onDone();
    },
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadTaskEvidence(regionCode, task.assessmentId, task.id, file),
    onSuccess: (updated) => setCurrent(updated),
  });
  // The region's active accounts, for managers choosing who answers for the task.
  const ownerOptions = useOwnerOptions(regionCode, isManager, task.ownerId && task.ownerName ? { id: task.ownerId, name: task.ownerName } : null);
  const unitCurrent: UnitOption | null = task.unitId && task.unitName ? { id: task.unitId, name: task.unitName, shortName: null, kind: null } : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <FormErrorAlert error={save.error ?? upload.error} />
        {task.recommendation ? (
          <Text size="sm">
            <b>{t('plan.recommendation')}:</b> {task.recommendation}
          </Text>
        ) : null}
        <TextInput
          label={t('plan.task')}
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
          disabled={!isManager}
          required
        />
        {isManager ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <UnitSelect
              regionCode={regionCode}
              label={t('plan.unit')}
              value={v.unitId}
              current={unitCurrent}
              onChange={(u) => setV({ ...v, unitId: u?.id ?? null })}
              clearable
            />
            <TextInput label={t('plan.due')} type="date" value={v.dueDate} onChange={(e) => setV({ ...v, dueDate: e.currentTarget.value })} />
            <Select
              label={t('plan.owner')}
              data={ownerOptions}
              value={v.ownerId || null}
              onChange={(id) => setV({ ...v, ownerId: id ?? '' })}
              searchable
              clearable
              nothingFoundMessage={t('plan.noOwner')}
            />
          </SimpleGrid>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('plan.progress')}
            min={0}
            max={100}
            suffix="%"
            value={v.progress}
            onChange={(n) => setV({ ...v, progress: typeof n === 'number' ? n : 0 })}
          />
          <Select
            label={t('plan.status')}
            data={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
            value={v.status}
            onChange={(s) => s && setV({ ...v, status: s as ActionTask['status'] })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea label={t('plan.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} autosize minRows={2} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('plan.evidence')}
          </Text>
          {current.evidence.map((e) => (
            <Anchor key={e.id} href={taskEvidenceUrl(regionCode, task.assessmentId, task.id, e.id)} target="_blank" size="sm">
              {e.fileName ?? e.title}
            </Anchor>
          ))}
          <FileButton onChange={(f) => f && upload.mutate(f)} accept="application/pdf,image/png,image/jpeg">
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                leftSection={<IconUpload size={14} aria-hidden />}
                loading={upload.isPending}
                w="fit-content"
              >
                {t('plan.upload')}
              </Button>
            )}
          </FileButton>
        </Stack>
        <Group gap="xs">
          <Button type="submit" loading={save.isPending}>
            {t('lhe.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('lhe.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * On an indicator of this year's self-assessment: last year's unfinished action-plan tasks on the
 * same indicator, so the unit filling it sees what was promised (nothing when there are none).
 */
export function CarriedTasksNote({ regionCode, assessmentId, indicatorId }: { regionCode: string; assessmentId: string; indicatorId: string }) {
  const { t, formatDate } = useI18n();
  const query = useQuery(actionPlanQueryOptions(regionCode, assessmentId));
  const carried = (query.data?.carried ?? []).filter((c) => c.indicatorId === indicatorId);
  if (carried.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('plan.carried')} data-testid="carried-note">
      <Stack gap={4}>
        {carried.map((c) => (
          <Text key={c.id} size="sm">
            {t('plan.year', { year: c.year })} · {c.title} · {c.progress}% · {t(statusKey(c.status))}
            {c.dueDate ? ` · ${t('plan.due')} ${formatDate(c.dueDate)}` : ''}
            {c.isOverdue ? ` · ${t('plan.overdue')}` : ''}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
