/**
 * One council: its kind, SK in force and description, with tabs for the members (a table that scrolls
 * sideways on a phone), the SK history with documents, the meetings with notulen, decisions and their
 * follow-ups, and every follow-up of the council. Admins add, edit and delete in modals; deletions ask
 * first.
 */
import { ActionIcon, Anchor, Badge, Button, Card, FileButton, Group, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconPlus, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type Attachment,
  type CouncilDetail,
  councilQueryOptions,
  councilsKey,
  type Decree,
  decreeDocumentUrl,
  deleteCouncil,
  type FollowUp,
  type Meeting,
  type Member,
  notulenUrl,
  removeDecree,
  removeDecreeDocument,
  removeMeeting,
  removeMember,
  removeNotulen,
  uploadDecreeDocument,
  uploadNotulen,
} from '../../api/councils.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { CouncilForm, DecreeForm, FollowUpForm, MeetingForm, MemberForm } from './council-forms.tsx';
import { COUNCIL_KIND_COLORS, COUNCIL_KIND_LABELS, ROLE_LABELS } from './dewan-labels.ts';
import { FollowUpTable } from './follow-up-table.tsx';

const TABS = ['anggota', 'sk', 'rapat', 'tindak-lanjut'] as const;
type Tab = (typeof TABS)[number];

type Dialog =
  | { kind: 'council' }
  | { kind: 'member'; member: Member | null }
  | { kind: 'decree'; decree: Decree | null }
  | { kind: 'meeting'; meeting: Meeting | null }
  | { kind: 'followUp'; meetingId: string; followUp: FollowUp | null }
  | null;

interface Confirm {
  title: string;
  message: string;
  run: () => Promise<unknown>;
  after?: () => void;
}

