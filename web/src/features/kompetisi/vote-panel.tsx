/**
 * The "Suara publik" tab of a competition for the admin: the vote's settings (dates, share of the
 * final score, counts live or at close, the finalists), the counts per finalist, the votes the burst
 * rule flags, and voiding them with a reason (audited). The same tab serves the national admin's
 * competitions, whose finalists are named with their region.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Radio, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/http.ts';
import type { CompetitionDetail } from '../../api/kompetisi.api.ts';
import { type AdminVoteView, saveVoteSettings, voidVotes, voteAdminKey, voteAdminQuery } from '../../api/kompetisi-vote.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';

/** An instant as a datetime-local field shows it, in the browser's time zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');
/** A national competition's finalists come from several regions: the region goes beside the unit. */
const unitOf = (c: CompetitionDetail, e: { unitName: string; regionName: string }) =>
  c.scope === 'national' ? `${e.unitName} · ${e.regionName}` : e.unitName;

export function VotePanel({ competition: c, regionCode }: { competition: CompetitionDetail; regionCode: string }) {
  const view = useQuery(voteAdminQuery(regionCode, c.id));
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <FullPageLoader />;
  return (
    <Stack>
      <SettingsForm key={view.data.settings?.version ?? 0} view={view.data} competition={c} regionCode={regionCode} />
      {view.data.settings ? <Counts view={view.data} competition={c} regionCode={regionCode} /> : null}
    </Stack>
  );
}

