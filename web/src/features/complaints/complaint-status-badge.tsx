import { Badge, type BadgeProps } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { isComplaintStatus, STATUS_COLORS, STATUS_KEYS } from './complaint-labels.ts';

/** A complaint's status in its colour. */
export function ComplaintStatusBadge({ status, ...props }: { status: string } & Omit<BadgeProps, 'color' | 'children'>) {
  const { t } = useI18n();
  if (!isComplaintStatus(status)) return <Badge {...props}>{status}</Badge>;
  return (
    <Badge variant="light" radius="sm" {...props} color={STATUS_COLORS[status]}>
      {t(STATUS_KEYS[status])}
    </Badge>
  );
}
