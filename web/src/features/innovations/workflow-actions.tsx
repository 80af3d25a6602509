/**
 * The workflow buttons, exactly those the server lists in `actions`: Ajukan (submit), Kembalikan
 * (return, with a note per field), Verifikasi (verify, optional note), Tolak (reject, reason required).
 * Each opens a dialog; a refusal (missing fields, someone else's newer version) is shown there.
 */
import { Alert, Button, Group, List, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconArrowBackUp, IconCircleCheck, IconCircleX, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { WorkflowAction } from '#domain/innovations/workflow.ts';
import { isApiError } from '../../api/http.ts';
import { type Innovation, type SimilarInnovation, type TransitionInput, transitionInnovation } from '../../api/innovations.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { fieldOf } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import type { Period } from '../../api/periods.api.ts';
import { fieldLabelKey, PROFILE_FIELDS } from '../../components/innovation-labels.ts';
import { WindowWarning } from './window-warning.tsx';

type Step =
  | { action: 'submit' }
  | { action: 'return'; notes: Record<string, string>; note?: string }
  | { action: 'verify'; note?: string }
  | { action: 'reject'; reason: string };

const BUTTONS: Record<WorkflowAction, { label: MessageKey; color: string; icon: typeof IconSend; variant: 'filled' | 'light' }> = {
  submit: { label: 'workflow.submit', color: 'blue', icon: IconSend, variant: 'filled' },
  return: { label: 'workflow.return', color: 'orange', icon: IconArrowBackUp, variant: 'light' },
  verify: { label: 'workflow.verify', color: 'green', icon: IconCircleCheck, variant: 'filled' },
  reject: { label: 'workflow.reject', color: 'red', icon: IconCircleX, variant: 'light' },
};

const TITLES: Record<WorkflowAction, MessageKey> = {
  submit: 'workflow.submit.title',
  return: 'workflow.return.title',
  verify: 'workflow.verify.title',
  reject: 'workflow.reject.title',
};

const DONE: Record<WorkflowAction, MessageKey> = {
  submit: 'workflow.submitted',
  return: 'workflow.returned',
  verify: 'workflow.verified',
  reject: 'workflow.rejected',
};

function IssueList({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!isApiError(error, 'VALIDATION_FAILED') || error.issues.length === 0) return <FormErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" title={t('workflow.submit.incomplete')}>
      <List size="sm" spacing={2}>
        {error.issues.map((issue) => {
          const key = fieldLabelKey(fieldOf(issue));
          return (
            <List.Item key={`${issue.field}:${issue.reason}`}>
              {key ? <strong>{t(key)}: </strong> : null}
              {issue.reason}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}

function ReturnForm({ isPending, onSend }: { isPending: boolean; onSend: (step: Step) => void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<string[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const data = PROFILE_FIELDS.map((f) => ({ value: f.field, label: t(f.label) }));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const next: Record<string, string> = {};
        if (fields.length === 0) next.fields = t('workflow.return.pickField');
        for (const f of fields) if (!(notes[f] ?? '').trim()) next[f] = t('workflow.return.noteRequired');
        setErrors(next);
        if (Object.keys(next).length > 0) return;
        const picked = Object.fromEntries(fields.map((f) => [f, (notes[f] ?? '').trim()]));
        onSend({ action: 'return', notes: picked, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <Stack>
        <Text size="sm">{t('workflow.return.text')}</Text>
        <MultiSelect
          label={t('workflow.return.fields')}
          placeholder={t('workflow.return.fieldsPlaceholder')}
          data={data}
          value={fields}
          onChange={(value) => {
            setFields(value);
            setErrors((e) => ({ ...e, fields: '' }));
          }}
          searchable
          withAsterisk
          error={errors.fields || undefined}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        {fields.map((f) => {
          const key = fieldLabelKey(f);
          const label = key ? t(key) : f;
          return (
            <Textarea
              key={f}
              label={t('workflow.return.noteFor', { field: label })}
              withAsterisk
              autosize
              minRows={2}
              maxLength={2000}
              value={notes[f] ?? ''}
              error={errors[f] || undefined}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setNotes((n) => ({ ...n, [f]: text }));
              }}
            />
          );
        })}
        <Textarea
          label={t('workflow.generalNote')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" color="orange" loading={isPending}>
            {t('workflow.return')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function WorkflowActions({
  regionCode,
  innovation,
  prepare,
  onIssues,
  onDone,
  onReload,
  period,
}: {
  regionCode: string;
  innovation: Innovation;
  /** The innovation's period, when known: submitting outside its window is warned about. */
  period?: Period;
  /** Saves unsaved edits first and gives the version to act on. */
  prepare: () => Promise<number>;
  onIssues: (error: unknown) => void;
  onDone: (result: { innovation: Innovation; similar: SimilarInnovation[] }, action: WorkflowAction) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const step = useMutation({
    mutationFn: async (input: Step) => {
      const version = await prepare();
      const body: TransitionInput = { ...input, version };
      return transitionInnovation(regionCode, innovation.id, body);
    },
    onSuccess: (result, input) => {
      notifications.show({ color: 'green', message: t(DONE[input.action]) });
      setOpen(null);
      onDone(result, input.action);
    },
    onError: (error) => {
      if (isApiError(error, 'VALIDATION_FAILED')) onIssues(error);
    },
  });

  if (innovation.actions.length === 0) return null;

  const openDialog = (action: WorkflowAction) => {
    step.reset();
    setNote('');
    setReason('');
    setReasonError(null);
    setOpen(action);
  };
  const isStale = isApiError(step.error, 'STALE_VERSION');

  return (
    <>
      <Group gap="xs" wrap="wrap">
        {innovation.actions.map((action) => {
          const b = BUTTONS[action];
          return (
            <Button
              key={action}
              color={b.color}
              variant={b.variant}
              leftSection={<b.icon size={16} aria-hidden />}
              onClick={() => openDialog(action)}
            >
              {t(b.label)}
            </Button>
          );
        })}
      </Group>

      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t(TITLES[open]) : ''}
        size={open === 'return' ? 'lg' : 'md'}
        fullScreen={isMobile && open === 'return'}
      >
        <Stack>
          {step.error ? <IssueList error={step.error} /> : null}
          {isStale ? (
            <Button variant="light" color="red" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onReload}>
              {t('editor.reload')}
            </Button>
          ) : null}
          {open === 'submit' ? (
            <>
              <Text size="sm">{t('workflow.submit.text')}</Text>
              <WindowWarning period={period} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(null)}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={() => step.mutate({ action: 'submit' })} loading={step.isPending} data-autofocus>
                  {t('workflow.submit')}
                </Button>
              </Group>
            </>
          ) : open === 'return' ? (
            <ReturnForm isPending={step.isPending} onSend={(s) => step.mutate(s)} />
          ) : open === 'verify' ? (
            <>
              <Text size="sm">{t('workflow.verify.text')}</Text>
              <Textarea
                label={t('workflow.optionalNote')}
                autosize
                minRows={2}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(null)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  color="green"
                  loading={step.isPending}
                  onClick={() => step.mutate({ action: 'verify', ...(note.trim() ? { note: note.trim() } : {}) })}
                >
                  {t('workflow.verify')}
                </Button>
              </Group>
            </>
          ) : open === 'reject' ? (
            <>
              <Text size="sm">{t('workflow.reject.text')}</Text>
              <Textarea
                label={t('workflow.reject.reason')}
                withAsterisk
                autosize
                minRows={3}
                maxLength={2000}
                value={reason}
                error={reasonError}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  setReasonError(null);
                }}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(null)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  color="red"
                  loading={step.isPending}
                  onClick={() => {
                    if (!reason.trim()) {
                      setReasonError(t('workflow.reject.reasonRequired'));
                      return;
                    }
                    step.mutate({ action: 'reject', reason: reason.trim() });
                  }}
                >
                  {t('workflow.reject')}
                </Button>
              </Group>
            </>
          ) : null}
        </Stack>
      </Modal>
    </>
  );
}
