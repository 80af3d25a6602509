import { Badge, type BadgeProps } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { isStatus, STATUS_COLORS, STATUS_LABELS } from './innovation-labels.ts';

/** The workflow status in its color: gray draft, blue submitted, orange returned, green verified, red rejected. */
export function StatusBadge({ status, ...props }: { status: string } & Omit<BadgeProps, 'color' | 'children'>) {
  const { pick } = useI18n();
  if (!isStatus(status)) return <Badge {...props}>{status}</Badge>;
  return (
    <Badge variant="light" radius="sm" {...props} color={STATUS_COLORS[status]}>
      {pick(STATUS_LABELS[status])}
    </Badge>
  );
}
