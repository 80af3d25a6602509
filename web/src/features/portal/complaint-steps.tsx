/**
 * Where a complaint stands, as a row of steps (a column on a phone): diterima → diverifikasi →
 * ditindaklanjuti → selesai; a complaint closed early as ditolak or duplikat ends at that red step.
 */
import { Box, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { ComplaintStatus } from '#domain/services/complaint-workflow.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMPLAINT_STATUS_LABELS, COMPLAINT_STEP_TEXTS } from './portal-labels.ts';
import classes from './complaint-steps.module.css';

const PATH: ComplaintStatus[] = ['diterima', 'diverifikasi', 'ditindaklanjuti', 'selesai'];

type StepState = 'done' | 'current' | 'todo' | 'stopped';

export function stepsOf(status: ComplaintStatus, reached: readonly ComplaintStatus[]): { status: ComplaintStatus; state: StepState }[] {
  if (status === 'ditolak' || status === 'duplikat') {
    const before = PATH.filter((s) => s === 'diterima' || reached.includes(s));
    return [...before.map((s) => ({ status: s, state: 'done' as const })), { status, state: 'stopped' as const }];
  }
  const at = PATH.indexOf(status);
  return PATH.map((s, i) => ({ status: s, state: i < at || status === 'selesai' ? 'done' : i === at ? 'current' : 'todo' }));
}

export function ComplaintSteps({ status, reached }: { status: ComplaintStatus; reached: readonly ComplaintStatus[] }) {
  const { t } = useI18n();
  const steps = stepsOf(status, reached);
  return (
    <Box component="ol" className={classes.steps} aria-label={t('portal.status.steps')}>
      {steps.map(({ status: s, state }, i) => (
        <li key={s} className={classes.step} data-state={state} aria-current={s === status ? 'step' : undefined}>
          <ThemeIcon
            radius="xl"
            size={36}
            variant={state === 'todo' ? 'outline' : 'filled'}
            color={state === 'stopped' ? 'red' : state === 'todo' ? 'gray' : s === 'selesai' ? 'green' : 'blue'}
            aria-hidden
          >
            {state === 'stopped' ? (
              <IconX size={20} />
            ) : state === 'done' || (state === 'current' && s === 'selesai') ? (
              <IconCheck size={20} />
            ) : (
              <Text fw={700}>{i + 1}</Text>
            )}
          </ThemeIcon>
          <div>
            <Text fw={s === status ? 800 : 600} c={state === 'todo' ? 'dimmed' : undefined}>
              {t(COMPLAINT_STATUS_LABELS[s])}
            </Text>
            <Text size="sm" c="dimmed">
              {t(COMPLAINT_STEP_TEXTS[s])}
            </Text>
          </div>
        </li>
      ))}
    </Box>
  );
}
