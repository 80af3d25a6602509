/**
 * An XLSX import in two steps, as every import in the product runs (services, applications, event
 * participants, the RPJMD cascade): choosing a file runs a dry run at once, whose report lists every
 * row's problems (or what would be added and changed); "Impor" writes only when there are none, so a
 * half-corrected sheet never leaves half of its rows behind.
 */
import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormErrorAlert } from './form-error-alert.tsx';
import { ImportErrors, type ImportRowError } from './import-errors.tsx';

/** What every import's dry run and run answer: each bad row's problems, and usually rows to add and to change. */
export interface XlsxImportReport {
  created?: number;
  updated?: number;
  errors: readonly ImportRowError[];
}

/** What a clean dry run says before "Impor": how many rows would be written, and how to say it. */
export interface XlsxImportSummary {
  rows: number;
  text: ReactNode;
}

export function XlsxImport<R extends XlsxImportReport>({
  intro,
  templateUrl,
  templateLabel,
  runImport,
  onImported,
  onDone,
  createdLabel,
  updatedLabel,
  summarise,
  notice,
  emptyText,
}: {
  /** Which sheet this takes and how rows are matched (by name and unit). */
  intro: string;
  templateUrl: string;
  templateLabel?: string;
  runImport: (file: File, dryRun: boolean) => Promise<R>;
  onImported: (report: R) => Promise<void>;
  onDone: () => void;
  /** How the rows counted as `created` are named ("5 butir baru"). */
  createdLabel?: (n: string) => string;
  /** How the rows counted as `updated` are named, when they are not updates (a participant list skips those registered). */
  updatedLabel?: (n: string) => string;
  /** The clean dry run's summary when the report does not count created and updated rows. */
  summarise?: (report: R) => XlsxImportSummary;
  /** A note beside the buttons (e.g. that the import replaces an earlier one). */
  notice?: ReactNode;
  /** What a clean dry run with no row to write says, when that has a reason of its own (rows left unfilled). */
  emptyText?: (report: R) => ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);

  const check = useMutation({ mutationFn: (f: File) => runImport(f, true) });
  const run = useMutation({
    mutationFn: (f: File) => runImport(f, false),
    onSuccess: async (report) => {
      await onImported(report);
      onDone();
    },
  });

  const report = check.data;
  const counted = (r: R): XlsxImportSummary => {
    const created = formatNumber(r.created ?? 0);
    const updated = formatNumber(r.updated ?? 0);
    return {
      rows: (r.created ?? 0) + (r.updated ?? 0),
      text: (
        <Group gap="xs">
          <Badge variant="light" color="green">
            {createdLabel ? createdLabel(created) : t('import.newRows', { n: created })}
          </Badge>
          <Badge variant="light" color="blue">
            {updatedLabel ? updatedLabel(updated) : t('import.updatedRows', { n: updated })}
          </Badge>
        </Group>
      ),
    };
  };
  const summary = report ? (summarise ?? counted)(report) : null;
  const rows = summary?.rows ?? 0;
  const failure = check.error ?? run.error;
  const canImport = file !== null && report !== undefined && report.errors.length === 0 && rows > 0 && !check.isPending;

  return (
    <Stack>
      <Text size="sm">{intro}</Text>
      <Group gap="xs">
        <Anchor href={templateUrl} download size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden />
            {templateLabel ?? t('import.templateDownload')}
          </Group>
        </Anchor>
      </Group>
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
          {report.errors.length > 0 ? (
            <ImportErrors errors={report.errors} />
          ) : rows === 0 ? (
            <Alert color="yellow" variant="light">
              {emptyText ? emptyText(report) : t('import.empty')}
            </Alert>
          ) : (
            <>
              {summary?.text}
              <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
                {t('import.allValid')}
              </Alert>
            </>
          )}
        </Stack>
      ) : null}
      {notice}
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
