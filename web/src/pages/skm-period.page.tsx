/**
 * One survey period: the region's IKM with its mutu and the change since the previous period, the
 * unsur as bars (weakest first) and the IKM over the periods as a line; then the period per service
 * (population, minimum sample, progress, IKM, where citizens answer), per unit and per respondent
 * group; the report and raw answers to download; paper forms to enter; and the follow-up plan.
 */
import { Alert, Anchor, Box, Button, Grid, Group, Menu, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconArrowDownRight,
  IconArrowRight,
  IconArrowUpRight,
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypePdf,
  IconLock,
  IconLockOpen,
  IconPencil,
  IconTableImport,
} from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type IkmFigure,
  type SkmResults,
  setSkmPeriodOpen,
  skmKey,
  skmPeriodListQueryOptions,
  skmReportUrl,
  skmResponsesUrl,
  skmResultsQueryOptions,
} from '../api/skm.api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { useFigures } from '../components/figures.ts';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { AttachToIndexButton } from '../components/index-evidence-dialog.tsx';
import { roundDecimalText } from '../components/decimal-text.ts';
import { type TrendPoint, TrendLine, UnsurBars } from '../features/skm/skm-charts.tsx';
import { differenceText, IKM_PLACES } from '../features/skm/skm-decimal.ts';
import { FollowUpSection } from '../features/skm/skm-follow-ups.tsx';
import { GroupResults } from '../features/skm/skm-groups.tsx';
import { isUnsurKey, UNSUR_LABELS } from '../features/skm/skm-labels.ts';
import { PaperImport } from '../features/skm/skm-paper-import.tsx';
import { SkmPeriodForm } from '../features/skm/skm-period-form.tsx';
import { ServiceTable, UnitTable } from '../features/skm/skm-service-table.tsx';
import { GradeBadge, PeriodStatusBadge } from '../features/skm/skm-status-badge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';

function Section({ title, children, description, fill }: { title: string; description?: string; fill?: boolean; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} h={fill ? '100%' : undefined}>
      <Title order={2} size="h4" mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}

/** The change against the previous period, in the IKM's own precision, with an arrow people read at a glance. */
function Trend({ current, previous }: { current: IkmFigure; previous: SkmResults['previous'] }) {
  const { t, formatDecimal } = useI18n();
  const figures = useFigures();
  if (!previous) return null;
  if (previous.index === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('skm.region.noPrevious', { label: previous.label })}
      </Text>
    );
  }
  const diff = differenceText(current.index, previous.index, IKM_PLACES);
  if (diff === null) return null;
  const isZero = /^-?0(\.0+)?$/.test(diff);
  const isDown = diff.startsWith('-');
  const Icon = isZero ? IconArrowRight : isDown ? IconArrowDownRight : IconArrowUpRight;
  const color = isZero ? 'dimmed' : isDown ? 'red.8' : 'green.8';
  const shown = figures.delta(diff, 'ikm');
  return (
    <Group gap={6} wrap="nowrap" align="center" data-trend>
      <Text c={color} span style={{ display: 'inline-flex' }}>
        <Icon size={20} aria-hidden />
      </Text>
      <Text size="sm">
        <Text span fw={700} c={color}>
          {shown}
        </Text>{' '}
        {t('skm.region.versus', { label: previous.label, index: formatDecimal(roundDecimalText(previous.index, IKM_PLACES)) })}
      </Text>
    </Group>
  );
}

