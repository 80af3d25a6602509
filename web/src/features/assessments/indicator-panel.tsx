/**
 * One indicator of an assessment, as the drawer of the assessment page shows it: where it sits in the
 * framework, who answers for it and by when; the level picker with the criteria of every level (or the
 * decimal value), the explanation and the evidence for the unit that fills it (saved with the
 * version it was loaded with: someone else's newer save is never overwritten, 409 → reload); and the
 * assessor's decision (accept, or correct with a value and a required note) during verification.
 */
import { Alert, Badge, Button, Divider, Group, List, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconMessageExclamation, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type AssessmentDetail,
  type AssessmentItem,
  addItemLink,
  assessmentKey,
  assessmentsKey,
  deleteItemEvidence,
  fillItem,
  itemEvidenceContentUrl,
  uploadItemEvidence,
  verifyItem,
} from '../../api/assessments.api.ts';
import { isApiError } from '../../api/http.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EvidenceSlot, type EvidenceSource } from '../../components/evidence-slot.tsx';
import { SaveIndicator, type SaveState } from '../../components/save-indicator.tsx';
import { isIndicatorLate, todayIso } from '../../components/deadlines.ts';
import { LateBadge } from '../../components/late-badge.tsx';
import { compareDecimalText } from '../../components/decimal-text.ts';
import { CarriedTasksNote } from './action-plan-panel.tsx';
import { VERIFICATION_COLORS, VERIFICATION_LABELS, verifiedValueOf } from '../../components/evaluation/assessment-labels.ts';
import { hasLevels, levelAt, reasonsOf } from '../../components/evaluation/item-values.ts';
import { DecimalValueInput, LevelList, type LevelMark, LevelPicker } from './level-picker.tsx';

const sameValue = (a: string | null, b: string | null) => (a === null || b === null ? a === b : compareDecimalText(a, b) === 0);

/** "Tingkat 3 · Terdefinisi", "2,50" or "—". */
export function useValueText() {
  const { t, formatDecimal } = useI18n();
  return (item: Pick<AssessmentItem, 'scale'>, value: string | null): string => {
    if (value === null) return '—';
    const level = levelAt(item, value);
    return level ? t('assessment.levelName', { level: level.level, name: level.name }) : formatDecimal(value);
  };
}

function useMarks(item: AssessmentItem): LevelMark[] {
  const { t } = useI18n();
  return [
    { value: item.claimedValue, label: t('assessment.claimedMark'), color: 'blue' },
    { value: verifiedValueOf(item), label: t('assessment.verifiedMark'), color: item.verification === 'corrected' ? 'orange' : 'green' },
  ];
}

function useItemEvidenceSource(regionCode: string, assessmentId: string, itemId: string): EvidenceSource {
  const queryClient = useQueryClient();
  return {
    contentUrl: (evidenceId) => itemEvidenceContentUrl(regionCode, assessmentId, itemId, evidenceId),
    upload: (file, onProgress) => uploadItemEvidence(regionCode, assessmentId, itemId, { title: '', file }, onProgress),
    addLink: (input) => addItemLink(regionCode, assessmentId, itemId, input),
    remove: (evidenceId) => deleteItemEvidence(regionCode, assessmentId, itemId, evidenceId),
    refresh: () => queryClient.invalidateQueries({ queryKey: assessmentKey(regionCode, assessmentId) }),
  };
}

