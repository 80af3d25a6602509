/**
 * The index of each pillar of a yearly evaluation with last year's and the change, then the overall
 * index; optionally the assessor's findings per pillar. Wide on a phone, so it scrolls sideways in a
 * region that takes keyboard focus.
 */
import { Badge, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { deltaParts, useFigures } from '../figures.ts';
import { ScrollRegion } from '../scroll-region.tsx';

export interface PillarRow {
  id: string;
  name: string;
  weight?: string | null;
  index: string | null;
  /** The region's own claimed index, shown when the assessors' differs (their correction is visible). */
  claimedIndex?: string | null;
  previousIndex?: string | null;
  delta: string | null;
  findings?: string;
}

/** A change as people read it, at the places of an index: "+0,19", "−0,05", "0,00"; a dash when there is no earlier year. */
export function DeltaBadge({ delta }: { delta: string | null }) {
  const { t } = useI18n();
  const figures = useFigures();
  if (delta === null) {
    return (
      <Text span size="sm" c="dimmed">
        {t('evaluasi.noPrevious')}
      </Text>
    );
  }
  const { direction } = deltaParts(delta, 'index');
  const isFall = direction === 'down';
  const isFlat = direction === 'flat';
  const text = figures.delta(delta, 'index');
  return (
    <Badge variant="light" color={isFlat ? 'gray' : isFall ? 'red' : 'green'} data-delta={delta}>
      {text}
    </Badge>
  );
}

export function PillarTable({
  rows,
  overall,
  caption,
  year,
  previousYear,
  withFindings = false,
}: {
  rows: readonly PillarRow[];
  overall: { index: string | null; claimedIndex?: string | null; previousIndex: string | null; delta: string | null };
  caption: string;
  year: number;
  previousYear: number | null;
  withFindings?: boolean;
}) {
  const { t, formatDecimal } = useI18n();
  const figures = useFigures();
  const figure = (text: string | null | undefined) => figures.figure(text, 'index');
  // A weight is shown as the framework gives it, not rounded as an index.
  const weight = (text: string | null | undefined) => (text === null || text === undefined ? '–' : formatDecimal(text));
  const withWeight = rows.some((r) => r.weight !== undefined && r.weight !== null);
  const withClaimed = rows.some((r) => r.claimedIndex !== undefined && r.claimedIndex !== r.index);
  return (
    <ScrollRegion label={caption} minWidth={withFindings ? 720 : 320}>
      <Table striped verticalSpacing="xs" data-testid="evaluation-pillars">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluasi.pillar')}</Table.Th>
            {withWeight ? <Table.Th ta="right">{t('evaluasi.weight')}</Table.Th> : null}
            {previousYear !== null ? <Table.Th ta="right">{previousYear}</Table.Th> : null}
            {withClaimed ? <Table.Th ta="right">{t('evaluasi.claimed', { year })}</Table.Th> : null}
            <Table.Th ta="right">{year}</Table.Th>
            <Table.Th ta="right">{t('evaluasi.change')}</Table.Th>
            {withFindings ? <Table.Th>{t('evaluasi.findings')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-pillar={r.id}>
              <Table.Td>{r.name}</Table.Td>
              {withWeight ? <Table.Td ta="right">{weight(r.weight)}</Table.Td> : null}
              {previousYear !== null ? <Table.Td ta="right">{figure(r.previousIndex)}</Table.Td> : null}
              {withClaimed ? (
                <Table.Td ta="right" fs={r.claimedIndex !== r.index ? 'italic' : undefined} data-claimed>
                  {figure(r.claimedIndex)}
                </Table.Td>
              ) : null}
              <Table.Td ta="right" fw={600} data-index>
                {figure(r.index)}
              </Table.Td>
              <Table.Td ta="right">
                <DeltaBadge delta={r.delta} />
              </Table.Td>
              {withFindings ? (
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.findings || '–'}
                  </Text>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
          <Table.Tr data-pillar="overall">
            <Table.Td fw={700}>{t('evaluasi.overall')}</Table.Td>
            {withWeight ? <Table.Td /> : null}
            {previousYear !== null ? (
              <Table.Td ta="right" fw={700}>
                {figure(overall.previousIndex)}
              </Table.Td>
            ) : null}
            {withClaimed ? (
              <Table.Td ta="right" fw={700}>
                {figure(overall.claimedIndex)}
              </Table.Td>
            ) : null}
            <Table.Td ta="right" fw={700} data-index>
              {figure(overall.index)}
            </Table.Td>
            <Table.Td ta="right">
              <DeltaBadge delta={overall.delta} />
            </Table.Td>
            {withFindings ? <Table.Td /> : null}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
