import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fieldOf } from './form-issues.ts';
import { IssueList } from './form-error-alert.tsx';
import { TechnicalDetails } from './technical-details.tsx';
import { useErrorText } from './use-error-text.ts';

/**
 * A failed load: what went wrong, in the user's language, with the reasons the server gave, and a way
 * to try again. The code and request id are folded under "Detail teknis", for whoever helps.
 */
export function QueryError({ error, onRetry, fullPage = false }: { error: unknown; onRetry?: () => void; fullPage?: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const issues = isApiError(error) ? error.issues.map((issue) => ({ field: fieldOf(issue), reason: issue.reason })) : [];
  const alert = (
    <Alert color="red" variant="light" title={t('error.loadTitle')} icon={<IconAlertTriangle aria-hidden />} role="alert" maw={640}>
      <Stack gap="xs" align="flex-start">
        <div>
          <Text size="sm">{errorText(error)}</Text>
          {issues.length > 0 ? <IssueList issues={issues} /> : null}
          <TechnicalDetails error={error} />
        </div>
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
