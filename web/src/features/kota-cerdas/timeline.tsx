/**
 * The masterplan's timeline (Gantt): one row per programme, one column per quarter of the plan's
 * years. Each bar is a link to its programme, reachable by keyboard, and says in words what it shows
 * (span, status, progress) for screen readers; the darker part of a bar is the progress.
 */
import { Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ProgrammeSummary } from '../../api/kota-cerdas.api.ts';
import { useFigures } from '../../components/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { KIND_COLORS, STATUS_LABELS } from './kota-cerdas-labels.ts';
import classes from './timeline.module.css';

const STATUS_BAR: Record<ProgrammeSummary['status'], string> = {
  belum_dilaporkan: 'var(--mantine-color-gray-7)',
  berjalan: 'var(--mantine-color-blue-8)',
  selesai: 'var(--mantine-color-green-9)',
  terhambat: 'var(--mantine-color-red-8)',
};

export function Timeline({
  startYear,
  endYear,
  programmes,
  linkTo,
}: {
  startYear: number;
  endYear: number;
  programmes: ProgrammeSummary[];
  linkTo: (id: string) => string;
}) {
  const { t } = useI18n();
  const { figure } = useFigures();
  if (programmes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('kc.timeline.empty')}
      </Text>
    );
  }
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
  // Column 1 is the name; quarter q of year y is column 2 + (y - startYear) * 4 + (q - 1).
  const column = (year: number, quarter: number) => 2 + (year - startYear) * 4 + (quarter - 1);
  const spanText = (p: ProgrammeSummary) => t('kc.span', { sq: p.startQuarter, sy: p.startYear, eq: p.endQuarter, ey: p.endYear });
  return (
    <div className={classes.scroll}>
      <div className={classes.grid} style={{ gridTemplateColumns: `minmax(110px, 260px) repeat(${years.length * 4}, minmax(22px, 1fr))` }}>
        <div aria-hidden />
        {years.map((y) => (
          <div key={y} className={classes.year} style={{ gridColumn: `${column(y, 1)} / span 4` }} aria-hidden>
            {y}
          </div>
        ))}
        <div aria-hidden />
        {years.flatMap((y) =>
          [1, 2, 3, 4].map((q) => (
            <div key={`${y}-${q}`} className={classes.quarter} style={{ gridColumn: column(y, q) }} aria-hidden>
              {q}
            </div>
          )),
        )}
        {programmes.map((p, row) => {
          const from = column(Math.max(p.startYear, startYear), p.startYear < startYear ? 1 : p.startQuarter);
          const to = column(Math.min(p.endYear, endYear), p.endYear > endYear ? 4 : p.endQuarter) + 1;
          const progress = p.progress === null ? null : t('kc.progressValue', { value: figure(p.progress, 'percent') });
          const label = `${t('kc.timeline.bar', { name: p.name, span: spanText(p), status: t(STATUS_LABELS[p.status]) })}${progress ? `, ${t('kc.progress')} ${progress}` : ''}`;
          return (
            <div key={p.id} style={{ display: 'contents' }}>
              <div className={classes.name} style={{ gridRow: row + 3 }} title={p.name}>
                <Text component="span" size="sm" c={KIND_COLORS[p.kind]} fw={700} mr={4} aria-hidden>
                  ●
                </Text>
                {p.name}
              </div>
              <Link
                to={linkTo(p.id)}
                className={classes.bar}
                style={{ gridRow: row + 3, gridColumn: `${from} / ${to}`, background: STATUS_BAR[p.status] }}
                aria-label={label}
                title={label}
              >
                <span className={classes.fill} style={{ width: `${Math.min(100, Number(p.progress ?? 0))}%` }} />
                <span className={classes.label}>{progress ?? ''}</span>
              </Link>
            </div>
          );
        })}
      </div>
    </div>
  );
}
