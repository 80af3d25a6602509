/**
 * The check-in desk at the door: a handheld QR scanner types the participant's link into the field
 * and presses Enter (a scanner is a keyboard), or the organiser types the short code on the invitation.
 * Each participant counts once; a second scan says when they were already recorded. The field keeps
 * focus so the next scan goes straight in.
 */
import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CheckinResult, checkInByCode, eventKey, eventQueryOptions } from '../../api/events.api.ts';
import { NoAccess } from '../../components/no-access.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { formatWibDateTime, formatWibRange } from './acara-labels.ts';

export function CheckinDeskPage() {
  const { id = '' } = useParams();
  const { t, language, formatNumber } = useI18n();
  const errorText = useErrorText();
  const { regionCode, can } = useRegion();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [recent, setRecent] = useState<CheckinResult[]>([]);
  const event = useQuery({ ...eventQueryOptions(regionCode, id), enabled: can('events.manage') });
  const checkIn = useMutation({
    mutationFn: (text: string) => checkInByCode(regionCode, id, text),
    onSuccess: async (result) => {
      setRecent((r) => [result, ...r].slice(0, 8));
      setCode('');
      await queryClient.invalidateQueries({ queryKey: eventKey(regionCode, id) });
    },
    onSettled: () => input.current?.focus(),
  });
  if (!can('events.manage')) return <NoAccess />;
  if (event.isError) return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  if (event.isPending) return <TableSkeleton />;
  if (!event.data.canManage) return <NoAccess />;
  const last = checkIn.data;
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to={`/acara/${id}?tab=peserta`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {event.data.title}
        </Group>
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('acara.desk.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {formatWibRange(event.data.startsAt, event.data.endsAt, language)}
        </Text>
      </div>
      <Paper withBorder radius="md" p="md">
        <Stack>
          <Text size="sm">{t('acara.desk.intro')}</Text>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (code.trim()) checkIn.mutate(code.trim());
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                ref={input}
                label={t('acara.desk.code')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                autoFocus
                autoComplete="off"
                size="lg"
                style={{ flex: '1 1 260px' }}
              />
              <Button type="submit" size="lg" loading={checkIn.isPending}>
                {t('acara.desk.submit')}
              </Button>
            </Group>
          </form>
          <div aria-live="assertive">
            {checkIn.isError ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                {errorText(checkIn.error)}
              </Alert>
            ) : last ? (
              last.status === 'checked_in' ? (
                <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
                  <Text fw={700}>{t('acara.desk.checkedIn', { name: last.name })}</Text>
                  <Text size="sm">{last.affiliation}</Text>
                </Alert>
              ) : (
                <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
                  <Text fw={700}>{t('acara.desk.already', { name: last.name, time: formatWibDateTime(last.checkedInAt, language) })}</Text>
                  <Text size="sm">{last.affiliation}</Text>
                </Alert>
              )
            ) : null}
          </div>
          <Text fw={600}>{t('acara.desk.count', { attended: formatNumber(event.data.attended), total: formatNumber(event.data.participants) })}</Text>
        </Stack>
      </Paper>
      {recent.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h5" mb="xs">
            {t('acara.desk.recent')}
          </Title>
          <Stack gap={4} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {recent.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same person may be scanned twice; the order is the key.
              <Group key={`${r.name}-${i}`} component="li" justify="space-between" gap="xs">
                <Text size="sm">
                  {r.name}{' '}
                  <Text span c="dimmed" size="xs">
                    {r.affiliation}
                  </Text>
                </Text>
                <Text size="xs" c={r.status === 'checked_in' ? 'teal.9' : 'dimmed'}>
                  {formatWibDateTime(r.checkedInAt, language)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
