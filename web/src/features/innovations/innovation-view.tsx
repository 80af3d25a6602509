/** The innovation's profile read-only: for reviewers, leaders, and owners while it waits for review. */
import { Badge, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { isYandas } from '#domain/innovations/profile.ts';
import type { Innovation } from '../../api/innovations.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import {
  ASTA_CITA_LABELS,
  BENTUK_LABELS,
  INISIATOR_LABELS,
  JENIS_LABELS,
  KLASIFIKASI_LABELS,
  labelIn,
  PKPN_KLASTER_LABELS,
  SUMBER_ANGGARAN_LABELS,
  TAHAPAN_LABELS,
  TEMATIK_LABELS,
  urusanName,
} from '../../components/innovation-labels.ts';
import { ReviewNote } from './review-note.tsx';
import { WordCounter } from './word-counter.tsx';

function Empty() {
  const { t } = useI18n();
  return (
    <Text span c="dimmed" size="sm">
      {t('view.empty')}
    </Text>
  );
}

function Row({ label, children, note }: { label: MessageKey; children: ReactNode; note?: string | undefined }) {
  const { t } = useI18n();
  return (
    <DataList.Item>
      <DataList.ItemLabel>{t(label)}</DataList.ItemLabel>
      <DataList.ItemValue>
        {children}
        <ReviewNote note={note} />
      </DataList.ItemValue>
    </DataList.Item>
  );
}

function LongText({ text }: { text: string }) {
  return text.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : (
    <Empty />
  );
}

export function UrusanName({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <Group gap={6} component="span" wrap="nowrap">
      <span>{urusanName(id)}</span>
      {isYandas(id) ? (
        <Badge size="xs" variant="light" color="teal" component="span">
          {t('urusan.yandas')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function InnovationView({ innovation }: { innovation: Innovation }) {
  const { t, pick, formatDate, formatDecimal } = useI18n();
  const notes = innovation.reviewNotes;
  const choice = (labels: Parameters<typeof labelIn>[0], value: string | null) => {
    const label = labelIn(labels, value);
    return label ? pick(label) : <Empty />;
  };
  const contact = [innovation.contactName, innovation.contactPhone, innovation.contactEmail].filter(Boolean).join(' · ');
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
      <Title order={2} size="h4" mb="sm">
        {t('editor.title')}
      </Title>
      <DataList orientation="vertical" withDivider gap="sm">
        <Row label="field.name" note={notes.name}>
          <Text size="sm" fw={600}>
            {innovation.name}
          </Text>
        </Row>
        <Row label="field.tahapan" note={notes.tahapan}>
          {choice(TAHAPAN_LABELS, innovation.tahapan)}
        </Row>
        <Row label="field.inisiator" note={notes.inisiator}>
          {choice(INISIATOR_LABELS, innovation.inisiator)}
        </Row>
        <Row label="field.jenis" note={notes.jenis}>
          {choice(JENIS_LABELS, innovation.jenis)}
        </Row>
        <Row label="field.bentuk" note={notes.bentuk}>
          {choice(BENTUK_LABELS, innovation.bentuk)}
        </Row>
        <Row label="field.urusanUtama" note={notes.urusanUtama}>
          {innovation.urusanUtama ? <UrusanName id={innovation.urusanUtama} /> : <Empty />}
        </Row>
        <Row label="field.urusanIrisan" note={notes.urusanIrisan}>
          {innovation.urusanIrisan.length > 0 ? (
            <Stack gap={2}>
              {innovation.urusanIrisan.map((u) => (
                <UrusanName key={u} id={u} />
              ))}
            </Stack>
          ) : (
            <Empty />
          )}
        </Row>
        <Row label="field.tematik" note={notes.tematik}>
          {innovation.tematik ? (
            (innovation.tematikOptions.find((o) => o.id === innovation.tematik)?.name ?? choice(TEMATIK_LABELS, innovation.tematik))
          ) : (
            <Empty />
          )}
        </Row>
        <Row label="field.klasifikasi" note={notes.klasifikasi}>
          {choice(KLASIFIKASI_LABELS, innovation.klasifikasi)}
        </Row>
        <Row label="field.namaInisiator" note={notes.namaInisiator}>
          {innovation.namaInisiator ?? <Empty />}
        </Row>
        <Row label="field.astaCita" note={notes.astaCita}>
          {choice(ASTA_CITA_LABELS, innovation.astaCita)}
        </Row>
        <Row label="field.pkpnKlaster" note={notes.pkpnKlaster}>
          {choice(PKPN_KLASTER_LABELS, innovation.pkpnKlaster)}
          {innovation.pkpnProgram ? <Text size="sm">{innovation.pkpnProgram}</Text> : null}
        </Row>
        <Row label="field.anggaranRupiah" note={notes.anggaran}>
          {innovation.anggaran === null ? (
            <Empty />
          ) : (
            <Text size="sm">
              {`Rp ${formatDecimal(innovation.anggaran.replace(/\.00$/, ''))}`}
              {innovation.sumberAnggaran ? ` · ${pick(labelIn(SUMBER_ANGGARAN_LABELS, innovation.sumberAnggaran) ?? { id: '', en: '' })}` : ''}
            </Text>
          )}
        </Row>
        <Row label="field.waktuUjiCoba" note={notes.waktuUjiCoba}>
          {innovation.waktuUjiCoba ? formatDate(innovation.waktuUjiCoba) : <Empty />}
        </Row>
        <Row label="field.waktuPenerapan" note={notes.waktuPenerapan}>
          {innovation.waktuPenerapan ? formatDate(innovation.waktuPenerapan) : <Empty />}
        </Row>
        {innovation.waktuPengembangan || innovation.uraianPengembangan ? (
          <Row label="editor.waktuPengembangan" note={notes.waktuPengembangan ?? notes.uraianPengembangan}>
            {innovation.waktuPengembangan ? formatDate(innovation.waktuPengembangan) : <Empty />}
            {innovation.uraianPengembangan ? <LongText text={innovation.uraianPengembangan} /> : null}
          </Row>
        ) : null}
        <Row label="field.rancangBangun" note={notes.rancangBangun}>
          <LongText text={innovation.rancangBangun} />
          <WordCounter text={innovation.rancangBangun} />
        </Row>
        <Row label="field.tujuan" note={notes.tujuan}>
          <LongText text={innovation.tujuan} />
        </Row>
        <Row label="field.manfaat" note={notes.manfaat}>
          <LongText text={innovation.manfaat} />
        </Row>
        <Row label="field.hasil" note={notes.hasil}>
          <LongText text={innovation.hasil} />
        </Row>
        <Row label="field.koordinat" note={notes.koordinat}>
          {innovation.latitude !== null && innovation.longitude !== null ? `${innovation.latitude}, ${innovation.longitude}` : <Empty />}
        </Row>
        <Row label="field.narahubung" note={notes.narahubung}>
          {contact ? contact : <Empty />}
        </Row>
      </DataList>
    </Paper>
  );
}
