/**
 * One competition: its overview (stages with dates and state, rules, sections, the admin's stage
 * actions and downloads), its entries (the operator enters the unit's innovations; the admin screens
 * them), its judges per scored stage (panel, assignment, sheets) and its results (stage rankings,
 * outliers, advancing, penetapan and publication). Only the controls the caller's abilities allow show.
 */
import { Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconLock, IconSettings } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isScoredStage } from '#shared/api/competitions.ts';
import {
  type CompetitionDetail,
  certificatesUrl,
  competitionKey,
  competitionQuery,
  lockStage,
  rubricsQuery,
  openCompetition,
  scoresXlsxUrl,
} from '../../api/kompetisi.api.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FullPageLoader } from '../../components/full-page-loader.tsx';
import { NoAccess } from '../../components/no-access.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';
import { useCompetitionScope } from './competition-scope.tsx';
import { CompetitionForm, setupEditable } from './competition-form.tsx';
import { EntriesPanel } from './entries-panel.tsx';
import { IgaChecklistsPanel } from './iga-checklists.tsx';
import { competitionStageLabel, isIgaPreparation } from './iga-labels.ts';
import { JudgesPanel } from './judges-panel.tsx';
import { kindLabel, STAGE_STATUS_COLORS, stageStatusLabel, statusLabel } from './kompetisi-labels.ts';
import { ResultsPanel } from './results-panel.tsx';
import { VotePanel } from './vote-panel.tsx';

