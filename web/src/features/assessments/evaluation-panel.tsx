/**
 * Hasil evaluasi (smart-city assessments): the Indeks Pencapaian on the assessors' verified values and
 * its change since the previous evaluation, the index of each pillar beside last year's (table and bar
 * chart), and the assessor's result: findings overall and per pillar, the letter's number and date and
 * the letter itself. Those who verify record and edit the result (the version loaded guards a lost race).
 */
import { Alert, Anchor, Button, FileButton, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import {
  type AssessmentEvaluation,
  evaluationKey,
  evaluationLetterUrl,
  evaluationQueryOptions,
  recordEvaluation,
  removeEvaluationLetter,
  uploadEvaluationLetter,
} from '../../api/evaluations.api.ts';
import { isApiError } from '../../api/http.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useFigures } from '../../components/figures.ts';
import { PillarBarsChart } from '../../components/evaluation/lazy-charts.tsx';
import { DeltaBadge, PillarTable } from '../../components/evaluation/pillar-table.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useErrorText } from '../../components/use-error-text.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function EvaluationPanel({ regionCode, assessmentId }: { regionCode: string; assessmentId: string }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const query = useQuery(evaluationQueryOptions(regionCode, assessmentId));
  if (query.isPending) return <Skeleton h={320} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  const previousYear = e.previous?.year ?? null;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('evaluasi.indexTitle', { year: e.year })}
              </Text>
              <Group gap="sm" align="baseline">
                <Text fz={36} fw={800} lh={1} data-testid="evaluation-index">
                  {figure(e.index, 'index')}
                </Text>
                <DeltaBadge delta={e.delta} />
              </Group>
              <Text size="sm" c="dimmed">
                {e.previous
                  ? t('evaluasi.previousLine', { year: e.previous.year, index: figure(e.previous.index, 'index') })
                  : t('evaluasi.firstYear')}
                {e.claimedIndex !== null ? ` · ${t('evaluasi.claimedLine', { index: figure(e.claimedIndex, 'index') })}` : ''}
              </Text>
              {!e.complete && e.index !== null ? (
                <Alert color="yellow" variant="light" mt="xs" icon={<IconInfoCircle size={18} aria-hidden />}>
                  {t('evaluasi.incomplete', { n: e.missing })}
                </Alert>
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <PillarBarsChart pillars={e.pillars} year={e.year} previousYear={previousYear} />
          </Grid.Col>
          <Grid.Col span={12}>
            <PillarTable
              rows={e.pillars}
              overall={{ index: e.index, claimedIndex: e.claimedIndex, previousIndex: e.previous?.index ?? null, delta: e.delta }}
              caption={t('evaluasi.pillarsCaption', { year: e.year })}
              year={e.year}
              previousYear={previousYear}
              withFindings
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <ResultCard regionCode={regionCode} evaluation={e} />
    </Stack>
  );
}

function ResultCard({ regionCode, evaluation: e }: { regionCode: string; evaluation: AssessmentEvaluation }) {
  const { t, formatDate } = useI18n();
  const [editing, setEditing] = useState(false);
  const result = e.result;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('evaluasi.result.title')}
          </Title>
          {e.can.record && !editing ? (
            <Button variant="default" size="sm" onClick={() => setEditing(true)}>
              {t(result ? 'evaluasi.result.edit' : 'evaluasi.result.record')}
            </Button>
          ) : null}
        </Group>
        {editing ? (
          <ResultForm regionCode={regionCode} evaluation={e} onDone={() => setEditing(false)} />
        ) : result ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap={4}>
              <Text size="sm" fw={700}>
                {t('evaluasi.result.letter')}
              </Text>
              <Text size="sm" data-testid="evaluation-letter">
                {result.letterNumber && result.letterDate
                  ? t('evaluasi.result.letterLine', { number: result.letterNumber, date: formatDate(result.letterDate) })
                  : t('evaluasi.result.noLetter')}
              </Text>
              {result.evaluator ? (
                <Text size="sm" c="dimmed">
                  {t('evaluasi.result.by', { evaluator: result.evaluator })}
                </Text>
              ) : null}
              <LetterDocument regionCode={regionCode} evaluation={e} />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={700}>
                {t('evaluasi.findings')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {result.findings || '–'}
              </Text>
            </Stack>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {e.stage === 'mandiri' ? t('evaluasi.result.notYet') : t('evaluasi.result.none')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function LetterDocument({ regionCode, evaluation: e }: { regionCode: string; evaluation: AssessmentEvaluation }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = (fresh: AssessmentEvaluation | null) => {
    if (fresh) queryClient.setQueryData(evaluationKey(regionCode, e.assessmentId), fresh);
    return queryClient.invalidateQueries({ queryKey: evaluationKey(regionCode, e.assessmentId) });
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadEvaluationLetter(regionCode, e.assessmentId, file),
    onSuccess: async (fresh) => {
      notifications.show({ color: 'green', message: t('evaluasi.letter.uploaded') });
      await refresh(fresh);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const document = e.result?.document ?? null;
  const remove = useMutation({
    mutationFn: () => removeEvaluationLetter(regionCode, e.assessmentId, document?.id ?? ''),
    onSuccess: async () => {
      setConfirming(false);
      notifications.show({ color: 'green', message: t('evaluasi.letter.removed') });
      await refresh(null);
    },
  });
  return (
    <Group gap="xs">
      {document ? (
        <Anchor href={evaluationLetterUrl(regionCode, e.assessmentId, document.id)} target="_blank" size="sm">
          {t('evaluasi.letter.open', { name: document.fileName ?? document.title })}
        </Anchor>
      ) : null}
      {e.can.record ? (
        <>
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="application/pdf,image/png,image/jpeg">
            {(props) => (
              <Button {...props} variant="subtle" size="xs" leftSection={<IconUpload size={14} aria-hidden />} loading={upload.isPending}>
                {t(document ? 'evaluasi.letter.replace' : 'evaluasi.letter.upload')}
              </Button>
            )}
          </FileButton>
          {document ? (
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirming(true)}>
              {t('evaluasi.letter.remove')}
            </Button>
          ) : null}
          <ConfirmDialog
            opened={confirming}
            title={t('evaluasi.letter.removeTitle')}
            message={t('evaluasi.letter.removeText')}
            confirmLabel={t('evaluasi.letter.remove')}
            isPending={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate()}
            onClose={() => setConfirming(false)}
          />
        </>
      ) : null}
    </Group>
  );
}

interface Values {
  evaluator: string;
  findings: string;
  letterNumber: string;
  letterDate: string;
  pillars: Record<string, string>;
}
const FIELDS = ['evaluator', 'findings', 'letterNumber', 'letterDate'] as const;

function ResultForm({ regionCode, evaluation: e, onDone }: { regionCode: string; evaluation: AssessmentEvaluation; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<Values>({
    initialValues: {
      evaluator: e.result?.evaluator ?? '',
      findings: e.result?.findings ?? '',
      letterNumber: e.result?.letterNumber ?? '',
      letterDate: e.result?.letterDate ?? '',
      pillars: Object.fromEntries(e.pillars.map((p) => [p.id, p.findings])),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      recordEvaluation(regionCode, e.assessmentId, {
        evaluator: v.evaluator,
        findings: v.findings,
        pillarFindings: e.pillars.map((p) => ({ pillarId: p.id, findings: v.pillars[p.id] ?? '' })),
        letterNumber: v.letterNumber || null,
        letterDate: v.letterDate || null,
        version: e.result?.version ?? null,
      }),
    onSuccess: async (fresh) => {
      notifications.show({ color: 'green', message: t('evaluasi.result.saved') });
      queryClient.setQueryData(evaluationKey(regionCode, e.assessmentId), fresh);
      await queryClient.invalidateQueries({ queryKey: ['regions', regionCode, 'smart-city'] });
      onDone();
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (isApiError(error, 'STALE_VERSION')) await queryClient.invalidateQueries({ queryKey: evaluationKey(regionCode, e.assessmentId) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('evaluasi.form.letterNumber')} placeholder="B-1342/DJAI/AI.01.02/11/2025" {...form.getInputProps('letterNumber')} />
          <TextInput label={t('evaluasi.form.letterDate')} type="date" {...form.getInputProps('letterDate')} />
        </SimpleGrid>
        <TextInput label={t('evaluasi.form.evaluator')} {...form.getInputProps('evaluator')} />
        <Textarea label={t('evaluasi.form.findings')} autosize minRows={3} {...form.getInputProps('findings')} />
        {e.pillars.map((p) => (
          <Textarea
            key={p.id}
            label={t('evaluasi.form.pillarFindings', { pillar: p.name })}
            autosize
            minRows={2}
            {...form.getInputProps(`pillars.${p.id}`)}
          />
        ))}
        {save.isError && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
