/**
 * A competition's entries: search, category and status filters, pages. During registration the
 * operator (or admin) enters one of the unit's innovations, seeing the engine's verdict for each in
 * the chosen category; during seleksi administrasi the admin marks each submitted entry lolos or
 * tidak lolos with a reason.
 */
import { Alert, Anchor, Badge, Button, Group, List, Modal, Paper, Radio, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ENTRY_STATUSES } from '#shared/api/competitions.ts';
import {
  type CompetitionDetail,
  candidatesQuery,
  competitionKey,
  createEntry,
  type EntrySummary,
  entryListQuery,
  screenEntry,
} from '../../api/kompetisi.api.ts';
import { DebouncedInput } from '../../components/debounced-input.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCompetitionScope } from './competition-scope.tsx';
import { ENTRY_STATUS_COLORS, entryStatusLabel } from './kompetisi-labels.ts';

export function EntriesPanel({ competition: c, regionCode }: { competition: CompetitionDetail; regionCode: string }) {
  const { t } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [params, setParams] = useState({ page: 1, q: '', category: '', status: '' });
  const list = useQuery(entryListQuery(regionCode, c.id, params));
  const [entering, setEntering] = useState(false);
  const [screening, setScreening] = useState<EntrySummary | null>(null);
  const categoryName = (code: string) => c.categories.find((x) => x.code === code)?.name ?? code;
  const { basePath } = useCompetitionScope();
  // A national competition's entries come from several regions: the region goes beside the unit.
  const unitText = (e: EntrySummary) => (c.scope === 'national' ? `${e.unitName} · ${e.regionName}` : e.unitName);
  const canEnter = c.abilities.enter && c.currentStage === 'pendaftaran';
  const canScreen = c.abilities.manage && c.currentStage === 'seleksi_administrasi';
  const enterButton = canEnter ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEntering(true)}>
      {t('kompetisi.entries.enter')}
    </Button>
  ) : undefined;
  const items = list.data?.items ?? [];
  const filtered = params.q !== '' || params.category !== '' || params.status !== '';

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-end" mb="md" gap="sm">
        <Group gap="sm" align="flex-end">
          <DebouncedInput label={t('kompetisi.entries.search')} value={params.q} onCommit={(q) => setParams({ ...params, q, page: 1 })} w={260} />
          <Select
            label={t('kompetisi.entries.col.category')}
            data={[{ value: '', label: t('kompetisi.entries.allCategories') }, ...c.categories.map((x) => ({ value: x.code, label: x.name }))]}
            value={params.category}
            onChange={(v) => setParams({ ...params, category: v ?? '', page: 1 })}
            allowDeselect={false}
            w={200}
          />
          <Select
            label={t('kompetisi.entries.col.status')}
            data={[
              { value: '', label: t('kompetisi.entries.allStatuses') },
              ...ENTRY_STATUSES.map((s) => ({ value: s, label: t(entryStatusLabel(s)) })),
            ]}
            value={params.status}
            onChange={(v) => setParams({ ...params, status: v ?? '', page: 1 })}
            allowDeselect={false}
            w={200}
          />
        </Group>
        {enterButton}
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : items.length === 0 ? (
        filtered ? (
          <ListEmpty kind="no-match" title={t('kompetisi.noMatch')} description={t('kompetisi.noMatchText')} />
        ) : (
          <ListEmpty kind="empty" title={t('kompetisi.entries.emptyTitle')} description={t('kompetisi.entries.emptyText')} actions={enterButton} />
        )
      ) : isMobile ? (
        <Stack gap="sm">
          {items.map((e) => (
            <Paper key={e.id} withBorder radius="sm" p="sm">
              <Anchor component={Link} to={`${basePath}/${c.id}/peserta/${e.id}`} fw={700}>
                {e.innovationName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {unitText(e)} · {categoryName(e.category)}
              </Text>
              <Group justify="space-between" mt={4}>
                <Badge color={ENTRY_STATUS_COLORS[e.status]} variant="light" radius="sm">
                  {t(entryStatusLabel(e.status))}
                </Badge>
                {canScreen && e.status !== 'draft' ? (
                  <Button size="xs" variant="light" onClick={() => setScreening(e)}>
                    {t('kompetisi.entries.screen')}
                  </Button>
                ) : null}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('kompetisi.entries.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('kompetisi.entries.col.innovation')}</Table.Th>
                <Table.Th>{t('kompetisi.entries.col.unit')}</Table.Th>
                <Table.Th>{t('kompetisi.entries.col.category')}</Table.Th>
                <Table.Th>{t('kompetisi.entries.col.status')}</Table.Th>
                {canScreen ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${basePath}/${c.id}/peserta/${e.id}`} fw={600}>
                      {e.innovationName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{unitText(e)}</Table.Td>
                  <Table.Td>{categoryName(e.category)}</Table.Td>
                  <Table.Td>
                    <Badge color={ENTRY_STATUS_COLORS[e.status]} variant="light" radius="sm">
                      {t(entryStatusLabel(e.status))}
                    </Badge>
                    {e.screeningReason ? (
                      <Text size="xs" c="dimmed">
                        {e.screeningReason}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {canScreen ? (
                    <Table.Td>
                      {e.status !== 'draft' ? (
                        <Button size="xs" variant="light" onClick={() => setScreening(e)}>
                          {t('kompetisi.entries.screen')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total > list.data.pageSize ? (
        <TablePager
          page={params.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(page) => setParams({ ...params, page })}
          onPageSize={() => undefined}
        />
      ) : null}
      <Modal opened={entering} onClose={() => setEntering(false)} title={t('kompetisi.enter.title')} size="lg" fullScreen={isMobile}>
        {entering ? <EnterForm competition={c} regionCode={regionCode} /> : null}
      </Modal>
      <Modal
        opened={screening !== null}
        onClose={() => setScreening(null)}
        title={t('kompetisi.entries.screenTitle', { name: screening?.innovationName ?? '' })}
      >
        {screening ? <ScreenForm competition={c} regionCode={regionCode} entry={screening} onDone={() => setScreening(null)} /> : null}
      </Modal>
    </Paper>
  );
}

function EnterForm({ competition: c, regionCode }: { competition: CompetitionDetail; regionCode: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { basePath } = useCompetitionScope();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState(c.categories[0]?.code ?? '');
  const [innovationId, setInnovationId] = useState<string>('');
  const candidates = useQuery({ ...candidatesQuery(regionCode, c.id, category), enabled: category !== '' });
  const create = useMutation({
    mutationFn: () => createEntry(regionCode, c.id, { innovationId, category }),
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: competitionKey(regionCode, c.id) });
      void navigate(`${basePath}/${c.id}/peserta/${entry.id}`);
    },
  });
  const items = candidates.data?.items ?? [];
  return (
    <Stack>
      <Select
        label={t('kompetisi.enter.category')}
        data={c.categories.map((x) => ({ value: x.code, label: x.name }))}
        value={category}
        onChange={(v) => {
          setCategory(v ?? '');
          setInnovationId('');
        }}
        allowDeselect={false}
      />
      {candidates.isError ? <QueryError error={candidates.error} onRetry={() => void candidates.refetch()} /> : null}
      {candidates.isSuccess && items.length === 0 ? <Alert color="gray">{t('kompetisi.enter.none')}</Alert> : null}
      <Radio.Group label={t('kompetisi.enter.innovation')} value={innovationId} onChange={setInnovationId}>
        <Stack gap="sm" mt="xs">
          {items.map((i) => (
            <Paper key={i.id} withBorder p="sm" radius="sm">
              <Radio value={i.id} label={i.name} description={i.unitName} disabled={!i.eligible || i.alreadyEntered} />
              {i.alreadyEntered ? (
                <Text size="sm" c="dimmed" mt={4}>
                  {t('kompetisi.enter.entered')}
                </Text>
              ) : i.eligible ? (
                <Text size="sm" c="green.8" mt={4}>
                  {t('kompetisi.enter.eligible')}
                </Text>
              ) : (
                <>
                  <Text size="sm" c="red.8" mt={4}>
                    {t('kompetisi.enter.notEligible')}
                  </Text>
                  <List size="sm" c="red.8">
                    {i.failures.map((f) => (
                      <List.Item key={f.rule}>{f.message}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Paper>
          ))}
        </Stack>
      </Radio.Group>
      <FormErrorAlert error={create.error} unplaced={[]} />
      <Group justify="flex-end">
        <Button onClick={() => create.mutate()} disabled={innovationId === ''} loading={create.isPending}>
          {t('kompetisi.enter.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function ScreenForm({
  competition: c,
  regionCode,
  entry,
  onDone,
}: {
  competition: CompetitionDetail;
  regionCode: string;
  entry: EntrySummary;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<'lolos' | 'tidak_lolos'>(entry.status === 'tidak_lolos' ? 'tidak_lolos' : 'lolos');
  const [reason, setReason] = useState(entry.screeningReason ?? '');
  const save = useMutation({
    mutationFn: () => screenEntry(regionCode, c.id, entry.id, { decision, reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: competitionKey(regionCode, c.id) });
      onDone();
    },
  });
  return (
    <Stack>
      <Radio.Group value={decision} onChange={(v) => setDecision(v as 'lolos' | 'tidak_lolos')}>
        <Group>
          <Radio value="lolos" label={t('kompetisi.entries.pass')} />
          <Radio value="tidak_lolos" label={t('kompetisi.entries.fail')} />
        </Group>
      </Radio.Group>
      <Textarea
        label={t('kompetisi.entries.reason')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <FormErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('kompetisi.entries.save')}
        </Button>
      </Group>
    </Stack>
  );
}
