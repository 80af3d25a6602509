/** Every step of the innovation's life: who, when, what, the note, and the per-field notes of a return. */
import { List, Paper, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconCircleX, IconFilePlus, IconPencil, IconSend, IconTransfer } from '@tabler/icons-react';
import type { Innovation } from '../../api/innovations.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldLabelKey, isStatus, STATUS_COLORS, STATUS_LABELS, TIMELINE_ACTIONS } from '../../components/innovation-labels.ts';

const ICONS = {
  submit: IconSend,
  return: IconArrowBackUp,
  verify: IconCircleCheck,
  reject: IconCircleX,
  carried_over: IconTransfer,
  carried_forward: IconTransfer,
  edited_after_verification: IconPencil,
} as const;

type Entry = Innovation['timeline'][number];

export function InnovationTimeline({ entries }: { entries: Entry[] }) {
  const { t, pick, formatDateTime } = useI18n();
  // An edit after verification names the changed fields as the server calls them: say them in words.
  const noteText = (entry: Entry) => {
    const note = entry.note ?? '';
    if (entry.action !== 'edited_after_verification' || !/^[a-zA-Z]+(, [a-zA-Z]+)*$/.test(note)) return note;
    return note
      .split(', ')
      .map((f) => {
        const key = fieldLabelKey(f);
        return key ? t(key) : f;
      })
      .join(', ');
  };
  const statusText = (s: string | null) => (s && isStatus(s) ? pick(STATUS_LABELS[s]) : (s ?? ''));
  // Newest first: the latest decision is what a reader looks for.
  const ordered = [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h4" mb="md">
        {t('timeline.title')}
      </Title>
      {ordered.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} active={-1}>
          {ordered.map((entry) => {
            const Icon = (ICONS as Record<string, typeof IconSend | undefined>)[entry.action] ?? IconFilePlus;
            const label = TIMELINE_ACTIONS[entry.action];
            const color = entry.toStatus && isStatus(entry.toStatus) ? STATUS_COLORS[entry.toStatus] : 'gray';
            const fieldNotes = Object.entries(entry.fieldNotes ?? {});
            return (
              <Timeline.Item key={entry.id} bullet={<Icon size={14} aria-hidden />} color={color} title={label ? t(label) : entry.action}>
                <Text size="xs" c="dimmed">
                  {[entry.actorName ?? t('audit.system'), formatDateTime(entry.at)].join(' · ')}
                </Text>
                {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus ? (
                  <Text size="xs" c="dimmed">
                    {t('timeline.statusChange', { from: statusText(entry.fromStatus), to: statusText(entry.toStatus) })}
                  </Text>
                ) : null}
                {entry.note ? (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.action === 'carried_forward' ? t('timeline.carriedForwardTo', { year: entry.note }) : noteText(entry)}
                  </Text>
                ) : null}
                {fieldNotes.length > 0 ? (
                  <List size="sm" mt={4} spacing={2}>
                    {fieldNotes.map(([field, note]) => {
                      const key = fieldLabelKey(field);
                      return (
                        <List.Item key={field}>
                          <Text span fw={600} size="sm">
                            {key ? t(key) : field}:
                          </Text>{' '}
                          {note}
                        </List.Item>
                      );
                    })}
                  </List>
                ) : null}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
