/**
 * A secret (an API token, an Open311 key) shown the one time it exists in clear: a warning, the value
 * selected on focus, a copy button and a "done" button. Only its hash is stored, so the caller keeps the
 * surrounding dialog from closing on a stray click while this is shown.
 */
import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

export interface SecretOnceTexts {
  warningTitle: string;
  warning: string;
  label: string;
  copy: string;
  copied: string;
  done: string;
}

export function SecretOnce({ secret, texts, onClose }: { secret: string; texts: SecretOnceTexts; onClose: () => void }) {
  return (
    <Stack>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={texts.warningTitle}>
        {texts.warning}
      </Alert>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput
          label={texts.label}
          value={secret}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: 1, minWidth: 0 }}
          data-autofocus
        />
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              color={copied ? 'green' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? texts.copied : texts.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {texts.done}
        </Button>
      </Group>
    </Stack>
  );
}
