/**
 * The evaluation charts, loaded when first shown: the chart library is large, and only the assessment
 * evaluation tab and the masterplan page draw it.
 */
import { Skeleton } from '@mantine/core';
import { type ComponentProps, lazy, Suspense } from 'react';

const LazyPillarBars = lazy(() => import('./evaluation-charts.tsx').then((m) => ({ default: m.PillarBars })));
const LazyIndexTrend = lazy(() => import('./evaluation-charts.tsx').then((m) => ({ default: m.IndexTrend })));

export function PillarBarsChart(props: ComponentProps<typeof LazyPillarBars>) {
  return (
    <Suspense fallback={<Skeleton h={280} />}>
      <LazyPillarBars {...props} />
    </Suspense>
  );
}

export function IndexTrendChart(props: ComponentProps<typeof LazyIndexTrend>) {
  return (
    <Suspense fallback={<Skeleton h={200} />}>
      <LazyIndexTrend {...props} />
    </Suspense>
  );
}
