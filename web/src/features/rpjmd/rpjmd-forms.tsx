/**
 * The two small forms of the RPJMD page: an RPJMD period (title, years, Perda) and one entry of the
 * cascade (code and name; its level and parent are fixed by where it was added). Field errors of the
 * server sit next to their fields.
 */
import { Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import {
  createRpjmd,
  createRpjmdEntry,
  type RpjmdDetail,
  type RpjmdLevel,
  type RpjmdNode,
  rpjmdKey,
  updateRpjmd,
  updateRpjmdEntry,
} from '../../api/rpjmd.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface PeriodValues {
  title: string;
  startYear: number | string;
  endYear: number | string;
  perdaNumber: string;
}
const PERIOD_FIELDS = ['title', 'startYear', 'endYear', 'perdaNumber'] as const;

export function PeriodForm({ regionCode, period, onDone }: { regionCode: string; period: RpjmdDetail | null; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<PeriodValues>({
    initialValues: {
      title: period?.title ?? '',
      startYear: period?.startYear ?? '',
      endYear: period?.endYear ?? '',
      perdaNumber: period?.perdaNumber ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: PeriodValues) => {
      const input = { title: v.title, startYear: Number(v.startYear), endYear: Number(v.endYear), perdaNumber: v.perdaNumber || null };
      return period ? updateRpjmd(regionCode, period.id, { ...input, version: period.version }) : createRpjmd(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t('rpjmd.saved') });
      await queryClient.invalidateQueries({ queryKey: rpjmdKey(regionCode) });
      onDone(saved.id);
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, PERIOD_FIELDS));
      if (isApiError(error, 'STALE_VERSION')) await queryClient.invalidateQueries({ queryKey: rpjmdKey(regionCode) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <TextInput
          label={t('rpjmd.form.title')}
          placeholder={t('rpjmd.form.titlePlaceholder')}
          required
          data-autofocus
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('rpjmd.form.startYear')} required min={2000} max={2100} allowDecimal={false} {...form.getInputProps('startYear')} />
          <NumberInput label={t('rpjmd.form.endYear')} required min={2000} max={2100} allowDecimal={false} {...form.getInputProps('endYear')} />
        </SimpleGrid>
        <TextInput label={t('rpjmd.form.perda')} {...form.getInputProps('perdaNumber')} />
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

interface EntryValues {
  code: string;
  name: string;
}
const ENTRY_FIELDS = ['code', 'name'] as const;

/** Adds an entry of `level` under `parent` (none for a misi), or edits `entry`. */
export function EntryForm({
  regionCode,
  rpjmdId,
  level,
  parent,
  entry,
  onDone,
}: {
  regionCode: string;
  rpjmdId: string;
  level: RpjmdLevel;
  parent: RpjmdNode | null;
  entry: RpjmdNode | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const form = useForm<EntryValues>({ initialValues: { code: entry?.code ?? '', name: entry?.name ?? '' } });
  const save = useMutation({
    mutationFn: (v: EntryValues) =>
      entry
        ? updateRpjmdEntry(regionCode, rpjmdId, entry.id, { code: v.code, name: v.name, version: entry.version })
        : createRpjmdEntry(regionCode, rpjmdId, { level, code: v.code, name: v.name, parentId: parent?.id ?? null }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('rpjmd.saved') });
      await queryClient.invalidateQueries({ queryKey: rpjmdKey(regionCode) });
      onDone();
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, ENTRY_FIELDS));
      if (isApiError(error, 'STALE_VERSION')) await queryClient.invalidateQueries({ queryKey: rpjmdKey(regionCode) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        {parent ? <TextInput label={t('rpjmd.form.parent')} value={`${parent.code} · ${parent.name}`} readOnly variant="filled" /> : null}
        <TextInput label={t('rpjmd.form.code')} description={t('rpjmd.form.codeHint')} required data-autofocus {...form.getInputProps('code')} />
        <Textarea label={t('rpjmd.form.name')} required autosize minRows={2} {...form.getInputProps('name')} />
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
