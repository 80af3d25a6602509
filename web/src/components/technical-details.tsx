import { Box, Collapse, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { technicalDetailsOf } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The error code, HTTP status and request id of a failed request, folded under "Detail teknis": the
 * person reading the message does not need them, the admin or support they call does.
 */
export function TechnicalDetails({ error }: { error: unknown }) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  const details = technicalDetailsOf(error);
  if (!details) return null;
  return (
    <Box mt="xs">
      <UnstyledButton
        onClick={() => setOpen((open) => !open)}
        aria-expanded={isOpen}
        aria-controls={id}
        fz="xs"
        c="dimmed"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconChevronDown size={14} aria-hidden style={{ transform: isOpen ? undefined : 'rotate(-90deg)', transition: 'transform 150ms' }} />
        {t('error.technicalDetails')}
      </UnstyledButton>
      <Collapse expanded={isOpen} id={id}>
        <Stack gap={2} pt={4}>
          <Text size="xs" c="dimmed">
            {t('error.technicalHint')}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {t('error.code', { code: details.code })}
          </Text>
          {details.status > 0 ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {t('error.status', { status: details.status })}
            </Text>
          ) : null}
          {details.requestId ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {t('common.requestId', { id: details.requestId })}
            </Text>
          ) : null}
        </Stack>
      </Collapse>
    </Box>
  );
}
