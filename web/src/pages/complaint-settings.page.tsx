/**
 * Pengaturan pengaduan (region admins): the complaint categories citizens choose from, each routed to
 * the responsible unit with its SLA, and the API keys of Open311 clients with a short guide.
 */
import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { type ComplaintCategory, complaintCategoriesQueryOptions } from '../api/complaints.api.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { TableSkeleton } from '../components/table-skeleton.tsx';
import { CategoryForm } from '../features/complaints/category-form.tsx';
import { Open311Clients } from '../features/complaints/open311-clients.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

type Dialog = { category: ComplaintCategory | null } | null;

function Categories({ regionCode }: { regionCode: string }) {
  const { t, formatNumber } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const query = useQuery(complaintCategoriesQueryOptions(regionCode));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [isOpen, setOpen] = useState(false);
  const open = (category: ComplaintCategory | null) => {
    setDialog({ category });
    setOpen(true);
  };
  const stateBadge = (c: ComplaintCategory) =>
    c.isActive ? (
      <Badge color="green" variant="light" radius="sm">
        {t('complaints.category.activeState')}
      </Badge>
    ) : (
      <Badge color="gray" variant="light" radius="sm">
        {t('complaints.category.inactiveState')}
      </Badge>
    );
  const editButton = (c: ComplaintCategory) => (
    <Tooltip label={t('common.edit')}>
      <ActionIcon variant="subtle" aria-label={t('complaints.category.editLabel', { name: c.name })} onClick={() => open(c)}>
        <IconPencil size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
  // Grouped as citizens see them on the form; within a group by name.
  const items = [...(query.data?.items ?? [])].sort((a, b) => a.groupName.localeCompare(b.groupName) || a.name.localeCompare(b.name));

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h4">
          {t('complaints.category.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
          {t('complaints.category.add')}
        </Button>
      </Group>
      <Text size="sm" mb="md">
        {t('complaints.category.intro')}
      </Text>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton />
      ) : items.length === 0 ? (
        <ListEmpty kind="empty" title={t('complaints.category.empty.title')} description={t('complaints.category.empty.text')} />
      ) : isMobile ? (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('complaints.category.title')}>
          {items.map((c) => (
            <Paper key={c.id} withBorder radius="md" p="sm" component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Text span ff="monospace" size="xs">
                      {c.code}
                    </Text>
                    {` · ${c.groupName}`}
                  </Text>
                </Stack>
                {editButton(c)}
              </Group>
              <Text size="xs" mt={4}>
                {c.unitName}
              </Text>
              <Group gap={6} mt={6}>
                <Text size="xs">{t('complaints.category.slaText', { n: formatNumber(c.slaDays) })}</Text>
                {stateBadge(c)}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="xs" aria-label={t('complaints.category.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('complaints.category.name')}</Table.Th>
                <Table.Th>{t('complaints.category.code')}</Table.Th>
                <Table.Th>{t('complaints.category.group')}</Table.Th>
                <Table.Th>{t('complaints.category.unit')}</Table.Th>
                <Table.Th ta="end">{t('complaints.category.slaShort')}</Table.Th>
                <Table.Th>{t('complaints.category.state')}</Table.Th>
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
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {c.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.groupName}</Table.Td>
                  <Table.Td>{c.unitName}</Table.Td>
                  <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                    {t('complaints.category.slaDays', { n: formatNumber(c.slaDays) })}
                  </Table.Td>
                  <Table.Td>{stateBadge(c)}</Table.Td>
                  <Table.Td ta="end">{editButton(c)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={isOpen}
        onClose={() => setOpen(false)}
        title={dialog?.category ? t('complaints.category.editTitle') : t('complaints.category.createTitle')}
        size="lg"
        fullScreen={isMobile}
      >
        {dialog ? (
          <CategoryForm key={dialog.category?.id ?? 'new'} regionCode={regionCode} category={dialog.category} onDone={() => setOpen(false)} />
        ) : null}
      </Modal>
    </Paper>
  );
}

export function ComplaintSettingsPage() {
  const { t } = useI18n();
  const { regionCode, region, can } = useRegion();
  if (!can('complaints.manage')) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('complaints.settings.title')} description={t('complaints.settings.description', { region: region?.name ?? regionCode })} />
      <Stack gap="md">
        <Categories regionCode={regionCode} />
        <Open311Clients regionCode={regionCode} />
      </Stack>
    </>
  );
}
