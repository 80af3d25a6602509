/**
 * The page a certificate's QR code opens: anyone holding the paper checks that its code is one Sinergi
 * issued, for whom and for which event. Nothing else about the participant is shown.
 */
import { Alert, Card, Container, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { certificateCheckQueryOptions } from '../../api/events.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatWibDate } from './acara-labels.ts';

export function CertificateCheckPage() {
  const { code = '' } = useParams();
  const { t, language } = useI18n();
  const check = useQuery(certificateCheckQueryOptions(code));
  return (
    <Container size={460} py="lg" px="md">
      <Title order={1} size="h2" mb="md">
        {t('certificate.title')}
      </Title>
      {check.isPending ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : check.isError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('certificate.invalid')}
        </Alert>
      ) : (
        <Card withBorder radius="md" p="md">
          <Alert color={check.data.attended ? 'green' : 'yellow'} variant="light" icon={<IconCircleCheck aria-hidden />} mb="md">
            {check.data.attended ? t('certificate.valid') : t('certificate.notAttended')}
          </Alert>
          <Text fw={700} size="xl">
            {check.data.name}
          </Text>
          {check.data.attended ? (
            <Text size="sm" c="dimmed">
              {t('certificate.attendedNote', { name: check.data.name })}
            </Text>
          ) : null}
          <Text fw={600} mt="sm">
            {check.data.eventTitle}
          </Text>
          <Text size="sm" c="dimmed">
            {formatWibDate(check.data.startsAt, language)} · {check.data.organiserUnitName} · {check.data.regionName}
          </Text>
          <Text size="xs" c="dimmed" mt="sm" ff="monospace">
            {code.toUpperCase()}
          </Text>
        </Card>
      )}
    </Container>
  );
}