export function CouncilPage() {
  const { t, formatDate } = useI18n();
  const { regionCode, can } = useRegion();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>('anggota');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const council = useQuery({ ...councilQueryOptions(regionCode, id), enabled: can('smartcity.read') && id !== '' });
  const destroy = useMutation({
    mutationFn: (c: Confirm) => c.run(),
    onSuccess: async (_r, c) => {
      notifications.show({ color: 'green', message: t('dewan.deleted') });
      setConfirm(null);
      c.after?.();
      await queryClient.invalidateQueries({ queryKey: councilsKey(regionCode) });
    },
  });
  if (!can('smartcity.read')) return <NoAccess />;
  const close = () => setDialog(null);
  const c = council.data;
  const canManage = c?.canManage ?? false;
  const ask = (next: Confirm) => {
    destroy.reset();
    setConfirm(next);
  };

  return (
    <>
      <Anchor component={Link} to="/kota-cerdas/dewan" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('dewan.back')}
        </Group>
      </Anchor>
      {council.isError ? <QueryError error={council.error} onRetry={() => void council.refetch()} /> : null}
      {council.isPending ? <TableSkeleton /> : null}
      {c ? (
        <>
          <PageHeader
            title={c.name}
            description={c.description || undefined}
            actions={
              canManage ? (
                <>
                  <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setDialog({ kind: 'council' })}>
                    {t('dewan.edit')}
                  </Button>
                  <Button
                    variant="default"
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() =>
                      ask({
                        title: t('dewan.deleteTitle'),
                        message: t('dewan.deleteText', { name: c.name }),
                        run: () => deleteCouncil(regionCode, c.id),
                        after: () => void navigate('/kota-cerdas/dewan'),
                      })
                    }
                  >
                    {t('dewan.delete')}
                  </Button>
                </>
              ) : null
            }
          />
          <Group gap="xs" mb="md">
            <Badge color={COUNCIL_KIND_COLORS[c.kind]} variant="light">
              {t(COUNCIL_KIND_LABELS[c.kind])}
            </Badge>
            <Text size="sm">
              {c.currentDecree
                ? `${t('dewan.card.currentSk')}: ${c.currentDecree.number} (${formatDate(c.currentDecree.decreeDate)})`
                : t('dewan.card.noSk')}
            </Text>
            {c.overdueFollowUps > 0 ? (
              <Badge color="red" variant="filled">
                {t('dewan.card.overdue', { n: c.overdueFollowUps })}
              </Badge>
            ) : null}
          </Group>
          <Tabs value={tab} onChange={(v) => setTab(TABS.find((x) => x === v) ?? 'anggota')} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="anggota">{t('dewan.tab.members')}</Tabs.Tab>
              <Tabs.Tab value="sk">{t('dewan.tab.decrees')}</Tabs.Tab>
              <Tabs.Tab value="rapat">{t('dewan.tab.meetings')}</Tabs.Tab>
              <Tabs.Tab value="tindak-lanjut">{t('dewan.tab.followUps')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="anggota" pt="md">
              <Section
                action={canManage ? <AddButton label={t('dewan.members.add')} onClick={() => setDialog({ kind: 'member', member: null })} /> : null}
              >
                {c.members.length === 0 ? (
                  <Text size="sm">{t('dewan.members.empty')}</Text>
                ) : (
                  <MembersTable
                    council={c}
                    onEdit={(m) => setDialog({ kind: 'member', member: m })}
                    onRemove={(m) =>
                      ask({
                        title: t('dewan.members.removeTitle'),
                        message: t('dewan.members.removeText', { name: m.name }),
                        run: () => removeMember(regionCode, c.id, m.id),
                      })
                    }
                  />
                )}
              </Section>
            </Tabs.Panel>
            <Tabs.Panel value="sk" pt="md">
              <Section
                action={canManage ? <AddButton label={t('dewan.decrees.add')} onClick={() => setDialog({ kind: 'decree', decree: null })} /> : null}
              >
                {c.decrees.length === 0 ? <Text size="sm">{t('dewan.decrees.empty')}</Text> : null}
                <Stack gap="sm">
                  {c.decrees.map((d) => (
                    <DecreeCard
                      key={d.id}
                      regionCode={regionCode}
                      council={c}
                      decree={d}
                      onEdit={() => setDialog({ kind: 'decree', decree: d })}
                      onRemoveFile={(doc) =>
                        ask({
                          title: t('dewan.files.removeTitle'),
                          message: t('dewan.files.removeText', { name: doc.fileName ?? doc.title }),
                          run: () => removeDecreeDocument(regionCode, c.id, d.id, doc.id),
                        })
                      }
                      onRemove={() =>
                        ask({
                          title: t('dewan.decrees.removeTitle'),
                          message: t('dewan.decrees.removeText', { number: d.number }),
                          run: () => removeDecree(regionCode, c.id, d.id),
                        })
                      }
                    />
                  ))}
                </Stack>
              </Section>
            </Tabs.Panel>
            <Tabs.Panel value="rapat" pt="md">
              <Section
                action={
                  canManage ? <AddButton label={t('dewan.meetings.add')} onClick={() => setDialog({ kind: 'meeting', meeting: null })} /> : null
                }
              >
                {c.meetings.length === 0 ? <Text size="sm">{t('dewan.meetings.empty')}</Text> : null}
                <Stack gap="md">
                  {c.meetings.map((m) => (
                    <MeetingCard
                      key={m.id}
                      regionCode={regionCode}
                      council={c}
                      meeting={m}
                      onEdit={() => setDialog({ kind: 'meeting', meeting: m })}
                      onRemoveFile={(doc) =>
                        ask({
                          title: t('dewan.files.removeTitle'),
                          message: t('dewan.files.removeText', { name: doc.fileName ?? doc.title }),
                          run: () => removeNotulen(regionCode, c.id, m.id, doc.id),
                        })
                      }
                      onAddFollowUp={() => setDialog({ kind: 'followUp', meetingId: m.id, followUp: null })}
                      onEditFollowUp={(f) => setDialog({ kind: 'followUp', meetingId: m.id, followUp: f })}
                      onRemove={() =>
                        ask({
                          title: t('dewan.meetings.removeTitle'),
                          message: t('dewan.meetings.removeText', { date: formatDate(m.meetingDate) }),
                          run: () => removeMeeting(regionCode, c.id, m.id),
                        })
                      }
                    />
                  ))}
                </Stack>
              </Section>
            </Tabs.Panel>
            <Tabs.Panel value="tindak-lanjut" pt="md">
              <Section action={null}>
                {c.meetings.every((m) => m.followUps.length === 0) ? (
                  <ListEmpty kind="empty" title={t('dewan.tab.followUps')} description={t('dewan.followUps.emptyCouncil')} />
                ) : (
                  <FollowUpTable
                    regionCode={regionCode}
                    items={c.meetings.flatMap((m) => m.followUps).sort((a, b) => a.dueDate.localeCompare(b.dueDate))}
                    canManage={canManage}
                    onEdit={(f) => setDialog({ kind: 'followUp', meetingId: f.meetingId, followUp: f })}
                  />
                )}
              </Section>
            </Tabs.Panel>
          </Tabs>

          <Modal opened={dialog !== null} onClose={close} size="lg" title={dialog ? dialogTitle(dialog, t) : ''}>
            {dialog?.kind === 'council' ? <CouncilForm regionCode={regionCode} council={c} onDone={close} /> : null}
            {dialog?.kind === 'member' ? (
              <MemberForm regionCode={regionCode} councilId={c.id} member={dialog.member} canPickUsers={can('users.read')} onDone={close} />
            ) : null}
            {dialog?.kind === 'decree' ? <DecreeForm regionCode={regionCode} councilId={c.id} decree={dialog.decree} onDone={close} /> : null}
            {dialog?.kind === 'meeting' ? <MeetingForm regionCode={regionCode} councilId={c.id} meeting={dialog.meeting} onDone={close} /> : null}
            {dialog?.kind === 'followUp' ? (
              <FollowUpForm regionCode={regionCode} council={c} meetingId={dialog.meetingId} followUp={dialog.followUp} onDone={close} />
            ) : null}
          </Modal>
        </>
      ) : null}
      <ConfirmDialog
        opened={confirm !== null}
        title={confirm?.title ?? ''}
        message={confirm?.message ?? ''}
        confirmLabel={t('dewan.remove')}
        isPending={destroy.isPending}
        error={destroy.error}
        onConfirm={() => confirm && destroy.mutate(confirm)}
        onClose={() => setConfirm(null)}
      />
    </>
  );
}

