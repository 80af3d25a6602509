import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCloudOff, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Where the typed text of a form that saves itself is. */
export type SaveState =
  /** Everything typed is on the server. */
  | 'saved'
  /** Changes wait for typing to stop (or, when not automatic, for the user to save). */
  | 'pending'
  | 'saving'
  /** The connection or the server failed; the next change or "retry" tries again. */
  | 'error'
  /** A field is invalid (e.g. the name is empty); saving resumes once it is fixed. */
  | 'invalid'
  /** Someone else saved a newer version: autosave has stopped. */
  | 'stale'
  /** The record's status no longer allows editing (an innovation sent on): autosave has stopped. */
  | 'conflict';

/** "Tersimpan / Menyimpan… / Gagal menyimpan": where the typed text is, said politely to screen readers. */
export function SaveIndicator({
  state,
  savedAt,
  isAutomatic,
  onRetry,
}: {
  state: SaveState;
  savedAt: string | null;
  isAutomatic: boolean;
  onRetry: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  let content: ReactNode;
  if (state === 'saved') {
    content = (
      <>
        <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
        <Text size="sm" c="green" fw={600}>
          {t('autosave.saved')}
        </Text>
        {savedAt ? (
          <Text size="xs" c="dimmed" visibleFrom="xs">
            {formatDateTime(savedAt)}
          </Text>
        ) : null}
      </>
    );
  } else if (state === 'pending' && !isAutomatic) {
    content = (
      <>
        <IconPencil size={18} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text size="sm" c="orange" fw={600}>
          {t('autosave.unsaved')}
        </Text>
      </>
    );
  } else if (state === 'pending' || state === 'saving') {
    content = (
      <>
        <Loader size={14} aria-hidden />
        <Text size="sm" c="dimmed" fw={600}>
          {t('autosave.saving')}
        </Text>
      </>
    );
  } else if (state === 'invalid') {
    content = (
      <>
        <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text size="sm" c="orange" fw={600}>
          {t('autosave.invalid')}
        </Text>
      </>
    );
  } else {
    content = (
      <>
        <IconCloudOff size={18} color="var(--mantine-color-red-7)" aria-hidden />
        <Text size="sm" c="red" fw={600}>
          {state === 'error' ? t('autosave.failed') : t('autosave.stopped')}
        </Text>
        {state === 'error' ? (
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-save-state={state}>
      {content}
    </Group>
  );
}
