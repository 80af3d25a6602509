import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from './use-error-text.ts';

/** A failed load: what went wrong, in the user's language, and a way to try again. */
export function QueryError({ error, onRetry, fullPage = false }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const alert = (
    <Alert color="red" variant="light" title={t('error.loadTitle')} icon={<IconAlertTriangle aria-hidden />} role="alert" maw={640}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorText(error)}</Text>
        {isApiError(error) && error.requestId ? (
          <Text size="xs" c="dimmed">
            {t('common.requestId', { id: error.requestId })}
          </Text>
        ) : null}
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
  return fullPage ? (
    <Center h="100dvh" p="md">
      {alert}
    </Center>
  ) : (
    alert
  );
}
