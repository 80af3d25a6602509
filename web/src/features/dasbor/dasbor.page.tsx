/**
 * The region's dashboard for its leaders: one year's headline figures as cards (each linking to the
 * page it comes from, where the same number shows), the innovations' weekly trend against the target
 * and the deadline, each index across the years, and the assessment's domains, every chart with its
 * numbers beside it. The PDF brief for the kepala daerah carries the same figures and charts.
 */
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { dashboardBriefUrl, type RegionDashboard, regionDashboardQueryOptions } from '../../api/dasbor.api.ts';
import { NoAccess } from '../../components/no-access.tsx';
import { useFigures } from '../../components/figures.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { PredicateBadge, usePredicateText } from '../../components/score-card.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegion } from '../../session/region.tsx';

const COLORS = { proposed: 'blue.6', verified: 'teal.7', target: 'orange.8', iid: 'indigo.7', assessment: 'grape.7', ikm: 'cyan.8' } as const;

export function DasborPage() {
  const { t } = useI18n();
  const { regionCode, can } = useRegion();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('tahun'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const query = useQuery({ ...regionDashboardQueryOptions(regionCode, year), enabled: can('dashboard.read') });

  if (!can('dashboard.read')) return <NoAccess />;
  const d = query.data;

  return (
    <>
      <PageHeader
        title={t('dasbor.title')}
        description={d ? t('dasbor.description', { region: d.regionName, year: d.year }) : t('dasbor.descriptionShort')}
        actions={
          d ? (
            <Group align="flex-end" gap="sm">
              <NativeSelect
                label={t('dasbor.year')}
                value={String(d.year)}
                onChange={(e) => setParams({ tahun: e.currentTarget.value }, { replace: true })}
                data={d.years.map((y) => String(y))}
                w={110}
              />
              <Button component="a" href={dashboardBriefUrl(regionCode, d.year)} leftSection={<IconDownload size={16} aria-hidden />}>
                {t('dasbor.downloadBrief')}
              </Button>
            </Group>
          ) : null
        }
      />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[1, 2, 3, 4, 5, 6].map((i) => (
            <Skeleton key={i} h={150} radius="md" />
          ))}
        </SimpleGrid>
      ) : null}
      {d ? (
        <Stack gap="lg">
          <KpiCards d={d} />
          <InnovationTrend d={d} />
          <IndexTrend d={d} />
          {d.assessment && d.assessment.domains.length > 0 ? <Domains d={d} /> : null}
        </Stack>
      ) : null}
    </>
  );
}

function Kpi({ title, value, lines, to, testId }: { title: string; value: string; lines: ReactNode[]; to: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Stack gap={4} h="100%">
        <Text size="sm" fw={600} c="dimmed">
          {title}
        </Text>
        <Text fz={30} fw={700} lh={1.2} data-testid={`${testId}-value`}>
          {value}
        </Text>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a card are fixed in number and order.
          <Text key={i} size="sm">
            {line}
          </Text>
        ))}
        <Anchor component={Link} to={to} size="sm" mt="auto" pt={6}>
          <Group gap={4} component="span">
            {t('dasbor.source')}
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Stack>
    </Card>
  );
}

