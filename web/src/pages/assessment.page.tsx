/**
 * One self-assessment (/penilaian/:id): the index as claimed and as verified side by side with every
 * domain and aspect, the stage with the steps the caller may take (from `can`), progress per unit;
 * then the indicators grouped by domain and aspect (filters: mine, unfilled, waiting for an assessor),
 * each opening a drawer with the criteria of every level, the explanation, the evidence and the
 * assessor's decision; the gap analysis with last year's comparison; the assignment of indicators for
 * managers; and the reports (PDF, XLSX). The open indicator, the filter and the tab live in the URL.
 */
import { Anchor, Badge, Breadcrumbs, Button, Center, Drawer, Grid, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconChartArrowsVertical,
  IconFileSpreadsheet,
  IconFileTypePdf,
  IconBuildingBank,
  IconChecklist,
  IconListCheck,
  IconReportAnalytics,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type AssessmentDetail, assessmentKey, assessmentQueryOptions, frameworkTreeQueryOptions, reportUrl } from '../api/assessments.api.ts';
import { isApiError } from '../api/http.ts';
import { NoAccess } from '../components/no-access.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { AssessmentFigures } from '../features/assessments/assessment-figures.tsx';
import { STAGE_COLORS, STAGE_LABELS } from '../components/evaluation/assessment-labels.ts';
import { AssignmentPanel } from '../features/assessments/assignment-panel.tsx';
import { EvaluationPanel } from '../features/assessments/evaluation-panel.tsx';
import { ActionPlanPanel } from '../features/assessments/action-plan-panel.tsx';
import { NationalPanel } from '../features/assessments/national-panel.tsx';
import { buildBreakdown } from '../features/assessments/breakdown.ts';
import { GapsPanel } from '../features/assessments/gaps-panel.tsx';
import { IndicatorList } from '../features/assessments/indicator-list.tsx';
import { IndicatorPanel } from '../features/assessments/indicator-panel.tsx';
import { isItemFilter, type ItemFilter } from '../components/evaluation/item-values.ts';
import { isSmartCityFramework } from '#domain/assessments/evaluation.ts';
import { StagePanel } from '../features/assessments/stage-panel.tsx';
import { UnitProgress } from '../features/assessments/unit-progress.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { useSignedInUser } from '../session/session.tsx';
import { NotFoundPage } from './not-found.page.tsx';

const TABS = ['indikator', 'kesenjangan', 'evaluasi', 'nasional', 'rencana', 'penugasan'] as const;
type Tab = (typeof TABS)[number];

/** The page's state in the URL: tab, filter and the open indicator. */
function usePageParams() {
  const [search, setSearch] = useSearchParams();
  const tabText = search.get('tab') ?? '';
  const filterText = search.get('filter') ?? '';
  const update = useCallback(
    (changes: Record<string, string | null>, push = false) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: !push },
      ),
    [setSearch],
  );
  return {
    tab: (TABS as readonly string[]).includes(tabText) ? (tabText as Tab) : 'indikator',
    filter: isItemFilter(filterText) ? filterText : ('all' as ItemFilter),
    indicatorId: search.get('indikator'),
    update,
  };
}

export function AssessmentPage() {
  const { id = '' } = useParams();
  return <AssessmentView key={id} id={id} />;
}

