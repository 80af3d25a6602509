/** Funding per year and source with the exact totals the server computed (never summed again in the browser). */
import { Table, Text } from '@mantine/core';
import type { MasterplanDetail } from '../../api/kota-cerdas.api.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FUNDING_SOURCES, SOURCE_LABELS } from './kota-cerdas-labels.ts';

type Funding = MasterplanDetail['funding'];

export function FundingTable({ funding, caption }: { funding: Funding; caption: string }) {
  const { t, formatDecimal } = useI18n();
  if (funding.rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('kc.funding.empty')}
      </Text>
    );
  }
  const num = { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' as const };
  return (
    <ScrollRegion label={caption} minWidth={720}>
      <Table striped withTableBorder horizontalSpacing={6} fz={13}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('kc.funding.year')}</Table.Th>
            {FUNDING_SOURCES.map((s) => (
              <Table.Th key={s} scope="col" style={num}>
                {t(SOURCE_LABELS[s])}
              </Table.Th>
            ))}
            <Table.Th scope="col" style={num}>
              {t('kc.funding.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {funding.rows.map((r) => (
            <Table.Tr key={r.year}>
              <Table.Th scope="row">{r.year}</Table.Th>
              {FUNDING_SOURCES.map((s) => (
                <Table.Td key={s} style={num}>
                  {formatDecimal(r[s])}
                </Table.Td>
              ))}
              <Table.Td style={{ ...num, fontWeight: 600 }}>{formatDecimal(r.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('kc.funding.grandTotal')}</Table.Th>
            {FUNDING_SOURCES.map((s) => (
              <Table.Td key={s} style={{ ...num, fontWeight: 700 }}>
                {formatDecimal(funding.totals[s])}
              </Table.Td>
            ))}
            <Table.Td style={{ ...num, fontWeight: 700 }}>{formatDecimal(funding.totals.total)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollRegion>
  );
}