function KpiCards({ d }: { d: RegionDashboard }) {
  const { t, formatNumber } = useI18n();
  const { figure, delta } = useFigures();
  const predicateText = usePredicateText();
  const i = d.innovations;
  const c = d.complaints;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <Kpi
        testId="kpi-innovations"
        title={t('dasbor.kpi.innovations')}
        value={i.target === null ? formatNumber(i.proposed) : `${formatNumber(i.proposed)} / ${formatNumber(i.target)}`}
        lines={
          i.periodId === null
            ? [t('dasbor.noPeriod')]
            : [
                t('dasbor.innovations.verified', { n: formatNumber(i.verified) }),
                t('dasbor.innovations.units', { n: formatNumber(i.unitsMeetingMinimum), total: formatNumber(i.units) }),
                t('dasbor.innovations.yandas', { n: i.yandasCovered, total: i.yandasTotal }),
              ]
        }
        to="/capaian-target"
      />
      <Kpi
        testId="kpi-iid"
        title={t('dasbor.kpi.iid')}
        value={d.iid ? figure(d.iid.verified, 'iid') : '–'}
        lines={
          d.iid
            ? [
                <Group key="p" gap={6} component="span">
                  {t('dasbor.iid.verified')}
                  <PredicateBadge predicate={d.iid.predicate} />
                </Group>,
                t('dasbor.iid.claimed', {
                  index: figure(d.iid.claimed, 'iid'),
                  predicate: d.iid.claimedPredicate ? predicateText(d.iid.claimedPredicate) : '–',
                }),
              ]
            : [t('dasbor.noPeriod')]
        }
        to="/iid"
      />
      <Kpi
        testId="kpi-assessment"
        title={d.assessment ? d.assessment.frameworkName : t('dasbor.kpi.assessment')}
        value={d.assessment ? figure(d.assessment.index, 'index') : '–'}
        lines={
          d.assessment
            ? [
                t('dasbor.assessment.predicate', { predicate: d.assessment.predicate ? predicateText(d.assessment.predicate) : '–' }),
                d.assessment.basis === 'claimed' ? t('dasbor.assessment.claimed') : t('dasbor.assessment.verified'),
              ]
            : [t('dasbor.noAssessment')]
        }
        to={d.assessment ? `/penilaian/${d.assessment.assessmentId}` : '/penilaian'}
      />
      <Kpi
        testId="kpi-ikm"
        title={t('dasbor.kpi.ikm')}
        value={d.ikm ? figure(d.ikm.index, 'ikm') : '–'}
        lines={
          d.ikm
            ? [
                t('dasbor.ikm.grade', { grade: d.ikm.grade ?? '–', n: formatNumber(d.ikm.responses), label: d.ikm.label }),
                ...d.ikm.weakestServices.map((s) => t('dasbor.ikm.weakest', { name: s.serviceName, index: figure(s.index, 'ikm') })),
              ]
            : [t('dasbor.noSurvey')]
        }
        to={d.ikm ? `/skm/${d.ikm.periodId}` : '/skm'}
      />
      <Kpi
        testId="kpi-smartcity"
        title={t('dasbor.kpi.smartCity')}
        value={d.smartCity ? `${figure(d.smartCity.progress, 'percent')}%` : '–'}
        lines={
          d.smartCity
            ? [
                t('dasbor.smartCity.programmes', { n: d.smartCity.programmes, onTrack: d.smartCity.onTrack, done: d.smartCity.done }),
                t('dasbor.smartCity.blocked', { blocked: d.smartCity.blocked, notReported: d.smartCity.notReported }),
                ...(d.smartCity.evaluation
                  ? [
                      d.smartCity.evaluation.change === null
                        ? t('dasbor.smartCity.evaluation', { index: figure(d.smartCity.evaluation.index, 'index') })
                        : t('dasbor.smartCity.evaluationChange', {
                            index: figure(d.smartCity.evaluation.index, 'index'),
                            change: delta(d.smartCity.evaluation.change, 'index'),
                          }),
                    ]
                  : []),
              ]
            : [t('dasbor.noMasterplan')]
        }
        to="/kota-cerdas"
      />
      <Kpi
        testId="kpi-complaints"
        title={t('dasbor.kpi.complaints')}
        value={`${formatNumber(c.resolved)} / ${formatNumber(c.received)}`}
        lines={[
          t('dasbor.complaints.onTime', { n: formatNumber(c.resolvedOnTime) }),
          t('dasbor.complaints.overdue', { n: formatNumber(c.overdue) }),
          t('dasbor.complaints.open', { n: formatNumber(c.open) }),
        ]}
        to="/pengaduan-masuk"
      />
    </SimpleGrid>
  );
}

function ChartCard({ title, chart, numbers }: { title: string; chart: ReactNode; numbers: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <div style={{ gridColumn: 'span 2', minWidth: 0 }}>{chart}</div>
        <div style={{ minWidth: 0 }}>{numbers}</div>
      </SimpleGrid>
    </Card>
  );
}

