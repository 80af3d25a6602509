import { Skeleton, Stack } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** Placeholder rows while a list loads for the first time. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')} role="status">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <Skeleton key={i} height={28} radius="sm" />
      ))}
    </Stack>
  );
}
