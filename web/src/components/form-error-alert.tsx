import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { FieldIssue } from '#shared/errors.ts';
import { TechnicalDetails } from './technical-details.tsx';
import { useErrorText } from './use-error-text.ts';

/**
 * The part of a failed submission that is not about one of the form's own fields: what happened and
 * what to do (the catalog's message in the user's language), plus any issue the form could not place
 * next to a field. The code and request id are folded under "Detail teknis", for whoever helps.
 */
export function FormErrorAlert({ error, unplaced = [] }: { error: unknown; unplaced?: FieldIssue[] }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      <Text size="sm">{errorText(error)}</Text>
      {unplaced.length > 0 ? <IssueList issues={unplaced} /> : null}
      <TechnicalDetails error={error} />
    </Alert>
  );
}

export function IssueList({ issues }: { issues: FieldIssue[] }) {
  return (
    <List size="sm" mt="xs">
      {issues.map((issue) => (
        <List.Item key={`${issue.field}:${issue.reason}`}>
          {issue.field ? `${issue.field}: ` : ''}
          {issue.reason}
        </List.Item>
      ))}
    </List>
  );
}
