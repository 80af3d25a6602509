/**
 * One complaint (/pengaduan-masuk/:id) as the unit handles it: what the citizen wrote, where (address,
 * coordinates and a map link), the photos, the contact details (private: never shown to the public),
 * the service it is about; the next steps and moving it to another unit; its history; and a link to
 * the public status page the citizen follows.
 */
import { Alert, Anchor, Breadcrumbs, Center, Grid, Group, Image, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle, IconExternalLink, IconLock, IconMapPin } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isClosed } from '#domain/services/complaint-workflow.ts';
import { type ComplaintDetail, complaintPhotoUrl, complaintQueryOptions } from '../api/complaints.api.ts';
import { isApiError } from '../api/http.ts';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { ComplaintActions } from '../features/complaints/complaint-actions.tsx';
import { ComplaintHistory } from '../features/complaints/complaint-history.tsx';
import { OverdueBadge, SourceBadge } from '../features/complaints/complaint-inbox.tsx';
import { ComplaintStatusBadge } from '../features/complaints/complaint-status-badge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { NotFoundPage } from './not-found.page.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
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

/** OpenStreetMap at the pin: no key, opens in a new tab. */
function mapUrl(latitude: string, longitude: string): string {
  return `https://www.openstreetmap.org/?mlat=${encodeURIComponent(latitude)}&mlon=${encodeURIComponent(longitude)}#map=18/${latitude}/${longitude}`;
}

function Location({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const { latitude, longitude } = complaint;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('complaints.detail.location')}
      </Title>
      <Stack gap="xs">
        <Fact label={t('complaints.detail.address')}>{complaint.address ?? t('complaints.detail.noAddress')}</Fact>
        <Fact label={t('complaints.detail.coordinates')}>
          {latitude && longitude ? (
            <Group gap="sm" wrap="wrap">
              <Text size="sm" ff="monospace">
                {latitude}, {longitude}
              </Text>
              <Anchor href={mapUrl(latitude, longitude)} target="_blank" rel="noopener noreferrer" size="sm">
                <Group gap={4} component="span" wrap="nowrap">
                  <IconMapPin size={14} aria-hidden />
                  {t('complaints.detail.openMap')}
                  <IconExternalLink size={12} aria-hidden />
                </Group>
              </Anchor>
            </Group>
          ) : (
            t('complaints.detail.noCoordinates')
          )}
        </Fact>
      </Stack>
    </Paper>
  );
}

