/**
 * Creating a masterplan (the six dimensions and their elements come from the national guide) or
 * editing its header: title, years, the RPJMD period it follows, the Perkada, the vision, whether it is
 * the active one. Field errors of the server sit next to their fields; a lost race reloads.
 */
import { Alert, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import { createMasterplan, kotaCerdasKey, type MasterplanDetail, updateMasterplan } from '../../api/kota-cerdas.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  title: string;
  startYear: number | string;
  endYear: number | string;
  rpjmdPeriod: string;
  perkadaNumber: string;
  perkadaDate: string;
  vision: string;
  isActive: boolean;
}
const FIELDS = ['title', 'startYear', 'endYear', 'rpjmdPeriod', 'perkadaNumber', 'perkadaDate', 'vision', 'isActive'] as const;

export function MasterplanForm({ regionCode, plan, onDone }: { regionCode: string; plan: MasterplanDetail | null; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const thisYear = new Date().getFullYear();
  const form = useForm<Values>({
    initialValues: {
      title: plan?.title ?? '',
      startYear: plan?.startYear ?? thisYear,
      endYear: plan?.endYear ?? thisYear + 4,
      rpjmdPeriod: plan?.rpjmdPeriod ?? '',
      perkadaNumber: plan?.perkadaNumber ?? '',
      perkadaDate: plan?.perkadaDate ?? '',
      vision: plan?.vision ?? '',
      isActive: plan?.isActive ?? true,
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const input = {
        title: v.title,
        startYear: Number(v.startYear),
        endYear: Number(v.endYear),
        rpjmdPeriod: v.rpjmdPeriod || null,
        perkadaNumber: v.perkadaNumber || null,
        perkadaDate: v.perkadaDate || null,
        vision: v.vision,
        isActive: v.isActive,
      };
      return plan ? updateMasterplan(regionCode, plan.id, { ...input, version: plan.version }) : createMasterplan(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t('kc.saved') });
      await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
      onDone(saved.id);
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (isApiError(error, 'STALE_VERSION')) await queryClient.invalidateQueries({ queryKey: kotaCerdasKey(regionCode) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {plan ? null : (
          <Alert color="blue" variant="light">
            {t('kc.form.defaultsNote')}
          </Alert>
        )}
        <TextInput label={t('kc.form.title')} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('kc.form.startYear')} required min={2000} max={2100} allowDecimal={false} {...form.getInputProps('startYear')} />
          <NumberInput label={t('kc.form.endYear')} required min={2000} max={2100} allowDecimal={false} {...form.getInputProps('endYear')} />
        </SimpleGrid>
        <TextInput label={t('kc.form.rpjmd')} {...form.getInputProps('rpjmdPeriod')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('kc.form.perkadaNumber')} {...form.getInputProps('perkadaNumber')} />
          <TextInput label={t('kc.form.perkadaDate')} placeholder="2022-11-14" {...form.getInputProps('perkadaDate')} />
        </SimpleGrid>
        <Textarea label={t('kc.form.vision')} autosize minRows={3} {...form.getInputProps('vision')} />
        <Checkbox label={t('kc.form.isActive')} {...form.getInputProps('isActive', { type: 'checkbox' })} />
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