/** The message of a refused write that is about the item's state, with the way out. */
function RefusalAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  const isStale = isApiError(error, 'STALE_VERSION');
  const isConflict = isApiError(error, 'CONFLICT') || isApiError(error, 'FORBIDDEN');
  if (!isStale && !isConflict) return <FormErrorAlert error={error} unplaced={reasonsOf(error)} />;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t(isStale ? 'assessment.staleTitle' : 'assessment.conflictTitle')}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t(isStale ? 'assessment.staleText' : 'assessment.conflictText')}</Text>
        {isApiError(error) && error.issues.length > 0 ? <Text size="sm">{error.issues.map((i) => i.reason).join(' ')}</Text> : null}
        <Button size="xs" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
          {t('assessment.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

function FillForm({
  regionCode,
  assessmentId,
  item,
  onReload,
}: {
  regionCode: string;
  assessmentId: string;
  item: AssessmentItem;
  onReload: () => Promise<AssessmentItem | undefined>;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const marks = useMarks(item);
  // The copy the typing started from: saved with its version, so a newer save elsewhere is never overwritten.
  const [base, setBase] = useState(item);
  const [value, setValue] = useState<string | null>(item.claimedValue);
  const [explanation, setExplanation] = useState(item.explanation);
  const adopt = (next: AssessmentItem) => {
    setBase(next);
    setValue(next.claimedValue);
    setExplanation(next.explanation);
  };

  const save = useMutation({
    mutationFn: () => fillItem(regionCode, assessmentId, item.id, { value, explanation, version: base.version }),
    onSuccess: async (saved) => {
      adopt(saved);
      notifications.show({ color: 'green', message: t('assessment.saved', { id: saved.indicatorId }) });
      // The detail, its gaps, and the list's progress all move.
      await queryClient.invalidateQueries({ queryKey: assessmentsKey(regionCode) });
    },
  });

  const isDirty = !sameValue(value, base.claimedValue) || explanation.trim() !== base.explanation;
  // A newer copy arrived (evidence, a refresh) while nothing is typed: show it.
  if (item.version !== base.version && !isDirty && !save.isPending && !save.isError) adopt(item);

  const reload = async () => {
    const latest = await onReload();
    save.reset();
    if (latest) adopt(latest);
  };

  const state: SaveState = save.isPending
    ? 'saving'
    : isApiError(save.error, 'STALE_VERSION')
      ? 'stale'
      : isApiError(save.error, 'CONFLICT') || isApiError(save.error, 'FORBIDDEN')
        ? 'conflict'
        : save.isError && isDirty
          ? 'error'
          : isDirty
            ? 'pending'
            : 'saved';
  const isStopped = state === 'stale' || state === 'conflict';
  const valueError = isApiError(save.error, 'VALIDATION_FAILED') ? save.error.issues.find((i) => i.field === 'body.value')?.reason : undefined;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {hasLevels(item) ? (
          <LevelPicker
            item={item}
            name={`level-${item.id}`}
            label={t('assessment.chooseLevel')}
            value={value}
            onChange={setValue}
            marks={marks.slice(1)}
          />
        ) : (
          <DecimalValueInput item={item} label={t('assessment.value')} value={value} onChange={setValue} error={valueError} />
        )}
        {valueError && hasLevels(item) ? (
          <Text size="sm" c="red" role="alert">
            {valueError}
          </Text>
        ) : null}
        <Textarea
          label={t('assessment.explanation')}
          description={t('assessment.explanationHint')}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={10_000}
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
        />
        {save.error && !valueError ? <RefusalAlert error={save.error} onReload={() => void reload()} /> : null}
        <Group justify="space-between" gap="sm">
          {/* Refused for a newer copy or a closed stage: simply not saved (the alert says why). */}
          <SaveIndicator state={isStopped ? 'pending' : state} savedAt={null} isAutomatic={false} onRetry={() => save.mutate()} />
          <Button type="submit" loading={save.isPending} disabled={!isDirty || isStopped}>
            {t('assessment.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClaimView({ item, showLevels }: { item: AssessmentItem; showLevels: boolean }) {
  const { t } = useI18n();
  const valueText = useValueText();
  const marks = useMarks(item);
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500}>
          {t('assessment.claimedValue')}
        </Text>
        <Text size="sm" data-claimed-value>
          {item.claimedValue === null ? t('assessment.notFilled') : valueText(item, item.claimedValue)}
        </Text>
      </div>
      <div>
        <Text size="sm" fw={500}>
          {t('assessment.explanation')}
        </Text>
        <Text size="sm" c={item.explanation ? undefined : 'dimmed'} fs={item.explanation ? undefined : 'italic'} style={{ whiteSpace: 'pre-wrap' }}>
          {item.explanation || t('assessment.noExplanation')}
        </Text>
      </div>
      {showLevels && hasLevels(item) ? <LevelList item={item} label={t('assessment.criteria')} marks={marks} /> : null}
    </Stack>
  );
}

function VerifyForm({
  regionCode,
  assessmentId,
  item,
  onReload,
}: {
  regionCode: string;
  assessmentId: string;
  item: AssessmentItem;
  onReload: () => Promise<AssessmentItem | undefined>;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const marks = useMarks(item);
  const [decision, setDecision] = useState<'accept' | 'correct'>(
    item.claimedValue === null || item.verification === 'corrected' ? 'correct' : 'accept',
  );
  const [value, setValue] = useState<string | null>(item.verification === 'corrected' ? item.verifiedValue : null);
  const [note, setNote] = useState(item.verifierNote ?? '');
  const [errors, setErrors] = useState<{ value?: string; note?: string }>({});

  const verify = useMutation({
    mutationFn: () =>
      decision === 'accept'
        ? verifyItem(regionCode, assessmentId, item.id, { decision: 'accept', version: item.version, note: note.trim() || null })
        : verifyItem(regionCode, assessmentId, item.id, { decision: 'correct', version: item.version, value: value ?? '', note: note.trim() }),
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        message: t(saved.verification === 'corrected' ? 'assessment.corrected' : 'assessment.accepted', { id: saved.indicatorId }),
      });
      // The detail, its gaps, and the list's progress all move.
      await queryClient.invalidateQueries({ queryKey: assessmentsKey(regionCode) });
    },
  });

  const submit = () => {
    const next: { value?: string; note?: string } = {};
    if (decision === 'correct' && value === null) next.value = t('assessment.correctValueRequired');
    if (decision === 'correct' && !note.trim()) next.note = t('assessment.correctNoteRequired');
    setErrors(next);
    if (Object.keys(next).length === 0) verify.mutate();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          aria-label={t('assessment.decision')}
          value={decision}
          onChange={(v) => {
            setDecision(v === 'correct' ? 'correct' : 'accept');
            setErrors({});
          }}
          data={[
            { value: 'accept', label: t('assessment.decision.accept'), disabled: item.claimedValue === null },
            { value: 'correct', label: t('assessment.decision.correct') },
          ]}
        />
        {decision === 'correct' ? (
          hasLevels(item) ? (
            <div>
              <LevelPicker
                item={item}
                name={`verify-${item.id}`}
                label={t('assessment.correctedLevel')}
                value={value}
                onChange={setValue}
                marks={marks}
              />
              {errors.value ? (
                <Text size="sm" c="red" mt={4} role="alert">
                  {errors.value}
                </Text>
              ) : null}
            </div>
          ) : (
            <DecimalValueInput item={item} label={t('assessment.correctedValue')} value={value} onChange={setValue} error={errors.value} />
          )
        ) : hasLevels(item) ? (
          <LevelList item={item} label={t('assessment.criteria')} marks={marks} />
        ) : null}
        <Textarea
          label={decision === 'correct' ? t('assessment.correctNote') : t('assessment.acceptNote')}
          withAsterisk={decision === 'correct'}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={note}
          error={errors.note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setErrors((x) => ({ ...x, note: undefined }));
          }}
        />
        {verify.error ? (
          <RefusalAlert
            error={verify.error}
            onReload={() =>
              void onReload().then(() => {
                verify.reset();
              })
            }
          />
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" color={decision === 'correct' ? 'orange' : 'green'} loading={verify.isPending}>
            {decision === 'correct' ? t('assessment.saveCorrection') : t('assessment.saveAccept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VerificationSummary({ item }: { item: AssessmentItem }) {
  const { t, pick, formatDateTime } = useI18n();
  const valueText = useValueText();
  if (item.verification === 'pending') return null;
  return (
    <Alert
      color={VERIFICATION_COLORS[item.verification]}
      variant="light"
      icon={item.verification === 'corrected' ? <IconMessageExclamation aria-hidden /> : <IconCircleCheck aria-hidden />}
      title={pick(VERIFICATION_LABELS[item.verification])}
      role="note"
    >
      <Stack gap={4}>
        <Text size="sm">
          {t('assessment.verifiedValueIs', { value: valueText(item, verifiedValueOf(item)) })}
          {item.verifiedAt ? ` · ${formatDateTime(item.verifiedAt)}` : ''}
        </Text>
        {item.verifierNote ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{t('assessment.verifierNote')}:</strong> {item.verifierNote}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function IndicatorPanel({
  regionCode,
  assessment,
  item,
  onReload,
}: {
  regionCode: string;
  assessment: AssessmentDetail;
  item: AssessmentItem;
  /** Loads the latest copy of the assessment and gives this item's. */
  onReload: () => Promise<AssessmentItem | undefined>;
}) {
  const { t, pick, formatDate, formatDecimal } = useI18n();
  const source = useItemEvidenceSource(regionCode, assessment.id, item.id);
  return (
    <Stack gap="md" data-indicator-panel={item.indicatorId}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {item.path.join(' › ')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={item.claimedValue === null ? 'gray' : 'blue'}>
            {item.claimedValue === null ? t('assessment.notFilled') : t('assessment.filled')}
          </Badge>
          {isIndicatorLate(item, assessment.stage, todayIso()) ? <LateBadge /> : null}
          {assessment.stage !== 'mandiri' || item.verification !== 'pending' ? (
            <Badge variant="light" color={VERIFICATION_COLORS[item.verification]}>
              {pick(VERIFICATION_LABELS[item.verification])}
            </Badge>
          ) : null}
          {item.weight ? (
            <Badge variant="outline" color="gray">
              {t('assessment.weight', { weight: formatDecimal(item.weight) })}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">
          {t('assessment.unit')}: <strong>{item.unitName ?? t('assessment.unassigned')}</strong>
          {item.deadline ? ` · ${t('assessment.deadlineOn', { date: formatDate(item.deadline) })}` : ''}
        </Text>
      </Stack>

      <CarriedTasksNote regionCode={regionCode} assessmentId={assessment.id} indicatorId={item.indicatorId} />

      <VerificationSummary item={item} />

      <Divider />
      <Title order={3} size="h5">
        {t('assessment.selfAssessment')}
      </Title>
      {item.canFill ? (
        <FillForm key={item.id} regionCode={regionCode} assessmentId={assessment.id} item={item} onReload={onReload} />
      ) : (
        <ClaimView item={item} showLevels={!item.canVerify} />
      )}

      <Divider />
      <EvidenceSlot
        label={t('evidence.title')}
        hint={
          item.evidenceHints.length > 0 ? (
            <List size="xs" spacing={0}>
              {item.evidenceHints.map((h) => (
                <List.Item key={h}>{h}</List.Item>
              ))}
            </List>
          ) : undefined
        }
        items={item.evidence}
        source={source}
        canChange={item.canFill}
        deleteText={(title) => t('assessment.evidenceDelete', { title })}
      />

      {item.canVerify ? (
        <>
          <Divider />
          <Title order={3} size="h5">
            {t('assessment.verification')}
          </Title>
          <VerifyForm key={`${item.id}:${item.version}`} regionCode={regionCode} assessmentId={assessment.id} item={item} onReload={onReload} />
        </>
      ) : null}
      {!item.canFill && !item.canVerify && assessment.stage !== 'final' ? (
        <Text size="xs" c="dimmed">
          {t(assessment.stage === 'mandiri' ? 'assessment.readOnlyMandiri' : 'assessment.readOnlyVerifikasi')}
        </Text>
      ) : null}
    </Stack>
  );
}
