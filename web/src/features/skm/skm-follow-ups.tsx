/**
 * Rencana tindak lanjut: what the region will do about the survey's weak points, tracked to the end
 * (the regulation asks for the plan to be published with the results and carried out). Each item names
 * the action, the unsur and service it answers, who is responsible and by when, its status and
 * progress, and the evidence that it was done; an item past its date and not finished is shown late.
 */
import {
  ActionIcon,
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
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconChevronDown, IconChevronUp, IconFileText, IconPencil, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { followUpInput } from '#shared/api/skm.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_MB } from '../../api/evidence.api.ts';
import { isApiError } from '../../api/http.ts';
import {
  createFollowUp,
  deleteFollowUp,
  deleteFollowUpEvidence,
  type FollowUp,
  type FollowUpEvidenceItem,
  followUpEvidenceQueryOptions,
  followUpEvidenceUrl,
  followUpsQueryOptions,
  type SkmResults,
  skmKey,
  updateFollowUp,
  uploadFollowUpEvidence,
} from '../../api/skm.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  FOLLOW_UP_STATUS_COLORS,
  FOLLOW_UP_STATUS_LABELS,
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  isUnsurKey,
  UNSUR_KEYS,
  UNSUR_LABELS,
} from './skm-labels.ts';

interface Values {
  serviceId: string;
  unsur: string;
  action: string;
  owner: string;
  dueOn: string;
  status: FollowUpStatus;
  progress: number | string;
  result: string;
}

const FIELDS = ['serviceId', 'unsur', 'action', 'owner', 'dueOn', 'status', 'progress', 'result'] as const;
const validateShape = schemaResolver(followUpInput, { sync: true });

