/**
 * What-if: the single steps (one indicator, one parameter up, on one innovation or the region's SPD)
 * that would raise the index most, with the index after each; some steps only need the evidence of a
 * level already claimed.
 */
import { Anchor, Badge, Group, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type IidBasis, type WhatIfResponse, whatIfQueryOptions } from '../../api/iid.api.ts';
import { useFigures } from '../../components/figures.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const LIMIT = 15;

export function WhatIfList({ regionCode, periodId }: { regionCode: string; periodId: string }) {
  const { t } = useI18n();
  const { figure, delta } = useFigures();
  const [basis, setBasis] = useState<IidBasis>('claimed');
  const query = useQuery(whatIfQueryOptions(regionCode, periodId, basis, LIMIT));
  return (
    <div>
      <Group justify="space-between" gap="sm" mb="sm" align="flex-end">
        <Text size="sm" c="dimmed" maw={560}>
          {t('iid.whatIfText')}
        </Text>
        <SegmentedControl
          aria-label={t('gaps.basis')}
          value={basis}
          onChange={(v) => setBasis(v === 'verified' ? 'verified' : 'claimed')}
          data={[
            { value: 'claimed', label: t('iid.basis.claimed') },
            { value: 'verified', label: t('iid.basis.verified') },
          ]}
        />
      </Group>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton rows={6} />
      ) : query.data.items.length === 0 ? (
        <ListEmpty kind="empty" title={t('iid.whatIfNone.title')} description={t('iid.whatIfNone.text')} />
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('gaps.indexNow', { index: figure(query.data.index, 'iid') })}
          </Text>
          <LeverList data={query.data} />
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="xs" striped aria-label={t('iid.tab.whatIf')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>#</Table.Th>
                  <Table.Th>{t('iid.col.where')}</Table.Th>
                  <Table.Th>{t('gaps.col.indicator')}</Table.Th>
                  <Table.Th>{t('gaps.col.step')}</Table.Th>
                  <Table.Th ta="end">{t('gaps.col.gain')}</Table.Th>
                  <Table.Th ta="end">{t('gaps.col.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((item, n) => (
                  <Table.Tr key={`${item.innovationId ?? 'spd'}:${item.indicatorId}`}>
                    <Table.Td>{n + 1}</Table.Td>
                    <Table.Td maw={260}>
                      {item.innovationId ? (
                        <Anchor component={Link} to={`/inovasi/${item.innovationId}?tab=iid`} size="sm" fw={600}>
                          {item.innovationName ?? t('iid.openInnovation')}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={600}>
                          {t('iid.regionSpd')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm">
                        <strong>{item.indicatorId}</strong> {item.indicatorName}
                      </Text>
                      {item.needsEvidence ? (
                        <Badge size="xs" variant="light" color="orange" mt={2}>
                          {t('iid.needsEvidence')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {item.current} → <strong>{item.next}</strong>
                    </Table.Td>
                    <Table.Td ta="end">
                      <Badge variant="light" color="green">
                        {delta(item.gain, 'iid')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end" fw={700}>
                      {figure(item.indexAfter, 'iid')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </div>
  );
}

/**
 * The levers ranked by their change of the index, each with a bar (its share of the largest change),
 * the numbers beside it and one sentence saying what to do. A loss (dropping an innovation that still
 * helps) shows red, so nobody mistakes it for a gain.
 */
function LeverList({ data }: { data: WhatIfResponse }) {
  const { t } = useI18n();
  const { figure, delta } = useFigures();
  const levers = data.levers.slice(0, 10);
  if (levers.length === 0) return null;
  const magnitude = (gain: string) => Math.abs(Number(gain));
  const largest = Math.max(...levers.map((l) => magnitude(l.gain)), Number.EPSILON);
  return (
    <section aria-labelledby="iid-levers-title" style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
      <Title order={3} size="h5" id="iid-levers-title" mb={4}>
        {t('iid.levers.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs" maw={720}>
        {t('iid.levers.text', { score: figure(data.assumedScore, 'iid') })}
        {data.carryCandidates.length > 0 ? ` ${t('iid.levers.carry', { n: data.carryCandidates.length })}.` : ''}
      </Text>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {levers.map((lever, n) => {
          const isLoss = lever.gain.startsWith('-');
          const share = Math.round((magnitude(lever.gain) / largest) * 100);
          return (
            <li key={`${lever.kind}:${lever.innovationId ?? ''}:${lever.indicatorId ?? ''}:${lever.urusan.join(',')}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={700}>
                      {n + 1}. {lever.label}
                    </Text>
                    <Badge size="xs" variant="light" color={isLoss ? 'red' : 'blue'}>
                      {t(`iid.levers.kind.${lever.kind}`)}
                    </Badge>
                  </Group>
                  <Text size="sm">{lever.action}</Text>
                </div>
                <div style={{ textAlign: 'end', flexShrink: 0 }}>
                  <Badge variant="light" color={isLoss ? 'red' : 'green'} aria-label={`${t('iid.levers.gain')} ${lever.gain}`}>
                    {delta(lever.gain, 'iid')}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('iid.levers.after', { index: figure(lever.indexAfter, 'iid') })}
                  </Text>
                </div>
              </Group>
              <Progress value={share} color={isLoss ? 'red' : 'green'} size="sm" mt={4} aria-hidden />
            </li>
          );
        })}
      </Stack>
    </section>
  );
}
