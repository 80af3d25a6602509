/**
 * The region's API tokens for command-centre screens: who may read the dashboard without an account.
 * A new token is shown once, right after it is made, with a copy button and a warning; afterwards only
 * its first characters name it (as the server's log does). Revoking stops it at its next request.
 */
import { ActionIcon, Badge, Button, Code, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconKeyOff, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TOKEN_SCOPES, type TokenScope } from '#domain/access/api-tokens.ts';
import {
  type ApiToken,
  type ApiTokenCreated,
  apiTokensKey,
  apiTokensQueryOptions,
  createApiToken,
  revokeApiToken,
} from '../../api/api-tokens.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SecretOnce } from '../../components/secret-once.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';

const scopeLabel = (scope: string): MessageKey =>
  TOKEN_SCOPES.includes(scope as TokenScope) ? (`apiTokens.scope.${scope}` as MessageKey) : 'apiTokens.scope';

/** Validity choices, in days; empty means until revoked. */
const VALIDITY_DAYS = ['', '30', '90', '180', '365'] as const;

function CreateToken({ regionCode, onCreated, onCancel }: { regionCode: string; onCreated: (c: ApiTokenCreated) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [validity, setValidity] = useState<string>('365');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createApiToken(regionCode, { name, scopes: ['dashboard.read'], validDays: validity === '' ? null : Number(validity) }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: apiTokensKey(regionCode) });
      onCreated(created);
    },
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) {
          setError(t('apiTokens.nameRequired'));
          return;
        }
        create.mutate();
      }}
    >
      <Stack>
        <FormErrorAlert error={create.error} />
        <TextInput
          label={t('apiTokens.name')}
          description={t('apiTokens.nameHint')}
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
        <TextInput label={t('apiTokens.scope')} description={t('apiTokens.scopeHint')} value={t('apiTokens.scope.dashboard.read')} readOnly />
        <Select
          label={t('apiTokens.validity')}
          allowDeselect={false}
          value={validity}
          onChange={(v) => setValidity(v ?? '')}
          data={VALIDITY_DAYS.map((d) => ({
            value: d,
            label: d === '' ? t('apiTokens.validity.none') : d === '365' ? t('apiTokens.validity.year') : t('apiTokens.validity.days', { days: d }),
          }))}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} leftSection={<IconKey size={16} aria-hidden />}>
            {t('apiTokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShowTokenOnce({ created, onClose }: { created: ApiTokenCreated; onClose: () => void }) {
  const { t } = useI18n();
  const texts = {
    warningTitle: t('apiTokens.onceTitle'),
    warning: t('apiTokens.onceText', { name: created.name }),
    label: t('apiTokens.tokenLabel'),
    copy: t('apiTokens.copy'),
    copied: t('apiTokens.copied'),
    done: t('apiTokens.done'),
  };
  return <SecretOnce secret={created.token} texts={texts} onClose={onClose} />;
}

const STATUS_COLOR = { active: 'green', expired: 'orange', revoked: 'gray' } as const;

function StatusBadge({ token }: { token: ApiToken }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={STATUS_COLOR[token.status]} variant="light" radius="sm">
        {t(`apiTokens.status.${token.status}`)}
      </Badge>
      {token.revokedAt ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(token.revokedAt)}
        </Text>
      ) : null}
    </Stack>
  );
}

