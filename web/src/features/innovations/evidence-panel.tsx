/**
 * Evidence (bukti dukung) of an innovation, by slot: the budget document (`anggaran`) and the business
 * profile (`profil_bisnis`) the national form asks for, then everything else (`umum`, and any indicator
 * the server names). Files upload with a progress bar and are checked by the server from their bytes;
 * links (videos) are added with a title. Images show as thumbnails, PDFs preview in a frame or a new tab.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Image,
  Modal,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconExternalLink, IconEye, IconFileTypePdf, IconLink, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { linkEvidenceBody } from '../../../../src/shared/api/innovations.ts';
import {
  addEvidenceLink,
  deleteEvidence,
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_MB,
  type EvidenceItem,
  evidenceContentUrl,
  uploadEvidence,
} from '../../api/evidence.api.ts';
import { ApiError, isApiError } from '../../api/http.ts';
import { type Innovation, innovationKey } from '../../api/innovations.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import { statusAfterEdit } from '../../../../src/domain/innovations/workflow.ts';
import { isStatus } from './innovation-labels.ts';
import { ReviewNote } from './review-note.tsx';

interface Slot {
  target: string;
  label: MessageKey;
  hint: MessageKey;
  /** The key of the verifier's note about this slot. */
  noteKey: string;
}

const SLOTS: Slot[] = [
  { target: 'anggaran', label: 'field.anggaran', hint: 'evidence.hint.anggaran', noteKey: 'anggaran' },
  { target: 'profil_bisnis', label: 'field.profilBisnis', hint: 'evidence.hint.profilBisnis', noteKey: 'profil_bisnis' },
  { target: 'umum', label: 'field.buktiDukung', hint: 'evidence.hint.umum', noteKey: 'buktiDukung' },
];

const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const ACCEPTED_EXTENSIONS = /\.(pdf|png|jpe?g|webp|gif)$/i;

const isImage = (item: EvidenceItem) => item.kind === 'file' && (item.mimeType ?? '').startsWith('image/');
const isPdf = (item: EvidenceItem) => item.kind === 'file' && item.mimeType === 'application/pdf';

function useSizeText() {
  const { formatNumber } = useI18n();
  return (bytes: number | null) => {
    if (bytes === null) return '';
    if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
    return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  };
}

/** Upload failures in the user's words: the type and size rules first, then whatever the server said. */
function useUploadErrorText() {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (error: unknown): string => {
    if (isApiError(error, 'UNSUPPORTED_MEDIA_TYPE')) {
      // A PNG named .pdf: the server says what the bytes are.
      const mismatch = error.issues.find((i) => i.field.endsWith('fileName'));
      return mismatch ? `${mismatch.reason}. ${t('evidence.error.type')}` : t('evidence.error.type');
    }
    if (isApiError(error, 'PAYLOAD_TOO_LARGE')) return t('evidence.error.size', { max: EVIDENCE_MAX_MB });
    if (isApiError(error) && error.issues.length > 0) return error.issues.map((i) => i.reason).join(' ');
    return errorText(error);
  };
}