function AssessmentView({ id }: { id: string }) {
  const { t, pick, formatDate } = useI18n();
  const { regionCode, can } = useRegion();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canRead = can('assessments.read');
  const query = useQuery({ ...assessmentQueryOptions(regionCode, id), enabled: canRead && id !== '' });
  const frameworkId = query.data?.frameworkId ?? '';
  const tree = useQuery({ ...frameworkTreeQueryOptions(frameworkId), enabled: frameworkId !== '' });
  const params = usePageParams();

  if (!canRead) return <NoAccess />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, 'NOT_FOUND') || isApiError(query.error, 'VALIDATION_FAILED')) return <NotFoundPage />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const assessment: AssessmentDetail = query.data;
  const breakdown = buildBreakdown(tree.data, assessment, assessment.claimed.nodes, assessment.verified.nodes, assessment.items);
  const selected = params.indicatorId ? assessment.items.find((i) => i.indicatorId === params.indicatorId) : undefined;
  // Hasil evaluasi: the assessors' yearly result, which the smart-city evaluation publishes per pillar.
  const hasEvaluation = isSmartCityFramework(assessment.frameworkId);
  // SPBE and Indeks Pemdi go on to the national evaluation (hasil nasional) and its action plan.
  const hasNational = !hasEvaluation;
  const tab: Tab =
    (params.tab === 'penugasan' && !assessment.can.manage) ||
    (params.tab === 'evaluasi' && !hasEvaluation) ||
    ((params.tab === 'nasional' || params.tab === 'rencana') && !hasNational)
      ? 'indikator'
      : params.tab;
  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: assessmentKey(regionCode, id), exact: true });
    const latest = queryClient.getQueryData<AssessmentDetail>(assessmentKey(regionCode, id));
    return latest?.items.find((i) => i.id === selected?.id);
  };
  const title = t('assessment.title', { framework: assessment.frameworkName, year: assessment.year });

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6}>
        <Anchor component={Link} to="/penilaian" size="sm">
          {t('assessments.title')}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={320}>
          {title}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={title}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <Badge size="lg" variant="light" radius="sm" color={STAGE_COLORS[assessment.stage]} data-stage={assessment.stage}>
              {pick(STAGE_LABELS[assessment.stage])}
            </Badge>
            {/* One run of text, the dot tied to the version: on a phone the line breaks inside it, never before the dot. */}
            <span>
              {t('assessment.versionOf', { version: assessment.frameworkVersion })}
              {assessment.deadline ? `\u00a0· ${t('assessment.deadlineOn', { date: formatDate(assessment.deadline) })}` : null}
            </span>
          </Group>
        }
        actions={
          <>
            <Button
              component="a"
              href={reportUrl(regionCode, assessment.id, 'pdf')}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              {t('assessment.reportPdf')}
            </Button>
            <Button
              component="a"
              href={reportUrl(regionCode, assessment.id, 'xlsx')}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t('assessment.reportXlsx')}
            </Button>
          </>
        }
      />

      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <AssessmentFigures assessment={assessment} breakdown={breakdown.rows} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <StagePanel regionCode={regionCode} assessment={assessment} />
            {assessment.progressByUnit.length > 0 ? <UnitProgress rows={assessment.progressByUnit} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>

      <Tabs value={tab} onChange={(value) => params.update({ tab: value === 'indikator' ? null : value })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="indikator" leftSection={<IconListCheck size={16} aria-hidden />}>
            {t('assessment.tab.indicators')}
          </Tabs.Tab>
          <Tabs.Tab value="kesenjangan" leftSection={<IconChartArrowsVertical size={16} aria-hidden />}>
            {t('assessment.tab.gaps')}
          </Tabs.Tab>
          {hasEvaluation ? (
            <Tabs.Tab value="evaluasi" leftSection={<IconReportAnalytics size={16} aria-hidden />}>
              {t('evaluasi.tab')}
            </Tabs.Tab>
          ) : null}
          {hasNational ? (
            <>
              <Tabs.Tab value="nasional" leftSection={<IconBuildingBank size={16} aria-hidden />}>
                {t('lhe.tab')}
              </Tabs.Tab>
              <Tabs.Tab value="rencana" leftSection={<IconChecklist size={16} aria-hidden />}>
                {t('lhe.planTab')}
              </Tabs.Tab>
            </>
          ) : null}
          {assessment.can.manage ? (
            <Tabs.Tab value="penugasan" leftSection={<IconUsersGroup size={16} aria-hidden />}>
              {t('assessment.tab.assign')}
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="indikator">
          <IndicatorList
            assessment={assessment}
            nodeIdByPath={breakdown.nodeIdByPath}
            myUnitId={me.user.unit?.id ?? null}
            filter={params.filter}
            onFilter={(filter) => params.update({ filter: filter === 'all' ? null : filter })}
            selectedId={selected?.indicatorId ?? null}
            onOpen={(indicatorId) => params.update({ indikator: indicatorId }, true)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="kesenjangan">
          <GapsPanel regionCode={regionCode} assessment={assessment} />
        </Tabs.Panel>
        {hasEvaluation ? (
          <Tabs.Panel value="evaluasi">
            <EvaluationPanel regionCode={regionCode} assessmentId={assessment.id} />
          </Tabs.Panel>
        ) : null}
        {hasNational ? (
          <>
            <Tabs.Panel value="nasional">
              <NationalPanel regionCode={regionCode} assessmentId={assessment.id} />
            </Tabs.Panel>
            <Tabs.Panel value="rencana">
              <ActionPlanPanel regionCode={regionCode} assessmentId={assessment.id} />
            </Tabs.Panel>
          </>
        ) : null}
        {assessment.can.manage ? (
          <Tabs.Panel value="penugasan">
            <AssignmentPanel regionCode={regionCode} assessment={assessment} />
          </Tabs.Panel>
        ) : null}
      </Tabs>

      <Drawer
        opened={selected !== undefined}
        onClose={() => params.update({ indikator: null })}
        position="right"
        size={isMobile ? '100%' : 720}
        title={selected ? t('assessment.indicatorTitle', { id: selected.indicatorId, name: selected.name }) : ''}
        styles={{ title: { fontWeight: 700 } }}
      >
        {selected ? <IndicatorPanel key={selected.id} regionCode={regionCode} assessment={assessment} item={selected} onReload={reload} /> : null}
      </Drawer>
    </>
  );
}
