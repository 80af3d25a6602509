/**
 * The stages as the ministry runs them (penilaian mandiri → verifikasi → final) and the steps the
 * caller may take now, exactly from the assessment's `can`: start verification, finalize, or send it
 * back to the units. Each step asks first, saying what it means; a step on a stale copy (409) reloads.
 */
import { Alert, Button, Group, Modal, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconArrowBackUp, IconLock, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { type AssessmentDetail, assessmentKey, assessmentsKey, changeStage } from '../../api/assessments.api.ts';
import { isApiError } from '../../api/http.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isAssessmentLate, todayIso } from '../../components/deadlines.ts';
import { LateBadge } from '../../components/late-badge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import { ASSESSMENT_STAGES, type AssessmentStage, STAGE_HINTS, STAGE_LABELS } from '../../components/evaluation/assessment-labels.ts';
import { reasonsOf } from '../../components/evaluation/item-values.ts';

interface Step {
  to: AssessmentStage;
  label: MessageKey;
  title: MessageKey;
  text: MessageKey;
  color: string;
  icon: typeof IconLock;
}

const STEPS: Record<'verify' | 'finalize' | 'reopen', Step> = {
  verify: {
    to: 'verifikasi',
    label: 'stage.toVerifikasi',
    title: 'stage.toVerifikasi.title',
    text: 'stage.toVerifikasi.text',
    color: 'blue',
    icon: IconShieldCheck,
  },
  finalize: { to: 'final', label: 'stage.toFinal', title: 'stage.toFinal.title', text: 'stage.toFinal.text', color: 'green', icon: IconLock },
  reopen: {
    to: 'mandiri',
    label: 'stage.toMandiri',
    title: 'stage.toMandiri.title',
    text: 'stage.toMandiri.text',
    color: 'orange',
    icon: IconArrowBackUp,
  },
};

/** The steps the caller may take from this stage, as the server allows them. */
function stepsOf(assessment: AssessmentDetail): Step[] {
  const { stage, can } = assessment;
  if (stage === 'mandiri' && can.advance) return [STEPS.verify];
  if (stage === 'verifikasi') return [...(can.finalize ? [STEPS.finalize] : []), ...(can.advance ? [STEPS.reopen] : [])];
  return [];
}

export function StagePanel({ regionCode, assessment }: { regionCode: string; assessment: AssessmentDetail }) {
  const { t, pick, formatNumber, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Step | null>(null);
  const steps = stepsOf(assessment);

  const change = useMutation({
    mutationFn: (step: Step) => changeStage(regionCode, assessment.id, { stage: step.to, version: assessment.version }),
    onSuccess: async (detail) => {
      queryClient.setQueryData(assessmentKey(regionCode, assessment.id), detail);
      notifications.show({ color: 'green', message: t('stage.changed', { stage: pick(STAGE_LABELS[detail.stage]) }) });
      setOpen(null);
      await queryClient.invalidateQueries({ queryKey: assessmentsKey(regionCode) });
    },
  });

  const unfilled = assessment.itemCount - assessment.filledCount;
  const unverified = assessment.itemCount - assessment.verifiedCount;
  const active = ASSESSMENT_STAGES.indexOf(assessment.stage);

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Title order={2} size="h5" mb="sm">
        {t('stage.title')}
      </Title>
      <Stepper
        active={assessment.stage === 'final' ? ASSESSMENT_STAGES.length : active}
        orientation="vertical"
        size="sm"
        allowNextStepsSelect={false}
        aria-label={t('stage.title')}
      >
        {ASSESSMENT_STAGES.map((stage) => (
          <Stepper.Step
            key={stage}
            label={pick(STAGE_LABELS[stage])}
            // What happens in a stage, said for the one the assessment is in.
            description={stage === assessment.stage ? pick(STAGE_HINTS[stage]) : undefined}
            aria-current={stage === assessment.stage ? 'step' : undefined}
            allowStepSelect={false}
          />
        ))}
      </Stepper>
      {assessment.deadline && assessment.stage !== 'final' ? (
        <Group gap="xs" mt="sm">
          <Text size="sm" c={isAssessmentLate(assessment, todayIso()) ? 'red.9' : 'dimmed'}>
            {t('stage.deadline', { date: formatDate(assessment.deadline) })}
          </Text>
          {isAssessmentLate(assessment, todayIso()) ? <LateBadge /> : null}
        </Group>
      ) : null}
      {steps.length > 0 ? (
        <Group gap="xs" mt="sm" wrap="wrap">
          {steps.map((step) => (
            <Button
              key={step.to}
              color={step.color}
              variant={step.to === 'mandiri' ? 'light' : 'filled'}
              leftSection={<step.icon size={16} aria-hidden />}
              onClick={() => {
                change.reset();
                setOpen(step);
              }}
            >
              {t(step.label)}
            </Button>
          ))}
        </Group>
      ) : null}

      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t(open.title) : ''}>
        {open ? (
          <Stack>
            <Text size="sm">
              {t(open.text, { unfilled: formatNumber(unfilled), unverified: formatNumber(unverified), total: formatNumber(assessment.itemCount) })}
            </Text>
            {open.to === 'verifikasi' && unfilled > 0 ? (
              <Alert color="yellow" variant="light">
                {t('stage.unfilledWarning', { n: formatNumber(unfilled) })}
              </Alert>
            ) : null}
            {open.to === 'final' && unverified > 0 ? (
              <Alert color="yellow" variant="light">
                {t('stage.unverifiedWarning', { n: formatNumber(unverified) })}
              </Alert>
            ) : null}
            {change.error ? <FormErrorAlert error={change.error} unplaced={reasonsOf(change.error)} /> : null}
            {isApiError(change.error, 'STALE_VERSION') ? (
              <Button
                variant="light"
                color="red"
                leftSection={<IconRefresh size={16} aria-hidden />}
                onClick={() => {
                  setOpen(null);
                  void queryClient.invalidateQueries({ queryKey: assessmentKey(regionCode, assessment.id) });
                }}
              >
                {t('assessment.reload')}
              </Button>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('common.cancel')}
              </Button>
              <Button color={open.color} loading={change.isPending} onClick={() => change.mutate(open)} data-autofocus>
                {t(open.label)}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
