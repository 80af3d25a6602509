/**
 * One IID indicator (SPD of the region, or SID of an innovation): its parameters (levels with their
 * labels and points, and what 0 means), the level claimed and the level verified, the answer (saved
 * with the version it was loaded with; a newer one elsewhere → reload) and the reviewer's decision:
 * accept the claim, or correct it with a level and a required note. What the caller may do comes from
 * the sheet's `canAnswer` and `canVerify`. An indicator measured on one of several bases (2026:
 * indicator 33, a–f) is answered with its basis, and each level reads as that basis words it.
 */
import { Alert, Badge, Button, Group, Paper, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconPencil, IconRefresh } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { IidAnswerState, IidVerifyInput } from '../../api/iid.api.ts';
import { isApiError } from '../../api/http.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { VERIFICATION_COLORS, VERIFICATION_LABELS, type VerificationState } from '../../components/evaluation/assessment-labels.ts';
import { reasonsOf } from '../../components/evaluation/item-values.ts';

export interface IidIndicatorView {
  id: string;
  name: string;
  variable: string | null;
  weight: string;
  mandatory: boolean;
  zeroLabel: string | null;
  parameters: { level: number; label: string; points: string }[];
  claimedLevel: number | null;
  verification: VerificationState;
  verifiedLevel: number | null;
  verifierNote: string | null;
  version: number;
  /** Measurement bases (basis ukur) the indicator offers; absent or empty for most. */
  bases?: { key: string; name: string; levels: { level: number; label: string }[] }[];
  basisUkur?: string | null;
}

interface LevelOption {
  level: number;
  label: string;
  points: string | null;
}

/** The levels with their wording: the chosen basis's when the indicator has bases and one is chosen. */
function optionsOf(indicator: IidIndicatorView, basisKey: string | null = null): LevelOption[] {
  const basis = indicator.bases?.find((b) => b.key === basisKey);
  return [
    ...(indicator.zeroLabel !== null ? [{ level: 0, label: indicator.zeroLabel, points: null }] : []),
    ...indicator.parameters.map((p) => ({
      level: p.level,
      label: basis?.levels.find((l) => l.level === p.level)?.label ?? p.label,
      points: p.points,
    })),
  ];
}

function useLevelText() {
  const { t, formatDecimal } = useI18n();
  return (option: LevelOption) =>
    option.points === null
      ? t('iid.levelZero', { label: option.label })
      : t('iid.levelOption', { level: option.level, label: option.label, points: formatDecimal(option.points) });
}

/** The verified level as it counts: the correction, the claim once accepted, none while pending. */
const verifiedLevelOf = (i: IidIndicatorView) =>
  i.verification === 'corrected' ? i.verifiedLevel : i.verification === 'accepted' ? i.claimedLevel : null;