function RegionCard({ results, regionName }: { results: SkmResults; regionName: string }) {
  const { t, pick, formatDecimal, formatNumber } = useI18n();
  const counted = results.services.filter((s) => s.sufficient !== null);
  const enough = counted.filter((s) => s.sufficient === true).length;
  const labelId = useId();
  const region = results.region;
  const weakest = results.weakest[0];
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" fw={600} c="dimmed">
        {t('skm.region.label', { region: regionName })}
      </Text>
      {region ? (
        <Stack gap={6}>
          <Group gap="sm" align="baseline" wrap="wrap">
            <Text fz={{ base: 44, sm: 56 }} fw={800} lh={1.1} data-region-ikm>
              {formatDecimal(roundDecimalText(region.index, IKM_PLACES))}
            </Text>
            <GradeBadge grade={region.grade} name={region.gradeName} size="xl" />
          </Group>
          <Text size="sm">{t('skm.region.responses', { n: formatNumber(region.responses) })}</Text>
          <Trend current={region} previous={results.previous} />
          {weakest ? (
            <Text size="sm" c="dimmed">
              {t('skm.region.weakest', { unsur: weakest.unsur, name: isUnsurKey(weakest.unsur) ? pick(UNSUR_LABELS[weakest.unsur]) : weakest.name })}
            </Text>
          ) : null}
          {counted.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('skm.region.sample', { n: formatNumber(enough), of: formatNumber(counted.length) })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed" mt={4}>
            {t('skm.region.method')}
          </Text>
        </Stack>
      ) : (
        <Stack gap={4} mt={4}>
          <Text fz={44} fw={800} lh={1.1}>
            —
          </Text>
          <Text size="sm" c="dimmed">
            {t('skm.region.none')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

/** The region's IKM in every period up to this one (at most the last six), for the line. */
function useTrend(regionCode: string, results: SkmResults): TrendPoint[] {
  const list = useQuery(skmPeriodListQueryOptions(regionCode));
  const earlier = (list.data?.items ?? [])
    .filter((p) => p.id !== results.period.id && p.startsOn < results.period.startsOn)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .slice(-5);
  const others = useQueries({ queries: earlier.map((p) => skmResultsQueryOptions(regionCode, p.id)) });
  const points: TrendPoint[] = [];
  earlier.forEach((p, i) => {
    const region = others[i]?.data?.region;
    if (region) points.push({ id: p.id, label: p.label, index: region.index, grade: region.grade, current: false });
  });
  if (results.region)
    points.push({ id: results.period.id, label: results.period.label, index: results.region.index, grade: results.region.grade, current: true });
  return points;
}

/** The headline and its pictures: the IKM (and its line over the periods) beside the unsur bars. */
function Overview({ regionCode, results, regionName }: { regionCode: string; results: SkmResults; regionName: string }) {
  const { t } = useI18n();
  const points = useTrend(regionCode, results);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md" h="100%">
          <RegionCard results={results} regionName={regionName} />
          {points.length > 1 ? (
            <Section title={t('skm.chart.trendTitle')} description={t('skm.chart.trendHint')}>
              <TrendLine points={points} label={t('skm.chart.trendTitle')} />
            </Section>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Section title={t('skm.chart.unsurTitle')} description={t('skm.chart.unsurHint')} fill>
          {results.weakest.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('skm.region.none')}
            </Text>
          ) : (
            <UnsurBars rows={results.weakest} label={t('skm.chart.unsurTitle')} />
          )}
        </Section>
      </Grid.Col>
    </Grid>
  );
}

function Actions({
  regionCode,
  results,
  canManage,
  canEnter,
  onEdit,
  onPaper,
}: {
  regionCode: string;
  results: SkmResults;
  canManage: boolean;
  canEnter: boolean;
  onEdit: () => void;
  onPaper: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const period = results.period;
  const isOpen = period.status === 'dibuka';
  const toggle = useMutation({
    mutationFn: () => setSkmPeriodOpen(regionCode, period.id, !isOpen, period.version),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t(isOpen ? 'skm.period.closed' : 'skm.period.reopened', { label: period.label }) });
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: skmKey(regionCode) });
    },
  });
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
            {t('skm.period.download')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={skmReportUrl(regionCode, period.id)} download leftSection={<IconFileTypePdf size={16} aria-hidden />}>
            {t('skm.period.reportPdf')}
          </Menu.Item>
          <Menu.Item component="a" href={skmResponsesUrl(regionCode, period.id)} download leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
            {t('skm.period.responsesXlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {canManage ? (
        <AttachToIndexButton
          regionCode={regionCode}
          source={{ kind: 'skm', periodId: period.id }}
          documentLabel={t('skm.period.reportDocument', { label: period.label })}
        />
      ) : null}
      {canEnter ? (
        <Button variant="default" leftSection={<IconTableImport size={16} aria-hidden />} onClick={onPaper}>
          {t('skm.paper.open')}
        </Button>
      ) : null}
      {canManage ? (
        <>
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <Button
            variant={isOpen ? 'light' : 'default'}
            color={isOpen ? 'red' : undefined}
            leftSection={isOpen ? <IconLock size={16} aria-hidden /> : <IconLockOpen size={16} aria-hidden />}
            onClick={() => {
              toggle.reset();
              setConfirming(true);
            }}
          >
            {t(isOpen ? 'skm.period.close' : 'skm.period.reopen')}
          </Button>
        </>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        title={t(isOpen ? 'skm.period.closeTitle' : 'skm.period.reopenTitle', { label: period.label })}
        message={t(isOpen ? 'skm.period.closeText' : 'skm.period.reopenText')}
        confirmLabel={t(isOpen ? 'skm.period.close' : 'skm.period.reopen')}
        isPending={toggle.isPending}
        error={toggle.error}
        onConfirm={() => toggle.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}

function PeriodBody({ regionCode, results }: { regionCode: string; results: SkmResults }) {
  const { t, formatDate, formatNumber } = useI18n();
  const { region, can } = useRegion();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canManage = can('skm.manage');
  const canEnter = can('skm.enter');
  const [dialog, setDialog] = useState<'edit' | 'paper' | null>(null);
  const period = results.period;
  const noPopulation = results.services.filter((s) => s.population === null).length;
  const insufficient = results.services.filter((s) => s.sufficient === false).length;

  return (
    <>
      <PageHeader
        title={t('skm.periods.labelOf', { label: period.label })}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <PeriodStatusBadge status={period.status} />
            <span>
              {formatDate(period.startsOn)} – {formatDate(period.endsOn)} ·{' '}
              {t('skm.periods.countsShort', { services: formatNumber(period.serviceCount), responses: formatNumber(period.responseCount) })}
            </span>
          </Group>
        }
        actions={
          <Actions
            regionCode={regionCode}
            results={results}
            canManage={canManage}
            canEnter={canEnter}
            onEdit={() => setDialog('edit')}
            onPaper={() => setDialog('paper')}
          />
        }
      />
      <Stack gap="md">
        <Anchor component={Link} to="/skm" size="sm">
          ← {t('skm.period.back')}
        </Anchor>
        <Overview regionCode={regionCode} results={results} regionName={region?.name ?? regionCode} />
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
          <Tabs defaultValue="services" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="services">{t('skm.services.title')}</Tabs.Tab>
              <Tabs.Tab value="units">{t('skm.units.title')}</Tabs.Tab>
              <Tabs.Tab value="groups">{t('skm.groups.title')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="services">
              <Stack gap="sm">
                <Text size="sm" c="dimmed">
                  {canManage ? t('skm.services.introManage') : t('skm.services.intro')}
                </Text>
                {noPopulation > 0 || insufficient > 0 ? (
                  <Alert color="yellow" variant="light" p="xs">
                    <Text size="sm">
                      {[
                        noPopulation > 0 ? t('skm.services.missingPopulation', { n: formatNumber(noPopulation) }) : null,
                        insufficient > 0 ? t('skm.services.insufficient', { n: formatNumber(insufficient) }) : null,
                      ]
                        .filter(Boolean)
                        .join(' ')}
                    </Text>
                  </Alert>
                ) : null}
                {results.services.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('skm.services.empty')}
                  </Text>
                ) : (
                  <ServiceTable regionCode={regionCode} results={results} canManage={canManage} />
                )}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="units">
              <UnitTable results={results} />
            </Tabs.Panel>
            <Tabs.Panel value="groups">
              <GroupResults regionCode={regionCode} results={results} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
        <FollowUpSection regionCode={regionCode} results={results} canManage={canManage} />
      </Stack>

      <Modal
        opened={dialog === 'edit'}
        onClose={() => setDialog(null)}
        title={t('skm.form.editTitle', { label: period.label })}
        size="xl"
        fullScreen={isMobile}
      >
        {dialog === 'edit' ? (
          <SkmPeriodForm
            regionCode={regionCode}
            period={period}
            chosenServiceIds={period.allServices ? [] : results.services.map((s) => s.serviceId)}
            nextYear={period.year}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal>
      <Modal opened={dialog === 'paper'} onClose={() => setDialog(null)} title={t('skm.paper.title')} size="lg" fullScreen={isMobile}>
        {dialog !== 'paper' ? null : period.status === 'dibuka' ? (
          <PaperImport regionCode={regionCode} periodId={period.id} onDone={() => setDialog(null)} />
        ) : (
          <Alert color="yellow" variant="light" role="status">
            {t('skm.paper.closedHint')}
          </Alert>
        )}
      </Modal>
    </>
  );
}

export function SkmPeriodPage() {
  const { id = '' } = useParams();
  const { regionCode, region, can } = useRegion();
  const canRead = can('skm.read');
  const results = useQuery({ ...skmResultsQueryOptions(regionCode, id), enabled: canRead && id !== '' });

  if (region && !canRead) return <NoAccess />;
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} fullPage />;
  if (!results.data) return <FullPageLoader />;
  return (
    <Box>
      <PeriodBody regionCode={regionCode} results={results.data} />
    </Box>
  );
}
