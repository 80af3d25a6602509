/**
 * What an event leaves behind: its materials (files and links), its notulen, and its follow-ups tracked
 * to done with their evidence. Whoever manages the event edits them; everyone who reads events reads them.
 */
import { ActionIcon, Anchor, Badge, Button, FileInput, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFile, IconLink, IconPencil, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import {
  addFollowUp,
  addMaterialLink,
  deleteFollowUp,
  type EventDetail,
  type EventFollowUp,
  eventKey,
  type Material,
  materialContentUrl,
  materialsQueryOptions,
  removeMaterial,
  saveNotes,
  updateFollowUp,
  uploadMaterial,
} from '../../api/events.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { formatWibDate } from './acara-labels.ts';

export function MaterialsPanel({ regionCode, event }: { regionCode: string; event: EventDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const materials = useQuery(materialsQueryOptions(regionCode, event.id));
  const [file, setFile] = useState<File | null>(null);
  const [fileTitle, setFileTitle] = useState('');
  const [linkTitle, setLinkTitle] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [toRemove, setToRemove] = useState<Material | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKey(regionCode, event.id) });
  const upload = useMutation({
    mutationFn: (f: File) => uploadMaterial(regionCode, event.id, f, fileTitle.trim()),
    onSuccess: async () => {
      setFile(null);
      setFileTitle('');
      await refresh();
    },
  });
  const link = useMutation({
    mutationFn: () => addMaterialLink(regionCode, event.id, { title: linkTitle, url: linkUrl.trim() }),
    onSuccess: async () => {
      setLinkTitle('');
      setLinkUrl('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (m: Material) => removeMaterial(regionCode, event.id, m.id),
    onSuccess: async () => {
      setToRemove(null);
      await refresh();
    },
  });
  const items = materials.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('acara.materials.title')}
      </Title>
      {materials.isError ? (
        <QueryError error={materials.error} onRetry={() => void materials.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {materials.isPending ? t('app.loading') : t('acara.materials.empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((m) => (
            <Group key={m.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                {m.kind === 'file' ? <IconFile size={16} aria-hidden /> : <IconLink size={16} aria-hidden />}
                <Anchor
                  href={m.kind === 'file' ? materialContentUrl(regionCode, event.id, m.id) : (m.url ?? '#')}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {m.title}
                </Anchor>
              </Group>
              {event.canManage ? (
                <ActionIcon variant="subtle" color="red" aria-label={t('acara.materials.remove', { title: m.title })} onClick={() => setToRemove(m)}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {event.canManage ? (
        <Stack gap="xs" mt="xs">
          <Group align="flex-end" gap="xs">
            <FileInput
              label={t('acara.materials.file')}
              accept="application/pdf,image/png,image/jpeg,image/webp,image/gif"
              value={file}
              onChange={setFile}
              clearable
              style={{ flex: '1 1 200px' }}
            />
            <TextInput
              label={t('acara.materials.fileTitle')}
              value={fileTitle}
              onChange={(e) => setFileTitle(e.currentTarget.value)}
              maxLength={200}
              style={{ flex: '1 1 180px' }}
            />
            <Button
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
            >
              {t('acara.materials.upload')}
            </Button>
          </Group>
          <FormErrorAlert error={upload.error} />
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('acara.materials.linkTitle')}
              value={linkTitle}
              onChange={(e) => setLinkTitle(e.currentTarget.value)}
              maxLength={200}
              style={{ flex: '1 1 180px' }}
            />
            <TextInput
              label={t('acara.materials.linkUrl')}
              type="url"
              value={linkUrl}
              onChange={(e) => setLinkUrl(e.currentTarget.value)}
              style={{ flex: '1 1 220px' }}
            />
            <Button
              variant="default"
              leftSection={<IconLink size={16} aria-hidden />}
              disabled={!linkTitle.trim() || !linkUrl.trim()}
              loading={link.isPending}
              onClick={() => link.mutate()}
            >
              {t('acara.materials.addLink')}
            </Button>
          </Group>
          <FormErrorAlert error={link.error} />
        </Stack>
      ) : null}
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('acara.materials.removeTitle')}
        message={t('acara.materials.removeText', { title: toRemove?.title ?? '' })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => toRemove && remove.mutate(toRemove)}
        onClose={() => setToRemove(null)}
      />
    </Stack>
  );
}

export function NotesPanel({ regionCode, event }: { regionCode: string; event: EventDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState(event.notes);
  const save = useMutation({
    mutationFn: () => saveNotes(regionCode, event.id, { notes, version: event.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(eventKey(regionCode, event.id), saved);
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('acara.notes.saved') });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: eventKey(regionCode, event.id) }),
  });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('acara.notes.title')}
      </Title>
      {event.canManage ? (
        <>
          <Textarea
            aria-label={t('acara.notes.title')}
            placeholder={t('acara.notes.placeholder')}
            autosize
            minRows={6}
            maxRows={24}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <FormErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={notes === event.notes}>
              {t('acara.notes.save')}
            </Button>
          </Group>
        </>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={event.notes ? undefined : 'dimmed'}>
          {event.notes || t('acara.notes.empty')}
        </Text>
      )}
    </Stack>
  );
}

interface FollowUpValues {
  action: string;
  ownerUnitId: string | null;
  dueOn: string;
  status: 'open' | 'done';
  evidence: string;
}

function FollowUpForm({
  regionCode,
  event,
  followUp,
  onDone,
}: {
  regionCode: string;
  event: EventDetail;
  followUp: EventFollowUp | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<FollowUpValues>({
    initialValues: {
      action: followUp?.action ?? '',
      ownerUnitId: followUp?.ownerUnitId ?? null,
      dueOn: followUp?.dueOn ?? '',
      status: followUp?.status ?? 'open',
      evidence: followUp?.evidence ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: FollowUpValues) => {
      const input = { ...v, ownerUnitId: v.ownerUnitId ?? '' };
      return followUp
        ? updateFollowUp(regionCode, event.id, followUp.id, { ...input, version: followUp.version })
        : addFollowUp(regionCode, event.id, input);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(eventKey(regionCode, event.id), saved);
      onDone();
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, ['action', 'ownerUnitId', 'dueOn', 'status', 'evidence'])),
  });
  const current = followUp ? { id: followUp.ownerUnitId, name: followUp.ownerUnitName, shortName: null, kind: null } : null;
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        <Textarea
          label={t('acara.followUps.action')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={1000}
          data-autofocus
          {...form.getInputProps('action')}
        />
        <UnitSelect
          regionCode={regionCode}
          label={t('acara.followUps.owner')}
          withAsterisk
          value={form.values.ownerUnitId}
          current={current}
          error={form.errors.ownerUnitId}
          onChange={(unit) => form.setFieldValue('ownerUnitId', unit?.id ?? null)}
        />
        <Group grow>
          <TextInput type="date" label={t('acara.followUps.due')} withAsterisk {...form.getInputProps('dueOn')} />
          <Select
            label={t('acara.followUps.status')}
            allowDeselect={false}
            data={[
              { value: 'open', label: t('acara.followUps.open') },
              { value: 'done', label: t('acara.followUps.done') },
            ]}
            {...form.getInputProps('status')}
          />
        </Group>
        <Textarea
          label={t('acara.followUps.evidence')}
          description={t('acara.followUps.evidenceHint')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('evidence')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FollowUpsPanel({ regionCode, event }: { regionCode: string; event: EventDetail }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<EventFollowUp | 'new' | null>(null);
  const [toRemove, setToRemove] = useState<EventFollowUp | null>(null);
  const remove = useMutation({
    mutationFn: (f: EventFollowUp) => deleteFollowUp(regionCode, event.id, f.id),
    onSuccess: async () => {
      setToRemove(null);
      await queryClient.invalidateQueries({ queryKey: eventKey(regionCode, event.id) });
    },
  });
  const done = event.followUps.filter((f) => f.status === 'done').length;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {event.followUps.length > 0 ? t('acara.followUps.progress', { done, total: event.followUps.length }) : t('acara.followUps.empty')}
        </Text>
        {event.canManage ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('acara.followUps.add')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {event.followUps.map((f) => (
          <Paper key={f.id} component="li" withBorder radius="md" p="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
                <Text size="sm" fw={600}>
                  {f.action}
                </Text>
                <Text size="xs" c="dimmed">
                  {f.ownerUnitName} · {t('acara.followUps.due')} {formatWibDate(`${f.dueOn}T12:00:00+07:00`, language, false)}
                </Text>
                {f.evidence ? (
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {t('acara.followUps.evidence')}: {f.evidence}
                  </Text>
                ) : null}
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Badge
                  color={f.status === 'done' ? 'green' : f.isOverdue ? 'red' : 'yellow'}
                  variant="light"
                  leftSection={f.status === 'done' ? <IconCheck size={12} aria-hidden /> : null}
                >
                  {f.status === 'done' ? t('acara.followUps.done') : f.isOverdue ? t('acara.followUps.overdue') : t('acara.followUps.open')}
                </Badge>
                {event.canManage ? (
                  <>
                    <ActionIcon variant="subtle" aria-label={t('acara.followUps.edit')} onClick={() => setEditing(f)}>
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('acara.followUps.remove')} onClick={() => setToRemove(f)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </>
                ) : null}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('acara.followUps.add') : t('acara.followUps.edit')}
        size="lg"
      >
        {editing !== null ? (
          <FollowUpForm
            key={editing === 'new' ? 'new' : editing.id}
            regionCode={regionCode}
            event={event}
            followUp={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('acara.followUps.removeTitle')}
        message={t('acara.followUps.removeText', { action: toRemove?.action ?? '' })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => toRemove && remove.mutate(toRemove)}
        onClose={() => setToRemove(null)}
      />
    </Stack>
  );
}
