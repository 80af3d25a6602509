import { Alert, Text } from '@mantine/core';
import { IconMessageExclamation } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18n.tsx';

/** A verifier's note on one field, shown right under it until the innovation is submitted again. */
export function ReviewNote({ note }: { note: string | undefined }) {
  const { t } = useI18n();
  if (!note) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      mt={6}
      role="note"
      icon={<IconMessageExclamation size={18} aria-hidden />}
      title={t('review.noteTitle')}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {note}
      </Text>
    </Alert>
  );
}