function Photos({ regionCode, complaint }: { regionCode: string; complaint: ComplaintDetail }) {
  const { t } = useI18n();
  if (complaint.photos.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {t('complaints.detail.photos')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {complaint.photos.map((p, i) => {
          const url = complaintPhotoUrl(regionCode, complaint.id, p.id);
          return (
            <Anchor key={p.id} href={url} target="_blank" rel="noopener noreferrer">
              <Image
                src={url}
                alt={t('complaints.detail.photoAlt', { n: i + 1, code: complaint.trackingCode })}
                radius="sm"
                mah={320}
                fit="contain"
                bg="gray.1"
              />
            </Anchor>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

function Contact({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useI18n();
  const hasContact = complaint.contactName || complaint.contactEmail || complaint.contactPhone;
  return (
    <Paper withBorder radius="md" p="md">
      <Group gap={6} mb="xs">
        <IconLock size={16} aria-hidden />
        <Title order={2} size="h4">
          {t('complaints.detail.contact')}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('complaints.detail.contactPrivate')}
      </Text>
      {hasContact ? (
        <Stack gap="xs">
          {complaint.contactName ? <Fact label={t('complaints.detail.contactName')}>{complaint.contactName}</Fact> : null}
          {complaint.contactEmail ? (
            <Fact label={t('complaints.detail.contactEmail')}>
              <Anchor href={`mailto:${complaint.contactEmail}`} size="sm">
                {complaint.contactEmail}
              </Anchor>
            </Fact>
          ) : null}
          {complaint.contactPhone ? (
            <Fact label={t('complaints.detail.contactPhone')}>
              <Anchor href={`tel:${complaint.contactPhone.replace(/[^0-9+]/g, '')}`} size="sm">
                {complaint.contactPhone}
              </Anchor>
            </Fact>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm">{t('complaints.detail.anonymous')}</Text>
      )}
    </Paper>
  );
}

export function ComplaintPage() {
  const { id = '' } = useParams();
  return <ComplaintView key={id} id={id} />;
}

function ComplaintView({ id }: { id: string }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { regionCode, can } = useRegion();
  const canRead = can('complaints.read');
  // Two columns from Mantine's md breakpoint; below it the history moves under the facts.
  const isWide = useMediaQuery('(min-width: 62em)') ?? true;
  const query = useQuery({ ...complaintQueryOptions(regionCode, id), enabled: canRead && id !== '' });

  if (!canRead) return <NoAccess />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const c = query.data;
  const statusPage = `/pengaduan/${encodeURIComponent(c.trackingCode)}`;
  const closed = isClosed(c.status);
  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to="/pengaduan-masuk" size="sm">
          {t('complaints.inbox.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {c.trackingCode}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={t('complaints.detail.title', { code: c.trackingCode })}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <ComplaintStatusBadge status={c.status} size="lg" />
            {c.overdue ? <OverdueBadge /> : null}
            <span>
              {c.categoryName}
              {'\u00a0· '}
              {c.unitName}
            </span>
          </Group>
        }
        actions={can('complaints.handle') ? <ComplaintActions regionCode={regionCode} complaint={c} /> : null}
      />

      {c.overdue ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} mb="md" title={t('complaints.detail.overdueTitle')}>
          {t('complaints.detail.overdueText', { date: formatDateTime(c.dueAt) })}
        </Alert>
      ) : null}

      {/* On a phone the facts (deadline, unit) come right after the complaint itself, before its long history. */}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Title order={2} size="h4" mb="sm">
                {t('complaints.detail.description')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.description}
              </Text>
              {c.statusNote ? (
                <Alert color="gray" variant="light" mt="md" title={t('complaints.detail.statusNote')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.statusNote}
                  </Text>
                  {c.duplicateOfCode ? (
                    <Text size="sm" mt={4}>
                      {t('complaints.detail.duplicateOf', { code: c.duplicateOfCode })}
                    </Text>
                  ) : null}
                </Alert>
              ) : null}
            </Paper>
            <Location complaint={c} />
            <Photos regionCode={regionCode} complaint={c} />
            {isWide ? <ComplaintHistory events={c.events} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Fact label={t('complaints.detail.received')}>{formatDateTime(c.createdAt)}</Fact>
                <Fact label={closed ? t('complaints.detail.closedAt') : t('complaints.detail.due')}>
                  {closed ? (c.closedAt ? formatDateTime(c.closedAt) : '—') : formatDate(c.dueAt)}
                </Fact>
                <Fact label={t('complaints.col.category')}>{c.categoryName}</Fact>
                <Fact label={t('complaints.col.unit')}>{c.unitName}</Fact>
                <Fact label={t('complaints.detail.service')}>
                  {c.serviceId && c.serviceName ? (
                    <Anchor component={Link} to={`/layanan?q=${encodeURIComponent(c.serviceName)}`} size="sm">
                      {c.serviceName}
                    </Anchor>
                  ) : (
                    t('complaints.detail.noService')
                  )}
                </Fact>
                <Fact label={t('complaints.col.source')}>
                  <SourceBadge source={c.source} />
                </Fact>
                <Anchor href={statusPage} target="_blank" rel="noopener noreferrer" size="sm">
                  <Group gap={4} component="span" wrap="nowrap">
                    {t('complaints.detail.publicPage')}
                    <IconExternalLink size={14} aria-hidden />
                  </Group>
                </Anchor>
              </Stack>
            </Paper>
            <Contact complaint={c} />
          </Stack>
        </Grid.Col>
        {isWide ? null : (
          <Grid.Col span={12}>
            <ComplaintHistory events={c.events} />
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
