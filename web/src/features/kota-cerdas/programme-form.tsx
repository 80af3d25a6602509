/**
 * Planning or changing one programme: where it sits in the masterplan (dimension and element), its
 * kind, lead and supporting units, RPJMD code, span in quarters, funding per year and source (rupiah as
 * typed, exact), outputs with their KPI and a target per year, and the innovations it carries out.
 * The years of the funding and target grids follow the span as it is typed.
 */
import { ActionIcon, Button, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import { innovationListQueryOptions } from '../../api/innovations.api.ts';
import { createProgramme, kotaCerdasKey, type MasterplanDetail, type ProgrammeDetail, updateProgramme } from '../../api/kota-cerdas.api.ts';
import { unitListQueryOptions } from '../../api/units.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { RpjmdProgrammeSelect } from '../../components/rpjmd-programme-select.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { FUNDING_SOURCES, KIND_LABELS, PROGRAMME_KINDS, type ProgrammeKind, SOURCE_LABELS } from './kota-cerdas-labels.ts';

interface OutputDraft {
  id: string | null;
  name: string;
  kpiName: string;
  unitOfMeasure: string;
  /** year → target as typed */
  targets: Record<string, string>;
}

interface Values {
  elementId: string | null;
  name: string;
  description: string;
  kind: ProgrammeKind;
  stage: string;
  leadUnitId: string | null;
  supportUnitIds: string[];
  rpjmdProgramCode: string;
  startYear: number | string;
  startQuarter: string;
  endYear: number | string;
  endQuarter: string;
  /** `${year}/${source}` → amount as typed */
  funding: Record<string, string>;
  outputs: OutputDraft[];
  innovationIds: string[];
}

const FIELDS = [
  'elementId',
  'name',
  'description',
  'kind',
  'stage',
  'leadUnitId',
  'supportUnitIds',
  'rpjmdProgramCode',
  'startYear',
  'startQuarter',
  'endYear',
  'endQuarter',
  'innovationIds',
] as const;
const QUARTERS = ['1', '2', '3', '4'];

/** Rupiah or a KPI figure as typed: thousands dots dropped, a decimal comma read as the point. */
export function decimalInput(text: string): string {
  const trimmed = text.trim().replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed)) return trimmed.replace(/\./g, '').replace(',', '.');
  return trimmed.replace(',', '.');
}

function valuesOf(programme: ProgrammeDetail | null, plan: MasterplanDetail): Values {
  const funding: Record<string, string> = {};
  for (const r of programme?.funding.rows ?? []) for (const s of FUNDING_SOURCES) if (Number(r[s]) > 0) funding[`${r.year}/${s}`] = r[s];
  return {
    elementId: programme?.elementId ?? null,
    name: programme?.name ?? '',
    description: programme?.description ?? '',
    kind: programme?.kind ?? 'jangka_menengah',
    stage: programme?.stage ?? '',
    leadUnitId: programme?.leadUnitId ?? null,
    supportUnitIds: programme?.supportUnits.map((u) => u.id) ?? [],
    rpjmdProgramCode: programme?.rpjmdProgramCode ?? '',
    startYear: programme?.startYear ?? plan.startYear,
    startQuarter: String(programme?.startQuarter ?? 1),
    endYear: programme?.endYear ?? plan.endYear,
    endQuarter: String(programme?.endQuarter ?? 4),
    funding,
    outputs: programme?.outputs.map((o) => ({
      id: o.id,
      name: o.name,
      kpiName: o.kpiName,
      unitOfMeasure: o.unitOfMeasure,
      targets: Object.fromEntries(o.targets.map((t) => [String(t.year), t.target])),
    })) ?? [{ id: null, name: '', kpiName: '', unitOfMeasure: '', targets: {} }],
    innovationIds: programme?.innovations.map((i) => i.id) ?? [],
  };
}

