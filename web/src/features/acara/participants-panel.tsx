/**
 * The participants of an event: search, filters, sorting, pages; registering one (regional staff by
 * unit, or a guest from outside), importing a list from XLSX with a dry run, ticking attendance,
 * showing a participant's personal check-in QR, their certificate, and removing a registration (with
 * confirmation). Only whoever manages the event sees the controls that change it.
 */
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Image,
  Menu,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDots, IconPlus, IconQrcode, IconSearch, IconTrash, IconUpload } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import {
  certificateUrl,
  type EventDetail,
  eventKey,
  eventsKey,
  importParticipants,
  type Participant,
  participantListQueryOptions,
  participantQrUrl,
  participantTemplateUrl,
  registerParticipant,
  removeParticipant,
  setAttendance,
} from '../../api/events.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DebouncedInput } from '../../components/debounced-input.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { SortableTh } from '../../components/sortable-th.tsx';
import { TablePager } from '../../components/table-pager.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { XlsxImport } from '../../components/xlsx-import.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { formatWibDateTime } from './acara-labels.ts';

type Sort = 'name' | 'affiliation' | 'checkedInAt';

interface RegisterValues {
  kind: 'internal' | 'external';
  unitId: string | null;
  name: string;
  organisation: string;
  position: string;
  email: string;
  phone: string;
}

