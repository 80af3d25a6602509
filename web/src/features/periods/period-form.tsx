/**
 * Opening or changing a reporting period: the year, its reporting window, the total target, the
 * minimum per unit, whether schools and other sub-units (UPT) owe that minimum themselves, and the IID
 * framework version that projects the period's index (the one effective in its year unless chosen). Checked
 * with the shared `periodInput` schema; an edit that lost a race (409 STALE_VERSION) reloads and says so.
 */
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { periodInput } from '#shared/api/innovations.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import { frameworkVersionListQueryOptions } from '../../api/assessments.api.ts';
import { createPeriod, fetchPeriod, type Period, periodsKey, updatePeriod } from '../../api/periods.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  year: number | string;
  opensOn: string;
  closesOn: string;
  targetTotal: number | string;
  minPerUnit: number | string;
  countsSubUnits: boolean;
  refuseOutsideWindow: boolean;
  /** '' = the version effective in the period's year. */
  iidFrameworkVersionId: string;
}

const FIELDS = [
  'year',
  'opensOn',
  'closesOn',
  'targetTotal',
  'minPerUnit',
  'countsSubUnits',
  'refuseOutsideWindow',
  'iidFrameworkVersionId',
] as const;
const validateShape = schemaResolver(periodInput, { sync: true });

function valuesOf(period: Period | null, nextYear: number): Values {
  return period
    ? {
        year: period.year,
        opensOn: period.opensOn,
        closesOn: period.closesOn,
        targetTotal: period.targetTotal,
        minPerUnit: period.minPerUnit,
        countsSubUnits: period.countsSubUnits,
        refuseOutsideWindow: period.refuseOutsideWindow,
        iidFrameworkVersionId: period.iidFrameworkVersionId ?? '',
      }
    : {
        year: nextYear,
        opensOn: `${nextYear}-04-01`,
        closesOn: `${nextYear}-08-31`,
        targetTotal: '',
        minPerUnit: 1,
        countsSubUnits: false,
        refuseOutsideWindow: false,
        iidFrameworkVersionId: '',
      };
}

/** NumberInput gives '' when empty; the schema then says the field is required. */
const toNumber = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

function inputOf(values: Values) {
  return {
    year: toNumber(values.year),
    opensOn: values.opensOn,
    closesOn: values.closesOn,
    targetTotal: toNumber(values.targetTotal),
    minPerUnit: toNumber(values.minPerUnit),
    countsSubUnits: values.countsSubUnits,
    refuseOutsideWindow: values.refuseOutsideWindow,
    iidFrameworkVersionId: values.iidFrameworkVersionId === '' ? null : values.iidFrameworkVersionId,
  };
}

export function PeriodForm({
  regionCode,
  period,
  nextYear,
  onDone,
}: {
  regionCode: string;
  period: Period | null;
  nextYear: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(period?.version ?? 1);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [staleNotice, setStaleNotice] = useState(false);
  const versions = useQuery(frameworkVersionListQueryOptions(regionCode));
  const iidOptions = [
    { value: '', label: t('periods.iidFrameworkAuto') },
    ...(versions.data?.items ?? [])
      .filter((v) => v.inputKind === 'innovations')
      .map((v) => ({
        value: v.id,
        label: `${v.name} · ${v.version} · ${t(v.regionCode === null ? (v.origin === 'shipped' ? 'periods.iidShipped' : 'periods.iidNational') : 'periods.iidRegional')}`,
      })),
  ];
  const form = useForm<Values>({
    initialValues: valuesOf(period, nextYear),
    validate: (values) => validateShape(inputOf(values) as unknown as Values),
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = inputOf(values);
      return period ? updatePeriod(regionCode, period.id, { ...input, version }) : createPeriod(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t(period ? 'periods.updated' : 'periods.created', { year: saved.year }) });
      await queryClient.invalidateQueries({ queryKey: periodsKey(regionCode) });
      onDone();
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (period && isApiError(error, 'STALE_VERSION')) {
        const latest = await fetchPeriod(regionCode, period.id).catch(() => null);
        if (latest) {
          form.setValues(valuesOf(latest, nextYear));
          form.resetDirty(valuesOf(latest, nextYear));
          setVersion(latest.version);
          setStaleNotice(true);
        }
        await queryClient.invalidateQueries({ queryKey: periodsKey(regionCode) });
      }
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setStaleNotice(false);
        save.mutate(values);
      })}
    >
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        {staleNotice ? (
          <Alert color="yellow" variant="light" icon={<IconRefresh aria-hidden />} role="status">
            {t('unitForm.reloaded')}
          </Alert>
        ) : null}
        <NumberInput
          label={t('periods.year')}
          withAsterisk
          min={2015}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          data-autofocus
          {...form.getInputProps('year')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('periods.opensOn')} withAsterisk {...form.getInputProps('opensOn')} />
          <TextInput
            type="date"
            label={t('periods.closesOn')}
            withAsterisk
            min={form.values.opensOn || undefined}
            {...form.getInputProps('closesOn')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t('periods.targetTotal')}
            description={t('periods.targetTotalHint')}
            withAsterisk
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('targetTotal')}
          />
          <NumberInput
            label={t('periods.minPerUnit')}
            description={t('periods.minPerUnitHint')}
            withAsterisk
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('minPerUnit')}
          />
        </SimpleGrid>
        <Switch
          label={t('periods.countsSubUnits')}
          description={t('periods.countsSubUnitsHint')}
          {...form.getInputProps('countsSubUnits', { type: 'checkbox' })}
        />
        <Switch
          label={t('periods.refuseOutsideWindow')}
          description={t('periods.refuseOutsideWindowHint')}
          {...form.getInputProps('refuseOutsideWindow', { type: 'checkbox' })}
        />
        <Select
          label={t('periods.iidFramework')}
          description={t('periods.iidFrameworkHint')}
          data={iidOptions}
          allowDeselect={false}
          disabled={versions.isPending}
          {...form.getInputProps('iidFrameworkVersionId')}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