export function KompetisiDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { region, can } = useRegion();
  const { scope: regionCode, basePath } = useCompetitionScope();
  const [params, setParams] = useSearchParams();
  const canRead = can('competitions.read');
  const competition = useQuery({ ...competitionQuery(regionCode, id), enabled: canRead });
  if (region && !canRead) return <NoAccess />;
  if (competition.isError) return <QueryError error={competition.error} onRetry={() => void competition.refetch()} />;
  if (!competition.data) return <FullPageLoader />;
  const c = competition.data;
  const tab = params.get('tab') ?? 'ringkasan';
  return (
    <>
      <Anchor component={Link} to={basePath} size="sm">
        ← {t('kompetisi.back')}
      </Anchor>
      <PageHeader
        title={c.name}
        description={`${t(kindLabel(c.kind))} · ${c.year} · ${c.currentStage ? t(competitionStageLabel(c.kind, c.currentStage)) : t(statusLabel(c.status))}`}
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'ringkasan' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="ringkasan">{t('kompetisi.tab.overview')}</Tabs.Tab>
          <Tabs.Tab value="peserta">{t('kompetisi.tab.entries')}</Tabs.Tab>
          {c.abilities.manage ? <Tabs.Tab value="juri">{t('kompetisi.tab.judges')}</Tabs.Tab> : null}
          {c.abilities.manage ? <Tabs.Tab value="hasil">{t('kompetisi.tab.results')}</Tabs.Tab> : null}
          {isIgaPreparation(c.kind) ? <Tabs.Tab value="validasi">{t('kompetisi.tab.fieldCheck')}</Tabs.Tab> : null}
          {c.abilities.manage ? <Tabs.Tab value="suara">{t('vote.tab')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="ringkasan">
          <Overview competition={c} regionCode={regionCode} />
        </Tabs.Panel>
        <Tabs.Panel value="peserta">
          <EntriesPanel competition={c} regionCode={regionCode} />
        </Tabs.Panel>
        {c.abilities.manage ? (
          <Tabs.Panel value="juri">
            <JudgesPanel competition={c} regionCode={regionCode} />
          </Tabs.Panel>
        ) : null}
        {c.abilities.manage ? (
          <Tabs.Panel value="hasil">
            <ResultsPanel competition={c} regionCode={regionCode} />
          </Tabs.Panel>
        ) : null}
        {isIgaPreparation(c.kind) ? (
          <Tabs.Panel value="validasi">
            <IgaChecklistsPanel regionCode={regionCode} competitionId={c.id} />
          </Tabs.Panel>
        ) : null}
        {c.abilities.manage ? (
          <Tabs.Panel value="suara">
            <VotePanel competition={c} regionCode={regionCode} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}

function Overview({ competition: c, regionCode }: { competition: CompetitionDetail; regionCode: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const rubrics = useQuery(rubricsQuery(regionCode));
  const rubricName = (code: string | null) => rubrics.data?.items.find((r) => r.code === code)?.name ?? code ?? '';
  const [confirm, setConfirm] = useState<'open' | 'lock' | null>(null);
  const [editing, setEditing] = useState(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const editable = setupEditable(c);
  const running = c.stages.find((s) => s.status === 'berjalan');
  const act = useMutation({
    mutationFn: () => (confirm === 'open' ? openCompetition(regionCode, c.id) : lockStage(regionCode, c.id, running?.id ?? '')),
    onSuccess: (updated) => {
      queryClient.setQueryData(competitionKey(regionCode, c.id), updated);
      void queryClient.invalidateQueries({ queryKey: competitionKey(regionCode, c.id) });
      notifications.show({ color: 'green', message: t('kompetisi.locked') });
      setConfirm(null);
    },
  });
  const rules = c.eligibility;
  return (
    <Stack>
      {c.abilities.manage ? (
        <Group gap="sm">
          {c.status === 'draft' ? <Button onClick={() => setConfirm('open')}>{t('kompetisi.open')}</Button> : null}
          <Button
            variant="default"
            leftSection={<IconSettings size={16} aria-hidden />}
            disabled={!editable}
            aria-describedby={editable ? undefined : 'setup-locked-note'}
            onClick={() => setEditing(true)}
          >
            {t('kompetisi.edit.action')}
          </Button>
          {running && running.code !== 'penetapan' ? (
            <Button leftSection={<IconLock size={16} aria-hidden />} variant="light" onClick={() => setConfirm('lock')}>
              {t('kompetisi.lock', { stage: t(competitionStageLabel(c.kind, running.code)) })}
            </Button>
          ) : null}
          <Button component="a" href={scoresXlsxUrl(regionCode, c.id)} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            {t('kompetisi.scoresXlsx')}
          </Button>
          {c.status === 'ditetapkan' || c.status === 'diumumkan' ? (
            <Button component="a" href={certificatesUrl(regionCode, c.id)} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              {t('kompetisi.certificates')}
            </Button>
          ) : null}
          {c.status === 'diumumkan' ? (
            <Button component={Link} to={`/hasil-kompetisi/${c.id}`} variant="subtle" leftSection={<IconExternalLink size={16} aria-hidden />}>
              {t('kompetisi.publicPage')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {c.abilities.manage && !editable ? (
        <Text size="sm" c="dimmed" id="setup-locked-note">
          {t('kompetisi.edit.locked')}
        </Text>
      ) : null}
      {isIgaPreparation(c.kind) && c.stages.some((s) => s.code === 'presentasi') ? (
        <Text size="sm" c="dimmed">
          {t('kompetisi.iga.rehearsalHint')}
        </Text>
      ) : null}
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4" mb="sm">
          {t('kompetisi.stagesTitle')}
        </Title>
        <Table verticalSpacing="xs" aria-label={t('kompetisi.stagesTitle')}>
          <Table.Tbody>
            {c.stages.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td fw={600}>{t(competitionStageLabel(c.kind, s.code))}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(s.startsOn)} – {formatDate(s.endsOn)}
                </Table.Td>
                <Table.Td>
                  <Badge color={STAGE_STATUS_COLORS[s.status]} variant="light" radius="sm">
                    {t(stageStatusLabel(s.status))}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {isScoredStage(s.code)
                      ? `${t('kompetisi.stageRubric', { rubric: rubricName(s.rubricCode), k: s.judgesPerEntry, weight: formatNumber(Number(s.weight)) })}${s.normalise ? ` · ${t('kompetisi.normalised')}` : ''}`
                      : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group align="flex-start" grow>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('kompetisi.categories')}
          </Title>
          <List size="sm">
            {c.categories.map((cat) => (
              <List.Item key={cat.code}>{cat.name}</List.Item>
            ))}
          </List>
          <Title order={2} size="h4" my="sm">
            {t('kompetisi.rules')}
          </Title>
          <List size="sm">
            {rules.requireVerified ? <List.Item>{t('kompetisi.rule.verified')}</List.Item> : null}
            {rules.allowedTahapan.length > 0 ? <List.Item>{t('kompetisi.rule.tahapan', { list: rules.allowedTahapan.join(', ') })}</List.Item> : null}
            {rules.minYearsSincePenerapan > 0 ? <List.Item>{t('kompetisi.rule.minYears', { n: rules.minYearsSincePenerapan })}</List.Item> : null}
            {rules.requireInnovatorSk ? <List.Item>{t('kompetisi.rule.sk')}</List.Item> : null}
            {rules.maxEntriesPerUnit ? <List.Item>{t('kompetisi.rule.cap', { n: rules.maxEntriesPerUnit })}</List.Item> : null}
          </List>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {t('kompetisi.sections')}
          </Title>
          <List size="sm" type="ordered">
            {c.sections.map((s) => (
              <List.Item key={s.code}>
                {s.title}{' '}
                <Text span c="dimmed" size="xs">
                  ({t('kompetisi.words', { n: s.wordLimit })})
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('kompetisi.edit.title')} size="xl" fullScreen={isMobile}>
        {editing ? (
          <CompetitionForm
            regionCode={regionCode}
            competition={c}
            onCreated={() => {
              setEditing(false);
              notifications.show({ color: 'green', message: t('kompetisi.edit.saved') });
            }}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={confirm !== null}
        title={
          confirm === 'open' ? t('kompetisi.open') : t('kompetisi.lock', { stage: running ? t(competitionStageLabel(c.kind, running.code)) : '' })
        }
        message={
          confirm === 'open'
            ? t('kompetisi.openConfirm')
            : t('kompetisi.lockConfirm', { stage: running ? t(competitionStageLabel(c.kind, running.code)) : '' })
        }
        confirmLabel={
          confirm === 'open' ? t('kompetisi.open') : t('kompetisi.lock', { stage: running ? t(competitionStageLabel(c.kind, running.code)) : '' })
        }
        isPending={act.isPending}
        error={act.error}
        onConfirm={() => act.mutate()}
        onClose={() => {
          setConfirm(null);
          act.reset();
        }}
      />
    </Stack>
  );
}
