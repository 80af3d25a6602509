/**
 * One score sheet: the entry's proposal on one side, the rubric on the other — each criterion with
 * its weight, descriptors, a score and a comment. Drafts save themselves a moment after typing stops
 * (a PUT with the sheet's version); submitting asks first. Until the stage is locked no total shows:
 * the judge scores blind.
 */
import { Alert, Anchor, Button, Grid, Group, List, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { judgingKey, type SheetDetail, saveSheet, sheetAttachmentUrl, sheetQuery, submitSheet } from '../../api/kompetisi.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { stageLabel } from './kompetisi-labels.ts';

export function PenjurianSheetPage() {
  const { sheetId = '' } = useParams();
  const { regionCode } = useRegion();
  const { t } = useI18n();
  const sheet = useQuery({ ...sheetQuery(regionCode, sheetId), refetchOnWindowFocus: false });
  if (sheet.isError) return <QueryError error={sheet.error} onRetry={() => void sheet.refetch()} />;
  if (!sheet.data) return <FullPageLoader />;
  return (
    <>
      <Anchor component={Link} to="/penjurian" size="sm">
        ← {t('judging.back')}
      </Anchor>
      <PageHeader
        title={t('judging.sheet.title', { name: sheet.data.entry.innovationName })}
        description={`${sheet.data.competitionName} · ${t(stageLabel(sheet.data.stageCode))}`}
      />
      <SheetForm regionCode={regionCode} sheet={sheet.data} />
    </>
  );
}

function SheetForm({ regionCode, sheet }: { regionCode: string; sheet: SheetDetail }) {
  const { t, formatDecimal } = useI18n();
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<string, string>>(sheet.scores);
  const [comments, setComments] = useState<Record<string, string>>(sheet.comments);
  const [submitted, setSubmitted] = useState(sheet.status === 'submitted');
  const [confirm, setConfirm] = useState(false);
  const version = useRef(sheet.version);
  const latest = useRef({ scores, comments });
  const save = useMutation({
    mutationFn: () => saveSheet(regionCode, sheet.id, { ...latest.current, version: version.current }),
    onSuccess: (r) => {
      version.current = r.version;
    },
  });
  const autosave = useDebouncedCallback(() => save.mutate(), 800);
  const change = (next: { scores?: Record<string, string>; comments?: Record<string, string> }) => {
    const merged = { scores: next.scores ?? latest.current.scores, comments: next.comments ?? latest.current.comments };
    latest.current = merged;
    if (next.scores) setScores(merged.scores);
    if (next.comments) setComments(merged.comments);
    autosave();
  };
  const submit = useMutation({
    mutationFn: async () => {
      autosave.cancel();
      const r = await saveSheet(regionCode, sheet.id, { ...latest.current, version: version.current });
      version.current = r.version;
      return submitSheet(regionCode, sheet.id);
    },
    onSuccess: () => {
      setSubmitted(true);
      setConfirm(false);
      void queryClient.invalidateQueries({ queryKey: judgingKey(regionCode) });
      notifications.show({ color: 'green', message: t('judging.sheet.submitted') });
    },
  });
  const readOnly = submitted || sheet.stageLocked;
  const { rubric } = sheet;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('judging.sheet.proposal')}
          </Title>
          <Stack gap="sm">
            {sheet.entry.sections.map((s) => (
              <div key={s.code}>
                <Text fw={700} size="sm">
                  {s.title}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.text || '–'}
                </Text>
              </div>
            ))}
            {sheet.entry.videoUrl ? (
              <Anchor href={sheet.entry.videoUrl} target="_blank" rel="noreferrer" size="sm">
                {sheet.entry.videoUrl}
              </Anchor>
            ) : null}
            {sheet.entry.attachments.map((a) => (
              <Anchor
                key={a.id}
                href={a.kind === 'link' ? (a.url ?? '#') : sheetAttachmentUrl(regionCode, sheet.id, a.id)}
                target="_blank"
                rel="noreferrer"
                size="sm"
              >
                <IconPaperclip size={14} aria-hidden /> {a.title}
              </Anchor>
            ))}
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {t('judging.sheet.rubric')}
            </Title>
            <Text size="sm" c="dimmed" aria-live="polite">
              {save.isPending
                ? t('judging.sheet.saving')
                : save.isSuccess
                  ? t('judging.sheet.saved')
                  : t('judging.sheet.scale', { min: rubric.scale.min, max: rubric.scale.max })}
            </Text>
          </Group>
          {sheet.reopenReason && !submitted ? (
            <Alert color="orange" mb="sm">
              {t('judging.sheet.reopened', { reason: sheet.reopenReason })}
            </Alert>
          ) : null}
          {submitted ? (
            <Alert color="blue" mb="sm">
              {t('judging.sheet.readOnly')}
            </Alert>
          ) : null}
          {sheet.total !== null ? (
            <Alert color="teal" mb="sm">
              {t('judging.sheet.total', { total: formatDecimal(sheet.total) })}
            </Alert>
          ) : null}
          <Stack gap="lg">
            {rubric.criteria.map((c) => (
              <Stack key={c.code} gap={6}>
                <Text fw={700}>
                  {c.name}{' '}
                  <Text span size="xs" c="dimmed">
                    ({t('judging.sheet.weight', { weight: c.weight })})
                  </Text>
                </Text>
                {c.descriptors && c.descriptors.length > 0 ? (
                  <List size="xs" c="dimmed">
                    {c.descriptors.map((d) => (
                      <List.Item key={d.score}>
                        {d.score}: {d.text}
                      </List.Item>
                    ))}
                  </List>
                ) : null}
                <Group align="flex-start" grow>
                  <NumberInput
                    label={t('judging.sheet.score')}
                    aria-label={`${t('judging.sheet.score')} — ${c.name}`}
                    min={Number(rubric.scale.min)}
                    max={Number(rubric.scale.max)}
                    value={scores[c.code] ?? ''}
                    onChange={(v) => change({ scores: { ...latest.current.scores, [c.code]: v === '' ? '' : String(v) } })}
                    readOnly={readOnly}
                    maw={160}
                    decimalSeparator=","
                  />
                  <Textarea
                    label={t('judging.sheet.comment')}
                    aria-label={`${t('judging.sheet.comment')} — ${c.name}`}
                    value={comments[c.code] ?? ''}
                    onChange={(e) => change({ comments: { ...latest.current.comments, [c.code]: e.currentTarget.value } })}
                    readOnly={readOnly}
                    autosize
                    minRows={1}
                  />
                </Group>
              </Stack>
            ))}
          </Stack>
          <FormErrorAlert error={save.error ?? submit.error} />
          {!readOnly ? (
            <Group justify="flex-end" mt="md">
              <Button onClick={() => setConfirm(true)}>{t('judging.sheet.submit')}</Button>
            </Group>
          ) : null}
        </Paper>
      </Grid.Col>
      <ConfirmDialog
        opened={confirm}
        title={t('judging.sheet.submit')}
        message={t('judging.sheet.submitConfirm')}
        confirmLabel={t('judging.sheet.submit')}
        isPending={submit.isPending}
        error={submit.error}
        onConfirm={() => submit.mutate()}
        onClose={() => setConfirm(false)}
      />
    </Grid>
  );
}
