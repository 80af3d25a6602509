import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from './use-error-text.ts';

/**
 * The part of a failed submission that is not about one of the form's own fields: the general
 * message, plus any issue the form could not place next to a field.
 */
export function FormErrorAlert({ error, unplaced = [] }: { error: unknown; unplaced?: FieldIssue[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      <Text size="sm">{errorText(error)}</Text>
      {unplaced.length > 0 ? (
        <List size="sm" mt="xs">
          {unplaced.map((issue) => (
            <List.Item key={`${issue.field}:${issue.reason}`}>
              {issue.field ? `${issue.field}: ` : ''}
              {issue.reason}
            </List.Item>
          ))}
        </List>
      ) : null}
      {isApiError(error) && error.requestId ? (
        <Text size="xs" c="dimmed" mt="xs">
          {t('common.requestId', { id: error.requestId })}
        </Text>
      ) : null}
    </Alert>
  );
}
