/**
 * One innovation of the public catalogue (/katalog/:id), with a shareable address: the public profile
 * only (no contacts, budget documents, verifier notes or drafts: the server never sends them).
 */
import { Anchor, Badge, Button, Center, CopyButton, DataList, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconArrowLeft, IconCheck, IconLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { catalogueItemQueryOptions } from '../api/catalogue.api.ts';
import { isApiError } from '../api/http.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { QueryError } from '../components/query-error.tsx';
import {
  ASTA_CITA_LABELS,
  BENTUK_LABELS,
  INISIATOR_LABELS,
  JENIS_LABELS,
  KLASIFIKASI_LABELS,
  labelIn,
  PKPN_KLASTER_LABELS,
  TAHAPAN_LABELS,
  TEMATIK_LABELS,
} from '../components/innovation-labels.ts';
import { UrusanName } from '../features/innovations/innovation-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.id.ts';

function Row({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  if (children === null || children === '' || children === undefined) return null;
  return (
    <DataList.Item>
      <DataList.ItemLabel>{t(label)}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function backPath(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/katalog')) return state.from;
  return '/katalog';
}

export function CatalogueDetailPage() {
  const { t, pick, formatDate } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const query = useQuery({ ...catalogueItemQueryOptions(id), enabled: id !== '' });
  useDocumentTitle(`${query.data?.name ?? t('catalogue.title')} · Sinergi`);
  const back = (
    <Anchor component={Link} to={backPath(location.state)} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('catalogue.back')}
      </Group>
    </Anchor>
  );

  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Stack>
        {back}
        {isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED') ? (
          <ListEmpty kind="no-match" title={t('catalogue.notFound.title')} description={t('catalogue.notFound.text')} />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }

  const item = query.data;
  const choice = (labels: Parameters<typeof labelIn>[0], value: string | null) => {
    const label = labelIn(labels, value);
    return label ? pick(label) : null;
  };
  const text = (value: string) =>
    value.trim() ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    ) : null;

  return (
    <Stack gap="md">
      {back}
      <Stack gap={6}>
        <Title order={1} size="h2">
          {item.name}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="green">
            {t('catalogue.verified')}
          </Badge>
          <Badge variant="outline">{item.year}</Badge>
          <Text size="sm" c="dimmed">
            {item.regionName} · {item.unitName}
          </Text>
        </Group>
        <Group gap="xs">
          <CopyButton value={window.location.href}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="light"
                color={copied ? 'green' : 'blue'}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconLink size={14} aria-hidden />}
                onClick={copy}
              >
                {copied ? t('catalogue.linkCopied') : t('catalogue.copyLink')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <DataList orientation="vertical" withDivider gap="sm">
          <Row label="field.tahapan">{choice(TAHAPAN_LABELS, item.tahapan)}</Row>
          <Row label="field.inisiator">{choice(INISIATOR_LABELS, item.inisiator)}</Row>
          <Row label="field.jenis">{choice(JENIS_LABELS, item.jenis)}</Row>
          <Row label="field.bentuk">{choice(BENTUK_LABELS, item.bentuk)}</Row>
          <Row label="field.urusanUtama">{item.urusanUtama ? <UrusanName id={item.urusanUtama} /> : null}</Row>
          <Row label="field.urusanIrisan">
            {item.urusanIrisan.length > 0 ? (
              <Stack gap={2}>
                {item.urusanIrisan.map((u) => (
                  <UrusanName key={u} id={u} />
                ))}
              </Stack>
            ) : null}
          </Row>
          <Row label="field.tematik">{item.tematikName ?? choice(TEMATIK_LABELS, item.tematik)}</Row>
          <Row label="field.klasifikasi">{choice(KLASIFIKASI_LABELS, item.klasifikasi)}</Row>
          <Row label="field.astaCita">{choice(ASTA_CITA_LABELS, item.astaCita)}</Row>
          <Row label="field.pkpnKlaster">{choice(PKPN_KLASTER_LABELS, item.pkpnKlaster)}</Row>
          <Row label="field.pkpnProgram">{item.pkpnProgram}</Row>
          <Row label="field.waktuUjiCoba">{item.waktuUjiCoba ? formatDate(item.waktuUjiCoba) : null}</Row>
          <Row label="field.waktuPenerapan">{item.waktuPenerapan ? formatDate(item.waktuPenerapan) : null}</Row>
          <Row label="field.tujuan">{text(item.tujuan)}</Row>
          <Row label="field.manfaat">{text(item.manfaat)}</Row>
          <Row label="field.hasil">{text(item.hasil)}</Row>
          <Row label="field.rancangBangun">{text(item.rancangBangun)}</Row>
          <Row label="field.koordinat">
            {item.latitude !== null && item.longitude !== null ? (
              <Anchor
                href={`https://www.openstreetmap.org/?mlat=${item.latitude}&mlon=${item.longitude}#map=16/${item.latitude}/${item.longitude}`}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
              >
                {item.latitude}, {item.longitude}
              </Anchor>
            ) : null}
          </Row>
          <Row label="catalogue.verifiedAt">{item.verifiedAt ? formatDate(item.verifiedAt) : null}</Row>
        </DataList>
      </Paper>
    </Stack>
  );
}
