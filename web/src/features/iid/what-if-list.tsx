/**
 * What-if: the single steps (one indicator, one parameter up, on one innovation or the region's SPD)
 * that would raise the index most, with the index after each; some steps only need the evidence of a
 * level already claimed.
 */
import { Anchor, Badge, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type IidBasis, whatIfQueryOptions } from '../../api/iid.api.ts';
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
