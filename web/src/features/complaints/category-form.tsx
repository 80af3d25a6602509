/**
 * Creating or editing a complaint category: its code (also the Open311 service_code), name, group, the
 * unit that receives its complaints, the SLA in days and whether citizens may choose it. Checked with
 * the shared schema before it leaves.
 */
import { Button, Group, NumberInput, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { complaintCategoryInput } from '#shared/api/complaints.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { type ComplaintCategory, complaintCategoriesKey, createComplaintCategory, updateComplaintCategory } from '../../api/complaints.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';

interface Values {
  code: string;
  name: string;
  description: string;
  groupName: string;
  unitId: string;
  slaDays: number | string;
  isActive: boolean;
}

const FIELDS = ['code', 'name', 'description', 'groupName', 'unitId', 'slaDays', 'isActive'] as const;
const validateShape = schemaResolver(complaintCategoryInput, { sync: true });

function valuesOf(c: ComplaintCategory | null): Values {
  return {
    code: c?.code ?? '',
    name: c?.name ?? '',
    description: c?.description ?? '',
    groupName: c?.groupName ?? 'Umum',
    unitId: c?.unitId ?? '',
    slaDays: c?.slaDays ?? 5,
    isActive: c?.isActive ?? true,
  };
}

const inputOf = (v: Values) => ({ ...v, slaDays: typeof v.slaDays === 'number' ? v.slaDays : Number.NaN });

export function CategoryForm({ regionCode, category, onDone }: { regionCode: string; category: ComplaintCategory | null; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<Values>({
    initialValues: valuesOf(category),
    validate: (values) => {
      const errors = validateShape(inputOf(values));
      if (!values.unitId) errors.unitId = t('complaints.category.unitRequired');
      if (typeof values.slaDays !== 'number') errors.slaDays = t('complaints.category.slaRequired');
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = inputOf(values);
      return category ? updateComplaintCategory(regionCode, category.id, input) : createComplaintCategory(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        message: t(category ? 'complaints.category.updated' : 'complaints.category.created', { name: saved.name }),
      });
      await queryClient.invalidateQueries({ queryKey: complaintCategoriesKey(regionCode) });
      onDone();
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, FIELDS)),
  });

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        <TextInput label={t('complaints.category.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Group grow align="flex-end" wrap="wrap">
          <TextInput
            label={t('complaints.category.code')}
            description={t('complaints.category.codeHint')}
            placeholder="jalan-rusak"
            withAsterisk
            style={{ flex: '1 1 200px' }}
            {...form.getInputProps('code')}
          />
          <TextInput label={t('complaints.category.group')} placeholder="Umum" style={{ flex: '1 1 200px' }} {...form.getInputProps('groupName')} />
        </Group>
        <Textarea label={t('complaints.category.description')} autosize minRows={2} maxLength={2000} {...form.getInputProps('description')} />
        <UnitSelect
          regionCode={regionCode}
          label={t('complaints.category.unit')}
          description={t('complaints.category.unitHint')}
          placeholder={t('complaints.reassign.unitPlaceholder')}
          withAsterisk
          value={form.values.unitId || null}
          current={category ? { id: category.unitId, name: category.unitName, shortName: null, kind: null } : null}
          error={form.errors.unitId}
          onChange={(u) => form.setFieldValue('unitId', u?.id ?? '')}
        />
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label={t('complaints.category.sla')}
            description={t('complaints.category.slaHint')}
            withAsterisk
            min={1}
            max={365}
            allowDecimal={false}
            w={220}
            {...form.getInputProps('slaDays')}
          />
          <Switch label={t('complaints.category.active')} mb={8} {...form.getInputProps('isActive', { type: 'checkbox' })} />
        </Group>
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
