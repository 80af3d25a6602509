/**
 * Assigning indicators (for the assessment's managers): pick indicators, the unit that answers for
 * them and a deadline, and assign them at once. The table shows who has each indicator now.
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { type AssessmentDetail, assessmentKey, assessmentsKey, assignIndicators } from '../../api/assessments.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type UnitOption, UnitSelect } from '../../components/unit-select.tsx';
import { reasonsOf } from '../../components/evaluation/item-values.ts';

export function AssignmentPanel({ regionCode, assessment }: { regionCode: string; assessment: AssessmentDetail }) {
  const { t, formatDate, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [deadline, setDeadline] = useState(assessment.deadline ?? '');
  const [unitError, setUnitError] = useState<string | null>(null);
  const items = assessment.items;
  const allSelected = items.length > 0 && selected.size === items.length;

  const assign = useMutation({
    mutationFn: (input: { unitId: string; deadline: string | null; ids: string[] }) =>
      assignIndicators(regionCode, assessment.id, {
        assignments: input.ids.map((indicatorId) => ({ indicatorId, unitId: input.unitId, deadline: input.deadline })),
      }),
    onSuccess: async (detail, input) => {
      queryClient.setQueryData(assessmentKey(regionCode, assessment.id), detail);
      notifications.show({ color: 'green', message: t('assign.done', { n: formatNumber(input.ids.length), unit: unit?.name ?? '' }) });
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: assessmentsKey(regionCode) });
    },
  });

  const toggle = (indicatorId: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(indicatorId);
      else next.delete(indicatorId);
      return next;
    });

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Title order={2} size="h5" mb={4}>
        {t('assign.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('assign.text')}
      </Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!unit) {
            setUnitError(t('assign.unitRequired'));
            return;
          }
          assign.mutate({ unitId: unit.id, deadline: deadline || null, ids: [...selected] });
        }}
      >
        <Stack gap="sm" mb="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <UnitSelect
              regionCode={regionCode}
              label={t('assign.unit')}
              placeholder={t('userForm.unitPlaceholder')}
              value={unit?.id ?? null}
              onChange={(u) => {
                setUnit(u);
                setUnitError(null);
              }}
              error={unitError}
              withAsterisk
              style={{ flex: '1 1 260px' }}
            />
            <TextInput
              type="date"
              label={t('assign.deadline')}
              description={t('assign.deadlineHint')}
              value={deadline}
              onChange={(e) => setDeadline(e.currentTarget.value)}
              style={{ flex: '0 1 200px' }}
            />
            <Button type="submit" leftSection={<IconUserCheck size={16} aria-hidden />} disabled={selected.size === 0} loading={assign.isPending}>
              {t('assign.submit', { n: formatNumber(selected.size) })}
            </Button>
          </Group>
          {assign.error ? <FormErrorAlert error={assign.error} unplaced={reasonsOf(assign.error)} /> : null}
          {items.some((i) => i.unitId === null) ? (
            <Alert color="yellow" variant="light">
              {t('assign.unassignedLeft', { n: formatNumber(items.filter((i) => i.unitId === null).length) })}
            </Alert>
          ) : null}
        </Stack>
      </form>
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing={6} striped highlightOnHover aria-label={t('assign.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('assign.selectAll')}
                  checked={allSelected}
                  indeterminate={selected.size > 0 && !allSelected}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set(items.map((i) => i.indicatorId)) : new Set())}
                />
              </Table.Th>
              <Table.Th>{t('gaps.col.indicator')}</Table.Th>
              <Table.Th>{t('assessment.unit')}</Table.Th>
              <Table.Th>{t('assign.deadline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} bg={selected.has(item.indicatorId) ? 'blue.0' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('assign.select', { id: item.indicatorId, name: item.name })}
                    checked={selected.has(item.indicatorId)}
                    onChange={(e) => toggle(item.indicatorId, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <strong>{item.indicatorId}</strong> {item.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.path.join(' › ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={item.unitName ? undefined : 'orange'}>
                    {item.unitName ?? t('assessment.unassigned')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.deadline ? formatDate(item.deadline) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