function RevokeButton({ token, onRevoke }: { token: ApiToken; onRevoke: (token: ApiToken) => void }) {
  const { t } = useI18n();
  if (token.status === 'revoked') return null;
  return (
    <Tooltip label={t('apiTokens.revoke')}>
      <ActionIcon variant="subtle" color="red" aria-label={t('apiTokens.revokeLabel', { name: token.name })} onClick={() => onRevoke(token)}>
        <IconKeyOff size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/** On a phone, one card per token: the table's seven columns do not fit beside each other. */
function TokenCards({ items, onRevoke }: { items: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('apiTokens.listTitle')}>
      {items.map((token) => (
        <Paper key={token.id} withBorder radius="sm" p="sm" component="li">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {token.name}
              </Text>
              <Code style={{ alignSelf: 'flex-start' }}>{token.prefix}…</Code>
            </Stack>
            <RevokeButton token={token} onRevoke={onRevoke} />
          </Group>
          <Group gap="xs" mt="xs">
            <StatusBadge token={token} />
            {token.scopes.map((s) => (
              <Badge key={s} variant="outline" radius="sm">
                {t(scopeLabel(s))}
              </Badge>
            ))}
          </Group>
          <Stack gap={0} mt="xs">
            <Text size="xs">
              {t('apiTokens.createdAt')}: {formatDateTime(token.createdAt)}
              {token.createdByName ? ` ${t('apiTokens.createdBy', { name: token.createdByName })}` : ''}
            </Text>
            <Text size="xs">
              {t('apiTokens.lastUsed')}: {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}
            </Text>
            <Text size="xs">
              {t('apiTokens.expires')}: {token.expiresAt ? formatDateTime(token.expiresAt) : t('apiTokens.noExpiry')}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function ApiTokensPanel({ regionCode }: { regionCode: string }) {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const query = useQuery(apiTokensQueryOptions(regionCode));
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  const [isRevokeOpen, setRevokeOpen] = useState(false);
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeApiToken(regionCode, token.id),
    onSuccess: async (_r, token) => {
      notifications.show({ color: 'green', message: t('apiTokens.revoked', { name: token.name }) });
      setRevokeOpen(false);
      await queryClient.invalidateQueries({ queryKey: apiTokensKey(regionCode) });
    },
  });
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const items = query.data?.items ?? [];
  const askRevoke = (token: ApiToken) => {
    revoke.reset();
    setToRevoke(token);
    setRevokeOpen(true);
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4">
          {t('apiTokens.listTitle')}
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => {
            setCreated(null);
            setCreateOpen(true);
          }}
        >
          {t('apiTokens.create')}
        </Button>
      </Group>
      <Stack gap={4} mb="md">
        <Text size="sm" fw={500}>
          {t('apiTokens.usage')}
        </Text>
        <Text size="sm">{t('apiTokens.usageText')}</Text>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {`curl -H "Authorization: Bearer snrg_…" \\\n  "${origin}/api/v1/regions/${regionCode}/dashboard?year=${new Date().getFullYear()}"`}
        </Code>
      </Stack>

      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('apiTokens.empty')}
        </Text>
      ) : isMobile ? (
        <TokenCards items={items} onRevoke={askRevoke} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label={t('apiTokens.listTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiTokens.name')}</Table.Th>
                <Table.Th>{t('apiTokens.scope')}</Table.Th>
                <Table.Th>{t('apiTokens.createdAt')}</Table.Th>
                <Table.Th>{t('apiTokens.lastUsed')}</Table.Th>
                <Table.Th>{t('apiTokens.expires')}</Table.Th>
                <Table.Th>{t('apiTokens.state')}</Table.Th>
                <Table.Th ta="end">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {token.name}
                    </Text>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {token.scopes.map((s) => (
                        <Badge key={s} variant="outline" radius="sm">
                          {t(scopeLabel(s))}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(token.createdAt)}</Text>
                    {token.createdByName ? (
                      <Text size="xs" c="dimmed" lineClamp={1} title={token.createdByName}>
                        {t('apiTokens.createdBy', { name: token.createdByName })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}</Table.Td>
                  <Table.Td>{token.expiresAt ? formatDateTime(token.expiresAt) : t('apiTokens.noExpiry')}</Table.Td>
                  <Table.Td>
                    <StatusBadge token={token} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <RevokeButton token={token} onRevoke={askRevoke} />
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
        title={created ? t('apiTokens.createdTitle') : t('apiTokens.createTitle')}
        size="lg"
        fullScreen={isMobile}
        // The token is shown only here: closing by a stray click outside would lose it.
        closeOnClickOutside={created === null}
      >
        {created ? (
          <ShowTokenOnce created={created} onClose={() => setCreateOpen(false)} />
        ) : (
          <CreateToken regionCode={regionCode} onCreated={setCreated} onCancel={() => setCreateOpen(false)} />
        )}
      </Modal>

      <ConfirmDialog
        opened={isRevokeOpen}
        title={t('apiTokens.revokeTitle')}
        message={toRevoke ? t('apiTokens.revokeText', { name: toRevoke.name }) : ''}
        confirmLabel={t('apiTokens.revoke')}
        isPending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke)}
        onClose={() => setRevokeOpen(false)}
      />
    </Paper>
  );
}
