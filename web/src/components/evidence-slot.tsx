/**
 * One list of evidence (bukti dukung) with its controls: files upload with a progress bar and are
 * checked by the server from their bytes; links (videos, pages) are added with a title; images show as
 * thumbnails, PDFs preview in a frame or a new tab; deleting asks first. Where the evidence lives (an
 * innovation's slot, an assessment item, an IID indicator's `sid.<id>` target) is the `source`.
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
  Progress,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconExternalLink, IconEye, IconFileTypePdf, IconLink, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { linkEvidenceBody } from '#shared/api/innovations.ts';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_MB, type EvidenceItem } from '../api/evidence.api.ts';
import { ApiError, isApiError } from '../api/http.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { FormErrorAlert } from './form-error-alert.tsx';
import { useErrorText } from './use-error-text.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A piece of evidence as every list shows it (an assessment item's evidence has no target). */
export type EvidenceEntry = Omit<EvidenceItem, 'target'>;

/** Where a list of evidence lives, and how to change it. */
export interface EvidenceSource {
  contentUrl: (evidenceId: string) => string;
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<EvidenceEntry>;
  addLink: (input: { title: string; url: string }) => Promise<EvidenceEntry>;
  remove: (evidenceId: string) => Promise<unknown>;
  /** Reloads whatever shows the evidence, after a change. */
  refresh: () => Promise<unknown>;
}

const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const ACCEPTED_EXTENSIONS = /\.(pdf|png|jpe?g|webp|gif)$/i;
const linkBody = linkEvidenceBody.omit({ target: true });

