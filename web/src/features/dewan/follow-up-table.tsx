/**
 * Follow-ups as a table: what, who is responsible, the due date (overdue ones in red with a badge, so
 * the colour is not the only sign), status, and — for those who keep the councils — "tandai selesai"
 * (asking the day it was done), reopen, edit and delete.
 */
import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { councilsKey, type FollowUp, removeFollowUp, reopenFollowUp } from '../../api/councils.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DoneForm } from './council-forms.tsx';

export function FollowUpTable(props: {
  regionCode: string;
  items: FollowUp[];
  canManage: boolean;
  showCouncil?: boolean;
  /** Off inside a meeting's card, where the meeting is already named. */
  showMeeting?: boolean;
  onEdit?: (f: FollowUp) => void;
}) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [marking, setMarking] = useState<FollowUp | null>(null);
  const [removing, setRemoving] = useState<FollowUp | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: councilsKey(props.regionCode) });
  const reopen = useMutation({
    mutationFn: (f: FollowUp) => reopenFollowUp(props.regionCode, f.councilId, f.id),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('dewan.saved') });
      await refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const remove = useMutation({
    mutationFn: (f: FollowUp) => removeFollowUp(props.regionCode, f.councilId, f.id),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('dewan.deleted') });
      setRemoving(null);
      await refresh();
    },
  });
  const hasActions = props.canManage;
  return (
    <>
      <ScrollRegion label={t('dewan.followUps.tableLabel')} minWidth={props.showCouncil ? 860 : 760}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dewan.followUps.action')}</Table.Th>
              {props.showCouncil ? <Table.Th>{t('dewan.followUps.council')}</Table.Th> : null}
              <Table.Th>{t('dewan.followUps.responsible')}</Table.Th>
              <Table.Th>{t('dewan.followUps.due')}</Table.Th>
              <Table.Th>{t('dewan.followUps.status')}</Table.Th>
              {hasActions ? <Table.Th>{t('dewan.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((f) => (
              <Table.Tr key={f.id} data-overdue={f.isOverdue ? 'true' : undefined} bg={f.isOverdue ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td>
                  <Text size="sm">{f.action}</Text>
                  {props.showMeeting === false ? null : (
                    <Text size="xs" c="dimmed">
                      {t('dewan.followUps.meeting')} {formatDate(f.meetingDate)}
                    </Text>
                  )}
                </Table.Td>
                {props.showCouncil ? <Table.Td>{f.councilName}</Table.Td> : null}
                <Table.Td>{f.responsibleUnit?.name ?? f.responsibleMember?.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={f.isOverdue ? 'red.9' : undefined} fw={f.isOverdue ? 600 : undefined}>
                    {formatDate(f.dueDate)}
                  </Text>
                  {f.isOverdue ? (
                    <Badge color="red" variant="filled" size="sm">
                      {t('dewan.followUps.overdue')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {f.status === 'selesai' ? (
                    <Badge color="green" variant="light">
                      {f.doneOn ? t('dewan.followUps.doneOn', { date: formatDate(f.doneOn) }) : t('dewan.followUps.status.selesai')}
                    </Badge>
                  ) : (
                    <Badge color="blue" variant="light">
                      {t('dewan.followUps.status.terbuka')}
                    </Badge>
                  )}
                </Table.Td>
                {hasActions ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {f.status === 'terbuka' ? (
                        <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setMarking(f)}>
                          {t('dewan.followUps.markDone')}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          loading={reopen.isPending && reopen.variables.id === f.id}
                          onClick={() => reopen.mutate(f)}
                        >
                          {t('dewan.followUps.reopen')}
                        </Button>
                      )}
                      {props.onEdit ? (
                        <Button size="xs" variant="subtle" onClick={() => props.onEdit?.(f)}>
                          {t('dewan.edit')}
                        </Button>
                      ) : null}
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(f)}>
                        {t('dewan.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Modal opened={marking !== null} onClose={() => setMarking(null)} title={t('dewan.followUps.markDoneTitle')}>
        {marking ? <DoneForm regionCode={props.regionCode} followUp={marking} onDone={() => setMarking(null)} /> : null}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        title={t('dewan.followUps.removeTitle')}
        message={t('dewan.followUps.removeText', { action: removing?.action ?? '' })}
        confirmLabel={t('dewan.remove')}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      />
    </>
  );
}
