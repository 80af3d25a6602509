/**
 * The counter kiosk (/kiosk/:serviceId): a tablet by the service desk, full screen, no shell. One
 * question per screen with four big answers; a last optional screen (gender, age, suggestion); a thank
 * you; then back to the start for the next citizen. It keeps working without a connection: answers wait
 * in the device's outbox (see kiosk-queue.ts) and go out as soon as the connection is back, and the
 * questionnaire is kept from the last load so a reload without a connection still shows it; a service
 * worker (web/public/kiosk-sw.js) keeps the page itself, so the kiosk opens even after a restart offline.
 *
 * A kiosk serves many people, so it sends no device id (the one-answer-per-device rule is for phones).
 */
import { Alert, Badge, Button, Center, Group, Loader, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import {
  IconArrowLeft,
  IconCircleCheck,
  IconMaximize,
  IconMinimize,
  IconMoodEmpty,
  IconMoodHappy,
  IconMoodSad,
  IconMoodSmile,
  IconRefresh,
  IconSend,
  IconWifiOff,
} from '@tabler/icons-react';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../api/http.ts';
import { portalServiceQuery, type PublicServiceDetail, type SkmAnswerInput, submitSurveyAnswer } from '../api/portal.api.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useErrorText } from '../components/use-error-text.ts';
import { cachedQuestionnaire, cacheQuestionnaire, enqueue, flushQueue, readQueue } from '../features/portal/kiosk-queue.ts';
import { PROFILE_CHOICES } from '../features/portal/portal-labels.ts';
import classes from '../features/portal/portal.module.css';
import { useI18n } from '../i18n/i18n.tsx';

const RETRY_MS = 15_000;
const THANKS_MS = 5_000;
/** Someone who walks away mid-survey: the next person starts fresh. */
const IDLE_MS = 90_000;

/** A face per answer, worst to best: a glance says which end is which (icons, not emoji: kiosks lack emoji fonts). */
const FACES = [
  <IconMoodSad key="1" size={44} stroke={1.6} color="var(--mantine-color-red-8)" />,
  <IconMoodEmpty key="2" size={44} stroke={1.6} color="var(--mantine-color-orange-8)" />,
  <IconMoodSmile key="3" size={44} stroke={1.6} color="var(--mantine-color-teal-8)" />,
  <IconMoodHappy key="4" size={44} stroke={1.6} color="var(--mantine-color-green-8)" />,
];

type Step = { kind: 'welcome' } | { kind: 'question'; index: number } | { kind: 'finish' } | { kind: 'thanks' };

/** Once per kiosk load: the page stays available offline (a browser without service workers simply goes without). */
function useOfflineShell() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/kiosk-sw.js', { scope: '/kiosk/' }).catch(() => undefined);
  }, []);
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The outbox of this service: how many answers wait, what was refused, and a way to add one. */
function useOutbox(serviceId: string) {
  const [pending, setPending] = useState(() => readQueue(serviceId).length);
  const [dropped, setDropped] = useState<{ count: number; error: unknown } | null>(null);
  const flush = useCallback(async () => {
    if (!serviceId) return;
    const result = await flushQueue(serviceId, (item) => submitSurveyAnswer(serviceId, item.body, { idempotencyKey: item.key, honeypot: '' }));
    setPending(result.remaining);
    const { count, error } = result.dropped;
    if (count > 0) setDropped((d) => ({ count: (d?.count ?? 0) + count, error }));
  }, [serviceId]);

  useEffect(() => {
    void flush();
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [flush]);

  const add = useCallback(
    (body: SkmAnswerInput) => {
      enqueue(serviceId, body);
      setPending(readQueue(serviceId).length);
      void flush();
    },
    [serviceId, flush],
  );
  return { pending, dropped, dismissDropped: () => setDropped(null), add };
}

function useFullscreen() {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const change = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', change);
    return () => document.removeEventListener('fullscreenchange', change);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return { active, toggle, supported: typeof document.documentElement.requestFullscreen === 'function' };
}

function Survey({ service, onAnswer }: { service: PublicServiceDetail; onAnswer: (body: SkmAnswerInput) => void }) {
  const { t } = useI18n();
  const questions = service.survey?.questions ?? [];
  const [step, setStep] = useState<Step>({ kind: 'welcome' });
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [gender, setGender] = useState<string | null>(null);
  const [age, setAge] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const reset = useCallback(() => {
    setStep({ kind: 'welcome' });
    setAnswers({});
    setGender(null);
    setAge(null);
    setSuggestion('');
  }, []);

  // Each new screen is announced: focus moves to its heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of screen.
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  useEffect(() => {
    if (step.kind === 'thanks') {
      const timer = window.setTimeout(reset, THANKS_MS);
      return () => window.clearTimeout(timer);
    }
    if (step.kind === 'welcome') return;
    let timer = window.setTimeout(reset, IDLE_MS);
    const touched = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(reset, IDLE_MS);
    };
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
    };
  }, [step, reset]);

  const send = () => {
    const respondent = { ...(gender ? { gender } : {}), ...(age ? { ageGroup: age } : {}) } as SkmAnswerInput['respondent'];
    onAnswer({
      answers: answers as SkmAnswerInput['answers'],
      ...(gender || age ? { respondent } : {}),
      suggestion: suggestion.trim() || null,
      channel: 'kiosk',
    });
    setStep({ kind: 'thanks' });
  };

  if (step.kind === 'welcome') {
    return (
      <Stack align="center" gap="xl" ta="center">
        <Title order={1} ref={heading} tabIndex={-1} fz={{ base: '2rem', md: '3rem' }} style={{ outline: 'none' }}>
          {t('portal.kiosk.welcome')}
        </Title>
        <Stack gap={4}>
          <Text fz="1.5rem" fw={700}>
            {service.name}
          </Text>
          <Text fz="1.15rem" c="dimmed">
            {service.unitName}
          </Text>
        </Stack>
        <Text fz="1.15rem">{t('portal.kiosk.welcomeHint')}</Text>
        <Button size="xl" h={88} px={48} fz="1.5rem" radius="lg" onClick={() => setStep({ kind: 'question', index: 0 })}>
          {t('portal.kiosk.start')}
        </Button>
      </Stack>
    );
  }

  if (step.kind === 'thanks') {
    return (
      <Stack align="center" gap="lg" ta="center" role="status">
        <IconCircleCheck size={120} color="var(--mantine-color-green-6)" aria-hidden />
        <Title order={1} ref={heading} tabIndex={-1} fz={{ base: '2rem', md: '3rem' }} style={{ outline: 'none' }}>
          {t('portal.kiosk.thanks')}
        </Title>
        <Text fz="1.25rem" c="dimmed">
          {t('portal.kiosk.thanksHint')}
        </Text>
      </Stack>
    );
  }

  const total = questions.length;
  const nav = (onBack: () => void) => (
    <Group justify="space-between" mt="xl">
      <Button variant="default" size="lg" h={64} leftSection={<IconArrowLeft size={22} aria-hidden />} onClick={onBack}>
        {t('portal.kiosk.back')}
      </Button>
      <Button variant="subtle" size="lg" h={64} color="gray" leftSection={<IconRefresh size={22} aria-hidden />} onClick={reset}>
        {t('portal.kiosk.restart')}
      </Button>
    </Group>
  );

  if (step.kind === 'question') {
    const q = questions[step.index];
    if (!q) return null;
    const chosen = answers[q.unsur];
    return (
      <Stack gap="lg">
        <Stack gap={6}>
          <Text fz="1.1rem" fw={600} c="dimmed">
            {t('portal.kiosk.progress', { n: step.index + 1, total })} · {q.name}
          </Text>
          <Progress value={((step.index + 1) / total) * 100} size="lg" aria-hidden />
        </Stack>
        <Title order={1} ref={heading} tabIndex={-1} fz={{ base: '1.6rem', md: '2.25rem' }} lh={1.3} style={{ outline: 'none' }} id="kiosk-question">
          {q.question}
        </Title>
        <fieldset className={`${classes.fieldset} ${classes.kioskOptions}`} aria-labelledby="kiosk-question">
          {q.options.map((label, i) => {
            const score = i + 1;
            return (
              <button
                key={label}
                type="button"
                className={classes.kioskOption}
                aria-pressed={chosen === score}
                data-score={score}
                onClick={() => {
                  setAnswers((a) => ({ ...a, [q.unsur]: score }));
                  setStep(step.index + 1 < total ? { kind: 'question', index: step.index + 1 } : { kind: 'finish' });
                }}
              >
                <span className={classes.kioskScore} aria-hidden>
                  {FACES[i]}
                </span>
                {label}
              </button>
            );
          })}
        </fieldset>
        {nav(() => (step.index === 0 ? reset() : setStep({ kind: 'question', index: step.index - 1 })))}
      </Stack>
    );
  }

  const toggleGroup = (
    values: readonly { value: string; key: Parameters<typeof t>[0] }[],
    value: string | null,
    set: (v: string | null) => void,
    label: string,
  ) => (
    <Stack gap={6}>
      <Text fz="1.15rem" fw={600} id={`kiosk-${label}`}>
        {label}
      </Text>
      <Group gap="sm" role="group" aria-labelledby={`kiosk-${label}`}>
        {values.map((c) => (
          <Button
            key={c.value}
            size="lg"
            h={60}
            radius="md"
            variant={value === c.value ? 'filled' : 'default'}
            aria-pressed={value === c.value}
            onClick={() => set(value === c.value ? null : c.value)}
          >
            {t(c.key)}
          </Button>
        ))}
      </Group>
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Title order={1} ref={heading} tabIndex={-1} fz={{ base: '1.75rem', md: '2.25rem' }} style={{ outline: 'none' }}>
        {t('portal.kiosk.suggestionTitle')}
      </Title>
      <Text fz="1.1rem" c="dimmed">
        {t('portal.survey.profileHint')}
      </Text>
      {toggleGroup(PROFILE_CHOICES.gender, gender, setGender, t('portal.survey.gender'))}
      {toggleGroup(PROFILE_CHOICES.ageGroup, age, setAge, t('portal.survey.ageGroup'))}
      <Textarea
        label={t('portal.survey.suggestion')}
        size="xl"
        autosize
        minRows={3}
        maxLength={2000}
        value={suggestion}
        onChange={(e) => setSuggestion(e.currentTarget.value)}
      />
      <Button size="xl" h={88} fz="1.5rem" radius="lg" leftSection={<IconSend size={28} aria-hidden />} onClick={send}>
        {t('portal.kiosk.submit')}
      </Button>
      {nav(() => setStep({ kind: 'question', index: total - 1 }))}
    </Stack>
  );
}

