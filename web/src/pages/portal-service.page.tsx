/**
 * One service on the portal (/portal/:regionCode/layanan/:serviceId), the page a QR code or a shared
 * link opens: the six components of its standar pelayanan, how to get it, its latest IKM with grade and
 * number of respondents, the follow-up the unit published after the last survey, and the two buttons.
 */
import { Alert, Badge, Button, Center, Group, Loader, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconBuilding, IconExternalLink, IconInfoCircle, IconMessageReport, IconStar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/http.ts';
import { complaintFormPath, type PublicServiceDetail, portalPath, portalServiceQuery, surveyPath } from '../api/portal.api.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { QueryError } from '../components/query-error.tsx';
import { FOLLOW_UP_LABELS } from '../features/portal/portal-labels.ts';
import { BackLink, ChannelBadge, IkmBadge, ShareButton } from '../features/portal/portal-parts.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.id.ts';

const STANDARD: {
  field: keyof Pick<PublicServiceDetail, 'requirements' | 'procedure' | 'duration' | 'cost' | 'product' | 'complaintHandling'>;
  label: MessageKey;
}[] = [
  { field: 'requirements', label: 'portal.service.requirements' },
  { field: 'procedure', label: 'portal.service.procedure' },
  { field: 'duration', label: 'portal.service.duration' },
  { field: 'cost', label: 'portal.service.cost' },
  { field: 'product', label: 'portal.service.product' },
  { field: 'complaintHandling', label: 'portal.service.complaintHandling' },
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function PortalServicePage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { regionCode = '', serviceId = '' } = useParams();
  const query = useQuery({ ...portalServiceQuery(serviceId), enabled: serviceId !== '' });
  useDocumentTitle(`${query.data?.name ?? t('portal.title')} · ${t('portal.title')}`);
  const back = <BackLink to={portalPath(query.data?.regionCode ?? regionCode)} label={t('portal.back')} />;

  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    const missing =
      isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'SKM_SERVICE_NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED');
    return (
      <Stack>
        {back}
        {missing ? (
          <ListEmpty kind="no-match" title={t('portal.service.notFound.title')} description={t('portal.service.notFound.text')} />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }

  const s = query.data;
  const region = s.regionCode;
  const howTo =
    s.channel === 'online'
      ? t('portal.service.howTo.online')
      : s.channel === 'offline'
        ? t('portal.service.howTo.offline', { unit: s.unitName })
        : t('portal.service.howTo.both', { unit: s.unitName });

  const actions = (
    <Group gap="xs" grow preventGrowOverflow={false}>
      {s.survey ? (
        <Button component={Link} to={surveyPath(region, s.id)} size="md" leftSection={<IconStar size={18} aria-hidden />}>
          {t('portal.survey.button')}
        </Button>
      ) : null}
      <Button
        component={Link}
        to={complaintFormPath(region, s.id)}
        size="md"
        variant="light"
        leftSection={<IconMessageReport size={18} aria-hidden />}
      >
        {t('portal.complaint.button')}
      </Button>
    </Group>
  );

  return (
    <Stack gap="md">
      {back}
      <Stack gap={8}>
        <Title order={1} size="h2" lh={1.25}>
          {s.name}
        </Title>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconBuilding size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          <Text size="sm" c="dimmed">
            {s.unitName} · {s.regionName}
          </Text>
        </Group>
        <Group gap={6}>
          <ChannelBadge channel={s.channel} />
          {s.isDigital ? (
            <Badge variant="outline" radius="sm" color="indigo">
              {t('portal.digital')}
            </Badge>
          ) : null}
          {s.category ? (
            <Badge variant="outline" radius="sm" color="gray">
              {s.category}
            </Badge>
          ) : null}
        </Group>
        {s.description ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.description}
          </Text>
        ) : null}
        <Group gap="xs">
          <ShareButton title={s.name} text={t('portal.share.text', { name: s.name })} />
        </Group>
      </Stack>

      {s.survey ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('portal.service.surveyOpen', { label: s.survey.label })}
        </Alert>
      ) : null}
      {actions}

      <Section id="service-howto" title={t('portal.service.howTo')}>
        <Text size="sm">{howTo}</Text>
        {s.onlineUrl && s.channel !== 'offline' ? (
          <Group>
            <Button
              component="a"
              href={s.onlineUrl}
              target="_blank"
              rel="noopener noreferrer"
              variant="light"
              rightSection={<IconExternalLink size={16} aria-hidden />}
            >
              {t('portal.service.openOnline')}
            </Button>
          </Group>
        ) : null}
      </Section>

      <Section id="service-ikm" title={t('portal.service.ikmTitle')}>
        {s.ikm ? (
          <Stack gap={6}>
            <IkmBadge ikm={{ index: s.ikm.index, grade: s.ikm.grade }} size="lg" />
            <Text size="sm" c="dimmed" data-ikm-responses={s.ikm.responses}>
              {t('portal.service.ikmOf', { year: s.ikm.year, n: formatNumber(s.ikm.responses) })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('portal.service.ikmNone')}
          </Text>
        )}
        {s.survey ? null : (
          <Text size="sm" c="dimmed">
            {t('portal.service.surveyClosed')}
          </Text>
        )}
      </Section>

      <Section id="service-standard" title={t('portal.service.standard')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {STANDARD.map(({ field, label }) => (
            <Stack key={field} gap={2}>
              <Title order={3} size="h5">
                {t(label)}
              </Title>
              {s[field].trim() ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s[field]}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('portal.service.notStated')}
                </Text>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      </Section>

      <Section id="service-follow-ups" title={t('portal.service.followUps')}>
        <Text size="sm" c="dimmed">
          {s.followUps.length > 0 ? t('portal.service.followUpsIntro') : t('portal.service.followUpsNone')}
        </Text>
        {s.followUps.length > 0 ? (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {s.followUps.map((f) => (
              <Paper key={`${f.unsur}|${f.dueOn}|${f.action}`} withBorder radius="sm" p="sm" component="li">
                <Stack gap={6}>
                  <Text size="sm" fw={600}>
                    {f.action}
                  </Text>
                  <Group gap="xs">
                    <Badge variant="light" radius="sm" color={f.status === 'selesai' ? 'green' : f.status === 'berjalan' ? 'blue' : 'gray'}>
                      {FOLLOW_UP_LABELS[f.status] ? t(FOLLOW_UP_LABELS[f.status] as MessageKey) : f.status}
                    </Badge>
                    {f.unsur ? (
                      <Text size="xs" c="dimmed">
                        {t('portal.service.followUpUnsur', { unsur: f.unsur })}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {t('portal.service.followUpDue', { date: formatDate(f.dueOn) })}
                    </Text>
                  </Group>
                  <Progress value={f.progress} size="sm" aria-label={`${f.action}: ${f.progress}%`} />
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : null}
      </Section>

      {actions}
    </Stack>
  );
}
