/**
 * One nominee's field-validation checklist: one card per IID indicator of the innovation's framework
 * with what the innovation answered and the evidence it attached, and the check (status, note, who
 * and when). The admin and the competition's judges save each line on its own, so a team can split
 * the indicators; the others read. The XLSX is the sheet carried on the field visit. The page serves
 * the region's competitions and, under /kompetisi-nasional, the national admin's.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { FIELD_CHECK_STATUSES } from '#shared/api/competitions-iga.ts';
import {
  type FieldCheckLine,
  type FieldCheckStatus,
  fieldChecklistQuery,
  fieldChecklistXlsxUrl,
  fieldChecksKey,
  saveFieldCheck,
} from '../../api/kompetisi-iga.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCompetitionScope } from './competition-scope.tsx';

const STATUS_COLORS: Record<FieldCheckStatus, string> = { belum_diperiksa: 'gray', sesuai: 'green', tidak_sesuai: 'red', perlu_perbaikan: 'orange' };
export const fieldCheckStatusLabel = (s: string) => `iga.check.status.${s}` as MessageKey;

export function IgaChecklistPage() {
  const { id = '', entryId = '' } = useParams();
  const [params] = useSearchParams();
  const { t, formatNumber } = useI18n();
  const { scope: regionCode, basePath } = useCompetitionScope();
  const checklist = useQuery(fieldChecklistQuery(regionCode, id, entryId));
  if (checklist.isError) return <QueryError error={checklist.error} onRetry={() => void checklist.refetch()} />;
  if (!checklist.data) return <FullPageLoader />;
  const c = checklist.data;
  const fromJudging = params.get('dari') === 'penjurian';
  const pct = Number(c.readiness);
  return (
    <>
      <Anchor component={Link} to={fromJudging ? '/penjurian' : `${basePath}/${id}?tab=validasi`} size="sm">
        ← {fromJudging ? t('iga.check.backJudge') : t('iga.check.back')}
      </Anchor>
      <PageHeader
        title={`${t('iga.check.title')}: ${c.innovationName}`}
        description={`${c.competitionScope === 'national' ? `${c.unitName}, ${c.regionName}` : c.unitName} · ${c.competitionName}`}
      />
      <Stack>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
              <Text fw={700} size="lg">
                {t('iga.check.readiness', { pct: formatNumber(pct) })}
              </Text>
              <Progress value={pct} color={pct >= 80 ? 'green' : pct >= 50 ? 'yellow' : 'red'} aria-label={t('iga.check.col.readiness')} />
              <Text size="sm" c="dimmed">
                {t('iga.check.progress', { checked: c.lines.length - c.counts.belum_diperiksa, total: c.lines.length })} ·{' '}
                {t('iga.check.framework', { name: c.frameworkName })}
              </Text>
              <Group gap={6}>
                {FIELD_CHECK_STATUSES.map((s) => (
                  <Badge key={s} color={STATUS_COLORS[s]} variant="light" radius="sm">
                    {t(fieldCheckStatusLabel(s))}: {c.counts[s]}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed">
                {t('iga.check.readinessHint')}
              </Text>
            </Stack>
            <Button
              component="a"
              href={fieldChecklistXlsxUrl(regionCode, id, entryId)}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('iga.check.xlsx')}
            </Button>
          </Group>
        </Paper>
        {c.canEdit ? null : <Alert color="gray">{t('iga.check.readOnly')}</Alert>}
        {c.lines.map((line) => (
          <LineCard key={line.indicatorId} line={line} canEdit={c.canEdit} regionCode={regionCode} competitionId={id} entryId={entryId} />
        ))}
      </Stack>
    </>
  );
}

function LineCard({
  line,
  canEdit,
  regionCode,
  competitionId,
  entryId,
}: {
  line: FieldCheckLine;
  canEdit: boolean;
  regionCode: string;
  competitionId: string;
  entryId: string;
}) {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FieldCheckStatus>(line.status);
  const [note, setNote] = useState(line.note);
  const dirty = status !== line.status || note !== line.note;
  const save = useMutation({
    mutationFn: () => saveFieldCheck(regionCode, competitionId, entryId, line.indicatorId, { status, note, version: line.version }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('iga.check.saved', { id: line.indicatorId }) });
      void queryClient.invalidateQueries({ queryKey: fieldChecksKey(regionCode) });
    },
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`ind-${line.indicatorId}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={2} size="h5" id={`ind-${line.indicatorId}`}>
          {line.indicatorId}. {line.name}
        </Title>
        <Badge color={STATUS_COLORS[line.status]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
          {t(fieldCheckStatusLabel(line.status))}
        </Badge>
      </Group>
      {line.variable ? (
        <Text size="xs" c="dimmed">
          {line.variable}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
        <div>
          <Text size="xs" fw={600} c="dimmed">
            {t('iga.check.col.answer')}
          </Text>
          <Text size="sm">
            {line.claimedLevel === null ? t('iga.check.noAnswer') : `${line.claimedLevel}${line.claimedLabel ? ` — ${line.claimedLabel}` : ''}`}
          </Text>
        </div>
        <div>
          <Text size="xs" fw={600} c="dimmed">
            {t('iga.check.col.evidence')}
          </Text>
          {line.evidence.length === 0 ? (
            // Mantine's orange on white falls short of 4.5:1 at this size; the darkest red reads as a warning and passes.
            <Text size="sm" c="red.9">
              {t('iga.check.noEvidence')}
            </Text>
          ) : (
            <Stack gap={0}>
              {line.evidence.map((e) =>
                e.kind === 'link' && e.url ? (
                  <Anchor key={e.id} href={e.url} target="_blank" rel="noreferrer" size="sm">
                    {e.title}
                  </Anchor>
                ) : (
                  <Text key={e.id} size="sm">
                    {e.title}
                    {e.fileName && e.fileName !== e.title ? ` (${e.fileName})` : ''}
                  </Text>
                ),
              )}
            </Stack>
          )}
        </div>
      </SimpleGrid>
      {canEdit ? (
        <Stack gap="xs" mt="sm">
          {save.error ? <FormErrorAlert error={save.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Select
              label={t('iga.check.col.status')}
              aria-label={t('iga.check.statusOf', { id: line.indicatorId })}
              data={FIELD_CHECK_STATUSES.map((s) => ({ value: s, label: t(fieldCheckStatusLabel(s)) }))}
              value={status}
              allowDeselect={false}
              onChange={(v) => v && setStatus(v as FieldCheckStatus)}
            />
            <Textarea
              label={t('iga.check.col.note')}
              aria-label={t('iga.check.noteOf', { id: line.indicatorId })}
              autosize
              minRows={1}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              style={{ gridColumn: 'span 2' }}
            />
          </SimpleGrid>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {line.checkedBy && line.checkedAt ? `${t('iga.check.col.checked')}: ${line.checkedBy} · ${formatDateTime(line.checkedAt)}` : ''}
            </Text>
            <Button size="xs" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
              {t('iga.check.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" mt="xs">
          {line.note}
          {line.checkedBy && line.checkedAt ? (
            <Text span size="xs" c="dimmed">
              {' '}
              — {line.checkedBy} · {formatDateTime(line.checkedAt)}
            </Text>
          ) : null}
        </Text>
      )}
    </Paper>
  );
}
