/** The red "Terlambat" mark beside a date that has passed while work still waits. */
import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n.tsx';

export function LateBadge({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Badge
      color="red"
      variant="filled"
      radius="sm"
      size="sm"
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
      data-late
      style={{ flexShrink: 0 }}
    >
      {label ?? t('deadline.late')}
    </Badge>
  );
}