function dialogTitle(dialog: NonNullable<Dialog>, t: ReturnType<typeof useI18n>['t']): string {
  switch (dialog.kind) {
    case 'council':
      return t('dewan.edit');
    case 'member':
      return t(dialog.member ? 'dewan.members.edit' : 'dewan.members.add');
    case 'decree':
      return t(dialog.decree ? 'dewan.decrees.edit' : 'dewan.decrees.add');
    case 'meeting':
      return t(dialog.meeting ? 'dewan.meetings.edit' : 'dewan.meetings.add');
    case 'followUp':
      return t(dialog.followUp ? 'dewan.followUps.edit' : 'dewan.followUps.add');
  }
}

function Section({ action, children }: { action: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      {action ? (
        <Group justify="flex-end" mb="sm">
          {action}
        </Group>
      ) : null}
      {children}
    </Paper>
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onClick}>
      {label}
    </Button>
  );
}

function MembersTable({ council, onEdit, onRemove }: { council: CouncilDetail; onEdit: (m: Member) => void; onRemove: (m: Member) => void }) {
  const { t } = useI18n();
  return (
    <ScrollRegion label={t('dewan.members.tableLabel')} minWidth={760}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dewan.members.name')}</Table.Th>
            <Table.Th>{t('dewan.members.role')}</Table.Th>
            <Table.Th>{t('dewan.members.position')}</Table.Th>
            <Table.Th>{t('dewan.members.organisation')}</Table.Th>
            <Table.Th>{t('dewan.members.source')}</Table.Th>
            {council.canManage ? <Table.Th>{t('dewan.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {council.members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{t(ROLE_LABELS[m.role])}</Table.Td>
              <Table.Td>{m.position ?? '—'}</Table.Td>
              <Table.Td>{m.organisation ?? '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={m.isExternal ? 'orange' : 'blue'}>
                  {m.isExternal ? t('dewan.members.external') : t('dewan.members.user')}
                </Badge>
              </Table.Td>
              {council.canManage ? (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => onEdit(m)} aria-label={`${t('dewan.edit')} ${m.name}`}>
                      {t('dewan.edit')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(m)} aria-label={`${t('dewan.members.remove')} ${m.name}`}>
                      {t('dewan.members.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** Uploads one file and refreshes the council, saying what went wrong in words when it is refused. */
function useUpload(regionCode: string, send: (file: File) => Promise<unknown>, done: string) {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      notifications.show({ color: 'green', message: done });
      await queryClient.invalidateQueries({ queryKey: councilsKey(regionCode) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
}

function DecreeCard(props: {
  regionCode: string;
  council: CouncilDetail;
  decree: Decree;
  onEdit: () => void;
  onRemove: () => void;
  onRemoveFile: (doc: Attachment) => void;
}) {
  const { t, formatDate } = useI18n();
  const d = props.decree;
  const upload = useUpload(
    props.regionCode,
    (file) => uploadDecreeDocument(props.regionCode, props.council.id, d.id, file),
    t('dewan.decrees.uploaded'),
  );
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{d.number}</Text>
            {d.isCurrent ? (
              <Badge color="green" variant="light">
                {t('dewan.decrees.current')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {formatDate(d.decreeDate)}
            {d.note ? ` · ${d.note}` : ''}
          </Text>
          {d.documents.map((doc) => (
            <FileLink
              key={doc.id}
              doc={doc}
              href={decreeDocumentUrl(props.regionCode, props.council.id, d.id, doc.id)}
              onRemove={props.council.canManage ? () => props.onRemoveFile(doc) : null}
            />
          ))}
        </Stack>
        {props.council.canManage ? (
          <Group gap={4}>
            <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/png,image/jpeg">
              {(p) => (
                <Button {...p} size="xs" variant="default" loading={upload.isPending} leftSection={<IconUpload size={14} aria-hidden />}>
                  {t('dewan.decrees.upload')}
                </Button>
              )}
            </FileButton>
            <Button size="xs" variant="subtle" onClick={props.onEdit}>
              {t('dewan.edit')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={props.onRemove}>
              {t('dewan.remove')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </Card>
  );
}

function MeetingCard(props: {
  regionCode: string;
  council: CouncilDetail;
  meeting: Meeting;
  onEdit: () => void;
  onRemove: () => void;
  onRemoveFile: (doc: Attachment) => void;
  onAddFollowUp: () => void;
  onEditFollowUp: (f: FollowUp) => void;
}) {
  const { t, formatDate } = useI18n();
  const m = props.meeting;
  const canManage = props.council.canManage;
  const upload = useUpload(props.regionCode, (file) => uploadNotulen(props.regionCode, props.council.id, m.id, file), t('dewan.meetings.uploaded'));
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h5">
              {formatDate(m.meetingDate)} · {m.place}
            </Title>
            <Text size="sm">
              <Text span fw={500} size="sm">
                {t('dewan.meetings.agenda')}:
              </Text>{' '}
              {m.agenda}
            </Text>
          </div>
          {canManage ? (
            <Group gap={4}>
              <Button size="xs" variant="subtle" onClick={props.onEdit}>
                {t('dewan.edit')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={props.onRemove}>
                {t('dewan.remove')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {m.minutes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={500} size="sm">
              {t('dewan.meetings.minutes')}:
            </Text>{' '}
            {m.minutes}
          </Text>
        ) : null}
        {m.decisions ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={500} size="sm">
              {t('dewan.meetings.decisions')}:
            </Text>{' '}
            {m.decisions}
          </Text>
        ) : null}
        <Group gap="xs">
          {m.notulen.map((doc) => (
            <FileLink
              key={doc.id}
              doc={doc}
              href={notulenUrl(props.regionCode, props.council.id, m.id, doc.id)}
              onRemove={canManage ? () => props.onRemoveFile(doc) : null}
            />
          ))}
          {canManage ? (
            <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/png,image/jpeg">
              {(p) => (
                <Button {...p} size="xs" variant="default" loading={upload.isPending} leftSection={<IconUpload size={14} aria-hidden />}>
                  {t('dewan.meetings.uploadNotulen')}
                </Button>
              )}
            </FileButton>
          ) : null}
        </Group>
        {m.followUps.length > 0 ? (
          <FollowUpTable regionCode={props.regionCode} items={m.followUps} canManage={canManage} showMeeting={false} onEdit={props.onEditFollowUp} />
        ) : null}
        {canManage ? (
          <Group>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={props.onAddFollowUp}>
              {t('dewan.meetings.addFollowUp')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A stored file: its name as a download link and, for those who keep the council, a button to delete it. */
function FileLink({ doc, href, onRemove }: { doc: Attachment; href: string; onRemove: (() => void) | null }) {
  const { t } = useI18n();
  const name = doc.fileName ?? doc.title;
  return (
    <Group gap={2} wrap="nowrap">
      <Anchor href={href} size="sm">
        {name}
      </Anchor>
      {onRemove ? (
        <ActionIcon variant="subtle" color="red" size="sm" onClick={onRemove} aria-label={t('dewan.files.remove', { name })}>
          <IconX size={14} aria-hidden />
        </ActionIcon>
      ) : null}
    </Group>
  );
}
