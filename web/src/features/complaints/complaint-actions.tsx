/**
 * What a unit may do with a complaint now: the next steps of the workflow (exactly those the domain
 * allows from the current status), each with a note the citizen reads on the public status page, and
 * moving the complaint to another unit. Refusing (ditolak) and closing as a duplicate need a reason;
 * a duplicate also names the original's tracking code. If someone else changed the complaint meanwhile
 * the dialog says so and offers to reload.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconArrowRight,
  IconCircleCheck,
  IconCircleX,
  IconCopy,
  IconMessage,
  IconRefresh,
  IconSearch,
  IconTool,
  IconTransfer,
} from '@tabler/icons-react';
import { useState } from 'react';
import { needsReason, nextStatuses } from '#domain/services/complaint-workflow.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { type ComplaintDetail, complaintKey, complaintsKey, reassignComplaint, transitionComplaint } from '../../api/complaints.api.ts';
import { isApiError } from '../../api/http.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { fieldOf } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { type ComplaintStatus, STATUS_KEYS, STEP_KEYS } from './complaint-labels.ts';

const STEP_STYLE: Record<ComplaintStatus, { color: string; variant: 'filled' | 'light'; icon: typeof IconSearch }> = {
  diterima: { color: 'blue', variant: 'light', icon: IconArrowRight },
  diverifikasi: { color: 'indigo', variant: 'filled', icon: IconSearch },
  ditindaklanjuti: { color: 'orange', variant: 'filled', icon: IconTool },
  selesai: { color: 'green', variant: 'filled', icon: IconCircleCheck },
  ditolak: { color: 'red', variant: 'light', icon: IconCircleX },
  duplikat: { color: 'gray', variant: 'light', icon: IconCopy },
};

/** A step to the next status, a public note without a step, or moving to another unit. */
type Dialog = { kind: 'step'; to: ComplaintStatus } | { kind: 'note' } | { kind: 'reassign' } | null;

/** Field issues of the server, by the dialog's own fields; the rest shown above them. */
function splitIssues(error: unknown, fields: readonly string[]): { placed: Record<string, string>; unplaced: FieldIssue[] } {
  const placed: Record<string, string> = {};
  const unplaced: FieldIssue[] = [];
  if (!isApiError(error)) return { placed, unplaced };
  for (const issue of error.issues) {
    const field = fieldOf(issue);
    if (fields.includes(field) && !placed[field]) placed[field] = issue.reason;
    else unplaced.push({ field: '', reason: issue.reason });
  }
  return { placed, unplaced };
}

