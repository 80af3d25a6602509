/**
 * The citizens' vote page (/kompetisi/:id/pilih), no login, phone first: the finalists with their
 * catalogue pages; the citizen picks one, gives an e-mail address, receives a 6-digit code and enters
 * it, and the vote counts. One vote per address; the counts show while the vote runs only when the
 * committee chose so, and always once it has closed. The address has no region in it, for a region's
 * competition or a national one; a national competition's finalists are named with their region.
 */
import { Alert, Anchor, Badge, Button, Paper, PinInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { confirmVote, publicVoteQuery, requestVoteCode } from '../../api/kompetisi-vote.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import classes from './vote.module.css';

export function VotePublicPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const view = useQuery(publicVoteQuery(id));
  const [entryId, setEntryId] = useState('');
  const [email, setEmail] = useState('');
  const [website, setWebsite] = useState('');
  const [code, setCode] = useState('');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [counted, setCounted] = useState(false);
  useDocumentTitle(view.data ? `${t('vote.title', { name: view.data.competition.name })} · Sinergi` : 'Sinergi');
  const ask = useMutation({
    mutationFn: () => requestVoteCode(id, { entryId, email, website }),
    onSuccess: (result) => setRequestId(result.requestId),
  });
  const confirm = useMutation({
    mutationFn: () => confirmVote(id, { requestId: requestId ?? '', code }),
    onSuccess: () => {
      setCounted(true);
      void queryClient.invalidateQueries({ queryKey: ['public', 'competition-vote', id] });
    },
  });

  if (view.isError) {
    if (isApiError(view.error, 'NOT_FOUND'))
      return (
        <Stack>
          <Title order={1} size="h2">
            {t('vote.unknownTitle')}
          </Title>
          <ListEmpty kind="empty" title={t('vote.unknown')} description={t('vote.unknownText')} />
        </Stack>
      );
    return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  }
  if (!view.data) return <FullPageLoader />;
  const v = view.data;
  const chosen = v.finalists.find((f) => f.entryId === entryId);
  // A national competition's finalists come from several regions: each card names its region.
  const acrossRegions = v.competition.regionCode === 'nasional';
  const emailIssue = isApiError(ask.error, 'VALIDATION_FAILED') ? ask.error.issues.find((i) => i.field.endsWith('email'))?.reason : undefined;

  const submitEmail = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  return (
    <Stack maw={640} mx="auto" w="100%">
      <div>
        <Title order={1} size="h2">
          {t('vote.title', { name: v.competition.name })}
        </Title>
        {acrossRegions ? <Text size="sm">{t('vote.national')}</Text> : null}
        <Text c="dimmed" size="sm">
          {t(`vote.state.${v.state}`, { opens: formatDateTime(v.opensAt), closes: formatDateTime(v.closesAt) })}
        </Text>
      </div>

      {counted ? (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} title={t('vote.countedTitle')} role="status">
          {t('vote.countedText', { name: chosen?.name ?? '' })}
        </Alert>
      ) : null}

      {v.finalists.length === 0 ? (
        <ListEmpty kind="empty" title={t('vote.noFinalists')} description={t('vote.noFinalistsText')} />
      ) : (
        <section className={classes.fieldset} aria-labelledby="vote-finalists">
          <h2 id="vote-finalists" className={classes.legend}>
            {v.state === 'dibuka' && !counted && !requestId ? t('vote.pick') : t('vote.finalists')}
          </h2>
          <Text size="sm" c="dimmed" mb="xs">
            {v.countsShown ? t('vote.countsShown') : t('vote.countsHidden')}
          </Text>
          <Stack gap="xs">
            {v.finalists.map((f) => {
              const choosing = v.state === 'dibuka' && !counted && !requestId;
              return (
                <Paper key={f.entryId} withBorder radius="md" p="sm" className={f.entryId === entryId ? classes.chosen : undefined}>
                  <Text fw={600}>{f.name}</Text>
                  <Text size="sm" c="dimmed">
                    {acrossRegions ? `${f.unitName} · ${f.regionName}` : f.unitName} · {f.categoryName}
                  </Text>
                  <Stack gap={6} mt={6} align="flex-start">
                    <Anchor component={Link} to={`/katalog/${f.innovationId}`} size="sm">
                      {t('vote.catalogue', { name: f.name })}
                    </Anchor>
                    {f.votes !== null ? (
                      <Badge variant="light" size="lg" radius="sm">
                        {t('vote.count', { n: formatNumber(f.votes) })}
                      </Badge>
                    ) : null}
                    {choosing ? (
                      // One pressed button per card: a large tap target that says what it picks.
                      <Button
                        variant={f.entryId === entryId ? 'filled' : 'light'}
                        aria-pressed={f.entryId === entryId}
                        leftSection={f.entryId === entryId ? <IconCircleCheck size={18} aria-hidden /> : null}
                        onClick={() => setEntryId(f.entryId)}
                      >
                        {f.entryId === entryId ? t('vote.chosen') : t('vote.choose')}
                        <span className={classes.visuallyHidden}>: {f.name}</span>
                      </Button>
                    ) : null}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        </section>
      )}

      {v.state === 'dibuka' && !counted && v.finalists.length > 0 ? (
        requestId === null ? (
          <Paper withBorder radius="md" p="md" component="form" onSubmit={submitEmail} noValidate>
            <Stack>
              <Title order={2} size="h4">
                {t('vote.emailTitle')}
              </Title>
              <Text size="sm">{t('vote.emailText')}</Text>
              <TextInput
                label={t('vote.email')}
                type="email"
                autoComplete="email"
                inputMode="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={emailIssue}
              />
              <div className={classes.honeypot} aria-hidden="true">
                <label>
                  {t('vote.honeypot')}
                  <input
                    type="text"
                    name="website"
                    tabIndex={-1}
                    autoComplete="off"
                    value={website}
                    onChange={(e) => setWebsite(e.currentTarget.value)}
                  />
                </label>
              </div>
              {ask.error && !emailIssue ? <FormErrorAlert error={ask.error} /> : null}
              <Button type="submit" loading={ask.isPending} disabled={!entryId} size="md">
                {entryId ? t('vote.sendCode') : t('vote.pickFirst')}
              </Button>
            </Stack>
          </Paper>
        ) : (
          <Paper withBorder radius="md" p="md" component="form" onSubmit={submitCode}>
            <Stack>
              <Title order={2} size="h4">
                {t('vote.codeTitle')}
              </Title>
              <Text size="sm">{t('vote.codeText', { email, name: chosen?.name ?? '' })}</Text>
              <PinInput
                length={6}
                type="number"
                oneTimeCode
                value={code}
                onChange={setCode}
                aria-label={t('vote.code')}
                getInputProps={(index) => ({ 'aria-label': t('vote.codeDigit', { n: String(index + 1) }) })}
              />
              <FormErrorAlert error={confirm.error} />
              <Button type="submit" loading={confirm.isPending} disabled={code.length !== 6} size="md">
                {t('vote.confirm')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setRequestId(null);
                  setCode('');
                  confirm.reset();
                  ask.reset();
                }}
              >
                {t('vote.startOver')}
              </Button>
            </Stack>
          </Paper>
        )
      ) : null}
    </Stack>
  );
}
