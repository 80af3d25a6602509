/**
 * XLSX import of the RPJMD cascade in two steps: choosing a file runs a dry run at once, whose report
 * lists every row's problems (or what would be added and changed); "Impor" writes only when there are
 * none, so a half-corrected sheet never leaves half of the cascade behind.
 */
import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/http.ts';
import { importRpjmd, type RpjmdImportReport, rpjmdTemplateUrl } from '../../api/rpjmd.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { ImportErrors } from '../../components/import-errors.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function RpjmdImport({
  regionCode,
  rpjmdId,
  onImported,
  onDone,
}: {
  regionCode: string;
  rpjmdId: string;
  onImported: (report: RpjmdImportReport) => Promise<void>;
  onDone: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (f: File) => importRpjmd(regionCode, rpjmdId, f, true) });
  const run = useMutation({
    mutationFn: (f: File) => importRpjmd(regionCode, rpjmdId, f, false),
    onSuccess: async (report) => {
      await onImported(report);
      onDone();
    },
  });
  const report = check.data;
  const rows = report ? report.created + report.updated : 0;
  const failure = check.error ?? run.error;
  const canImport = file !== null && report !== undefined && report.errors.length === 0 && rows > 0 && !check.isPending;

  return (
    <Stack>
      <Text size="sm">{t('rpjmd.import.intro')}</Text>
      <Anchor href={rpjmdTemplateUrl(regionCode)} download size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconDownload size={16} aria-hidden />
          {t('rpjmd.template')}
        </Group>
      </Anchor>
      <FileInput
        label={t('import.file')}
        placeholder={t('import.filePlaceholder')}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        clearable
        clearButtonProps={{ 'aria-label': t('rpjmd.import.clearFile') }}
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
          {report.errors.length > 0 ? (
            <ImportErrors errors={report.errors} />
          ) : rows === 0 ? (
            <Alert color="yellow" variant="light">
              {t('import.empty')}
            </Alert>
          ) : (
            <>
              <Group gap="xs">
                <Badge variant="light" color="green">
                  {t('rpjmd.import.willCreate', { n: formatNumber(report.created) })}
                </Badge>
                <Badge variant="light" color="blue">
                  {t('rpjmd.import.willUpdate', { n: formatNumber(report.updated) })}
                </Badge>
              </Group>
              <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
                {t('rpjmd.import.noErrors')}
              </Alert>
            </>
          )}
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