function InnovationTrend({ d }: { d: RegionDashboard }) {
  const { t, formatNumber } = useI18n();
  const weeks = d.trend.innovations;
  const last = weeks.at(-1);
  return (
    <ChartCard
      title={t('dasbor.chart.trend')}
      chart={
        weeks.length === 0 ? (
          <Text c="dimmed">{t('dasbor.noPeriod')}</Text>
        ) : (
          <div role="img" aria-label={t('dasbor.chart.trendLabel', { proposed: last?.proposed ?? 0, verified: last?.verified ?? 0 })}>
            <LineChart
              h={260}
              data={weeks.map((w) => ({
                week: w.week.slice(5),
                [t('dasbor.series.proposed')]: w.proposed,
                [t('dasbor.series.verified')]: w.verified,
              }))}
              dataKey="week"
              series={[
                { name: t('dasbor.series.proposed'), color: COLORS.proposed },
                { name: t('dasbor.series.verified'), color: COLORS.verified },
              ]}
              referenceLines={
                d.innovations.target === null ? [] : [{ y: d.innovations.target, label: t('dasbor.series.target'), color: COLORS.target }]
              }
              yAxisProps={{ domain: [0, Math.max(d.innovations.target ?? 0, last?.proposed ?? 0)] }}
              withLegend
              withDots={false}
              curveType="linear"
            />
          </div>
        )
      }
      numbers={
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            <NumberRow label={t('dasbor.series.target')} value={d.innovations.target === null ? '–' : formatNumber(d.innovations.target)} />
            <NumberRow label={t('dasbor.series.proposed')} value={formatNumber(d.innovations.proposed)} />
            <NumberRow label={t('dasbor.series.verified')} value={formatNumber(d.innovations.verified)} />
            <NumberRow label={t('dasbor.window')} value={d.innovations.opensOn ? `${d.innovations.opensOn} – ${d.innovations.closesOn}` : '–'} />
          </Table.Tbody>
        </Table>
      }
    />
  );
}

function NumberRow({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={600}>
          {value}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function IndexTrend({ d }: { d: RegionDashboard }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const rows = d.trend.indices;
  return (
    <ChartCard
      title={t('dasbor.chart.indices')}
      chart={
        <div role="img" aria-label={t('dasbor.chart.indicesLabel')}>
          <BarChart
            h={260}
            data={rows.map((r) => ({ year: String(r.year), IID: r.iid === null ? 0 : Number(r.iid), IKM: r.ikm === null ? 0 : Number(r.ikm) }))}
            dataKey="year"
            series={[
              { name: 'IID', color: COLORS.iid },
              { name: 'IKM', color: COLORS.ikm },
            ]}
            yAxisProps={{ domain: [0, 100] }}
            withLegend
          />
        </div>
      }
      numbers={
        <ScrollRegion label={t('dasbor.chart.indices')} minWidth={260}>
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dasbor.year')}</Table.Th>
                <Table.Th ta="right">IID</Table.Th>
                <Table.Th ta="right">{t('dasbor.col.assessment')}</Table.Th>
                <Table.Th ta="right">IKM</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.year}>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td ta="right">{figure(r.iid, 'iid')}</Table.Td>
                  <Table.Td ta="right" title={r.assessmentFramework ?? undefined}>
                    {figure(r.assessment, 'index')}
                  </Table.Td>
                  <Table.Td ta="right">{figure(r.ikm, 'ikm')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      }
    />
  );
}

function Domains({ d }: { d: RegionDashboard }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const predicateText = usePredicateText();
  const a = d.assessment;
  if (!a) return null;
  return (
    <ChartCard
      title={t('dasbor.chart.domains', { framework: a.frameworkName })}
      chart={
        <div role="img" aria-label={t('dasbor.chart.domainsLabel', { framework: a.frameworkName })}>
          <BarChart
            h={Math.max(160, a.domains.length * 48)}
            orientation="vertical"
            data={a.domains.map((dom) => ({ domain: dom.name, [t('dasbor.series.index')]: dom.index === null ? 0 : Number(dom.index) }))}
            dataKey="domain"
            series={[{ name: t('dasbor.series.index'), color: COLORS.assessment }]}
            xAxisProps={{ domain: [0, 5] }}
            yAxisProps={{ width: 140 }}
          />
        </div>
      }
      numbers={
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {a.domains.map((dom) => (
              <NumberRow
                key={dom.id}
                label={dom.name}
                value={`${figure(dom.index, 'index')}${dom.predicate ? ` (${predicateText(dom.predicate)})` : ''}`}
              />
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}
