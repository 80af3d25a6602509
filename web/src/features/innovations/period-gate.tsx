/**
 * What a page that works on one period shows until it has one: the load error, a skeleton while the
 * periods load, or (no period yet) the way to open one for those who may.
 */
import { Button, Paper } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function PeriodGate({
  periods,
  canCreate,
}: {
  periods: { isError: boolean; isPending: boolean; error: unknown; refetch: () => unknown };
  canCreate: boolean;
}) {
  const { t } = useI18n();
  if (periods.isError) return <QueryError error={periods.error} onRetry={() => void periods.refetch()} />;
  if (periods.isPending) return <TableSkeleton />;
  return (
    <Paper withBorder radius="md" p="md">
      <ListEmpty
        kind="empty"
        title={t('innovations.noPeriod.title')}
        description={t(canCreate ? 'innovations.noPeriod.text' : 'innovations.noPeriod.readOnly')}
        actions={
          canCreate ? (
            <Button component={Link} to="/periode" leftSection={<IconCalendarPlus size={16} aria-hidden />}>
              {t('periods.add')}
            </Button>
          ) : null
        }
      />
    </Paper>
  );
}
