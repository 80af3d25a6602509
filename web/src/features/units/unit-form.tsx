/**
 * Creating or editing one unit. Fields are checked with the shared `unitInput` schema (the server's
 * own), the parent field explains the hierarchy rule of the chosen kind, and an edit that lost a race
 * (409 STALE_VERSION) reloads the latest data and says so.
 */
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { checkUnitParent, PARENT_RULE_MESSAGES } from '#domain/units/unit-kinds.ts';
import { unitInput } from '#shared/api/units.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import { createUnit, fetchUnit, type Unit, unitsKey, updateUnit } from '../../api/units.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isUnitKind, parentHintOf, UNIT_KIND_LABELS, UNIT_KINDS } from '../../components/unit-kind.ts';
import { type UnitOption, UnitSelect } from '../../components/unit-select.tsx';

interface Values {
  kind: string | null;
  name: string;
  shortName: string;
  headName: string;
  parentId: string | null;
}

const FIELDS = ['kind', 'name', 'shortName', 'headName', 'parentId'] as const;
const validateShape = schemaResolver(unitInput, { sync: true });

function valuesOf(unit: Unit | null): Values {
  return {
    kind: unit?.kind ?? null,
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    headName: unit?.headName ?? '',
    parentId: unit?.parentId ?? null,
  };
}

/** The parent of the unit being edited, loaded for its kind (the list row carries only its name). */
function useParentOf(regionCode: string, unit: Unit | null) {
  const parentId = unit?.parentId ?? null;
  return useQuery({
    queryKey: [...unitsKey(regionCode), 'one', parentId],
    queryFn: () => fetchUnit(regionCode, parentId ?? ''),
    enabled: parentId !== null,
  });
}

export function UnitForm({ regionCode, unit, onDone }: { regionCode: string; unit: Unit | null; onDone: () => void }) {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(unit?.version ?? 1);
  const parentQuery = useParentOf(regionCode, unit);
  const original = parentQuery.data;
  const current: UnitOption | null = original
    ? { id: original.id, name: original.name, shortName: original.shortName, kind: original.kind }
    : unit?.parentId && unit.parentName
      ? { id: unit.parentId, name: unit.parentName, shortName: null, kind: null }
      : null;
  const [chosenParent, setChosenParent] = useState<UnitOption | null>(null);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [staleNotice, setStaleNotice] = useState(false);

  const form = useForm<Values>({
    initialValues: valuesOf(unit),
    validate: (values) => {
      const errors = validateShape(values);
      if (!values.kind) errors.kind = t('unitForm.kindRequired');
      // The domain's hierarchy rule, checked here too so the hint appears before a round trip.
      const parent = [chosenParent, current].find((u) => u !== null && u.id === values.parentId) ?? null;
      const isParentKnown = values.parentId === null || (parent !== null && parent.kind !== null);
      if (isUnitKind(values.kind) && isParentKnown) {
        const violation = checkUnitParent(values.kind, parent?.kind ?? null);
        if (violation && !errors.parentId) errors.parentId = pick(PARENT_RULE_MESSAGES[violation]);
      }
      return errors;
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      if (!isUnitKind(values.kind)) throw new Error('The kind is validated before submitting');
      const input = {
        kind: values.kind,
        name: values.name,
        shortName: values.shortName,
        headName: values.headName,
        parentId: values.parentId,
      };
      return unit ? updateUnit(regionCode, unit.id, { ...input, version }) : createUnit(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t(unit ? 'units.updated' : 'units.created', { name: saved.name }) });
      await queryClient.invalidateQueries({ queryKey: unitsKey(regionCode) });
      await queryClient.invalidateQueries({ queryKey: ['regions', regionCode, 'detail'] });
      onDone();
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (unit && isApiError(error, 'STALE_VERSION')) {
        const latest = await fetchUnit(regionCode, unit.id).catch(() => null);
        if (latest) {
          form.setValues(valuesOf(latest));
          form.resetDirty(valuesOf(latest));
          setVersion(latest.version);
          setStaleNotice(true);
        }
        await queryClient.invalidateQueries({ queryKey: unitsKey(regionCode) });
      }
    },
  });

  const kind = isUnitKind(form.values.kind) ? form.values.kind : null;
  const hint = kind ? parentHintOf(kind) : null;
  const kindData = UNIT_KINDS.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }));

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
        <Select
          label={t('unitForm.kind')}
          withAsterisk
          data={kindData}
          searchable
          allowDeselect={false}
          data-autofocus={unit ? undefined : true}
          {...form.getInputProps('kind')}
          onChange={(value) => {
            form.setFieldValue('kind', value);
            if (isUnitKind(value) && !parentHintOf(value).allowsParent) {
              form.setFieldValue('parentId', null);
              setChosenParent(null);
            }
          }}
        />
        <TextInput
          label={t('unitForm.name')}
          placeholder={t('unitForm.namePlaceholder')}
          withAsterisk
          data-autofocus={unit ? true : undefined}
          {...form.getInputProps('name')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('unitForm.shortName')}
            placeholder={t('unitForm.shortNamePlaceholder')}
            miw={180}
            {...form.getInputProps('shortName')}
          />
          <TextInput label={t('unitForm.headName')} miw={180} {...form.getInputProps('headName')} />
        </Group>
        <UnitSelect
          regionCode={regionCode}
          label={t('unitForm.parent')}
          placeholder={hint?.allowsParent === false ? t('unitForm.noParent') : t('unitForm.parentPlaceholder')}
          description={hint ? t(hint.key) : t('unitForm.parentHint.chooseKind')}
          disabled={!kind || hint?.allowsParent === false}
          withAsterisk={kind === 'kelurahan' || kind === 'upt'}
          value={form.values.parentId}
          current={current}
          error={form.errors.parentId}
          isAllowed={(u) => u.id !== unit?.id && (!kind || u.kind === null || checkUnitParent(kind, u.kind) === null)}
          onChange={(parent) => {
            form.setFieldValue('parentId', parent?.id ?? null);
            setChosenParent(parent);
          }}
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
