/**
 * The framework versions a region may assess with (for those who may upload): the shipped ones and
 * those the region loaded, and the upload of a new version as a JSON framework file. The server checks
 * the file against the framework schema and answers every problem by its path in the file
 * (`root.children.0.weight`), listed here so the author can fix the file.
 */
import { Alert, Badge, Button, FileButton, Group, List, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { type FrameworkVersion, frameworkVersionsKey, uploadFrameworkVersion } from '../../api/assessments.api.ts';
import { isApiError } from '../../api/http.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

class FileProblem extends Error {}

async function readFrameworkFile(file: File, t: (key: 'frameworks.notJson' | 'frameworks.tooLarge') => string): Promise<Record<string, unknown>> {
  if (file.size > MAX_FILE_BYTES) throw new FileProblem(t('frameworks.tooLarge'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new FileProblem(t('frameworks.notJson'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new FileProblem(t('frameworks.notJson'));
  return parsed as Record<string, unknown>;
}

export function FrameworkVersionsPanel({ regionCode, versions }: { regionCode: string; versions: FrameworkVersion[] }) {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      setFileName(file.name);
      return uploadFrameworkVersion(regionCode, await readFrameworkFile(file, t));
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('frameworks.uploadedDone', { name: fileName ?? '' }) });
      await queryClient.invalidateQueries({ queryKey: frameworkVersionsKey(regionCode) });
    },
  });
  const issues = isApiError(upload.error, 'VALIDATION_FAILED') ? upload.error.issues : [];

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Group justify="space-between" gap="sm" mb="sm" align="flex-start">
        <div>
          <Title order={2} size="h4">
            {t('frameworks.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('frameworks.text')}
          </Text>
        </div>
        <FileButton accept="application/json,.json" onChange={(file) => file && upload.mutate(file)}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} loading={upload.isPending}>
              {t('frameworks.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      {upload.error instanceof FileProblem ? (
        <Alert color="red" variant="light" role="alert" mb="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => upload.reset()}>
          {upload.error.message}
        </Alert>
      ) : issues.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          mb="sm"
          title={t('frameworks.invalid', { name: fileName ?? '', n: issues.length })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => upload.reset()}
        >
          <List size="sm" spacing={2}>
            {issues.map((issue) => (
              <List.Item key={`${issue.field}:${issue.reason}`}>
                <Text span ff="monospace" size="sm" fw={600}>
                  {issue.field || t('frameworks.fileRoot')}
                </Text>
                : {issue.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : upload.error ? (
        <FormErrorAlert error={upload.error} />
      ) : null}
      <ScrollRegion label={t('frameworks.title')} minWidth={640}>
        <Table verticalSpacing={6} striped aria-label={t('frameworks.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('frameworks.col.name')}</Table.Th>
              <Table.Th>{t('frameworks.col.id')}</Table.Th>
              <Table.Th>{t('frameworks.col.kind')}</Table.Th>
              <Table.Th>{t('frameworks.col.origin')}</Table.Th>
              <Table.Th>{t('frameworks.col.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {v.name}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" ff="monospace">
                    {v.frameworkId} v{v.version}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {v.inputKind === 'values'
                    ? t('frameworks.kind.values')
                    : v.inputKind === 'innovations'
                      ? t('frameworks.kind.innovations')
                      : t('frameworks.kind.other')}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={v.origin === 'upload' ? 'grape' : 'gray'}>
                    {v.origin === 'upload' ? t('frameworks.uploaded') : t('frameworks.shipped')}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Paper>
  );
}