const isImage = (item: EvidenceEntry) => item.kind === 'file' && (item.mimeType ?? '').startsWith('image/');
const isPdf = (item: EvidenceEntry) => item.kind === 'file' && item.mimeType === 'application/pdf';

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
  if (!ACCEPTED_TYPES.includes(file.type) && !ACCEPTED_EXTENSIONS.test(file.name))
    return new ApiError({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  return null;
}

function EvidenceRow({
  item,
  contentUrl,
  canChange,
  onPreview,
  onDelete,
}: {
  item: EvidenceEntry;
  contentUrl: string;
  canChange: boolean;
  onPreview: (item: EvidenceEntry) => void;
  onDelete: (item: EvidenceEntry) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const sizeText = useSizeText();
  return (
    <Group gap="sm" wrap="nowrap" align="center" data-evidence={item.title}>
      {isImage(item) ? (
        <Anchor href={contentUrl} target="_blank" rel="noopener" aria-label={t('evidence.open', { title: item.title })}>
          <Image src={contentUrl} alt="" w={56} h={56} radius="sm" fit="cover" loading="lazy" />
        </Anchor>
      ) : (
        <ThemeIcon size={56} radius="sm" variant="light" color={item.kind === 'link' ? 'grape' : 'red'}>
          {item.kind === 'link' ? (
            <IconLink size={26} aria-hidden />
          ) : isPdf(item) ? (
            <IconFileTypePdf size={26} aria-hidden />
          ) : (
            <IconPhoto size={26} aria-hidden />
          )}
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

function LinkForm({ source, onDone }: { source: EvidenceSource; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({ initialValues: { title: '', url: '' }, validate: schemaResolver(linkBody, { sync: true }) });
  const add = useMutation({
    mutationFn: (values: { title: string; url: string }) => source.addLink(values),
    onSuccess: async (item) => {
      notifications.show({ color: 'green', message: t('evidence.linkAdded', { title: item.title }) });
      await source.refresh();
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Stack>
        <FormErrorAlert error={add.error} unplaced={isApiError(add.error) ? add.error.issues : []} />
        <TextInput
          label={t('evidence.linkTitle')}
          placeholder={t('evidence.linkTitlePlaceholder')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
        />
        <TextInput
          label={t('evidence.linkUrl')}
          placeholder="https://www.youtube.com/watch?v=…"
          type="url"
          withAsterisk
          {...form.getInputProps('url')}
        />
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

/**
 * One section of evidence: a heading with the count and the upload and link buttons (when the caller
 * may change it), a hint, whatever the caller adds under the hint (a verifier's note), the list, and
 * the progress or failure of an upload.
 */
export function EvidenceSlot({
  label,
  hint,
  note,
  items,
  source,
  canChange,
  deleteText,
}: {
  label: string;
  hint?: ReactNode;
  note?: ReactNode;
  items: EvidenceEntry[];
  source: EvidenceSource;
  canChange: boolean;
  /** What deleting one item means, e.g. '"{title}" will be removed from this innovation'. */
  deleteText: (title: string) => string;
}) {
  const { t } = useI18n();
  const uploadErrorText = useUploadErrorText();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [uploading, setUploading] = useState<{ name: string; progress: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [isLinkOpen, setLinkOpen] = useState(false);
  const [preview, setPreview] = useState<EvidenceEntry | null>(null);
  const [toDelete, setToDelete] = useState<EvidenceEntry | null>(null);
  const [isConfirmOpen, setConfirmOpen] = useState(false);

  const upload = useMutation({
    mutationFn: (file: File) => {
      const refused = checkBeforeUpload(file);
      if (refused) return Promise.reject(refused);
      setUploading({ name: file.name, progress: 0 });
      return source.upload(file, (progress) => setUploading((u) => (u ? { ...u, progress } : u)));
    },
    onMutate: () => setFailure(null),
    onSuccess: async (item) => {
      notifications.show({ color: 'green', message: t('evidence.uploaded', { title: item.title }) });
      await source.refresh();
    },
    onError: (error) => setFailure(error),
    onSettled: () => setUploading(null),
  });

  const remove = useMutation({
    mutationFn: (item: EvidenceEntry) => source.remove(item.id),
    onSuccess: async (_ok, item) => {
      notifications.show({ color: 'green', message: t('evidence.deleted', { title: item.title }) });
      setConfirmOpen(false);
      await source.refresh();
    },
  });

  return (
    <section aria-label={label}>
      <Group justify="space-between" gap="xs" mb={4}>
        <Group gap="xs">
          <Text fw={700} size="sm">
            {label}
          </Text>
          <Badge size="xs" variant="light" color={items.length > 0 ? 'green' : 'gray'}>
            {items.length}
          </Badge>
        </Group>
        {canChange ? (
          <Group gap={6}>
            <FileButton accept={EVIDENCE_ACCEPT} onChange={(file) => file && upload.mutate(file)}>
              {(props) => (
                <Button {...props} size="compact-sm" variant="light" leftSection={<IconUpload size={14} aria-hidden />} disabled={upload.isPending}>
                  {t('evidence.upload')}
                </Button>
              )}
            </FileButton>
            <Button size="compact-sm" variant="subtle" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setLinkOpen(true)}>
              {t('evidence.addLink')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {hint ? (
        <Text size="xs" c="dimmed" mb="xs" component="div">
          {hint}
        </Text>
      ) : null}
      {note}
      <Stack gap="xs" mt="xs">
        {items.map((item) => (
          <EvidenceRow
            key={item.id}
            item={item}
            contentUrl={source.contentUrl(item.id)}
            canChange={canChange}
            onPreview={setPreview}
            onDelete={(e) => {
              remove.reset();
              setToDelete(e);
              setConfirmOpen(true);
            }}
          />
        ))}
        {items.length === 0 && !uploading ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('evidence.none')}
          </Text>
        ) : null}
        {uploading ? (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{t('evidence.uploading', { name: uploading.name, percent: Math.round(uploading.progress * 100) })}</Text>
            <Progress value={uploading.progress * 100} animated aria-label={t('evidence.progress')} />
          </Stack>
        ) : null}
        {failure ? (
          <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => setFailure(null)} closeButtonLabel={t('common.close')}>
            {uploadErrorText(failure)}
          </Alert>
        ) : null}
      </Stack>

      <Modal opened={isLinkOpen} onClose={() => setLinkOpen(false)} title={t('evidence.linkDialog')} fullScreen={isMobile}>
        {isLinkOpen ? <LinkForm source={source} onDone={() => setLinkOpen(false)} /> : null}
      </Modal>

      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.title ?? ''} size="xl" fullScreen={isMobile}>
        {preview ? (
          <Stack>
            {isImage(preview) ? (
              <Image src={source.contentUrl(preview.id)} alt={preview.title} fit="contain" mah="70vh" />
            ) : (
              <iframe
                src={source.contentUrl(preview.id)}
                title={preview.title}
                style={{ width: '100%', height: '70vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              />
            )}
            <Anchor href={source.contentUrl(preview.id)} target="_blank" rel="noopener" size="sm">
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
        message={toDelete ? deleteText(toDelete.title) : ''}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onClose={() => setConfirmOpen(false)}
      />
    </section>
  );
}
