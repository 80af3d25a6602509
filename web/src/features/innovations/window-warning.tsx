/**
 * Warnings about a period's reporting window where an innovation is proposed or submitted: outside the
 * window the server accepts it unless the period refuses units outside it (then it says so: only the
 * regional admins, who extend windows by hand, may still act).
 */
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import type { Period } from '../../api/periods.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isInnovationLate, todayIso, windowPosition } from '../../components/deadlines.ts';

/** Before a proposal or a submission: says so when today is outside the chosen period's window. */
export function WindowWarning({ period }: { period: Pick<Period, 'year' | 'opensOn' | 'closesOn' | 'refuseOutsideWindow'> | undefined }) {
  const { t, formatDate } = useI18n();
  if (!period) return null;
  const position = windowPosition(period, todayIso());
  if (position === 'open') return null;
  return (
    <Alert
      color={position === 'after' ? 'red' : 'yellow'}
      variant="light"
      icon={<IconClockExclamation aria-hidden />}
      title={t('deadline.outsideTitle')}
      data-window-warning={position}
    >
      <Text size="sm">
        {position === 'after'
          ? t('deadline.afterWindow', { year: period.year, date: formatDate(period.closesOn) })
          : t('deadline.beforeWindow', { year: period.year, date: formatDate(period.opensOn) })}
      </Text>
      {period.refuseOutsideWindow ? (
        <Text size="sm" fw={600} mt={4} data-window-refused>
          {t('deadline.refusedOutside')}
        </Text>
      ) : null}
    </Alert>
  );
}

/** On an innovation that still waits on its unit after the window closed. */
export function LateNotice({ status, period }: { status: string; period: Pick<Period, 'year' | 'closesOn'> | undefined }) {
  const { t, formatDate } = useI18n();
  if (!period || !isInnovationLate(status, period, todayIso())) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('deadline.lateTitle')} data-late-notice>
      <Text size="sm">{t('deadline.lateText', { year: period.year, date: formatDate(period.closesOn) })}</Text>
    </Alert>
  );
}