function VerifyControls({
  indicator,
  options,
  onVerify,
  onDone,
}: {
  indicator: IidIndicatorView;
  options: LevelOption[];
  onVerify: (input: IidVerifyInput) => Promise<IidAnswerState>;
  onDone: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const levelText = useLevelText();
  const [isCorrecting, setCorrecting] = useState(false);
  const [level, setLevel] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ level?: string; note?: string }>({});
  const verify = useMutation({
    mutationFn: onVerify,
    onSuccess: async (state) => {
      notifications.show({
        color: 'green',
        message: t(state.verification === 'corrected' ? 'iid.corrected' : 'iid.accepted', { id: state.indicatorId }),
      });
      setCorrecting(false);
      await onDone();
    },
  });
  if (indicator.claimedLevel === null) return null;
  return (
    <Stack gap="xs">
      {verify.error ? <FormErrorAlert error={verify.error} unplaced={reasonsOf(verify.error)} /> : null}
      {isCorrecting ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const next: { level?: string; note?: string } = {};
            if (level === null) next.level = t('iid.correctLevelRequired');
            if (!note.trim()) next.note = t('assessment.correctNoteRequired');
            setErrors(next);
            if (level !== null && note.trim()) verify.mutate({ decision: 'correct', level: Number(level), note: note.trim() });
          }}
        >
          <Stack gap="xs">
            <Select
              label={t('iid.correctedLevel')}
              withAsterisk
              data={options.map((o) => ({ value: String(o.level), label: levelText(o) }))}
              value={level}
              onChange={setLevel}
              error={errors.level}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
            <Textarea
              label={t('assessment.correctNote')}
              withAsterisk
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              error={errors.note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group gap="xs" justify="flex-end">
              <Button variant="default" size="xs" onClick={() => setCorrecting(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="orange" size="xs" loading={verify.isPending}>
                {t('assessment.saveCorrection')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="xs">
          <Button
            size="xs"
            color="green"
            variant="light"
            leftSection={<IconCircleCheck size={14} aria-hidden />}
            loading={verify.isPending}
            onClick={() => verify.mutate({ decision: 'accept' })}
          >
            {t('iid.accept')}
          </Button>
          <Button size="xs" color="orange" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setCorrecting(true)}>
            {t('iid.correct')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function ParameterAnswer({
  indicator,
  canAnswer,
  canVerify,
  onAnswer,
  onVerify,
  onDone,
  badges,
  answerControl,
  children,
}: {
  indicator: IidIndicatorView;
  canAnswer: boolean;
  canVerify: boolean;
  onAnswer: (level: number | null, version: number, basisUkur: string | null) => Promise<IidAnswerState>;
  onVerify: (input: IidVerifyInput) => Promise<IidAnswerState>;
  /** Reloads the sheet (and whatever the answer moves). */
  onDone: (state: IidAnswerState | null) => Promise<unknown>;
  /** More about the indicator, e.g. "scored 0: no evidence". */
  badges?: ReactNode;
  /** Instead of the levels: an answer from which the server chooses the level (an SPD figure). */
  answerControl?: ReactNode;
  /** Under the answer, e.g. the indicator's evidence. */
  children?: ReactNode;
}) {
  const { t, pick, formatDecimal } = useI18n();
  const levelText = useLevelText();
  const bases = indicator.bases ?? [];
  const claimedText = indicator.claimedLevel === null ? null : String(indicator.claimedLevel);
  const claimedBasis = indicator.basisUkur ?? null;
  // The copy the choice started from: answered with its version, so a newer answer is never overwritten.
  const [base, setBase] = useState({ version: indicator.version, claimed: claimedText, basis: claimedBasis });
  const [draft, setDraft] = useState<string | null>(claimedText);
  const [draftBasis, setDraftBasis] = useState<string | null>(claimedBasis);
  const options = optionsOf(indicator, canAnswer ? draftBasis : claimedBasis);
  const answer = useMutation({
    mutationFn: () => onAnswer(draft === null ? null : Number(draft), base.version, bases.length > 0 ? draftBasis : null),
    onSuccess: async (state) => {
      setBase({ version: state.version, claimed: state.claimedLevel === null ? null : String(state.claimedLevel), basis: state.basisUkur });
      notifications.show({ color: 'green', message: t('iid.answered', { id: state.indicatorId }) });
      await onDone(state);
    },
  });
  const isDirty = draft !== base.claimed || (bases.length > 0 && draftBasis !== base.basis);
  // A newer copy (verified, or answered elsewhere) while nothing is chosen: show it.
  if (indicator.version !== base.version && !isDirty && !answer.isPending) {
    setBase({ version: indicator.version, claimed: claimedText, basis: claimedBasis });
    setDraft(claimedText);
    setDraftBasis(claimedBasis);
  }
  const chosenBasis = bases.find((b) => b.key === claimedBasis);
  const verified = verifiedLevelOf(indicator);
  const optionAt = (level: number | null) => options.find((o) => o.level === level);
  const isStale = isApiError(answer.error, 'STALE_VERSION');
  const titleId = `iid-${indicator.id}`;

  return (
    <Paper withBorder radius="md" p="sm" role="group" aria-labelledby={titleId} data-iid-indicator={indicator.id}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
          <Text fw={700} size="sm" id={titleId}>
            {indicator.id}. {indicator.name}
          </Text>
          <Group gap={4} wrap="wrap" justify="flex-end">
            {indicator.mandatory ? (
              <Badge size="xs" color="red" variant="light">
                {t('iid.mandatory')}
              </Badge>
            ) : null}
            <Badge size="xs" variant="outline" color="gray">
              {t('assessment.weight', { weight: formatDecimal(indicator.weight) })}
            </Badge>
            {indicator.variable ? (
              <Badge size="xs" variant="light" color="gray">
                {indicator.variable}
              </Badge>
            ) : null}
          </Group>
        </Group>

        {bases.length > 0 && canAnswer ? (
          <Select
            label={t('iid.basisUkur')}
            description={t('iid.basisUkurHint')}
            placeholder={t('iid.basisUkurPlaceholder')}
            data={bases.map((b) => ({ value: b.key, label: `${b.key}. ${b.name}` }))}
            value={draftBasis}
            onChange={setDraftBasis}
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        {bases.length > 0 && !canAnswer && indicator.claimedLevel !== null ? (
          <Text size="sm">
            {chosenBasis ? t('iid.basisUkurChosen', { basis: `${chosenBasis.key}. ${chosenBasis.name}` }) : t('iid.basisUkurNone')}
          </Text>
        ) : null}
        {answerControl ? (
          answerControl
        ) : canAnswer ? (
          <Radio.Group value={draft} onChange={setDraft} aria-labelledby={titleId} name={`iid-answer-${indicator.id}`}>
            <Stack gap={6}>
              {options.map((o) => (
                <Radio key={o.level} value={String(o.level)} label={levelText(o)} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Stack gap={2}>
            {options.map((o) => {
              const isClaimed = o.level === indicator.claimedLevel;
              const isVerified = o.level === verified;
              return (
                <Group key={o.level} gap={6} wrap="nowrap" align="flex-start">
                  {isClaimed ? (
                    <IconCheck size={16} color="var(--mantine-color-blue-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  ) : (
                    <span style={{ width: 16, flexShrink: 0 }} />
                  )}
                  <Text size="sm" fw={isClaimed ? 600 : 400} c={isClaimed ? undefined : 'dimmed'}>
                    {levelText(o)}
                    {isClaimed ? ` · ${t('assessment.claimedMark')}` : ''}
                    {isVerified && !isClaimed ? ` · ${t('assessment.verifiedMark')}` : ''}
                  </Text>
                </Group>
              );
            })}
          </Stack>
        )}

        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={indicator.claimedLevel === null ? 'gray' : 'blue'} radius="sm">
            {indicator.claimedLevel === null ? t('assessment.notFilled') : t('iid.claimedLevel', { level: indicator.claimedLevel })}
          </Badge>
          <Badge variant="light" color={VERIFICATION_COLORS[indicator.verification]} radius="sm">
            {pick(VERIFICATION_LABELS[indicator.verification])}
            {indicator.verification === 'corrected' && verified !== null ? ` → ${verified}` : ''}
          </Badge>
          {badges}
        </Group>
        {indicator.verifierNote ? (
          <Text size="sm" c="orange" style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{t('assessment.verifierNote')}:</strong> {indicator.verifierNote}
          </Text>
        ) : null}
        {indicator.verification === 'corrected' && optionAt(verified) ? (
          <Text size="xs" c="dimmed">
            {t('iid.verifiedAs', { option: levelText(optionAt(verified) as LevelOption) })}
          </Text>
        ) : null}

        {canAnswer && (isDirty || answer.error) ? (
          <Stack gap="xs">
            {isStale ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('iid.staleTitle')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('iid.staleText')}</Text>
                  <Button
                    size="xs"
                    color="red"
                    leftSection={<IconRefresh size={14} aria-hidden />}
                    onClick={() =>
                      void onDone(null).then(() => {
                        // Drop the choice: the newer copy is adopted on the next render.
                        answer.reset();
                        setDraft(base.claimed);
                      })
                    }
                  >
                    {t('assessment.reload')}
                  </Button>
                </Stack>
              </Alert>
            ) : answer.error ? (
              <FormErrorAlert error={answer.error} unplaced={reasonsOf(answer.error)} />
            ) : null}
            <Group gap="xs" justify="flex-end">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setDraft(base.claimed);
                  setDraftBasis(base.basis);
                }}
                disabled={!isDirty}
              >
                {t('common.cancel')}
              </Button>
              <Button size="xs" loading={answer.isPending} disabled={!isDirty || isStale} onClick={() => answer.mutate()}>
                {t('iid.saveAnswer')}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {children}

        {canVerify ? <VerifyControls indicator={indicator} options={options} onVerify={onVerify} onDone={() => onDone(null)} /> : null}
      </Stack>
    </Paper>
  );
}