export function KioskPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { serviceId = '' } = useParams();
  useOfflineShell();
  const online = useOnline();
  const fullscreen = useFullscreen();
  const outbox = useOutbox(serviceId);
  const query = useQuery({ ...portalServiceQuery(serviceId), enabled: serviceId !== '', retry: 1, networkMode: 'always' });
  const [cached] = useState(() => cachedQuestionnaire(serviceId));
  useEffect(() => {
    if (query.data) cacheQuestionnaire(query.data);
  }, [query.data]);
  const missing =
    isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'SKM_SERVICE_NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED');
  const service = query.data ?? (missing ? null : cached);
  useDocumentTitle(`${t('portal.kiosk.title')}${service ? ` · ${service.name}` : ''}`);

  let body: ReactNode;
  if (!service && query.isPending) {
    body = (
      <Center>
        <Loader size="xl" aria-label={t('app.loading')} />
      </Center>
    );
  } else if (!service) {
    body = (
      <Stack align="center" ta="center" gap="md">
        <Title order={1}>{missing ? t('portal.service.notFound.title') : t('portal.kiosk.unavailable.title')}</Title>
        <Text fz="1.25rem">{missing ? t('portal.service.notFound.text') : t('portal.kiosk.unavailable.text')}</Text>
        {missing ? null : (
          <Button size="xl" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    );
  } else if (!service.survey) {
    body = (
      <Stack align="center" ta="center" gap="md">
        <Title order={1}>{t('portal.kiosk.closed.title')}</Title>
        <Text fz="1.5rem" fw={700}>
          {service.name}
        </Text>
        <Text fz="1.25rem">{t('portal.kiosk.closed.text')}</Text>
      </Stack>
    );
  } else {
    body = <Survey service={service} onAnswer={outbox.add} />;
  }

  return (
    <div className={classes.kiosk}>
      <header className={classes.kioskBar}>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('portal.kiosk.title')}
          </Text>
          {service ? (
            <Text fw={700} lh={1.3}>
              {service.name}
              <Text span c="dimmed" fw={500} size="sm">
                {' '}
                · {service.unitName}
              </Text>
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm">
          <div role="status" aria-live="polite">
            {outbox.pending > 0 ? (
              <Badge size="lg" color="orange" variant="light" data-pending={outbox.pending}>
                {t('portal.kiosk.pending', { n: outbox.pending })}
              </Badge>
            ) : null}
          </div>
          {online ? null : (
            <Badge size="lg" color="gray" variant="filled" leftSection={<IconWifiOff size={14} aria-hidden />}>
              {t('portal.kiosk.offline')}
            </Badge>
          )}
          <LanguageSwitch />
          {fullscreen.supported ? (
            <Button
              variant="default"
              onClick={fullscreen.toggle}
              leftSection={fullscreen.active ? <IconMinimize size={18} aria-hidden /> : <IconMaximize size={18} aria-hidden />}
            >
              {fullscreen.active ? t('portal.kiosk.exitFullscreen') : t('portal.kiosk.fullscreen')}
            </Button>
          ) : null}
        </Group>
      </header>
      {!online && outbox.pending > 0 ? (
        <Alert color="orange" variant="light" radius={0} icon={<IconWifiOff aria-hidden />}>
          {t('portal.kiosk.pendingOffline')}
        </Alert>
      ) : null}
      {outbox.dropped ? (
        <Alert
          color="red"
          variant="light"
          radius={0}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={outbox.dismissDropped}
          role="alert"
        >
          {t('portal.kiosk.dropped', { n: outbox.dropped.count, reason: errorText(outbox.dropped.error) })}
        </Alert>
      ) : null}
      <main id="main" className={classes.kioskMain} tabIndex={-1}>
        {body}
      </main>
    </div>
  );
}
