/**
 * "Konfirmasi kehadiran": the page a participant's personal QR code opens on their phone, without
 * login. It shows their name and the event, and one big button that records attendance once; opened
 * again (or pressed twice) it says they are already recorded and changes nothing. The link's token
 * is the only authorisation, so the page shows nothing about anyone else.
 */
import { Alert, Button, Card, Container, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { checkinTicketQueryOptions, confirmCheckin } from '../../api/events.api.ts';
import { isApiError } from '../../api/http.ts';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatWibDateTime, formatWibRange } from './acara-labels.ts';

export function CheckinPage() {
  const { token = '' } = useParams();
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const ticket = useQuery(checkinTicketQueryOptions(token));
  const confirm = useMutation({ mutationFn: () => confirmCheckin(token) });

  const body = () => {
    if (ticket.isPending) return <Text c="dimmed">{t('app.loading')}</Text>;
    if (ticket.isError) {
      return (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {isApiError(ticket.error, 'CHECKIN_NOT_FOUND') || isApiError(ticket.error, 'VALIDATION_FAILED')
            ? t('checkin.notFound')
            : errorText(ticket.error)}
        </Alert>
      );
    }
    const data = ticket.data;
    const result = confirm.data;
    const recordedAt = result?.checkedInAt ?? data.checkedInAt;
    const isDone = result !== undefined || data.checkedInAt !== null;
    return (
      <Stack gap="md">
        <Card withBorder radius="md" p="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('checkin.event')}
          </Text>
          <Text fw={700} size="lg" lh={1.3}>
            {data.eventTitle}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {formatWibRange(data.startsAt, data.endsAt, language)}
          </Text>
          <Text size="sm" c="dimmed">
            {data.place ?? t('acara.online')}
          </Text>
          <Text size="sm" c="dimmed">
            {data.organiserUnitName} · {data.regionName}
          </Text>
        </Card>
        <Card withBorder radius="md" p="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('checkin.participant')}
          </Text>
          <Text fw={700} size="xl" lh={1.3}>
            {data.name}
          </Text>
          {data.affiliation ? (
            <Text size="sm" c="dimmed">
              {data.affiliation}
            </Text>
          ) : null}
        </Card>
        <div aria-live="polite">
          {isDone ? (
            <Alert
              color={result?.status === 'checked_in' ? 'green' : 'blue'}
              variant="light"
              icon={result?.status === 'checked_in' ? <IconCircleCheck aria-hidden /> : <IconInfoCircle aria-hidden />}
              title={result?.status === 'checked_in' ? t('checkin.done') : t('checkin.already')}
            >
              {recordedAt ? t('checkin.at', { time: formatWibDateTime(recordedAt, language) }) : null}
            </Alert>
          ) : (
            <Stack gap="sm">
              <Text size="sm">{t('checkin.intro')}</Text>
              {confirm.isError ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                  {errorText(confirm.error)}
                </Alert>
              ) : null}
              <Button size="xl" fullWidth loading={confirm.isPending} onClick={() => confirm.mutate()} leftSection={<IconCircleCheck aria-hidden />}>
                {t('checkin.confirm')}
              </Button>
            </Stack>
          )}
        </div>
      </Stack>
    );
  };

  return (
    <Container size={460} py="lg" px="md">
      <Title order={1} size="h2" mb="md">
        {t('checkin.title')}
      </Title>
      {body()}
    </Container>
  );
}