/** Refuses what the server would refuse anyway, before sending megabytes for nothing. */
function checkBeforeUpload(file: File): ApiError | null {
  if (file.size > EVIDENCE_MAX_MB * 1024 * 1024) return new ApiError({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  if (!ACCEPTED_TYPES.includes(file.type) && !ACCEPTED_EXTENSIONS.test(file.name)) return new ApiError({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  return null;
}

function EvidenceRow({
  item,
  regionCode,
  innovationId,
  canChange,
  onPreview,
  onDelete,
}: {
  item: EvidenceItem;
  regionCode: string;
  innovationId: string;
  canChange: boolean;
  onPreview: (item: EvidenceItem) => void;
  onDelete: (item: EvidenceItem) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const sizeText = useSizeText();
  const contentUrl = evidenceContentUrl(regionCode, innovationId, item.id);
  return (
    <Group gap="sm" wrap="nowrap" align="center" data-evidence={item.title}>
      {isImage(item) ? (
        <Anchor href={contentUrl} target="_blank" rel="noopener" aria-label={t('evidence.open', { title: item.title })}>
          <Image src={contentUrl} alt="" w={56} h={56} radius="sm" fit="cover" loading="lazy" />
        </Anchor>
      ) : (
        <ThemeIcon size={56} radius="sm" variant="light" color={item.kind === 'link' ? 'grape' : 'red'}>
          {item.kind === 'link' ? <IconLink size={26} aria-hidden /> : isPdf(item) ? <IconFileTypePdf size={26} aria-hidden /> : <IconPhoto size={26} aria-hidden />}
        </ThemeIcon>
      )}
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        {item.kind === 'link' && item.url ? (
          <Anchor href={item.url} target="_blank" rel="noopener noreferrer" size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
            {item.title}
          </Anchor>
        ) : (
          <Anchor href={contentUrl} target="_blank" rel="noopener" size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
            {item.title}
          </Anchor>
        )}
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {item.kind === 'link' ? item.url : [item.fileName, sizeText(item.sizeBytes)].filter(Boolean).join(' · ')}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(item.createdAt)}
        </Text>
      </Stack>
      <Group gap={2} wrap="nowrap">
        {item.kind === 'file' ? (
          <Tooltip label={t('evidence.preview')}>
            <ActionIcon variant="subtle" aria-label={t('evidence.previewLabel', { title: item.title })} onClick={() => onPreview(item)}>
              <IconEye size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
        {canChange ? (
          <Tooltip label={t('common.delete')}>
            <ActionIcon variant="subtle" color="red" aria-label={t('evidence.deleteLabel', { title: item.title })} onClick={() => onDelete(item)}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
    </Group>
  );
}

function LinkForm({ regionCode, innovationId, target, onDone }: { regionCode: string; innovationId: string; target: string; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { target, title: '', url: '' }, validate: schemaResolver(linkEvidenceBody, { sync: true }) });
  const add = useMutation({
    mutationFn: (values: { target: string; title: string; url: string }) => addEvidenceLink(regionCode, innovationId, values),
    onSuccess: async (item) => {
      notifications.show({ color: 'green', message: t('evidence.linkAdded', { title: item.title }) });
      await queryClient.invalidateQueries({ queryKey: innovationKey(regionCode, innovationId) });
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Stack>
        <FormErrorAlert error={add.error} unplaced={isApiError(add.error) ? add.error.issues : []} />
        <TextInput label={t('evidence.linkTitle')} placeholder={t('evidence.linkTitlePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('title')} />
        <TextInput label={t('evidence.linkUrl')} placeholder="https://www.youtube.com/watch?v=…" type="url" withAsterisk {...form.getInputProps('url')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('evidence.addLink')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EvidencePanel({ regionCode, innovation, canChange }: { regionCode: string; innovation: Innovation; canChange: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const uploadErrorText = useUploadErrorText();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  // Changing the evidence of a verified innovation sends it back for review, as editing it does.
  const isSentBack = isStatus(innovation.status) && statusAfterEdit(innovation.status) !== innovation.status;
  const [uploading, setUploading] = useState<{ target: string; name: string; progress: number } | null>(null);
  const [failure, setFailure] = useState<{ target: string; error: unknown } | null>(null);
  const [linkTarget, setLinkTarget] = useState<string | null>(null);
  const [preview, setPreview] = useState<EvidenceItem | null>(null);
  const [toDelete, setToDelete] = useState<EvidenceItem | null>(null);
  const [isConfirmOpen, setConfirmOpen] = useState(false);

  const refresh = () => queryClient.invalidateQueries({ queryKey: innovationKey(regionCode, innovation.id) });

  const upload = useMutation({
    mutationFn: (input: { target: string; file: File }) => {
      const refused = checkBeforeUpload(input.file);
      if (refused) return Promise.reject(refused);
      setUploading({ target: input.target, name: input.file.name, progress: 0 });
      return uploadEvidence(regionCode, innovation.id, { target: input.target, title: '', file: input.file }, (progress) =>
        setUploading((u) => (u ? { ...u, progress } : u)),
      );
    },
    onMutate: () => setFailure(null),
    onSuccess: async (item) => {
      notifications.show({ color: 'green', message: t('evidence.uploaded', { title: item.title }) });
      await refresh();
    },
    onError: (error, input) => setFailure({ target: input.target, error }),
    onSettled: () => setUploading(null),
  });

  const remove = useMutation({
    mutationFn: (item: EvidenceItem) => deleteEvidence(regionCode, innovation.id, item.id),
    onSuccess: async (_ok, item) => {
      notifications.show({ color: 'green', message: t('evidence.deleted', { title: item.title }) });
      setConfirmOpen(false);
      await refresh();
    },
  });

  const known = new Set(SLOTS.map((s) => s.target));
  const otherTargets = [...new Set(innovation.evidence.map((e) => e.target).filter((target) => !known.has(target)))];
  const slots: Slot[] = [...SLOTS, ...otherTargets.map((target) => ({ target, label: 'evidence.otherTarget' as const, hint: 'evidence.hint.other' as const, noteKey: target }))];

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h4" mb={4}>
        {t('evidence.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {canChange ? t('evidence.intro', { max: EVIDENCE_MAX_MB }) : t('evidence.introReadOnly')}
      </Text>
      {canChange && isSentBack ? (
        <Alert color="yellow" variant="light" mb="md">
          {t('evidence.sendsBack')}
        </Alert>
      ) : null}
      <Stack gap="lg">
        {slots.map((slot) => {
          const items = innovation.evidence.filter((e) => e.target === slot.target);
          const isUploadingHere = uploading?.target === slot.target;
          const slotFailure = failure?.target === slot.target ? failure.error : null;
          return (
            <section key={slot.target} aria-label={slot.label === 'evidence.otherTarget' ? t('evidence.otherTarget', { target: slot.target }) : t(slot.label)}>
              <Group justify="space-between" gap="xs" mb={4}>
                <Group gap="xs">
                  <Text fw={700} size="sm">
                    {slot.label === 'evidence.otherTarget' ? t('evidence.otherTarget', { target: slot.target }) : t(slot.label)}
                  </Text>
                  <Badge size="xs" variant="light" color={items.length > 0 ? 'green' : 'gray'}>
                    {items.length}
                  </Badge>
                </Group>
                {canChange ? (
                  <Group gap={6}>
                    <FileButton accept={EVIDENCE_ACCEPT} onChange={(file) => file && upload.mutate({ target: slot.target, file })}>
                      {(props) => (
                        <Button {...props} size="compact-sm" variant="light" leftSection={<IconUpload size={14} aria-hidden />} disabled={upload.isPending}>
                          {t('evidence.upload')}
                        </Button>
                      )}
                    </FileButton>
                    <Button size="compact-sm" variant="subtle" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setLinkTarget(slot.target)}>
                      {t('evidence.addLink')}
                    </Button>
                  </Group>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed" mb="xs">
                {t(slot.hint)}
              </Text>
              <ReviewNote note={innovation.reviewNotes[slot.noteKey]} />
              <Stack gap="xs" mt="xs">
                {items.map((item) => (
                  <EvidenceRow
                    key={item.id}
                    item={item}
                    regionCode={regionCode}
                    innovationId={innovation.id}
                    canChange={canChange}
                    onPreview={setPreview}
                    onDelete={(e) => {
                      remove.reset();
                      setToDelete(e);
                      setConfirmOpen(true);
                    }}
                  />
                ))}
                {items.length === 0 && !isUploadingHere ? (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('evidence.none')}
                  </Text>
                ) : null}
                {isUploadingHere && uploading ? (
                  <Stack gap={4} role="status" aria-live="polite">
                    <Text size="sm">{t('evidence.uploading', { name: uploading.name, percent: Math.round(uploading.progress * 100) })}</Text>
                    <Progress value={uploading.progress * 100} animated aria-label={t('evidence.progress')} />
                  </Stack>
                ) : null}
                {slotFailure ? (
                  <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => setFailure(null)} closeButtonLabel={t('common.close')}>
                    {uploadErrorText(slotFailure)}
                  </Alert>
                ) : null}
              </Stack>
            </section>
          );
        })}
      </Stack>

      <Modal opened={linkTarget !== null} onClose={() => setLinkTarget(null)} title={t('evidence.linkDialog')} fullScreen={isMobile}>
        {linkTarget ? <LinkForm regionCode={regionCode} innovationId={innovation.id} target={linkTarget} onDone={() => setLinkTarget(null)} /> : null}
      </Modal>

      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.title ?? ''} size="xl" fullScreen={isMobile}>
        {preview ? (
          <Stack>
            {isImage(preview) ? (
              <Image src={evidenceContentUrl(regionCode, innovation.id, preview.id)} alt={preview.title} fit="contain" mah="70vh" />
            ) : (
              <iframe
                src={evidenceContentUrl(regionCode, innovation.id, preview.id)}
                title={preview.title}
                style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              />
            )}
            <Anchor href={evidenceContentUrl(regionCode, innovation.id, preview.id)} target="_blank" rel="noopener" size="sm">
              <Group gap={4} component="span">
                <IconExternalLink size={14} aria-hidden />
                {t('evidence.openNewTab')}
              </Group>
            </Anchor>
          </Stack>
        ) : null}
      </Modal>

      <ConfirmDialog
        opened={isConfirmOpen}
        title={t('evidence.delete.title')}
        message={toDelete ? t('evidence.delete.text', { title: toDelete.title }) : ''}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onClose={() => setConfirmOpen(false)}
      />
    </Paper>
  );
}