export function ComplaintActions({ regionCode, complaint }: { regionCode: string; complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [note, setNote] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: complaintsKey(regionCode) });
  };
  const act = useMutation({
    mutationFn: (d: NonNullable<Dialog>) =>
      d.kind === 'reassign'
        ? reassignComplaint(regionCode, complaint.id, { unitId: unitId ?? '', note: note.trim() || null, version: complaint.version })
        : transitionComplaint(regionCode, complaint.id, {
            // The same status with a note only posts the note on the public status page.
            to: d.kind === 'step' ? d.to : complaint.status,
            note: note.trim() || null,
            duplicateOfCode: d.kind === 'step' && d.to === 'duplikat' ? duplicateOf.trim() || null : null,
            version: complaint.version,
          }),
    onSuccess: async (_saved, d) => {
      notifications.show({
        color: 'green',
        message:
          d.kind === 'step'
            ? t('complaints.step.done', { status: t(STATUS_KEYS[d.to]) })
            : d.kind === 'note'
              ? t('complaints.note.done')
              : t('complaints.reassign.done'),
      });
      setDialog(null);
      await refresh();
    },
  });

  const steps = nextStatuses(complaint.status);
  const canReassign = steps.length > 0;
  if (!canReassign) return null;

  const open = (next: NonNullable<Dialog>) => {
    act.reset();
    setNote('');
    setDuplicateOf('');
    setUnitId(null);
    setLocalErrors({});
    setDialog(next);
  };
  const isStale = isApiError(act.error, 'STALE_VERSION');
  const { placed, unplaced } = splitIssues(act.error, ['note', 'duplicateOfCode', 'unitId']);
  const errorOf = (field: string) => localErrors[field] || placed[field] || undefined;

  const submit = () => {
    if (!dialog) return;
    const errors: Record<string, string> = {};
    if (dialog.kind === 'step' && needsReason(dialog.to) && !note.trim()) errors.note = t('complaints.step.reasonRequired');
    if (dialog.kind === 'note' && !note.trim()) errors.note = t('complaints.note.required');
    if (dialog.kind === 'step' && dialog.to === 'duplikat' && !duplicateOf.trim()) errors.duplicateOfCode = t('complaints.step.duplicateRequired');
    if (dialog.kind === 'reassign' && !unitId) errors.unitId = t('complaints.reassign.unitRequired');
    if (dialog.kind === 'reassign' && unitId === complaint.unitId) errors.unitId = t('complaints.reassign.sameUnit');
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) act.mutate(dialog);
  };

  const to = dialog?.kind === 'step' ? dialog.to : null;
  const isNote = dialog?.kind === 'note';
  const isReasonNeeded = (to !== null && needsReason(to)) || isNote;
  const title =
    dialog?.kind === 'reassign'
      ? t('complaints.reassign.title')
      : to
        ? t('complaints.step.title', { status: t(STATUS_KEYS[to]) })
        : isNote
          ? t('complaints.note.title')
          : '';

  return (
    <>
      <Group gap="xs" wrap="wrap">
        {steps.map((s) => {
          const style = STEP_STYLE[s];
          return (
            <Button
              key={s}
              color={style.color}
              variant={style.variant}
              leftSection={<style.icon size={16} aria-hidden />}
              onClick={() => open({ kind: 'step', to: s })}
            >
              {t(STEP_KEYS[s].button)}
            </Button>
          );
        })}
        <Button variant="default" leftSection={<IconMessage size={16} aria-hidden />} onClick={() => open({ kind: 'note' })}>
          {t('complaints.note.button')}
        </Button>
        <Button variant="default" leftSection={<IconTransfer size={16} aria-hidden />} onClick={() => open({ kind: 'reassign' })}>
          {t('complaints.reassign.button')}
        </Button>
      </Group>

      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={title} size="lg" fullScreen={isMobile}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            {isStale ? (
              <Alert color="yellow" variant="light" icon={<IconRefresh aria-hidden />} role="alert" title={t('complaints.stale.title')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('complaints.stale.text')}</Text>
                  <Button
                    size="xs"
                    variant="light"
                    color="yellow"
                    leftSection={<IconRefresh size={14} aria-hidden />}
                    onClick={async () => {
                      setDialog(null);
                      await queryClient.invalidateQueries({ queryKey: complaintKey(regionCode, complaint.id) });
                    }}
                  >
                    {t('complaints.stale.reload')}
                  </Button>
                </Stack>
              </Alert>
            ) : act.error && (unplaced.length > 0 || !isApiError(act.error, 'VALIDATION_FAILED')) ? (
              <FormErrorAlert error={act.error} unplaced={unplaced} />
            ) : null}
            <Text size="sm">
              {to ? t(STEP_KEYS[to].text) : isNote ? t('complaints.note.text') : t('complaints.reassign.text', { unit: complaint.unitName })}
            </Text>
            {dialog?.kind === 'reassign' ? (
              <UnitSelect
                regionCode={regionCode}
                label={t('complaints.reassign.unit')}
                placeholder={t('complaints.reassign.unitPlaceholder')}
                withAsterisk
                value={unitId}
                error={errorOf('unitId')}
                isAllowed={(u) => u.id !== complaint.unitId}
                onChange={(u) => {
                  setUnitId(u?.id ?? null);
                  setLocalErrors((e) => ({ ...e, unitId: '' }));
                }}
                data-autofocus
              />
            ) : null}
            {to === 'duplikat' ? (
              <TextInput
                label={t('complaints.step.duplicateOf')}
                description={t('complaints.step.duplicateOfHint')}
                placeholder="PGD-…"
                withAsterisk
                value={duplicateOf}
                error={errorOf('duplicateOfCode')}
                onChange={(e) => {
                  setDuplicateOf(e.currentTarget.value);
                  setLocalErrors((x) => ({ ...x, duplicateOfCode: '' }));
                }}
                maxLength={40}
                data-autofocus
              />
            ) : null}
            <Textarea
              label={
                dialog?.kind === 'reassign'
                  ? t('complaints.reassign.note')
                  : isNote
                    ? t('complaints.note.label')
                    : to && needsReason(to)
                      ? t('complaints.step.reason')
                      : t('complaints.step.note')
              }
              description={dialog?.kind === 'reassign' ? t('complaints.reassign.noteHint') : t('complaints.step.noteHint')}
              withAsterisk={isReasonNeeded}
              autosize
              minRows={3}
              maxLength={2000}
              value={note}
              error={errorOf('note')}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setLocalErrors((x) => ({ ...x, note: '' }));
              }}
              data-autofocus={isNote || (to !== null && to !== 'duplikat') ? true : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color={to ? STEP_STYLE[to].color : undefined} loading={act.isPending} disabled={isStale}>
                {to ? t(STEP_KEYS[to].button) : isNote ? t('complaints.note.submit') : t('complaints.reassign.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
