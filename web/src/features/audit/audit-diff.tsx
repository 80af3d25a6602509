/**
 * The values before and after one audited change, as a reader wants them: what changed first (before →
 * after), the unchanged fields folded away; a new or deleted record as one column of its values. Field
 * names and known values (statuses, roles, yes/no, urusan) in words; lists and notes as lines.
 */
import { Button, Code, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { type MessageKey, messagesId } from '../../i18n/messages.id.ts';
import { fieldLabelKey, isStatus, STATUS_LABELS, urusanName } from '../../components/innovation-labels.ts';
import { AUDIT_FIELDS } from './audit-labels.ts';

type Flat = Record<string, unknown>;

function asRecord(value: unknown): Flat | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Flat;
  return undefined;
}

/** Compares by content, so an unchanged list or note is not called changed. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function useValueText() {
  const { t, pick, formatNumber } = useI18n();
  const text = (field: string, value: unknown): string => {
    if (isEmpty(value)) return '—';
    if (typeof value === 'boolean') return t(value ? 'audit.diff.yes' : 'audit.diff.no');
    if (typeof value === 'number') return field === 'year' ? String(value) : formatNumber(value);
    if (typeof value === 'string') {
      if ((field === 'status' || field === 'fromStatus' || field === 'toStatus') && isStatus(value)) return pick(STATUS_LABELS[value]);
      if (field === 'role' && `role.${value}` in messagesId) return t(`role.${value}` as MessageKey);
      if (field === 'urusanUtama') return urusanName(value);
      return value;
    }
    if (Array.isArray(value)) {
      return value.map((v) => (field === 'urusanIrisan' && typeof v === 'string' ? urusanName(v) : text('', v))).join(', ');
    }
    if (typeof value === 'object') {
      return Object.entries(value as Flat)
        .map(([k, v]) => `${fieldName(k)}: ${text(k, v)}`)
        .join('\n');
    }
    return String(value);
  };
  // A snapshot's own fields first, then an innovation's profile fields (the keys of a return's notes).
  const fieldName = (key: string) => {
    const label = AUDIT_FIELDS[key];
    if (label) return pick(label);
    const profileKey = fieldLabelKey(key);
    return profileKey ? t(profileKey) : key;
  };
  return { text, fieldName };
}

function ValueCell({ children }: { children: string }) {
  return <Table.Td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{children}</Table.Td>;
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t, formatNumber } = useI18n();
  const { text, fieldName } = useValueText();
  const [showUnchanged, setShowUnchanged] = useState(false);
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
    // Not a record (a count, a list): both sides as written.
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {[
          ['audit.diff.before', before],
          ['audit.diff.after', after],
        ].map(([label, value]) => (
          <Stack gap={4} key={String(label)}>
            <Text size="xs" fw={700}>
              {t(label as MessageKey)}
            </Text>
            <Code block>{JSON.stringify(value, null, 2)}</Code>
          </Stack>
        ))}
      </SimpleGrid>
    );
  }

  // A new or a deleted record: one column of the values it had, empty ones left out.
  if (b === null || a === null) {
    const values = (a ?? b ?? {}) as Flat;
    const keys = Object.keys(values).filter((k) => !isEmpty(values[k]));
    return (
      <Table withTableBorder fz="sm" verticalSpacing={4} data-audit-values>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="35%">{t('audit.diff.field')}</Table.Th>
            <Table.Th>{t(a === null ? 'audit.diff.lastValue' : 'audit.diff.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key}>
              <Table.Td>{fieldName(key)}</Table.Td>
              <ValueCell>{text(key, values[key])}</ValueCell>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }

  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = keys.filter((k) => !same(b[k], a[k]));
  const unchanged = keys.filter((k) => same(b[k], a[k]) && !isEmpty(a[k]));
  const rows = showUnchanged ? [...changed, ...unchanged] : changed;
  return (
    <Stack gap={6}>
      {changed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.diff.noChange')}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <Table withTableBorder fz="sm" verticalSpacing={4} data-audit-diff>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="25%">{t('audit.diff.field')}</Table.Th>
              <Table.Th>{t('audit.diff.before')}</Table.Th>
              <Table.Th>{t('audit.diff.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((key) => {
              const isChanged = changed.includes(key);
              return (
                <Table.Tr key={key} bg={isChanged ? 'yellow.0' : undefined} data-changed={isChanged || undefined}>
                  <Table.Td fw={isChanged ? 600 : undefined}>{fieldName(key)}</Table.Td>
                  <ValueCell>{text(key, b[key])}</ValueCell>
                  <ValueCell>{text(key, a[key])}</ValueCell>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {unchanged.length > 0 ? (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setShowUnchanged((v) => !v)}>
          {showUnchanged ? t('audit.diff.hideUnchanged') : t('audit.diff.showUnchanged', { n: formatNumber(unchanged.length) })}
        </Button>
      ) : null}
    </Stack>
  );
}
