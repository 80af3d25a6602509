/**
 * The two pictures of a survey people look at before the tables: one bar per unsur (its NRR on the 1–4
 * scale, the weakest at the top, its figure beside the bar, coloured by the mutu band it falls in), and
 * the region's IKM over its periods as a line. Drawn with plain CSS and SVG; every figure is also
 * written out as text, and the line carries the same figures for screen readers.
 */
import { Box, Group, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { compareDecimalText, roundDecimalText } from '../../components/decimal-text.ts';
import { fractionOf, IKM_PLACES, NRR_PLACES } from './skm-decimal.ts';
import { GRADE_COLORS, isUnsurKey, UNSUR_LABELS } from './skm-labels.ts';

export interface UnsurBar {
  unsur: string;
  name: string;
  nrr: string;
}

/** The mutu band of an NRR: the IKM bands of PermenPANRB 14/2017 divided by the conversion factor 25. */
function gradeOfNrr(nrr: string): 'A' | 'B' | 'C' | 'D' {
  if (compareDecimalText(nrr, '3.5324') >= 0) return 'A';
  if (compareDecimalText(nrr, '3.0644') >= 0) return 'B';
  if (compareDecimalText(nrr, '2.60') >= 0) return 'C';
  return 'D';
}

export function UnsurBars({ rows, label }: { rows: readonly UnsurBar[]; label: string }) {
  const { t, pick, formatDecimal } = useI18n();
  const sorted = [...rows].sort((a, b) => compareDecimalText(a.nrr, b.nrr));
  return (
    <Stack gap="xs">
      <Stack gap={10} role="list" aria-label={label}>
        {sorted.map((row, i) => {
          const grade = gradeOfNrr(row.nrr);
          const color = GRADE_COLORS[grade] ?? 'blue';
          const name = isUnsurKey(row.unsur) ? pick(UNSUR_LABELS[row.unsur]) : row.name;
          const value = formatDecimal(roundDecimalText(row.nrr, NRR_PLACES));
          return (
            <Box key={row.unsur} role="listitem" data-unsur={row.unsur}>
              <Group justify="space-between" gap="xs" wrap="nowrap" mb={2}>
                <Text size="sm" fw={i === 0 ? 700 : 500} style={{ minWidth: 0 }}>
                  <Text span c="dimmed" size="xs" fw={600} mr={6}>
                    {row.unsur}
                  </Text>
                  {name}
                  {i === 0 && sorted.length > 1 ? (
                    <Text span size="xs" c="red.8" fw={700} ml={6}>
                      {t('skm.chart.weakest')}
                    </Text>
                  ) : null}
                </Text>
                <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} data-nrr>
                  {value}
                  <Text span size="xs" c="dimmed" fw={500}>
                    {' '}
                    ({grade})
                  </Text>
                </Text>
              </Group>
              <Box
                h={10}
                bg="gray.2"
                style={{ borderRadius: 5, overflow: 'hidden' }}
                aria-hidden
                title={t('skm.chart.barTitle', { unsur: row.unsur, value })}
              >
                <Box h="100%" bg={`${color}.7`} style={{ width: `${Math.max(2, fractionOf(row.nrr, 1, 4) * 100)}%`, borderRadius: 5 }} />
              </Box>
            </Box>
          );
        })}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('skm.chart.scale')}
      </Text>
    </Stack>
  );
}

export interface TrendPoint {
  id: string;
  label: string;
  index: string;
  grade: string | null;
  current: boolean;
}

const W = 380;
const H = 190;
const PAD = { left: 34, right: 26, top: 28, bottom: 30 };

/** The region's IKM per period, oldest on the left; the period on this page is the filled dot. */
export function TrendLine({ points, label }: { points: readonly TrendPoint[]; label: string }) {
  const { formatDecimal } = useI18n();
  const values = points.map((p) => Number(p.index)).filter(Number.isFinite);
  // A scale that shows movement without exaggerating it: at least 10 points tall, within 0–100.
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  const middle = (lowest + highest) / 2;
  const half = Math.max(5, (highest - lowest) / 2 + 3);
  const min = Math.max(0, Math.floor((middle - half) / 5) * 5);
  const max = Math.min(100, Math.ceil((middle + half) / 5) * 5);
  const x = (i: number) => (points.length === 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (index: string) => PAD.top + (1 - fractionOf(index, min, max)) * (H - PAD.top - PAD.bottom);
  const shown = (p: TrendPoint) => formatDecimal(roundDecimalText(p.index, IKM_PLACES));
  const summary = `${label}: ${points.map((p) => `${p.label} ${shown(p)}${p.grade ? ` (${p.grade})` : ''}`).join(', ')}`;
  return (
    <Box component="svg" viewBox={`0 0 ${W} ${H}`} w="100%" role="img" aria-label={summary} style={{ display: 'block', maxHeight: 260 }}>
      <title>{summary}</title>
      {[min, max].map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(String(tick))} y2={y(String(tick))} stroke="#dee2e6" strokeDasharray="4 4" />
          <text x={PAD.left - 6} y={y(String(tick)) + 4} fontSize={11} textAnchor="end" fill="#5f666d">
            {tick}
          </text>
        </g>
      ))}
      <polyline
        points={points.map((p, i) => `${x(i)},${y(p.index)}`).join(' ')}
        fill="none"
        stroke="var(--mantine-color-blue-8)"
        strokeWidth={2.5}
        strokeLinejoin="round"
      />
      {points.map((p, i) => (
        <g key={p.id}>
          <circle
            cx={x(i)}
            cy={y(p.index)}
            r={p.current ? 6 : 4.5}
            fill={p.current ? 'var(--mantine-color-blue-8)' : '#fff'}
            stroke="var(--mantine-color-blue-8)"
            strokeWidth={2}
          />
          <text x={x(i)} y={y(p.index) - 11} fontSize={13} fontWeight={700} textAnchor="middle" fill="#212529">
            {shown(p)}
          </text>
          <text x={x(i)} y={H - 8} fontSize={12} textAnchor="middle" fill="#5f666d" fontWeight={p.current ? 700 : 400}>
            {p.label}
          </text>
        </g>
      ))}
    </Box>
  );
}
