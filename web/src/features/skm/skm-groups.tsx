/**
 * The IKM by respondent group (gender, age, education, occupation, vulnerable group), for the whole
 * period or one service: one row per value with its answers, a bar of its IKM and the figure with its
 * mutu. Kelompok rentan is here because assessors ask whether the survey reached them.
 */
import { Box, Group, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type RespondentGroupKey, type SkmResults, skmGroupsQueryOptions } from '../../api/skm.api.ts';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fractionOf } from './skm-decimal.ts';
import { GRADE_COLORS, GROUP_KEYS, GROUP_LABELS, groupValueLabel } from './skm-labels.ts';
import { IkmCell } from './skm-service-table.tsx';

export function GroupResults({ regionCode, results }: { regionCode: string; results: SkmResults }) {
  const { t, pick, formatNumber } = useI18n();
  const [group, setGroup] = useState<RespondentGroupKey>('gender');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const query = useQuery(skmGroupsQueryOptions(regionCode, results.period.id, group, serviceId));
  const rows = query.data?.rows ?? [];
  const groupName = pick(GROUP_LABELS[group]);

  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md">
        <Select
          label={t('skm.groups.group')}
          data={GROUP_KEYS.map((k) => ({ value: k, label: pick(GROUP_LABELS[k]) }))}
          value={group}
          allowDeselect={false}
          onChange={(v) => v && setGroup(v as RespondentGroupKey)}
        />
        <Select
          label={t('skm.groups.service')}
          data={[
            { value: '', label: t('skm.groups.allServices') },
            ...results.services.map((s) => ({ value: s.serviceId, label: `${s.serviceName} · ${s.unitName}` })),
          ]}
          value={serviceId ?? ''}
          searchable
          allowDeselect={false}
          onChange={(v) => setServiceId(v ? v : null)}
        />
      </SimpleGrid>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <TableSkeleton />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('skm.groups.empty')}
        </Text>
      ) : (
        <Table
          verticalSpacing="xs"
          aria-label={t('skm.groups.tableLabel', { group: groupName })}
          style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{groupName}</Table.Th>
              <Table.Th ta="end">{t('skm.groups.col.responses')}</Table.Th>
              <Table.Th w="40%" visibleFrom="sm">
                <Text span size="sm" fw={700}>
                  {t('skm.groups.col.bar')}
                </Text>
              </Table.Th>
              <Table.Th ta="end">{t('skm.groups.col.ikm')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.value ?? '—'}>
                <Table.Td>
                  <Text size="sm" c={r.value === null ? 'dimmed' : undefined}>
                    {pick(groupValueLabel(r.value))}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">{formatNumber(r.ikm?.responses ?? 0)}</Table.Td>
                <Table.Td visibleFrom="sm">
                  {r.ikm ? (
                    <Group gap={0} wrap="nowrap" aria-hidden>
                      <Box h={10} bg="gray.2" style={{ borderRadius: 5, overflow: 'hidden', flex: 1 }}>
                        <Box
                          h="100%"
                          bg={`${GRADE_COLORS[r.ikm.grade] ?? 'blue'}.7`}
                          style={{ width: `${Math.max(2, fractionOf(r.ikm.index, 25, 100) * 100)}%`, borderRadius: 5 }}
                        />
                      </Box>
                    </Group>
                  ) : null}
                </Table.Td>
                <Table.Td ta="end">
                  <IkmCell ikm={r.ikm} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('skm.groups.scale')}
      </Text>
    </>
  );
}
