/**
 * A complaint's history, newest first: each step with who took it and when, the note, and whether the
 * citizen sees it on the public status page (public) or only staff do (internal).
 */
import { Badge, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import { IconEye, IconEyeOff, IconInbox, IconMessage, IconPhoto, IconProgress, IconTransfer } from '@tabler/icons-react';
import type { ComplaintEvent } from '../../api/complaints.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isComplaintStatus, STATUS_COLORS, STATUS_KEYS } from './complaint-labels.ts';

// The server names its events: 'dialihkan' (moved to another unit), 'foto', 'catatan' (a status note
// without a step); every other event is a step into the status it names.
function iconOf(event: ComplaintEvent) {
  if (event.action === 'dialihkan') return IconTransfer;
  if (event.action === 'foto') return IconPhoto;
  if (event.action === 'catatan') return IconMessage;
  if (event.fromStatus === null && event.toStatus !== null) return IconInbox;
  return IconProgress;
}

export function ComplaintHistory({ events }: { events: ComplaintEvent[] }) {
  const { t, formatDateTime } = useI18n();
  const statusText = (s: string | null) => (s && isComplaintStatus(s) ? t(STATUS_KEYS[s]) : (s ?? ''));
  const titleOf = (e: ComplaintEvent) => {
    if (e.action.includes('reassign'))
      return e.unitName ? t('complaints.history.reassignedTo', { unit: e.unitName }) : t('complaints.history.reassigned');
    if (e.action.includes('photo')) return t('complaints.history.photo');
    if (e.fromStatus === null && e.toStatus) return t('complaints.history.filed');
    if (e.toStatus && e.fromStatus !== e.toStatus)
      return t('complaints.history.moved', { from: statusText(e.fromStatus), to: statusText(e.toStatus) });
    return t('complaints.history.note');
  };
  const ordered = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h4" mb="md">
        {t('complaints.history.title')}
      </Title>
      {ordered.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('complaints.history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={-1}>
          {ordered.map((e) => {
            const Icon = iconOf(e);
            const color = e.toStatus && isComplaintStatus(e.toStatus) ? STATUS_COLORS[e.toStatus] : 'gray';
            return (
              <Timeline.Item key={e.id} bullet={<Icon size={14} aria-hidden />} color={color} title={titleOf(e)}>
                <Group gap={6} wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {[e.actorName ?? t('complaints.history.citizen'), formatDateTime(e.createdAt)].join(' · ')}
                  </Text>
                  {e.isPublic ? (
                    <Badge size="xs" variant="light" color="teal" radius="sm" leftSection={<IconEye size={10} aria-hidden />}>
                      {t('complaints.history.public')}
                    </Badge>
                  ) : (
                    <Badge size="xs" variant="light" color="gray" radius="sm" leftSection={<IconEyeOff size={10} aria-hidden />}>
                      {t('complaints.history.internal')}
                    </Badge>
                  )}
                </Group>
                {e.note ? (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {e.note}
                  </Text>
                ) : null}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
