/**
 * Import from XLSX in two steps: choosing a file runs a dry run at once, whose report lists every
 * row's problems; "Impor" writes only when there are none (the server refuses otherwise anyway).
 */
import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../api/http.ts';
import { importUnits, type UnitImportReport, unitsKey } from '../../api/units.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { ImportErrors } from '../../components/import-errors.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isUnitKind, UNIT_KIND_LABELS } from '../../components/unit-kind.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';

const PREVIEW_ROWS = 100;

function ReportPreview({ report }: { report: UnitImportReport }) {
  const { t, pick, formatNumber } = useI18n();
  const rows = report.preview.slice(0, PREVIEW_ROWS);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('import.previewTitle')}
      </Title>
      <ScrollRegion label={t('import.previewTitle')} maxHeight={280}>
        <Table striped withTableBorder fz="sm" stickyHeader miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.col.row')}</Table.Th>
              <Table.Th>{t('import.col.action')}</Table.Th>
              <Table.Th>{t('units.col.kind')}</Table.Th>
              <Table.Th>{t('units.col.name')}</Table.Th>
              <Table.Th>{t('units.col.shortName')}</Table.Th>
              <Table.Th>{t('units.col.parent')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.row}>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={p.action === 'create' ? 'green' : 'blue'}>
                    {t(p.action === 'create' ? 'import.action.create' : 'import.action.update')}
                  </Badge>
                </Table.Td>
                <Table.Td>{isUnitKind(p.kind) ? pick(UNIT_KIND_LABELS[p.kind]) : p.kind}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.shortName ?? '—'}</Table.Td>
                <Table.Td>{p.parent ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {report.preview.length > rows.length ? (
        <Text size="xs" c="dimmed">
          {t('import.previewMore', { shown: formatNumber(rows.length), total: formatNumber(report.preview.length) })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function UnitImport({ regionCode, onDone }: { regionCode: string; onDone: () => void }) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);

  const check = useMutation({ mutationFn: (f: File) => importUnits(regionCode, f, true) });
  const run = useMutation({
    mutationFn: (f: File) => importUnits(regionCode, f, false),
    onSuccess: async (report) => {
      notifications.show({ color: 'green', message: t('import.done', { created: report.created, updated: report.updated }) });
      await queryClient.invalidateQueries({ queryKey: unitsKey(regionCode) });
      await queryClient.invalidateQueries({ queryKey: ['regions', regionCode, 'detail'] });
      onDone();
    },
  });

  const report = check.data;
  const failure = check.error ?? run.error;
  const canImport = file !== null && report !== undefined && report.errors.length === 0 && report.preview.length > 0 && !check.isPending;

  return (
    <Stack>
      <Text size="sm">{t('import.intro')}</Text>
      <FileInput
        label={t('import.file')}
        placeholder={t('import.filePlaceholder')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        clearable
        clearButtonProps={{ 'aria-label': t('import.clearFile') }}
        value={file}
        data-autofocus
        onChange={(f) => {
          setFile(f);
          run.reset();
          if (f) check.mutate(f);
          else check.reset();
        }}
      />
      {check.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          {t('import.checking')}
        </Text>
      ) : null}
      <FormErrorAlert error={failure} unplaced={isApiError(failure) ? failure.issues : []} />
      {report ? (
        <Stack gap="sm" aria-live="polite">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('import.summary', { total: formatNumber(report.totalRows), valid: formatNumber(report.validRows) })}
            </Text>
            {report.errors.length === 0 ? (
              <>
                <Badge variant="light" color="green">
                  {t('import.willCreate', { n: formatNumber(report.preview.filter((p) => p.action === 'create').length) })}
                </Badge>
                <Badge variant="light" color="blue">
                  {t('import.willUpdate', { n: formatNumber(report.preview.filter((p) => p.action === 'update').length) })}
                </Badge>
              </>
            ) : null}
          </Group>
          {report.errors.length > 0 ? (
            <ImportErrors errors={report.errors} />
          ) : report.preview.length === 0 ? (
            <Alert color="yellow" variant="light">
              {t('import.empty')}
            </Alert>
          ) : (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              {t('import.noErrors')}
            </Alert>
          )}
          {report.preview.length > 0 ? <ReportPreview report={report} /> : null}
        </Stack>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => file && run.mutate(file)} disabled={!canImport} loading={run.isPending}>
          {t('import.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
