/** The row-by-row problems of an XLSX import's dry run, as every import dialog shows them. */
import { Alert, Stack, Table } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n.tsx';
import { ScrollRegion } from './scroll-region.tsx';

export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}

export function ImportErrors({ errors }: { errors: readonly ImportRowError[] }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('import.errorsTitle', { n: errors.length })}>
        {t('import.errorsText')}
      </Alert>
      <ScrollRegion label={t('import.errorsTitle', { n: errors.length })} maxHeight={280}>
        <Table striped withTableBorder fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.col.row')}</Table.Th>
              <Table.Th>{t('import.col.field')}</Table.Th>
              <Table.Th>{t('import.col.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e) => (
              <Table.Tr key={`${e.row}:${e.field}:${e.reason}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.field}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}