function yearsOf(v: Values): number[] {
  const from = Number(v.startYear);
  const to = Number(v.endYear);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 15) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function inputOf(v: Values) {
  const years = yearsOf(v);
  return {
    elementId: v.elementId ?? '',
    name: v.name,
    description: v.description,
    kind: v.kind,
    stage: v.stage || null,
    leadUnitId: v.leadUnitId ?? '',
    supportUnitIds: v.supportUnitIds,
    rpjmdProgramCode: v.rpjmdProgramCode || null,
    startYear: Number(v.startYear),
    startQuarter: Number(v.startQuarter),
    endYear: Number(v.endYear),
    endQuarter: Number(v.endQuarter),
    // Only the years of the span travel: a cell typed before the span was shortened is dropped, not refused.
    funding: years.flatMap((year) =>
      FUNDING_SOURCES.flatMap((source) => {
        const amount = decimalInput(v.funding[`${year}/${source}`] ?? '');
        return amount ? [{ year, source, amount }] : [];
      }),
    ),
    outputs: v.outputs.map((o) => ({
      id: o.id,
      name: o.name,
      kpiName: o.kpiName,
      unitOfMeasure: o.unitOfMeasure,
      targets: years.flatMap((year) => {
        const target = decimalInput(o.targets[String(year)] ?? '');
        return target ? [{ year, target }] : [];
      }),
    })),
    innovationIds: v.innovationIds,
  };
}

