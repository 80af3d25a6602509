/**
 * Importing a region's existing innovations from XLSX into a period, in two steps like the units
 * import: choosing a file runs a dry run whose report lists every row's problems; "Impor" creates the
 * drafts only when there are none (the server refuses otherwise anyway).
 */
import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../api/http.ts';
import { type InnovationImportReport, importInnovations, innovationsKey } from '../../api/innovations.api.ts';
import { type Period, periodsKey } from '../../api/periods.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { ImportErrors } from '../../components/import-errors.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { JENIS_LABELS, labelIn, TAHAPAN_LABELS, urusanName } from '../../components/innovation-labels.ts';
import { PeriodSelect } from './period-select.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';

const PREVIEW_ROWS = 100;

function ReportPreview({ report }: { report: InnovationImportReport }) {
  const { t, pick, formatNumber } = useI18n();
  const rows = report.preview.slice(0, PREVIEW_ROWS);
  const label = (labels: Parameters<typeof labelIn>[0], v: string | null) => {
    const l = labelIn(labels, v);
    return l ? pick(l) : '—';
  };
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('import.previewTitle')}
      </Title>
      <ScrollRegion label={t('import.previewTitle')} maxHeight={280}>
        <Table striped withTableBorder fz="sm" stickyHeader miw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.col.row')}</Table.Th>
              <Table.Th>{t('innovations.col.name')}</Table.Th>
              <Table.Th>{t('innovations.col.unit')}</Table.Th>
              <Table.Th>{t('field.tahapan')}</Table.Th>
              <Table.Th>{t('field.jenis')}</Table.Th>
              <Table.Th>{t('field.urusanUtama')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.row}>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.unitName}</Table.Td>
                <Table.Td>{label(TAHAPAN_LABELS, p.tahapan)}</Table.Td>
                <Table.Td>{label(JENIS_LABELS, p.jenis)}</Table.Td>
                <Table.Td>{p.urusanUtama ? urusanName(p.urusanUtama) : '—'}</Table.Td>
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

export function InnovationImport({
  regionCode,
  periods,
  periodId,
  onDone,
}: {
  regionCode: string;
  periods: Period[];
  periodId: string | null;
  onDone: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [targetPeriod, setTargetPeriod] = useState<string | null>(periodId);

  const check = useMutation({
    mutationFn: (input: { file: File; periodId: string }) => importInnovations(regionCode, input.periodId, input.file, true),
  });
  const run = useMutation({
    mutationFn: (input: { file: File; periodId: string }) => importInnovations(regionCode, input.periodId, input.file, false),
    onSuccess: async (report) => {
      notifications.show({ color: 'green', message: t('innovationImport.done', { created: report.created }) });
      await queryClient.invalidateQueries({ queryKey: innovationsKey(regionCode) });
      await queryClient.invalidateQueries({ queryKey: periodsKey(regionCode) });
      onDone();
    },
  });

  const recheck = (f: File | null, p: string | null) => {
    run.reset();
    if (f && p) check.mutate({ file: f, periodId: p });
    else check.reset();
  };

  const report = check.data;
  const failure = check.error ?? run.error;
  const canImport =
    file !== null && targetPeriod !== null && report !== undefined && report.errors.length === 0 && report.preview.length > 0 && !check.isPending;

  return (
    <Stack>
      <Text size="sm">{t('innovationImport.intro')}</Text>
      <PeriodSelect
        periods={periods}
        value={targetPeriod}
        onChange={(id) => {
          setTargetPeriod(id);
          recheck(file, id);
        }}
      />
      <FileInput
        label={t('import.file')}
        placeholder={t('import.filePlaceholder')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        clearable
        value={file}
        data-autofocus
        onChange={(f) => {
          setFile(f);
          recheck(f, targetPeriod);
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
              <Badge variant="light" color="green">
                {t('innovationImport.willCreate', { n: formatNumber(report.preview.length) })}
              </Badge>
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
        <Button onClick={() => file && targetPeriod && run.mutate({ file, periodId: targetPeriod })} disabled={!canImport} loading={run.isPending}>
          {t('import.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
