/**
 * The satisfaction survey of one service (/portal/:regionCode/layanan/:serviceId/survei), the page its
 * QR code opens: the nine questions of the open period (wording as the region set it), each with four
 * answers as large cards; the respondent profile and the suggestion, which people may skip; then a
 * thank-you. No login. A retry of the same form (a lost answer on a bad connection) carries the same
 * idempotency key, so it is counted once; this browser's random id keeps to one answer per device.
 */
import { Alert, Button, Center, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../api/http.ts';
import {
  deviceId,
  portalServicePath,
  portalServiceQuery,
  type PublicServiceDetail,
  randomId,
  type SkmAnswerInput,
  submitSurveyAnswer,
} from '../api/portal.api.ts';
import { FormErrorAlert } from '../components/form-error-alert.tsx';
import { fieldOf } from '../components/form-issues.ts';
import { ListEmpty } from '../components/list-empty.tsx';
import { QueryError } from '../components/query-error.tsx';
import { PROFILE_CHOICES, type ProfileField } from '../features/portal/portal-labels.ts';
import { AnswerCards, BackLink, HoneypotField } from '../features/portal/portal-parts.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.id.ts';

const PROFILE_FIELDS: { field: ProfileField; label: MessageKey }[] = [
  { field: 'gender', label: 'portal.survey.gender' },
  { field: 'ageGroup', label: 'portal.survey.ageGroup' },
  { field: 'education', label: 'portal.survey.education' },
  { field: 'occupation', label: 'portal.survey.occupation' },
  { field: 'vulnerable', label: 'portal.survey.vulnerable' },
];

type Profile = Record<ProfileField | 'serviceDate', string>;
const EMPTY_PROFILE: Profile = { gender: '', ageGroup: '', education: '', occupation: '', vulnerable: '', serviceDate: '' };

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function SurveyForm({ service, onDone }: { service: PublicServiceDetail; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const survey = service.survey;
  const questions = survey?.questions ?? [];
  const [answers, setAnswers] = useState<Record<string, number | null>>(() => Object.fromEntries(questions.map((q) => [q.unsur, null])));
  const [profile, setProfile] = useState<Profile>(EMPTY_PROFILE);
  const [suggestion, setSuggestion] = useState('');
  const [website, setWebsite] = useState('');
  // One key per filled form, kept across retries of that form: the server counts it once.
  const [idempotencyKey] = useState(randomId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const [sending, setSending] = useState(false);
  const [closed, setClosed] = useState(false);

  if (!survey || closed) {
    return <ListEmpty kind="empty" title={t('portal.survey.closed.title')} description={t('portal.survey.closed.text')} />;
  }

  const focusField = (field: string) => {
    window.requestAnimationFrame(() => {
      const target =
        document.querySelector<HTMLElement>(`[data-question="${field}"] input`) ?? document.querySelector<HTMLElement>(`[name="${field}"]`);
      target?.focus();
      target?.scrollIntoView({ block: 'center' });
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setFailure(null);
    const missing = questions.filter((q) => answers[q.unsur] == null);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((q) => [q.unsur, t('portal.survey.answerRequired')])));
      setFailure({ error: null, unplaced: [] });
      focusField(missing[0]?.unsur ?? '');
      return;
    }
    setErrors({});
    const respondent = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== ''));
    const input = {
      answers: answers as SkmAnswerInput['answers'],
      ...(Object.keys(respondent).length > 0 ? { respondent: respondent as SkmAnswerInput['respondent'] } : {}),
      suggestion: suggestion.trim() || null,
      channel: 'tautan',
      deviceId: deviceId(),
    } satisfies SkmAnswerInput;
    setSending(true);
    try {
      await submitSurveyAnswer(service.id, input, { idempotencyKey, honeypot: website });
      await queryClient.invalidateQueries({ queryKey: ['public', 'portal'] });
      onDone();
    } catch (error) {
      if (isApiError(error, 'SKM_PERIOD_CLOSED') || isApiError(error, 'SKM_PERIOD_LOCKED')) {
        setClosed(true);
        return;
      }
      const placed: Record<string, string> = {};
      const unplaced: FieldIssue[] = [];
      for (const issue of isApiError(error) ? error.issues : []) {
        const field = fieldOf(issue);
        const key = field.startsWith('answers.')
          ? field.slice('answers.'.length)
          : field.startsWith('respondent.')
            ? field.slice('respondent.'.length)
            : field;
        if (key in answers || key in profile || key === 'suggestion') placed[key] = issue.reason;
        else if (field !== 'deviceId') unplaced.push({ field, reason: issue.reason });
      }
      setErrors(placed);
      setFailure({ error, unplaced });
      const first = Object.keys(placed)[0];
      if (first) focusField(first);
    } finally {
      setSending(false);
    }
  };

  const unanswered = questions.filter((q) => answers[q.unsur] == null).length;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="survey-questions">
          <Stack gap="xl">
            <Title order={2} size="h3" id="survey-questions">
              {t('portal.survey.questions')}
            </Title>
            {questions.map((q, i) => (
              <AnswerCards
                key={q.unsur}
                name={q.unsur}
                hint={`${t('portal.survey.questionNumber', { n: i + 1, total: questions.length })} · ${q.name}`}
                legend={q.question}
                options={q.options}
                value={answers[q.unsur] ?? null}
                onChange={(v) => {
                  setAnswers((a) => ({ ...a, [q.unsur]: v }));
                  setErrors((e) => {
                    const { [q.unsur]: _, ...rest } = e;
                    return rest;
                  });
                }}
                error={errors[q.unsur]}
              />
            ))}
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="survey-profile">
          <Stack gap="sm">
            <Title order={2} size="h3" id="survey-profile">
              {t('portal.survey.profile')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('portal.survey.profileHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {PROFILE_FIELDS.map(({ field, label }) => (
                <NativeSelect
                  key={field}
                  name={field}
                  size="md"
                  label={t(label)}
                  value={profile[field]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setProfile((p) => ({ ...p, [field]: value }));
                  }}
                  error={errors[field]}
                  data={[
                    { value: '', label: t('portal.survey.choose') },
                    ...PROFILE_CHOICES[field].map((c) => ({ value: c.value, label: t(c.key) })),
                  ]}
                />
              ))}
              <TextInput
                type="date"
                name="serviceDate"
                size="md"
                label={t('portal.survey.serviceDate')}
                value={profile.serviceDate}
                max={todayIso()}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setProfile((p) => ({ ...p, serviceDate: value }));
                }}
                error={errors.serviceDate}
              />
            </SimpleGrid>
            <Textarea
              name="suggestion"
              size="md"
              label={t('portal.survey.suggestion')}
              description={t('portal.survey.suggestionHint')}
              autosize
              minRows={3}
              maxLength={2000}
              value={suggestion}
              onChange={(e) => setSuggestion(e.currentTarget.value)}
              error={errors.suggestion}
            />
          </Stack>
        </Paper>

        <HoneypotField value={website} onChange={setWebsite} />

        {failure?.error ? <FormErrorAlert error={failure.error} unplaced={failure.unplaced} /> : null}
        {failure && !failure.error && unanswered > 0 ? (
          <Alert color="red" variant="light" role="alert">
            {t('portal.survey.unanswered', { n: unanswered })}
          </Alert>
        ) : null}
        <Button type="submit" size="lg" loading={sending} leftSection={<IconSend size={20} aria-hidden />} fullWidth>
          {t('portal.survey.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function SurveyPage() {
  const { t } = useI18n();
  const { regionCode = '', serviceId = '' } = useParams();
  const query = useQuery({ ...portalServiceQuery(serviceId), enabled: serviceId !== '' });
  const [done, setDone] = useState(false);
  useDocumentTitle(`${t('portal.survey.title')}${query.data ? ` · ${query.data.name}` : ''}`);
  const back = <BackLink to={portalServicePath(query.data?.regionCode ?? regionCode, serviceId)} label={t('portal.backToService')} />;

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
  if (done) {
    return (
      <Paper withBorder radius="md" p="xl" role="status">
        <Stack align="center" gap="md" ta="center">
          <ThemeIcon size={64} radius="xl" color="green" variant="light">
            <IconCircleCheck size={40} aria-hidden />
          </ThemeIcon>
          <Title order={1} size="h2">
            {t('portal.survey.thanks.title')}
          </Title>
          <Text>{t('portal.survey.thanks.text', { service: s.name })}</Text>
          <Button component={Link} to={portalServicePath(s.regionCode, s.id)} variant="light" size="md">
            {t('portal.survey.thanks.back')}
          </Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="md">
      {back}
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t('portal.survey.title')}
        </Title>
        <Text fw={600}>{s.name}</Text>
        <Text size="sm" c="dimmed">
          {s.unitName}
          {s.survey ? ` · ${t('portal.survey.period', { label: s.survey.label })}` : ''}
        </Text>
        {s.survey ? <Text size="sm">{t('portal.survey.intro', { service: s.name, unit: s.unitName })}</Text> : null}
      </Stack>
      <SurveyForm
        service={s}
        onDone={() => {
          setDone(true);
          window.scrollTo({ top: 0 });
        }}
      />
    </Stack>
  );
}