export function ProgrammeForm({
  regionCode,
  plan,
  programme,
  onDone,
}: {
  regionCode: string;
  plan: MasterplanDetail;
  programme: ProgrammeDetail | null;
  onDone: (saved: ProgrammeDetail) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<Values>({ initialValues: valuesOf(programme, plan) });
  const v = form.getValues();
  const years = yearsOf(v);

  const units = useQuery(unitListQueryOptions(regionCode, { pageSize: 200, sort: 'name', order: 'asc' }));
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.shortName ? `${u.name} (${u.shortName})` : u.name }));
  const [innovationSearch, setInnovationSearch] = useState('');
  const [q] = useDebouncedValue(innovationSearch.trim(), 300);
  const innovations = useQuery(innovationListQueryOptions(regionCode, { q: q || undefined, pageSize: 50, sort: 'name', order: 'asc' }));
  const [knownInnovations] = useState(() => new Map((programme?.innovations ?? []).map((i) => [i.id, i.name])));
  const innovationOptions = useMemo(() => {
    const byId = new Map(knownInnovations);
    for (const i of innovations.data?.items ?? []) byId.set(i.id, `${i.name} (${i.unitName})`);
    return [...byId.entries()].map(([value, label]) => ({ value, label }));
  }, [innovations.data, knownInnovations]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = inputOf(values);
      return programme
        ? updateProgramme(regionCode, programme.id, { ...input, version: programme.version })
        : createProgramme(regionCode, { ...input, masterplanId: plan.id });
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t('kc.saved') });
      await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
      onDone(saved);
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (isApiError(error, 'STALE_VERSION')) await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
    },
  });

  const setOutput = (i: number, patch: Partial<OutputDraft>) =>
    form.setFieldValue(
      'outputs',
      v.outputs.map((o, j) => (j === i ? { ...o, ...patch } : o)),
    );

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <TextInput label={t('kc.prog.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('kc.prog.element')}
          required
          searchable
          data={plan.dimensions.map((d) => ({ group: d.name, items: d.elements.map((e) => ({ value: e.id, label: `${e.name} (${d.name})` })) }))}
          {...form.getInputProps('elementId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('kc.prog.kind')}
            required
            allowDeselect={false}
            data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('kc.prog.stage')} {...form.getInputProps('stage')} />
          <RpjmdProgrammeSelect
            regionCode={regionCode}
            label={t('kc.prog.rpjmd')}
            value={v.rpjmdProgramCode}
            onChange={(code) => form.setFieldValue('rpjmdProgramCode', code)}
            error={form.errors.rpjmdProgramCode}
          />
        </SimpleGrid>
        <Textarea label={t('kc.prog.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <UnitSelect
            regionCode={regionCode}
            label={t('kc.prog.lead')}
            required
            value={v.leadUnitId}
            current={programme ? { id: programme.leadUnitId, name: programme.leadUnitName, shortName: null, kind: null } : null}
            onChange={(unit) => form.setFieldValue('leadUnitId', unit?.id ?? null)}
            error={form.errors.leadUnitId}
          />
          <MultiSelect
            label={t('kc.prog.support')}
            searchable
            clearable
            data={unitOptions.filter((u) => u.value !== v.leadUnitId)}
            {...form.getInputProps('supportUnitIds')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={`${t('kc.prog.start')} – ${t('kc.prog.year')}`}
            required
            min={plan.startYear}
            max={plan.endYear}
            allowDecimal={false}
            {...form.getInputProps('startYear')}
          />
          <Select
            label={`${t('kc.prog.start')} – ${t('kc.prog.quarter')}`}
            allowDeselect={false}
            data={QUARTERS.map((q) => ({ value: q, label: `TW${q}` }))}
            {...form.getInputProps('startQuarter')}
          />
          <NumberInput
            label={`${t('kc.prog.end')} – ${t('kc.prog.year')}`}
            required
            min={plan.startYear}
            max={plan.endYear}
            allowDecimal={false}
            {...form.getInputProps('endYear')}
          />
          <Select
            label={`${t('kc.prog.end')} – ${t('kc.prog.quarter')}`}
            allowDeselect={false}
            data={QUARTERS.map((q) => ({ value: q, label: `TW${q}` }))}
            {...form.getInputProps('endQuarter')}
          />
        </SimpleGrid>

        <Fieldset legend={t('kc.prog.funding')}>
          <Table.ScrollContainer minWidth={560}>
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('kc.funding.year')}</Table.Th>
                  {FUNDING_SOURCES.map((s) => (
                    <Table.Th key={s} scope="col">
                      {t(SOURCE_LABELS[s])}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {years.map((year) => (
                  <Table.Tr key={year}>
                    <Table.Th scope="row">{year}</Table.Th>
                    {FUNDING_SOURCES.map((s) => (
                      <Table.Td key={s}>
                        <TextInput
                          aria-label={`${t(SOURCE_LABELS[s])} ${year}`}
                          inputMode="decimal"
                          size="xs"
                          value={v.funding[`${year}/${s}`] ?? ''}
                          onChange={(e) => form.setFieldValue('funding', { ...v.funding, [`${year}/${s}`]: e.currentTarget.value })}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Fieldset>

        <Fieldset legend={t('kc.prog.outputs')}>
          <Stack>
            {v.outputs.map((o, i) => (
              <Stack key={o.id ?? `new-${i}`} gap="xs" pb="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    style={{ flex: 2 }}
                    label={t('kc.prog.outputName')}
                    required
                    value={o.name}
                    onChange={(e) => setOutput(i, { name: e.currentTarget.value })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`${t('kc.prog.removeOutput')} ${o.name}`}
                    onClick={() =>
                      form.setFieldValue(
                        'outputs',
                        v.outputs.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('kc.prog.kpiName')}
                    required
                    value={o.kpiName}
                    onChange={(e) => setOutput(i, { kpiName: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('kc.prog.uom')}
                    required
                    value={o.unitOfMeasure}
                    onChange={(e) => setOutput(i, { unitOfMeasure: e.currentTarget.value })}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 2, sm: Math.min(5, Math.max(1, years.length)) }}>
                  {years.map((year) => (
                    <TextInput
                      key={year}
                      label={t('kc.prog.target', { year })}
                      inputMode="decimal"
                      value={o.targets[String(year)] ?? ''}
                      onChange={(e) => setOutput(i, { targets: { ...o.targets, [String(year)]: e.currentTarget.value } })}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
            <Group>
              <Button
                variant="subtle"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.setFieldValue('outputs', [...v.outputs, { id: null, name: '', kpiName: '', unitOfMeasure: '', targets: {} }])}
              >
                {t('kc.prog.addOutput')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <MultiSelect
          label={t('kc.prog.innovations')}
          searchable
          clearable
          hidePickedOptions
          data={innovationOptions}
          searchValue={innovationSearch}
          onSearchChange={setInnovationSearch}
          filter={({ options }) => options}
          nothingFoundMessage={innovations.isFetching ? t('app.loading') : t('kc.prog.innovationsNothingFound')}
          {...form.getInputProps('innovationIds')}
        />
        {save.isError && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