function RegisterForm({ regionCode, event, onDone }: { regionCode: string; event: EventDetail; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<RegisterValues>({
    initialValues: { kind: 'internal', unitId: null, name: '', organisation: '', position: '', email: '', phone: '' },
  });
  const save = useMutation({
    mutationFn: (v: RegisterValues) => {
      const common = { name: v.name, position: v.position.trim() || null, email: v.email.trim() || null, phone: v.phone.trim() || null };
      return registerParticipant(
        regionCode,
        event.id,
        v.kind === 'internal' ? { kind: 'internal', unitId: v.unitId, ...common } : { kind: 'external', organisation: v.organisation, ...common },
      );
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': t('common.close') },
        message: t('acara.participants.registered', { name: saved.name }),
      });
      await queryClient.invalidateQueries({ queryKey: eventsKey(regionCode) });
      form.setValues({ ...form.values, name: '', position: '', email: '', phone: '' });
      onDone();
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, ['unitId', 'name', 'organisation', 'position', 'email', 'phone'])),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        <Radio.Group label={t('acara.participants.form.kind')} {...form.getInputProps('kind')}>
          <Stack gap="xs" mt="xs">
            <Radio value="internal" label={t('acara.participants.form.internal')} />
            <Radio value="external" label={t('acara.participants.form.external')} />
          </Stack>
        </Radio.Group>
        <TextInput label={t('acara.participants.form.name')} withAsterisk maxLength={200} data-autofocus {...form.getInputProps('name')} />
        {form.values.kind === 'internal' ? (
          <UnitSelect
            regionCode={regionCode}
            label={t('acara.participants.form.unit')}
            withAsterisk
            value={form.values.unitId}
            error={form.errors.unitId}
            onChange={(unit) => form.setFieldValue('unitId', unit?.id ?? null)}
          />
        ) : (
          <TextInput label={t('acara.participants.form.organisation')} withAsterisk maxLength={200} {...form.getInputProps('organisation')} />
        )}
        <TextInput
          label={t('acara.participants.form.position')}
          description={t('acara.participants.form.optional')}
          maxLength={200}
          {...form.getInputProps('position')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('acara.participants.form.email')}
            description={t('acara.participants.form.optional')}
            type="email"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('acara.participants.form.phone')}
            description={t('acara.participants.form.optional')}
            type="tel"
            {...form.getInputProps('phone')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QrDialog({
  regionCode,
  event,
  participant,
  onClose,
}: {
  regionCode: string;
  event: EventDetail;
  participant: Participant | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const link = participant ? `${window.location.origin}${participant.checkinPath}` : '';
  return (
    <Modal opened={participant !== null} onClose={onClose} title={t('acara.participants.qrTitle')} centered>
      {participant ? (
        <Stack align="center" gap="sm">
          <Text fw={600}>{participant.name}</Text>
          <Image
            src={participantQrUrl(regionCode, event.id, participant.id)}
            alt={t('acara.participants.qr', { name: participant.name })}
            w={240}
            h={240}
          />
          <Text size="xl" fw={700} ff="monospace">
            {participant.code}
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('acara.participants.qrText', { name: participant.name })}
          </Text>
          <Anchor href={link} size="xs" style={{ wordBreak: 'break-all' }}>
            {link}
          </Anchor>
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('acara.participants.copied') : t('acara.participants.copyLink')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      ) : null}
    </Modal>
  );
}

export function ParticipantsPanel({ regionCode, event }: { regionCode: string; event: EventDetail }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<'internal' | 'external' | null>(null);
  const [attendance, setAttendanceFilter] = useState<'hadir' | 'belum' | null>(null);
  const [sort, setSort] = useState<Sort>('name');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [dialog, setDialog] = useState<'register' | 'import' | null>(null);
  const [qrOf, setQrOf] = useState<Participant | null>(null);
  const [toRemove, setToRemove] = useState<Participant | null>(null);
  const canManage = event.canManage;

  const query = useQuery({
    ...participantListQueryOptions(regionCode, event.id, {
      q: q.trim() || undefined,
      kind: kind ?? undefined,
      attendance: attendance ?? undefined,
      sort,
      order,
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKey(regionCode, event.id) });
  const tick = useMutation({
    mutationFn: ({ p, isPresent }: { p: Participant; isPresent: boolean }) => setAttendance(regionCode, event.id, p.id, isPresent),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (p: Participant) => removeParticipant(regionCode, event.id, p.id),
    onSuccess: async () => {
      setToRemove(null);
      await queryClient.invalidateQueries({ queryKey: eventsKey(regionCode) });
    },
  });
  const toggleSort = (column: Sort) => {
    if (column === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setOrder('asc');
    }
  };
  const items = query.data?.items ?? [];
  const hasFilters = Boolean(q.trim() || kind || attendance);
  const affiliationOf = (p: Participant) => p.unitName ?? p.organisation ?? '';
  const attendedText = (p: Participant) =>
    p.checkedInAt
      ? `${t('acara.participants.checkedInAt', { time: formatWibDateTime(p.checkedInAt, language) })}${p.checkedInVia ? ` · ${t(`acara.participants.via.${p.checkedInVia}`)}` : ''}`
      : null;

  const actionsOf = (p: Participant) => (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('acara.participants.actions', { name: p.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {canManage ? (
          <Menu.Item leftSection={<IconQrcode size={16} aria-hidden />} onClick={() => setQrOf(p)}>
            {t('acara.participants.qrTitle')}
          </Menu.Item>
        ) : null}
        {p.checkedInAt ? (
          <Menu.Item component="a" href={certificateUrl(regionCode, event.id, p.id)} download leftSection={<IconCertificate size={16} aria-hidden />}>
            {t('acara.participants.certificate')}
          </Menu.Item>
        ) : null}
        {canManage ? (
          <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setToRemove(p)}>
            {t('acara.participants.remove', { name: p.name })}
          </Menu.Item>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
  const attendanceBox = (p: Participant) =>
    canManage ? (
      <Checkbox
        checked={p.checkedInAt !== null}
        aria-label={t('acara.participants.present', { name: p.name })}
        onChange={(e) => tick.mutate({ p, isPresent: e.currentTarget.checked })}
      />
    ) : p.checkedInAt ? (
      <Badge color="green" variant="light" size="sm">
        {t('acara.participants.hadir')}
      </Badge>
    ) : null;

  return (
    <Stack>
      <Group gap="sm" align="flex-end">
        <DebouncedInput
          label={t('acara.participants.search')}
          placeholder={t('acara.participants.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onCommit={(v) => {
            setQ(v);
            setPage(1);
          }}
          type="search"
          style={{ flex: '1 1 220px' }}
        />
        <Select
          label={t('acara.participants.kindFilter')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'internal', label: t('acara.participants.kind.internal') },
            { value: 'external', label: t('acara.participants.kind.external') },
          ]}
          value={kind}
          onChange={(v) => {
            setKind(v === 'internal' || v === 'external' ? v : null);
            setPage(1);
          }}
          style={{ flex: '0 1 160px' }}
        />
        <Select
          label={t('acara.participants.attendanceFilter')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'hadir', label: t('acara.participants.hadir') },
            { value: 'belum', label: t('acara.participants.belum') },
          ]}
          value={attendance}
          onChange={(v) => {
            setAttendanceFilter(v === 'hadir' || v === 'belum' ? v : null);
            setPage(1);
          }}
          style={{ flex: '0 1 160px' }}
        />
        {canManage ? (
          <Group gap="sm" ml="auto">
            <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setDialog('import')}>
              {t('acara.participants.import')}
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('register')}>
              {t('acara.participants.add')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <FormErrorAlert error={tick.error} />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton />
      ) : items.length === 0 ? (
        hasFilters ? (
          <ListEmpty kind="no-match" title={t('list.noMatch.title')} description={t('list.noMatch.text')} />
        ) : (
          <ListEmpty kind="empty" title={t('acara.participants.empty.title')} description={t('acara.participants.empty.text')} />
        )
      ) : (
        <>
          {isMobile ? (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('acara.tab.participants')}>
              {items.map((p) => (
                <Group
                  key={p.id}
                  component="li"
                  wrap="nowrap"
                  align="flex-start"
                  gap="sm"
                  p="xs"
                  style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
                >
                  <div style={{ paddingTop: 2 }}>{attendanceBox(p)}</div>
                  <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {affiliationOf(p)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.code}
                    </Text>
                    {attendedText(p) ? (
                      <Text size="xs" c="teal.9">
                        {attendedText(p)}
                      </Text>
                    ) : null}
                  </Stack>
                  {actionsOf(p)}
                </Group>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('acara.tab.participants')} aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={70}>{t('acara.participants.col.attendance')}</Table.Th>
                    <SortableTh column="name" label={t('acara.participants.col.name')} sort={sort} order={order} onSort={toggleSort} />
                    <SortableTh column="affiliation" label={t('acara.participants.col.affiliation')} sort={sort} order={order} onSort={toggleSort} />
                    <Table.Th>{t('acara.participants.col.code')}</Table.Th>
                    <SortableTh column="checkedInAt" label={t('acara.participants.col.checkedInAt')} sort={sort} order={order} onSort={toggleSort} />
                    <Table.Th ta="end">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{attendanceBox(p)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {p.name}
                        </Text>
                        {p.position ? (
                          <Text size="xs" c="dimmed">
                            {p.position}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{affiliationOf(p)}</Text>
                        <Text size="xs" c="dimmed">
                          {t(`acara.participants.kind.${p.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td ff="monospace">{p.code}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{attendedText(p) ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td ta="end">{actionsOf(p)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <TablePager
            page={page}
            pageSize={pageSize}
            total={query.data?.total ?? 0}
            onPage={setPage}
            onPageSize={(n) => {
              setPageSize(n);
              setPage(1);
            }}
          />
        </>
      )}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'import' ? t('acara.import.title') : t('acara.participants.add')}
        size="lg"
        fullScreen={isMobile}
      >
        {dialog === 'register' ? (
          <RegisterForm regionCode={regionCode} event={event} onDone={() => setDialog(null)} />
        ) : dialog === 'import' ? (
          <XlsxImport
            intro={t('acara.import.intro')}
            templateUrl={participantTemplateUrl(regionCode)}
            runImport={async (file, dryRun) => {
              const report = await importParticipants(regionCode, event.id, file, dryRun);
              return { dryRun: report.dryRun, created: report.created, updated: report.skipped, errors: report.errors };
            }}
            onImported={async (report) => {
              notifications.show({
                color: 'green',
                closeButtonProps: { 'aria-label': t('common.close') },
                message: t('acara.import.done', { created: report.created, skipped: report.updated }),
              });
              await queryClient.invalidateQueries({ queryKey: eventsKey(regionCode) });
            }}
            onDone={() => setDialog(null)}
            updatedLabel={(n) => t('acara.import.skipped', { n })}
          />
        ) : null}
      </Modal>
      <QrDialog regionCode={regionCode} event={event} participant={qrOf} onClose={() => setQrOf(null)} />
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('acara.participants.removeTitle')}
        message={t('acara.participants.removeText', { name: toRemove?.name ?? '' })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (toRemove) remove.mutate(toRemove);
        }}
        onClose={() => setToRemove(null)}
      />
    </Stack>
  );
}
