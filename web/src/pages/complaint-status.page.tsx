/**
 * The public status of one complaint (/pengaduan/:trackingCode), the page its tracking code opens:
 * where it stands (as steps), its category and the unit handling it, the dates, and the notes the unit
 * made public. Never the contact details (the server does not send them). An unknown code says so and
 * offers to look up another.
 */
import { Alert, Center, Divider, Group, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconCircleCheck, IconPhoto } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { isClosed } from '#domain/services/complaint-workflow.ts';
import { isApiError } from '../api/http.ts';
import { publicComplaintQuery } from '../api/portal.api.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { QueryError } from '../components/query-error.tsx';
import { ComplaintSteps } from '../features/portal/complaint-steps.tsx';
import { COMPLAINT_STATUS_LABELS } from '../features/portal/portal-labels.ts';
import { TrackForm } from '../features/portal/portal-parts.tsx';
import { useI18n } from '../i18n/i18n.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

export function ComplaintStatusPage() {
  const { t, formatDateTime } = useI18n();
  const { trackingCode = '' } = useParams();
  const code = trackingCode.trim().toUpperCase();
  const query = useQuery({ ...publicComplaintQuery(code), enabled: code !== '', retry: (n, e) => !isApiError(e) && n < 2 });
  useDocumentTitle(t('portal.status.title', { code }));

  const another = (autoFocus: boolean) => (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="track-another">
      <Stack gap="xs">
        <Title order={2} size="h4" id="track-another">
          {t('portal.status.another')}
        </Title>
        <TrackForm key={code} autoFocus={autoFocus} />
      </Stack>
    </Paper>
  );

  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    const unknown = isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED');
    return (
      <Stack gap="md">
        {unknown ? (
          <Paper withBorder radius="md">
            <ListEmpty kind="no-match" title={t('portal.status.notFound.title')} description={t('portal.status.notFound.text', { code })} />
          </Paper>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
        {another(unknown)}
      </Stack>
    );
  }

  const c = query.data;
  const reached = c.history.flatMap((h) => (h.status ? [h.status] : []));
  const closed = isClosed(c.status);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('portal.status.title', { code: c.trackingCode })}
        </Title>
        <Text size="lg" fw={600} data-status={c.status}>
          {t('portal.status.current', { status: t(COMPLAINT_STATUS_LABELS[c.status]) })}
        </Text>
      </Stack>
      {closed ? (
        <Alert
          color={c.status === 'selesai' ? 'green' : 'gray'}
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t(COMPLAINT_STATUS_LABELS[c.status])}
        >
          {t('portal.status.closed')}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <ComplaintSteps status={c.status} reached={reached} />
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Fact label={t('portal.status.category')}>{c.categoryName}</Fact>
            <Fact label={t('portal.status.unit')}>{c.unitName}</Fact>
            <Fact label={t('portal.status.filed')}>{formatDateTime(c.createdAt)}</Fact>
            <Fact label={t('portal.status.updated')}>{formatDateTime(c.updatedAt)}</Fact>
            {c.address ? <Fact label={t('portal.status.address')}>{c.address}</Fact> : null}
          </SimpleGrid>
          <Divider />
          <Fact label={t('portal.status.description')}>
            <Text component="span" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.description}
            </Text>
          </Fact>
          {c.hasPhoto ? (
            <Group gap={6}>
              <IconPhoto size={16} aria-hidden />
              <Text size="sm" c="dimmed">
                {t('portal.status.photo')}
              </Text>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="complaint-history">
        <Stack gap="sm">
          <Title order={2} size="h4" id="complaint-history">
            {t('portal.status.history')}
          </Title>
          {c.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('portal.status.historyEmpty')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} active={c.history.length - 1}>
              {[...c.history]
                .sort((a, b) => b.at.localeCompare(a.at))
                .map((h) => (
                  <Timeline.Item
                    key={`${h.at}|${h.status}|${h.note}`}
                    title={h.status ? t('portal.status.historyStatus', { status: t(COMPLAINT_STATUS_LABELS[h.status]) }) : formatDateTime(h.at)}
                  >
                    {h.status ? (
                      <Text size="xs" c="dimmed">
                        {formatDateTime(h.at)}
                      </Text>
                    ) : null}
                    {h.note ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {h.note}
                      </Text>
                    ) : null}
                  </Timeline.Item>
                ))}
            </Timeline>
          )}
        </Stack>
      </Paper>
      {another(false)}
    </Stack>
  );
}
