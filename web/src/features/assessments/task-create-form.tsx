/**
 * Planning one action-plan task by hand, beside the tasks made from the assessor's recommendations: the
 * indicator (of the assessment's framework, from its national sheet), the task, the recommendation it
 * answers (the assessor's for that indicator unless changed), the unit, the person who answers for it
 * (the region's active accounts) and the due date. Each missing or wrong field says so beside it; the
 * server's refusals land beside the same fields. On the region's page the assessment is chosen first.
 */
import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import { actionPlanKey, createTask, nationalQueryOptions, regionTasksKey } from '../../api/national.api.ts';
import { userListQueryOptions } from '../../api/users.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  assessmentId: string | null;
  indicatorId: string | null;
  title: string;
  recommendation: string;
  unitId: string | null;
  ownerId: string | null;
  dueDate: string;
}

const FIELDS = ['assessmentId', 'indicatorId', 'title', 'recommendation', 'unitId', 'ownerId', 'dueDate'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The region's active accounts, for choosing who answers for a task (and the current one, if not among them). */
export function useOwnerOptions(regionCode: string, enabled: boolean, current?: { id: string; name: string } | null) {
  const users = useQuery({
    ...userListQueryOptions(regionCode, { page: 1, pageSize: 200, status: 'active', sort: 'displayName', order: 'asc' }),
    enabled,
  });
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (current && !options.some((o) => o.value === current.id)) options.push({ value: current.id, label: current.name });
  return options;
}

export function TaskCreateForm({
  regionCode,
  assessmentId,
  assessments,
  onDone,
}: {
  regionCode: string;
  /** The assessment the task belongs to; null where it is chosen in the form (the region's page). */
  assessmentId: string | null;
  /** The assessments to choose from, when `assessmentId` is null. */
  assessments?: { value: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  // The title and recommendation the form filled in from the chosen indicator, replaced while untouched.
  const [filled, setFilled] = useState({ title: '', recommendation: '' });
  const form = useForm<Values>({
    initialValues: { assessmentId, indicatorId: null, title: '', recommendation: '', unitId: null, ownerId: null, dueDate: '' },
    validate: {
      assessmentId: (v) => (v ? null : t('plan.form.assessmentRequired')),
      indicatorId: (v) => (v ? null : t('plan.form.indicatorRequired')),
      title: (v) => (!v.trim() ? t('plan.form.titleRequired') : v.trim().length > 300 ? t('plan.form.titleTooLong') : null),
      recommendation: (v) => (v.trim().length > 5000 ? t('plan.form.recommendationTooLong') : null),
      dueDate: (v) => (v === '' || ISO_DATE.test(v) ? null : t('plan.form.dueDateInvalid')),
    },
  });
  const chosen = form.values.assessmentId;
  const national = useQuery({ ...nationalQueryOptions(regionCode, chosen ?? ''), enabled: chosen !== null });
  const items = national.data?.items ?? [];
  const isClosed = national.data !== undefined && national.data.stage === null;
  const ownerOptions = useOwnerOptions(regionCode, true);

  const create = useMutation({
    mutationFn: (values: Values) =>
      createTask(regionCode, values.assessmentId ?? '', {
        indicatorId: values.indicatorId ?? '',
        title: values.title,
        recommendation: values.recommendation.trim() || null,
        unitId: values.unitId,
        ownerId: values.ownerId,
        dueDate: values.dueDate || null,
      }),
    onSuccess: (data, values) => {
      if (values.assessmentId) queryClient.setQueryData(actionPlanKey(regionCode, values.assessmentId), data);
      void queryClient.invalidateQueries({ queryKey: regionTasksKey(regionCode) });
      notifications.show({ color: 'green', message: t('plan.created') });
      onDone();
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, FIELDS)),
  });

  const chooseIndicator = (id: string | null) => {
    form.setFieldValue('indicatorId', id);
    const item = items.find((i) => i.indicatorId === id);
    const next = {
      title: item ? t('plan.form.titleDefault', { id: item.indicatorId, name: item.name }) : '',
      recommendation: item?.rekomendasi ?? '',
    };
    if (form.values.title === filled.title) form.setFieldValue('title', next.title);
    if (form.values.recommendation === filled.recommendation) form.setFieldValue('recommendation', next.recommendation);
    setFilled(next);
  };

  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack gap="sm">
        {create.error && !isFullyPlaced(create.error, unplaced) ? <FormErrorAlert error={create.error} unplaced={unplaced} /> : null}
        {assessmentId === null ? (
          <Select
            label={t('plan.form.assessment')}
            placeholder={t('plan.form.assessmentPlaceholder')}
            data={assessments ?? []}
            withAsterisk
            data-autofocus
            nothingFoundMessage={t('plan.form.noAssessment')}
            value={form.values.assessmentId}
            error={form.errors.assessmentId}
            onChange={(id) => {
              form.setFieldValue('assessmentId', id);
              form.setFieldValue('indicatorId', null);
            }}
          />
        ) : null}
        {isClosed ? (
          <Alert color="yellow" variant="light">
            {t('plan.emptyNoNational')}
          </Alert>
        ) : null}
        <Select
          label={t('plan.form.indicator')}
          placeholder={t('plan.form.indicatorPlaceholder')}
          data={items.map((i) => ({ value: i.indicatorId, label: `${i.indicatorId}. ${i.name}` }))}
          searchable
          withAsterisk
          data-autofocus={assessmentId !== null ? true : undefined}
          disabled={chosen === null || isClosed}
          nothingFoundMessage={t('plan.form.noIndicator')}
          value={form.values.indicatorId}
          error={form.errors.indicatorId}
          onChange={chooseIndicator}
        />
        <TextInput label={t('plan.task')} withAsterisk maxLength={300} {...form.getInputProps('title')} />
        <Textarea
          label={t('plan.recommendation')}
          description={t('plan.form.recommendationHelp')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('recommendation')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UnitSelect
            regionCode={regionCode}
            label={t('plan.unit')}
            value={form.values.unitId}
            error={form.errors.unitId}
            onChange={(u) => form.setFieldValue('unitId', u?.id ?? null)}
            clearable
          />
          <Select
            label={t('plan.owner')}
            data={ownerOptions}
            searchable
            clearable
            nothingFoundMessage={t('plan.noOwner')}
            value={form.values.ownerId}
            error={form.errors.ownerId}
            onChange={(id) => form.setFieldValue('ownerId', id)}
          />
          <TextInput label={t('plan.due')} type="date" {...form.getInputProps('dueDate')} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('lhe.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={isClosed}>
            {t('plan.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
