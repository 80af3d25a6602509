/**
 * The two pictures of a yearly evaluation: the index per pillar this year beside last year's (bars),
 * and the overall index over the years (a line). Drawn with @mantine/charts; loaded only where an
 * evaluation is shown (see lazy-charts.tsx), so other pages do not carry the chart library. Every
 * figure is also in the table beside the chart and in the chart's text alternative.
 */
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { useFigures } from '../figures.ts';

export interface PillarBar {
  id: string;
  name: string;
  index: string | null;
  previousIndex: string | null;
}

/** Figures for the chart only: the exact text stays in the table. */
const plotted = (text: string | null) => (text === null ? null : Number(text));

/** A pillar's name on the axis without its explanation in brackets ("Quick Win (Program Percepatan)" → "Quick Win"). */
const axisName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '') || name;

export function PillarBars({ pillars, year, previousYear }: { pillars: readonly PillarBar[]; year: number; previousYear: number | null }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const data = pillars.map((p) => ({ pillar: axisName(p.name), current: plotted(p.index), previous: plotted(p.previousIndex) }));
  const series = [
    ...(previousYear === null ? [] : [{ name: 'previous', label: String(previousYear), color: 'gray.5' }]),
    { name: 'current', label: String(year), color: 'blue.7' },
  ];
  const summary = t('evaluasi.chart.pillarsAlt', {
    year,
    figures: pillars.map((p) => `${p.name} ${figure(p.index, 'index')}`).join(', '),
  });
  return (
    <Box role="img" aria-label={summary}>
      <BarChart
        h={pillars.length * 44 + 60}
        data={data}
        dataKey="pillar"
        orientation="vertical"
        series={series}
        withLegend={previousYear !== null}
        xAxisProps={{ domain: [0, 5], ticks: [0, 1, 2, 3, 4, 5] }}
        yAxisProps={{ width: 90 }}
        valueFormatter={(v) => figure(String(v), 'index')}
        barChartProps={{ accessibilityLayer: false }}
        tickLine="x"
        gridAxis="x"
      />
    </Box>
  );
}

export interface TrendPoint {
  year: number;
  index: string | null;
}

export function IndexTrend({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useI18n();
  const { figure } = useFigures();
  const shown = points.filter((p) => p.index !== null);
  const data = shown.map((p) => ({ year: String(p.year), index: plotted(p.index) }));
  const summary = t('evaluasi.chart.trendAlt', {
    figures: shown.map((p) => `${p.year} ${figure(p.index, 'index')}`).join(', '),
  });
  return (
    <Box role="img" aria-label={summary}>
      <LineChart
        h={200}
        data={data}
        dataKey="year"
        series={[{ name: 'index', label: t('evaluasi.index'), color: 'blue.7' }]}
        yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5] }}
        valueFormatter={(v) => figure(String(v), 'index')}
        lineChartProps={{ accessibilityLayer: false }}
        withDots
        withPointLabels
        curveType="linear"
      />
    </Box>
  );
}