function SettingsForm({ view, competition: c, regionCode }: { view: AdminVoteView; competition: CompetitionDetail; regionCode: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const s = view.settings;
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const [opensAt, setOpensAt] = useState(toLocalInput(s?.opensAt ?? new Date().toISOString()));
  const [closesAt, setClosesAt] = useState(toLocalInput(s?.closesAt ?? inAWeek));
  const [share, setShare] = useState(s ? s.sharePercent.replace(/\.00$/, '') : '20');
  const [showLive, setShowLive] = useState(s?.showLive ?? false);
  const [mode, setMode] = useState<'remaining' | 'chosen'>(s?.finalistMode ?? 'remaining');
  const [chosen, setChosen] = useState<string[]>(s?.finalistEntryIds ?? []);
  const locked = c.status === 'ditetapkan' || c.status === 'diumumkan';
  const save = useMutation({
    mutationFn: () =>
      saveVoteSettings(regionCode, c.id, {
        opensAt: fromLocalInput(opensAt),
        closesAt: fromLocalInput(closesAt),
        sharePercent: share.trim().replace(',', '.'),
        showLive,
        finalistMode: mode,
        finalistEntryIds: mode === 'chosen' ? chosen : [],
        ...(s ? { version: s.version } : {}),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(voteAdminKey(regionCode, c.id), updated);
      notifications.show({ color: 'green', message: t('vote.admin.saved') });
    },
  });
  const issue = (field: string) =>
    isApiError(save.error, 'VALIDATION_FAILED') ? save.error.issues.find((i) => i.field.replace(/^body\./, '').startsWith(field))?.reason : undefined;
  const placed = ['opensAt', 'closesAt', 'sharePercent', 'finalistEntryIds'].some((f) => issue(f));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {s ? t('vote.admin.settings') : t('vote.admin.none')}
          </Title>
          {view.state ? <Badge variant="light">{t(`vote.admin.state.${view.state}`)}</Badge> : null}
        </Group>
        {s ? (
          <Anchor component={Link} to={`/kompetisi/${c.id}/pilih`} size="sm">
            <IconExternalLink size={14} aria-hidden /> {t('vote.admin.publicPage')}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t('vote.admin.noneText')}
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label={t('vote.admin.opensAt')}
            value={opensAt}
            onChange={(e) => setOpensAt(e.currentTarget.value)}
            error={issue('opensAt')}
            disabled={locked}
            required
          />
          <TextInput
            type="datetime-local"
            label={t('vote.admin.closesAt')}
            value={closesAt}
            onChange={(e) => setClosesAt(e.currentTarget.value)}
            error={issue('closesAt')}
            disabled={locked}
            required
          />
        </Group>
        <TextInput
          label={t('vote.admin.share')}
          description={t('vote.admin.shareHelp')}
          inputMode="decimal"
          value={share}
          onChange={(e) => setShare(e.currentTarget.value)}
          error={issue('sharePercent')}
          disabled={locked}
          maw={240}
          required
        />
        <Switch label={t('vote.admin.showLive')} checked={showLive} onChange={(e) => setShowLive(e.currentTarget.checked)} disabled={locked} />
        <Radio.Group label={t('vote.admin.finalists')} value={mode} onChange={(v) => setMode(v === 'chosen' ? 'chosen' : 'remaining')}>
          <Stack gap="xs" mt="xs">
            <Radio value="remaining" label={t('vote.admin.remaining')} disabled={locked} />
            <Radio value="chosen" label={t('vote.admin.chosen')} disabled={locked} />
          </Stack>
        </Radio.Group>
        {mode === 'chosen' ? (
          <Checkbox.Group label={t('vote.admin.pickFinalists')} value={chosen} onChange={setChosen} error={issue('finalistEntryIds')}>
            <Stack gap={6} mt="xs">
              {view.candidates.map((e) => (
                <Checkbox key={e.entryId} value={e.entryId} label={`${e.innovationName} · ${unitOf(c, e)}`} disabled={locked} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        {save.error && !placed ? <FormErrorAlert error={save.error} /> : null}
        {locked ? null : (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('vote.admin.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Counts({ view, competition: c, regionCode }: { view: AdminVoteView; competition: CompetitionDetail; regionCode: string }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const flaggedIds = view.flagged.map((f) => f.voteId);
  const voiding = useMutation({
    mutationFn: () => voidVotes(regionCode, c.id, { voteIds: flaggedIds, reason }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: voteAdminKey(regionCode, c.id) });
      notifications.show({ color: 'green', message: t('vote.admin.voided', { n: result.voided }) });
      setConfirming(false);
      setReason('');
    },
  });
  const locked = c.status === 'ditetapkan' || c.status === 'diumumkan';
  return (
    <>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('vote.admin.counts')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('vote.admin.total', { n: view.totalVotes })}
          </Text>
        </Group>
        <ScrollRegion label={t('vote.admin.scrollLabel')} minWidth={520}>
          <Table striped aria-label={t('vote.admin.counts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vote.admin.col.finalist')}</Table.Th>
                <Table.Th>{t('vote.admin.col.unit')}</Table.Th>
                <Table.Th ta="end">{t('vote.admin.col.votes')}</Table.Th>
                <Table.Th ta="end">{t('vote.admin.col.voided')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.finalists.map((f) => (
                <Table.Tr key={f.entryId}>
                  <Table.Td>{f.innovationName}</Table.Td>
                  <Table.Td>{unitOf(c, f)}</Table.Td>
                  <Table.Td ta="end" fw={700}>
                    {formatNumber(f.votes)}
                  </Table.Td>
                  <Table.Td ta="end">{formatNumber(f.voided)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="xs">
          {t('vote.admin.flagged')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('vote.admin.rule', { perPrefix: view.rule.perPrefix, spike: view.rule.spike, minutes: view.rule.windowMinutes })}
        </Text>
        {view.flagged.length === 0 ? (
          <Text size="sm">{t('vote.admin.noFlags')}</Text>
        ) : (
          <Stack>
            <ScrollRegion label={t('vote.admin.scrollLabel')} minWidth={560}>
              <Table striped aria-label={t('vote.admin.flagged')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vote.admin.col.time')}</Table.Th>
                    <Table.Th>{t('vote.admin.col.finalist')}</Table.Th>
                    <Table.Th>{t('vote.admin.col.network')}</Table.Th>
                    <Table.Th>{t('vote.admin.col.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.flagged.map((f) => (
                    <Table.Tr key={f.voteId}>
                      <Table.Td>{formatDateTime(f.confirmedAt)}</Table.Td>
                      <Table.Td>{f.innovationName}</Table.Td>
                      <Table.Td>{f.addressPrefix}</Table.Td>
                      <Table.Td>{f.reasons.map((r) => t(`vote.admin.reason.${r}`)).join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
            {locked ? null : (
              <Group>
                <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                  {t('vote.admin.voidAll')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      {confirming ? (
        <Paper withBorder radius="md" p="md" role="dialog" aria-label={t('vote.admin.voidTitle', { n: flaggedIds.length })}>
          <Stack>
            <Title order={3} size="h5">
              {t('vote.admin.voidTitle', { n: flaggedIds.length })}
            </Title>
            <Alert color="red" variant="light">
              {t('vote.admin.voidText')}
            </Alert>
            <Textarea
              label={t('vote.admin.voidReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              autosize
              minRows={2}
            />
            <FormErrorAlert error={voiding.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={voiding.isPending} onClick={() => voiding.mutate()}>
                {t('vote.admin.voidConfirm')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
