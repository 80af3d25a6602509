/**
 * One event: what, when (WIB), where, who organises and who is invited, the participant counts by
 * unit and organisation, then its participants, materials and notulen, and follow-ups in tabs. Whoever
 * manages it edits, deletes (with confirmation), runs the check-in desk, downloads the attendance list,
 * and attaches that list to the index indicators that ask for a bimtek or a sosialisasi.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload, IconInfoCircle, IconPencil, IconScan, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { attendancePdfUrl, deleteEvent, type EventDetail, eventQueryOptions, eventsKey } from '../../api/events.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { useSignedInUser } from '../../session/session.tsx';
import { AttachToIndexButton } from '../../components/index-evidence-dialog.tsx';
import { formatWibRange, TOPIC_LABELS } from './acara-labels.ts';
import { EventForm } from './event-form.tsx';
import { FollowUpsPanel, MaterialsPanel, NotesPanel } from './event-record-panels.tsx';
import { KindBadge } from './events.page.tsx';
import { ParticipantsPanel } from './participants-panel.tsx';

const TABS = ['ringkasan', 'peserta', 'materi', 'tindak-lanjut'] as const;
type Tab = (typeof TABS)[number];

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function Overview({ event }: { event: EventDetail }) {
  const { t, language, formatNumber } = useI18n();
  const { counts } = event;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Fact label={t('acara.detail.when')}>{formatWibRange(event.startsAt, event.endsAt, language)}</Fact>
        <Fact label={t('acara.detail.place')}>
          {event.place ? <div>{event.place}</div> : null}
          {event.onlineUrl ? (
            <Anchor href={event.onlineUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {event.onlineUrl}
            </Anchor>
          ) : null}
        </Fact>
        <Fact label={t('acara.detail.organiser')}>{event.organiserUnitName}</Fact>
        <Fact label={t('acara.detail.registration')}>
          {event.isRegistrationOpen ? t('acara.detail.registrationOpen') : t('acara.detail.registrationClosed')}
          {event.capacity ? ` · ${t('acara.capacity', { n: formatNumber(event.capacity) })}` : ''}
        </Fact>
      </SimpleGrid>
      <Fact label={t('acara.detail.invited')}>
        {event.invitedUnits.length + event.invitedOrganisations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('acara.detail.noInvited')}
          </Text>
        ) : (
          <Stack gap={4} mt={2}>
            {event.invitedUnits.length > 0 ? <Text size="sm">{event.invitedUnits.map((u) => u.name).join(' · ')}</Text> : null}
            {event.invitedOrganisations.length > 0 ? (
              <Text size="sm" c="dimmed">
                {event.invitedOrganisations.join(' · ')}
              </Text>
            ) : null}
          </Stack>
        )}
      </Fact>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={event.description ? undefined : 'dimmed'}>
        {event.description || t('acara.detail.noDescription')}
      </Text>
      <div>
        <Title order={2} size="h4" mb="xs">
          {t('acara.counts.title')}
        </Title>
        <Group gap="lg" mb="sm">
          <Text size="sm">
            {t('acara.counts.internal')}: <b>{formatNumber(counts.internal)}</b>
          </Text>
          <Text size="sm">
            {t('acara.counts.external')}: <b>{formatNumber(counts.external)}</b>
          </Text>
          <Text size="sm">{t('acara.attendedOf', { attended: formatNumber(event.attended), total: formatNumber(event.participants) })}</Text>
        </Group>
        {event.participants === 0 ? (
          <Text size="sm" c="dimmed">
            {t('acara.counts.none')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {[
              {
                title: t('acara.counts.byUnit'),
                rows: counts.byUnit.map((u) => ({ key: u.unitId, name: u.unitName, participants: u.participants, attended: u.attended })),
              },
              {
                title: t('acara.counts.byOrganisation'),
                rows: counts.byOrganisation.map((o) => ({
                  key: o.organisation,
                  name: o.organisation,
                  participants: o.participants,
                  attended: o.attended,
                })),
              },
            ].map((group) =>
              group.rows.length === 0 ? null : (
                <Table key={group.title} withTableBorder verticalSpacing={4} fz="sm" aria-label={group.title}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{group.title}</Table.Th>
                      <Table.Th ta="end">{t('acara.col.participants')}</Table.Th>
                      <Table.Th ta="end">{t('acara.participants.hadir')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.rows.map((r) => (
                      <Table.Tr key={r.key}>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td ta="end">{formatNumber(r.participants)}</Table.Td>
                        <Table.Td ta="end">{formatNumber(r.attended)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ),
            )}
          </SimpleGrid>
        )}
      </div>
    </Stack>
  );
}

export function EventPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const { regionCode, can } = useRegion();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [search, setSearch] = useSearchParams();
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const query = useQuery({ ...eventQueryOptions(regionCode, id), enabled: can('events.read') });
  const remove = useMutation({
    mutationFn: () => deleteEvent(regionCode, id),
    onSuccess: async () => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('acara.deleted') });
      await queryClient.invalidateQueries({ queryKey: eventsKey(regionCode) });
      navigate('/acara');
    },
  });
  if (!can('events.read')) return <NoAccess />;
  const tabParam = search.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? 'ringkasan';
  const back = (
    <Anchor component={Link} to="/acara" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('acara.back')}
      </Group>
    </Anchor>
  );
  if (query.isError) {
    return (
      <Stack>
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  if (query.isPending) return <TableSkeleton />;
  const event = query.data;
  const ownUnit = me.user.role === 'operator' ? me.user.unit : null;
  const isEvidenceKind = event.kind === 'bimtek' || event.kind === 'sosialisasi';

  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap={6}>
            <KindBadge kind={event.kind} />
            <Badge variant="outline" color="gray" radius="sm">
              {t(TOPIC_LABELS[event.topic])}
            </Badge>
            {event.isRegistrationOpen ? null : (
              <Badge variant="light" color="gray" radius="sm">
                {t('acara.registrationClosed')}
              </Badge>
            )}
          </Group>
          <Title order={1} size="h2">
            {event.title}
          </Title>
          <Text c="dimmed" size="sm">
            {formatWibRange(event.startsAt, event.endsAt, language)} · {event.place ?? t('acara.online')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={attendancePdfUrl(regionCode, event.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('acara.attendancePdf')}
          </Button>
          {event.canManage ? (
            <>
              <Button component={Link} to={`/acara/${event.id}/presensi`} variant="default" leftSection={<IconScan size={16} aria-hidden />}>
                {t('acara.checkinDesk')}
              </Button>
              {isEvidenceKind ? (
                <AttachToIndexButton
                  regionCode={regionCode}
                  source={{ kind: 'event', eventId: event.id }}
                  documentLabel={t('acara.evidence.document', { title: event.title })}
                />
              ) : null}
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('acara.delete')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      {event.canManage ? null : (
        <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
          {t('acara.detail.readOnly', { unit: event.organiserUnitName })}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <Tabs
          value={tab}
          onChange={(v) => {
            const next = new URLSearchParams(search);
            if (v && v !== 'ringkasan') next.set('tab', v);
            else next.delete('tab');
            setSearch(next, { replace: true });
          }}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="ringkasan">{t('acara.tab.overview')}</Tabs.Tab>
            <Tabs.Tab value="peserta">
              {t('acara.tab.participants')} ({event.participants})
            </Tabs.Tab>
            <Tabs.Tab value="materi">{t('acara.tab.materials')}</Tabs.Tab>
            <Tabs.Tab value="tindak-lanjut">
              {t('acara.tab.followUps')} ({event.followUps.length})
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="ringkasan">
            <Overview event={event} />
          </Tabs.Panel>
          <Tabs.Panel value="peserta">
            <ParticipantsPanel regionCode={regionCode} event={event} />
          </Tabs.Panel>
          <Tabs.Panel value="materi">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
              <MaterialsPanel regionCode={regionCode} event={event} />
              <NotesPanel key={event.version} regionCode={regionCode} event={event} />
            </SimpleGrid>
          </Tabs.Panel>
          <Tabs.Panel value="tindak-lanjut">
            <FollowUpsPanel regionCode={regionCode} event={event} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <Modal opened={isEditing} onClose={() => setEditing(false)} title={t('acara.form.editTitle')} size="lg" fullScreen={isMobile}>
        {isEditing ? (
          <EventForm
            regionCode={regionCode}
            event={event}
            ownUnit={ownUnit}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              queryClient.setQueryData(eventQueryOptions(regionCode, id).queryKey, saved);
              setEditing(false);
            }}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={isDeleting}
        title={t('acara.delete.title')}
        message={t('acara.delete.text', { title: event.title })}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}
