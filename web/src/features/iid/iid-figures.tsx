/**
 * The period's projected IID as claimed and as verified, side by side: the index with its predicate,
 * then SPD, SID and the count score (jumlah), the innovations counted against the divisor, and the
 * coverage of the basic-service affairs (yandas) the count score requires; which innovations the
 * verified index counts and which urusan cover the yandas gate, as the period's framework says; and a
 * clear mark when no framework of the period's own year exists and another year's rules are assumed.
 */
import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { IidProjectionResponse } from '../../api/iid.api.ts';
import { useFigures } from '../../components/figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ScoreCard } from '../../components/score-card.tsx';

type Figure = IidProjectionResponse['claimed'];

function FigureCard({ label, figure }: { label: string; figure: Figure }) {
  const { t, formatNumber } = useI18n();
  const { figure: shown } = useFigures();
  return (
    <ScoreCard label={label} index={figure.index} predicate={figure.predicate} kind="iid">
      <Table mt="xs" verticalSpacing={2} horizontalSpacing={4} fz="sm" aria-label={label}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td c="dimmed">{t('iid.spd')}</Table.Td>
            <Table.Td ta="end" fw={600}>
              {shown(figure.spd, 'iid')}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('iid.sid')}</Table.Td>
            <Table.Td ta="end" fw={600}>
              {shown(figure.sid, 'iid')}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('iid.jumlah')}</Table.Td>
            <Table.Td ta="end" fw={600}>
              {shown(figure.jumlah, 'iid')}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Stack gap={0} mt={6}>
        <Text size="xs" c="dimmed">
          {t('iid.counted', { n: formatNumber(figure.innovations), divisor: formatNumber(figure.divisor) })}
        </Text>
        {figure.yandasRequired !== null ? (
          <Text size="xs" c={figure.yandasCovered < figure.yandasRequired ? 'red' : 'green'}>
            {t('iid.yandas', { covered: formatNumber(figure.yandasCovered), required: formatNumber(figure.yandasRequired) })}
          </Text>
        ) : null}
      </Stack>
    </ScoreCard>
  );
}

export function IidFigures({ projection }: { projection: IidProjectionResponse }) {
  const { t, formatDate, formatNumber } = useI18n();
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <FigureCard label={t('iid.claimedIndex')} figure={projection.claimed} />
        <FigureCard label={t('iid.verifiedIndex')} figure={projection.verified} />
      </SimpleGrid>
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('iid.framework', { name: projection.frameworkName, version: projection.frameworkVersion })}
          {projection.window ? ` · ${t('iid.window', { from: formatDate(projection.window.from), to: formatDate(projection.window.to) })}` : ''}
        </Text>
        {projection.frameworkExact ? null : (
          <Badge color="yellow" variant="light" radius="sm" data-iid-framework-assumed>
            {t('iid.frameworkAssumed', { year: projection.year })}
          </Badge>
        )}
      </Group>
      <Text size="sm" data-iid-verified-basis>
        {t(`iid.verifiedBasis.${projection.counting.verifiedCounts}`, { words: formatNumber(projection.eligibility.rancangBangunMinWords) })}{' '}
        {t(`iid.urusanCounted.${projection.claimed.urusanCounted}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {projection.counting.note}
      </Text>
    </Stack>
  );
}
