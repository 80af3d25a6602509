/**
 * Entering paper questionnaires: the operator downloads the period's sheet (one row per filled-in form:
 * the service, U1–U9 as 1–4, the respondent's profile, the suggestion), types the forms in, and
 * chooses the file. A dry run checks every row at once and says what is wrong where; "Simpan jawaban"
 * stores them only when no row is wrong, so half a stack of forms is never counted.
 */
import { Alert, Anchor, Badge, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../api/http.ts';
import { importSkmResponses, skmKey, skmTemplateUrl } from '../../api/skm.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { ImportErrors } from '../../components/import-errors.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function PaperImport({ regionCode, periodId, onDone }: { regionCode: string; periodId: string; onDone: () => void }) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);

  const check = useMutation({ mutationFn: (f: File) => importSkmResponses(regionCode, periodId, f, true) });
  const run = useMutation({
    mutationFn: (f: File) => importSkmResponses(regionCode, periodId, f, false),
    onSuccess: async (report) => {
      notifications.show({ color: 'green', message: t('skm.paper.done', { n: formatNumber(report.created) }) });
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
      onDone();
    },
  });

  const report = check.data;
  const failure = check.error ?? run.error;
  const canImport = file !== null && report !== undefined && report.errors.length === 0 && report.created > 0 && !check.isPending;

  return (
    <Stack>
      <Text size="sm">{t('skm.paper.intro')}</Text>
      <Anchor href={skmTemplateUrl(regionCode, periodId)} download size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconDownload size={16} aria-hidden />
          {t('skm.paper.template')}
        </Group>
      </Anchor>
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
          ) : report.created === 0 ? (
            <Alert color="yellow" variant="light">
              {t('skm.paper.empty')}
            </Alert>
          ) : (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
              <Group gap="xs">
                <Text size="sm">{t('skm.paper.ready')}</Text>
                <Badge variant="light" color="green">
                  {t('skm.paper.willAdd', { n: formatNumber(report.created) })}
                </Badge>
              </Group>
            </Alert>
          )}
        </Stack>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => file && run.mutate(file)} disabled={!canImport} loading={run.isPending}>
          {t('skm.paper.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
