/**
 * The third-party apps that may file complaints through Open311 (a city app, a command centre): their
 * API keys. A new key is shown once, right after it is made, with a copy button; only its first
 * characters are kept to recognise it later. Revoking a key stops it at once.
 */
import { ActionIcon, Badge, Button, Code, Group, Modal, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconKeyOff, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  createOpen311Client,
  type Open311Client,
  type Open311ClientCreated,
  open311ClientsKey,
  open311ClientsQueryOptions,
  revokeOpen311Client,
} from '../../api/complaints.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SecretOnce } from '../../components/secret-once.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

function CreateKey({ regionCode, onCreated, onCancel }: { regionCode: string; onCreated: (c: Open311ClientCreated) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createOpen311Client(regionCode, name),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: open311ClientsKey(regionCode) });
      onCreated(created);
    },
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) {
          setError(t('complaints.open311.nameRequired'));
          return;
        }
        create.mutate();
      }}
    >
      <Stack>
        <FormErrorAlert error={create.error} />
        <TextInput
          label={t('complaints.open311.name')}
          description={t('complaints.open311.nameHint')}
          withAsterisk
          maxLength={120}
          value={name}
          error={error}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} aria-hidden />}>
            {t('complaints.open311.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShowKeyOnce({ created, onClose }: { created: Open311ClientCreated; onClose: () => void }) {
  const { t } = useI18n();
  const texts = {
    warningTitle: t('complaints.open311.onceTitle'),
    warning: t('complaints.open311.onceText', { name: created.name }),
    label: t('complaints.open311.keyLabel'),
    copy: t('complaints.open311.copy'),
    copied: t('complaints.open311.copied'),
    done: t('complaints.open311.done'),
  };
  return <SecretOnce secret={created.key} texts={texts} onClose={onClose} />;
}

export function Open311Clients({ regionCode }: { regionCode: string }) {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const query = useQuery(open311ClientsQueryOptions(regionCode));
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<Open311ClientCreated | null>(null);
  const [toRevoke, setToRevoke] = useState<Open311Client | null>(null);
  const [isRevokeOpen, setRevokeOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: (c: Open311Client) => revokeOpen311Client(regionCode, c.id),
    onSuccess: async (_r, c) => {
      notifications.show({ color: 'green', message: t('complaints.open311.revoked', { name: c.name }) });
      setRevokeOpen(false);
      await queryClient.invalidateQueries({ queryKey: open311ClientsKey(regionCode) });
    },
  });
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const items = query.data?.items ?? [];

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4">
          {t('complaints.open311.title')}
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            setCreated(null);
            setCreateOpen(true);
          }}
        >
          {t('complaints.open311.create')}
        </Button>
      </Group>
      <Text size="sm" mb="xs">
        {t('complaints.open311.help')}
      </Text>
      <Stack gap={4} mb="md">
        <Text size="sm">
          {t('complaints.open311.baseUrl')} <Code>{`${origin}/open311/v2`}</Code>
        </Text>
        <Text size="sm">
          {t('complaints.open311.jurisdiction')} <Code>{regionCode}</Code>
        </Text>
        <Text size="sm">
          {t('complaints.open311.example')} <Code>{`GET /open311/v2/services.json?jurisdiction_id=${regionCode}`}</Code>
        </Text>
        <Text size="xs" c="dimmed">
          {t('complaints.open311.postHint')}
        </Text>
      </Stack>

      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('complaints.open311.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" aria-label={t('complaints.open311.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaints.open311.name')}</Table.Th>
                <Table.Th>{t('complaints.open311.prefix')}</Table.Th>
                <Table.Th>{t('complaints.open311.createdAt')}</Table.Th>
                <Table.Th>{t('complaints.open311.state')}</Table.Th>
                <Table.Th ta="end">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{c.keyPrefix}…</Code>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.createdAt)}</Table.Td>
                  <Table.Td>
                    {c.revokedAt ? (
                      <Badge color="gray" variant="light" radius="sm">
                        {t('complaints.open311.revokedAt', { date: formatDateTime(c.revokedAt) })}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light" radius="sm">
                        {t('complaints.open311.activeState')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="end">
                    {c.revokedAt ? null : (
                      <Tooltip label={t('complaints.open311.revoke')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('complaints.open311.revokeLabel', { name: c.name })}
                          onClick={() => {
                            revoke.reset();
                            setToRevoke(c);
                            setRevokeOpen(true);
                          }}
                        >
                          <IconKeyOff size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={isCreateOpen}
        onClose={() => setCreateOpen(false)}
        title={created ? t('complaints.open311.createdTitle') : t('complaints.open311.createTitle')}
        size="lg"
        fullScreen={isMobile}
        // The key is shown only here: closing by a stray click outside would lose it.
        closeOnClickOutside={created === null}
      >
        {created ? (
          <ShowKeyOnce created={created} onClose={() => setCreateOpen(false)} />
        ) : (
          <CreateKey regionCode={regionCode} onCreated={setCreated} onCancel={() => setCreateOpen(false)} />
        )}
      </Modal>

      <ConfirmDialog
        opened={isRevokeOpen}
        title={t('complaints.open311.revokeTitle')}
        message={toRevoke ? t('complaints.open311.revokeText', { name: toRevoke.name }) : ''}
        confirmLabel={t('complaints.open311.revoke')}
        isPending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke)}
        onClose={() => setRevokeOpen(false)}
      />
    </Paper>
  );
}
