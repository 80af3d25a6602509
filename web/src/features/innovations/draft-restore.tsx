/**
 * Offers the unsaved edits kept in this browser (draft-storage.ts) when an innovation opens: restore
 * them into the form, look at them (to copy from), or discard them. A copy typed on an older version
 * than the server's says so, because restoring it replaces what was saved since.
 */
import { Alert, Button, CopyButton, Group, Modal, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconCopy, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { browserStorage, readDrafts, removeDraft, type StoredDraft } from './draft-storage.ts';
import { fieldLabelKey } from '../../components/innovation-labels.ts';
import { changedFields, isSameProfile, type ProfileValues, toUpdateInput } from './profile-values.ts';

/** The local copies that differ from the server's values; identical ones are removed on the way. */
export function findUnsavedDrafts(innovationId: string, serverValues: ProfileValues): StoredDraft[] {
  const storage = browserStorage();
  return readDrafts(storage, innovationId).filter((draft) => {
    if (!isSameProfile(draft.values, serverValues)) return true;
    removeDraft(storage, innovationId, draft.version);
    return false;
  });
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function DraftDetails({ draft, serverValues }: { draft: StoredDraft; serverValues: ProfileValues }) {
  const { t } = useI18n();
  const fields = changedFields(draft.values, serverValues);
  const local = toUpdateInput(draft.values, draft.version);
  return (
    <Stack gap="md">
      <Text size="sm">{t('draft.detailsIntro')}</Text>
      {fields.map((field) => {
        const labelKey = fieldLabelKey(field);
        const text = shown(local[field]);
        return (
          <Stack key={field} gap={4}>
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm">
                {labelKey ? t(labelKey) : field}
              </Text>
              <CopyButton value={text}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color={copied ? 'green' : 'blue'}
                    leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                    onClick={copy}
                  >
                    {copied ? t('draft.copied') : t('draft.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Textarea value={text} readOnly autosize minRows={1} maxRows={8} aria-label={labelKey ? t(labelKey) : field} />
          </Stack>
        );
      })}
    </Stack>
  );
}

export function DraftRestore({
  drafts,
  currentVersion,
  serverValues,
  canRestore,
  onRestore,
  onDone,
}: {
  drafts: StoredDraft[];
  currentVersion: number;
  serverValues: ProfileValues;
  canRestore: boolean;
  onRestore: (draft: StoredDraft) => void;
  onDone: (draft: StoredDraft) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [viewing, setViewing] = useState(false);
  const draft = drafts[0];
  if (!draft) return null;
  const isOlder = draft.version !== currentVersion;
  const when = formatDateTime(draft.savedAt);
  return (
    <>
      <Alert color={isOlder ? 'orange' : 'blue'} variant="light" icon={<IconDeviceFloppy aria-hidden />} title={t('draft.title')} role="status">
        <Stack gap="xs">
          <Text size="sm">{!canRestore ? t('draft.readOnly', { when }) : isOlder ? t('draft.older', { when }) : t('draft.same', { when })}</Text>
          <Group gap="xs">
            {canRestore ? (
              <Button
                size="xs"
                onClick={() => {
                  onRestore(draft);
                  onDone(draft);
                }}
              >
                {t('draft.restore')}
              </Button>
            ) : null}
            <Button size="xs" variant="default" onClick={() => setViewing(true)}>
              {t('draft.view')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => {
                removeDraft(browserStorage(), draft.innovationId, draft.version);
                onDone(draft);
              }}
            >
              {t('draft.discard')}
            </Button>
          </Group>
        </Stack>
      </Alert>
      <Modal
        opened={viewing}
        onClose={() => setViewing(false)}
        title={t('draft.detailsTitle', { when })}
        size="lg"
        fullScreen={isMobile}
        scrollAreaComponent={ScrollArea.Autosize}
      >
        <DraftDetails draft={draft} serverValues={serverValues} />
      </Modal>
    </>
  );
}
