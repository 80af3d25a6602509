/**
 * Proposing an innovation: the period, the unit (an operator proposes for their own unit; others
 * choose one), and the name. The rest of the profile is filled in on the innovation's page, where it
 * saves as it goes. Outside the period's reporting window it warns, and still lets the draft be made.
 */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { FieldIssue } from '#shared/errors.ts';
import { createInnovation, innovationsKey } from '../../api/innovations.api.ts';
import type { Period } from '../../api/periods.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSignedInUser } from '../../session/session.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { PeriodSelect } from './period-select.tsx';
import { WindowWarning } from './window-warning.tsx';

interface Values {
  periodId: string | null;
  unitId: string | null;
  name: string;
}

export function InnovationCreateForm({
  regionCode,
  periods,
  periodId,
  onDone,
}: {
  regionCode: string;
  periods: Period[];
  periodId: string | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Operators always propose for their own unit (the server uses it); everyone else names the unit.
  const ownUnit = me.user.role === 'operator' ? me.user.unit : null;
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<Values>({
    initialValues: { periodId, unitId: null, name: '' },
    validate: {
      periodId: (v) => (v ? null : t('createInnovation.periodRequired')),
      unitId: (v) => (ownUnit || v ? null : t('createInnovation.unitRequired')),
      name: (v) => (v.trim() ? null : t('createInnovation.nameRequired')),
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      createInnovation(regionCode, {
        periodId: values.periodId ?? '',
        ...(ownUnit ? {} : { unitId: values.unitId ?? undefined }),
        name: values.name,
      }),
    onSuccess: async (created) => {
      notifications.show({ color: 'green', message: t('createInnovation.done', { name: created.name }) });
      await queryClient.invalidateQueries({ queryKey: innovationsKey(regionCode) });
      onDone();
      await navigate(`/inovasi/${created.id}`);
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, ['periodId', 'unitId', 'name'])),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack>
        {create.error && !isFullyPlaced(create.error, unplaced) ? <FormErrorAlert error={create.error} unplaced={unplaced} /> : null}
        <Text size="sm">{t('createInnovation.text')}</Text>
        <PeriodSelect
          periods={periods}
          withAsterisk
          value={form.values.periodId}
          onChange={(id) => form.setFieldValue('periodId', id)}
          error={form.errors.periodId}
        />
        <WindowWarning period={periods.find((p) => p.id === form.values.periodId)} />
        {ownUnit ? (
          <TextInput label={t('createInnovation.unit')} value={ownUnit.name} readOnly variant="filled" />
        ) : (
          <UnitSelect
            regionCode={regionCode}
            label={t('createInnovation.unit')}
            placeholder={t('userForm.unitPlaceholder')}
            withAsterisk
            value={form.values.unitId}
            error={form.errors.unitId}
            onChange={(unit) => form.setFieldValue('unitId', unit?.id ?? null)}
          />
        )}
        <TextInput
          label={t('field.name')}
          placeholder={t('createInnovation.namePlaceholder')}
          withAsterisk
          maxLength={200}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('createInnovation.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