function valuesOf(item: FollowUp | null, weakest: string | null, periodEnd: string): Values {
  if (item) {
    return {
      serviceId: item.serviceId ?? '',
      unsur: item.unsur ?? '',
      action: item.action,
      owner: item.owner,
      dueOn: item.dueOn,
      status: item.status,
      progress: item.progress,
      result: item.result,
    };
  }
  // A plan usually takes a quarter: three months after the period ends, or after today when the
  // period ended long ago (a plan made late should not start out overdue).
  const today = new Date().toISOString().slice(0, 10);
  const end = new Date(`${periodEnd > today ? periodEnd : today}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + 3);
  return {
    serviceId: '',
    unsur: weakest ?? '',
    action: '',
    owner: '',
    dueOn: end.toISOString().slice(0, 10),
    status: 'direncanakan',
    progress: 0,
    result: '',
  };
}

function inputOf(values: Values) {
  return {
    serviceId: values.serviceId === '' ? null : values.serviceId,
    unsur: values.unsur === '' ? null : (values.unsur as (typeof UNSUR_KEYS)[number]),
    action: values.action,
    owner: values.owner,
    dueOn: values.dueOn,
    status: values.status,
    progress: typeof values.progress === 'number' ? values.progress : values.progress.trim() === '' ? 0 : Number(values.progress),
    result: values.result,
  };
}

function FollowUpForm({ regionCode, results, item, onDone }: { regionCode: string; results: SkmResults; item: FollowUp | null; onDone: () => void }) {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const periodId = results.period.id;
  const form = useForm<Values>({
    initialValues: valuesOf(item, results.weakest[0]?.unsur ?? null, results.period.endsOn),
    validate: (values) => validateShape(inputOf(values) as unknown as Values),
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = inputOf(values);
      return item ? updateFollowUp(regionCode, periodId, item.id, { ...input, version: item.version }) : createFollowUp(regionCode, periodId, input);
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t(item ? 'skm.followUps.updated' : 'skm.followUps.created') });
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
      onDone();
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (isApiError(error, 'STALE_VERSION')) await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        <Textarea label={t('skm.followUps.action')} withAsterisk autosize minRows={2} data-autofocus {...form.getInputProps('action')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('skm.followUps.unsur')}
            data={[
              { value: '', label: t('skm.followUps.unsurNone') },
              ...UNSUR_KEYS.map((k) => ({ value: k, label: `${k} · ${pick(UNSUR_LABELS[k])}` })),
            ]}
            allowDeselect={false}
            {...form.getInputProps('unsur')}
          />
          <Select
            label={t('skm.followUps.service')}
            data={[
              { value: '', label: t('skm.followUps.serviceAll') },
              ...results.services.map((s) => ({ value: s.serviceId, label: `${s.serviceName} · ${s.unitName}` })),
            ]}
            searchable
            allowDeselect={false}
            {...form.getInputProps('serviceId')}
          />
          <TextInput label={t('skm.followUps.owner')} description={t('skm.followUps.ownerHint')} withAsterisk {...form.getInputProps('owner')} />
          <TextInput type="date" label={t('skm.followUps.dueOn')} withAsterisk {...form.getInputProps('dueOn')} />
          <Select
            label={t('skm.followUps.status')}
            data={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: pick(FOLLOW_UP_STATUS_LABELS[s]) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
            onChange={(v) => {
              const status = (v ?? 'direncanakan') as FollowUpStatus;
              form.setFieldValue('status', status);
              if (status === 'selesai') form.setFieldValue('progress', 100);
            }}
          />
          <NumberInput
            label={t('skm.followUps.progress')}
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            suffix=" %"
            {...form.getInputProps('progress')}
          />
        </SimpleGrid>
        <Textarea
          label={t('skm.followUps.result')}
          description={t('skm.followUps.resultHint')}
          autosize
          minRows={2}
          {...form.getInputProps('result')}
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

function EvidenceList({ regionCode, periodId, item, canChange }: { regionCode: string; periodId: string; item: FollowUp; canChange: boolean }) {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const evidence = useQuery(followUpEvidenceQueryOptions(regionCode, periodId, item.id));
  const upload = useMutation({
    mutationFn: (file: File) => uploadFollowUpEvidence(regionCode, periodId, item.id, file),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('skm.followUps.evidenceAdded') });
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
    },
  });
  const remove = useMutation({
    mutationFn: (attachmentId: string) => deleteFollowUpEvidence(regionCode, periodId, item.id, attachmentId),
    onSuccess: async () => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
    },
  });
  const [removing, setRemoving] = useState<FollowUpEvidenceItem | null>(null);
  const uploadError = upload.error
    ? isApiError(upload.error, 'PAYLOAD_TOO_LARGE')
      ? t('evidence.error.size', { max: EVIDENCE_MAX_MB })
      : isApiError(upload.error, 'UNSUPPORTED_MEDIA_TYPE')
        ? t('evidence.error.type')
        : errorText(upload.error)
    : null;
  return (
    <Stack gap={6} mt="xs">
      {evidence.isError ? (
        <QueryError error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : evidence.isPending ? (
        <Text size="xs" c="dimmed">
          {t('skm.followUps.evidenceLoading')}
        </Text>
      ) : evidence.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('skm.followUps.evidenceNone')}
        </Text>
      ) : (
        evidence.data.items.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap">
            <IconFileText size={18} aria-hidden />
            <Anchor
              href={followUpEvidenceUrl(regionCode, periodId, item.id, e.id)}
              target="_blank"
              rel="noopener"
              size="sm"
              style={{ wordBreak: 'break-word' }}
            >
              {e.title || e.fileName || t('skm.followUps.evidenceFile')}
            </Anchor>
            {e.createdAt ? (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(e.createdAt)}
              </Text>
            ) : null}
            {canChange ? (
              <Tooltip label={t('common.delete')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('skm.followUps.evidenceDeleteLabel', { name: e.title || e.fileName || '' })}
                  onClick={() => {
                    remove.reset();
                    setRemoving(e);
                  }}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        ))
      )}
      {canChange ? (
        <Group gap="xs">
          <FileButton onChange={(f) => f && upload.mutate(f)} accept={EVIDENCE_ACCEPT}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} aria-hidden />} loading={upload.isPending}>
                {t('skm.followUps.evidenceUpload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('skm.followUps.evidenceHint', { max: EVIDENCE_MAX_MB })}
          </Text>
        </Group>
      ) : null}
      {uploadError ? (
        <Text size="sm" c="red.8" role="alert">
          {uploadError}
        </Text>
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title={t('skm.followUps.evidenceDeleteTitle')}
        message={t('skm.followUps.evidenceDeleteText', { name: removing?.title || removing?.fileName || '' })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

function FollowUpCard({
  regionCode,
  periodId,
  item,
  canManage,
  onEdit,
  onDelete,
}: {
  regionCode: string;
  periodId: string;
  item: FollowUp;
  canManage: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, pick, formatDate, formatNumber } = useI18n();
  const [showEvidence, setShowEvidence] = useState(false);
  const meta = [
    item.unsur && isUnsurKey(item.unsur) ? `${item.unsur} · ${pick(UNSUR_LABELS[item.unsur])}` : null,
    item.serviceName ?? t('skm.followUps.serviceAll'),
  ].filter(Boolean);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-follow-up={item.action}
      style={item.overdue ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6}>
            <Badge variant="light" radius="sm" color={FOLLOW_UP_STATUS_COLORS[item.status]}>
              {pick(FOLLOW_UP_STATUS_LABELS[item.status])}
            </Badge>
            {item.overdue ? (
              <Badge variant="filled" radius="sm" color="red">
                {t('skm.followUps.overdue')}
              </Badge>
            ) : null}
          </Group>
          <Text fw={600} size="sm" style={{ wordBreak: 'break-word' }}>
            {item.action}
          </Text>
          <Text size="xs" c="dimmed">
            {meta.join(' — ')}
          </Text>
          <Text size="xs">
            {t('skm.followUps.ownerDue', { owner: item.owner })}{' '}
            <Text span size="xs" fw={600} c={item.overdue ? 'red.8' : undefined}>
              {formatDate(item.dueOn)}
            </Text>
          </Text>
        </Stack>
        {canManage ? (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('common.edit')}>
              <ActionIcon variant="subtle" aria-label={t('skm.followUps.editLabel', { action: item.action })} onClick={onEdit}>
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('common.delete')}>
              <ActionIcon variant="subtle" color="red" aria-label={t('skm.followUps.deleteLabel', { action: item.action })} onClick={onDelete}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : null}
      </Group>
      <Group gap="xs" mt={8} wrap="nowrap">
        <Progress
          value={item.progress}
          size="md"
          color={item.status === 'selesai' ? 'green' : item.overdue ? 'red' : 'blue'}
          style={{ flex: 1 }}
          aria-label={t('skm.followUps.progressLabel', { percent: formatNumber(item.progress) })}
        />
        <Text size="sm" fw={700} w={44} ta="end">
          {formatNumber(item.progress)}%
        </Text>
      </Group>
      {item.result ? (
        <Text size="sm" mt={6} c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {item.result}
        </Text>
      ) : null}
      <Button
        variant="subtle"
        size="compact-sm"
        mt={6}
        px={4}
        onClick={() => setShowEvidence((v) => !v)}
        rightSection={showEvidence ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
        aria-expanded={showEvidence}
      >
        {t('skm.followUps.evidence', { n: formatNumber(item.evidenceCount) })}
      </Button>
      {showEvidence ? <EvidenceList regionCode={regionCode} periodId={periodId} item={item} canChange={canManage} /> : null}
    </Paper>
  );
}

type Dialog = { type: 'create' } | { type: 'edit'; item: FollowUp } | null;

export function FollowUpSection({ regionCode, results, canManage }: { regionCode: string; results: SkmResults; canManage: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const periodId = results.period.id;
  const list = useQuery(followUpsQueryOptions(regionCode, periodId));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [deleting, setDeleting] = useState<FollowUp | null>(null);
  const remove = useMutation({
    mutationFn: (item: FollowUp) => deleteFollowUp(regionCode, periodId, item.id),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('skm.followUps.deleted') });
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
    },
  });
  const items = list.data?.items ?? [];
  const done = items.filter((i) => i.status === 'selesai').length;
  const late = items.filter((i) => i.overdue).length;

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t('skm.followUps.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {items.length === 0 ? t('skm.followUps.intro') : t('skm.followUps.summary', { n: items.length, done, late })}
          </Text>
        </Stack>
        {canManage ? (
          <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ type: 'create' })}>
            {t('skm.followUps.add')}
          </Button>
        ) : null}
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('skm.followUps.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
            <FollowUpCard
              key={item.id}
              regionCode={regionCode}
              periodId={periodId}
              item={item}
              canManage={canManage}
              onEdit={() => setDialog({ type: 'edit', item })}
              onDelete={() => {
                remove.reset();
                setDeleting(item);
              }}
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.type === 'edit' ? t('skm.followUps.editTitle') : t('skm.followUps.createTitle')}
        size="lg"
        fullScreen={isMobile}
      >
        {dialog ? (
          <FollowUpForm
            key={dialog.type === 'edit' ? dialog.item.id : 'new'}
            regionCode={regionCode}
            results={results}
            item={dialog.type === 'edit' ? dialog.item : null}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('skm.followUps.deleteTitle')}
        message={t('skm.followUps.deleteText', { action: deleting?.action ?? '' })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Paper>
  );
}
