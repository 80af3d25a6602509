/** Whether a survey period still takes answers, and the mutu pelayanan (A–D) of an IKM. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { GRADE_COLORS } from './skm-labels.ts';

export function PeriodStatusBadge({ status, ...props }: { status: 'dibuka' | 'ditutup' } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useI18n();
  return (
    <Badge variant="light" radius="sm" color={status === 'dibuka' ? 'green' : 'gray'} {...props}>
      {t(status === 'dibuka' ? 'skm.status.open' : 'skm.status.closed')}
    </Badge>
  );
}

/** "B · Baik": the letter people quote, with its name from the framework. */
export function GradeBadge({ grade, name, ...props }: { grade: string; name?: string | null } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge variant="light" radius="sm" color={GRADE_COLORS[grade] ?? 'gray'} {...props}>
      {name ? `${grade} · ${name}` : grade}
    </Badge>
  );
}
