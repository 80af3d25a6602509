/**
 * The IID period's exchange with the national application: the export to copy into it (profile 1.1–1.16,
 * the Indikator part and the SPD answers), and the national validation result beside the region's own
 * figures — claimed, verified and national for the index and each innovation, with the gap — after the
 * admin imports it (template, dry run with row-by-row errors, then the import).
 */
import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { iidKey, importNational, type NationalComparison, nationalExportUrl, nationalQueryOptions, nationalTemplateUrl } from '../../api/iid.api.ts';
import { ListEmpty } from '../../components/list-empty.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { compareDecimalText, roundDecimalText } from '../../components/decimal-text.ts';
import { XlsxImport } from '../../components/xlsx-import.tsx';

/** A signed gap ("+1.25", "-0.40") in the reader's number format, the sign kept. */
function formatGap(gap: string | null, formatDecimal: (text: string) => string): string {
  if (gap === null) return '–';
  return gap.startsWith('+') ? `+${formatDecimal(gap.slice(1))}` : formatDecimal(gap);
}

/** Red 9: red 8 reads 4.5:1 on white but only 4.3:1 on a striped table row. */
function gapColor(gap: string | null): string {
  if (gap === null) return 'dimmed';
  if (gap.startsWith('-')) return 'red.9';
  return gap.startsWith('+') ? 'green' : 'dimmed';
}

function IndexCards({ data }: { data: NationalComparison }) {
  const { t, formatDecimal, formatNumber } = useI18n();
  const index = (text: string | null) => (text === null ? '–' : formatDecimal(roundDecimalText(text, 2)));
  const { region } = data;
  const card = (label: string, value: string, sub: string | null) => (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {sub ? <Text size="sm">{sub}</Text> : null}
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {card(t('iidNational.claimed'), index(region.claimed.index), region.claimed.predicate)}
      {card(t('iidNational.verified'), index(region.verified.index), region.verified.predicate)}
      {card(
        t('iidNational.national'),
        index(region.national?.index ?? null),
        region.national === null
          ? t('iidNational.notImported')
          : [region.national.predicate, region.national.rank === null ? null : t('iidNational.rank', { rank: formatNumber(region.national.rank) })]
              .filter(Boolean)
              .join(' · '),
      )}
      <Paper withBorder radius="md" p="sm">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('iidNational.gap')}
        </Text>
        <Text fz={28} fw={700} lh={1.2} c={gapColor(region.gap)}>
          {formatGap(region.gap, formatDecimal)}
        </Text>
        <Text size="sm">{t('iidNational.gapHint')}</Text>
      </Paper>
    </SimpleGrid>
  );
}

function InnovationTable({ data }: { data: NationalComparison }) {
  const { t, formatDecimal } = useI18n();
  const score = (text: string | null) => (text === null ? '–' : formatDecimal(roundDecimalText(text, 2)));
  if (data.innovations.length === 0) return <ListEmpty kind="empty" title={t('iid.noInnovations.title')} description={t('iid.noInnovations.text')} />;
  const rows = [...data.innovations].sort((a, b) => compareDecimalText(b.verifiedScore, a.verifiedScore) || a.name.localeCompare(b.name, 'id'));
  return (
    <ScrollRegion label={t('iidNational.tableLabel')} minWidth={760}>
      <Table striped verticalSpacing="xs" aria-label={t('iidNational.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('innovations.col.name')}</Table.Th>
            <Table.Th>{t('innovations.col.status')}</Table.Th>
            <Table.Th ta="end">{t('iidNational.claimed')}</Table.Th>
            <Table.Th ta="end">{t('iidNational.verified')}</Table.Th>
            <Table.Th ta="end">{t('iidNational.national')}</Table.Th>
            <Table.Th ta="end">{t('iidNational.gap')}</Table.Th>
            <Table.Th>{t('iidNational.nationalStatus')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td maw={320}>
                <Text size="sm" fw={600}>
                  {i.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {i.unitName}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={i.status} />
              </Table.Td>
              <Table.Td ta="end">{score(i.claimedScore)}</Table.Td>
              <Table.Td ta="end">{score(i.verifiedScore)}</Table.Td>
              <Table.Td ta="end" fw={600}>
                {score(i.nationalScore)}
              </Table.Td>
              <Table.Td ta="end" c={gapColor(i.gap)}>
                {formatGap(i.gap, formatDecimal)}
              </Table.Td>
              <Table.Td>
                {i.nationalStatus === null ? (
                  <Text size="xs" c="dimmed">
                    {t('iidNational.notScored')}
                  </Text>
                ) : (
                  <Badge variant="light" color={i.nationalStatus === 'valid' ? 'green' : 'red'}>
                    {t(i.nationalStatus === 'valid' ? 'iidNational.status.valid' : 'iidNational.status.tidak_valid')}
                  </Badge>
                )}
                {i.nationalNote ? (
                  <Text size="xs" c="dimmed">
                    {i.nationalNote}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function ImportDialog({
  regionCode,
  periodId,
  version,
  onDone,
}: {
  regionCode: string;
  periodId: string;
  version: number | undefined;
  onDone: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  return (
    <XlsxImport
      intro={t('iidNational.importIntro')}
      templateUrl={nationalTemplateUrl(regionCode, periodId)}
      templateLabel={t('iidNational.template')}
      runImport={(file, dryRun) => importNational(regionCode, periodId, file, dryRun, dryRun ? undefined : version)}
      summarise={(report) => ({
        rows: report.totalRows,
        text: (
          <Text size="sm" fw={600}>
            {t('iidNational.summary', { total: formatNumber(report.totalRows), innovations: formatNumber(report.innovations.length) })}
          </Text>
        ),
      })}
      notice={
        version !== undefined ? (
          <Alert color="yellow" variant="light">
            {t('iidNational.replaces')}
          </Alert>
        ) : null
      }
      onImported={async () => {
        notifications.show({ color: 'green', message: t('iidNational.imported') });
        await queryClient.invalidateQueries({ queryKey: iidKey(regionCode) });
      }}
      onDone={onDone}
    />
  );
}

export function NationalPanel({ regionCode, periodId, canManage }: { regionCode: string; periodId: string; canManage: boolean }) {
  const { t, formatDateTime } = useI18n();
  const query = useQuery(nationalQueryOptions(regionCode, periodId));
  const [importing, setImporting] = useState(false);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <TableSkeleton rows={6} />;
  const data = query.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('iidNational.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {data.imported === null
              ? t('iidNational.notImportedText')
              : t('iidNational.importedAt', { at: formatDateTime(data.imported.at), file: data.imported.fileName || '–' })}
          </Text>
        </div>
        {canManage ? (
          <Group gap="xs">
            <Button
              component="a"
              href={nationalExportUrl(regionCode, periodId)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('iidNational.export')}
            </Button>
            <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setImporting(true)}>
              {t('iidNational.import')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <IndexCards data={data} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <InnovationTable data={data} />
      </Paper>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('iidNational.importTitle')} size="lg">
        <ImportDialog regionCode={regionCode} periodId={periodId} version={data.imported?.version} onDone={() => setImporting(false)} />
      </Modal>
    </Stack>
  );
}
