/**
 * The values before and after one audited change, field by field, with the changed ones marked.
 * Values that are not flat records (lists, counts) are shown as JSON side by side.
 */
import { Badge, Code, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { AUDIT_FIELDS } from './audit-labels.ts';

type Flat = Record<string, unknown>;

function asRecord(value: unknown): Flat | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Flat;
  return undefined;
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, pick } = useI18n();
  const b = asRecord(before);
  const a = asRecord(after);
  if (b === null && a === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.diff.none')}
      </Text>
    );
  }
  if (b === undefined || a === undefined) {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4}>
          <Text size="xs" fw={700}>
            {t('audit.diff.before')}
          </Text>
          <Code block>{JSON.stringify(before, null, 2)}</Code>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" fw={700}>
            {t('audit.diff.after')}
          </Text>
          <Code block>{JSON.stringify(after, null, 2)}</Code>
        </Stack>
      </SimpleGrid>
    );
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return (
    <Table withTableBorder fz="sm" verticalSpacing={4} miw={480}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.diff.field')}</Table.Th>
          <Table.Th>{t('audit.diff.before')}</Table.Th>
          <Table.Th>{t('audit.diff.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key) => {
          const beforeText = b ? show(b[key]) : '—';
          const afterText = a ? show(a[key]) : '—';
          const isChanged = b !== null && a !== null && beforeText !== afterText;
          const label = AUDIT_FIELDS[key];
          return (
            <Table.Tr key={key} bg={isChanged ? 'yellow.0' : undefined}>
              <Table.Td>
                {label ? pick(label) : key}
                {isChanged ? (
                  <Badge size="xs" color="yellow" variant="light" ml={6}>
                    {t('audit.diff.changed')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{beforeText}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-word' }}>{afterText}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
