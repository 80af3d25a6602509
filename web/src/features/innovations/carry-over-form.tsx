/**
 * Carries an innovation into a later period as a new draft, with the required "what developed since"
 * note; the two versions stay linked. Only later periods are offered (the server refuses others).
 */
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { carryOverBody } from '#shared/api/innovations.ts';
import { type Innovation, carryOverInnovation, innovationsKey } from '../../api/innovations.api.ts';
import type { Period } from '../../api/periods.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function CarryOverForm({
  regionCode,
  innovation,
  periods,
  onDone,
}: {
  regionCode: string;
  innovation: Innovation;
  periods: Period[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const later = periods.filter((p) => p.year > innovation.year);
  const form = useForm({
    initialValues: { periodId: later.at(-1)?.id ?? '', developmentNote: '' },
    validate: schemaResolver(carryOverBody, { sync: true }),
  });
  const carry = useMutation({
    mutationFn: (values: { periodId: string; developmentNote: string }) => carryOverInnovation(regionCode, innovation.id, values),
    onSuccess: async (created) => {
      notifications.show({ color: 'green', message: t('carryOver.done', { year: created.year }) });
      await queryClient.invalidateQueries({ queryKey: innovationsKey(regionCode) });
      onDone();
      await navigate(`/inovasi/${created.id}`);
    },
    onError: (error) => placeFieldIssues(form, error, ['periodId', 'developmentNote']),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => carry.mutate(values))}>
      <Stack>
        <Text size="sm">{t('carryOver.text')}</Text>
        {carry.error && !isFullyPlaced(carry.error, []) ? <FormErrorAlert error={carry.error} /> : null}
        <Select
          label={t('carryOver.period')}
          withAsterisk
          allowDeselect={false}
          data={later.map((p) => ({ value: p.id, label: t('period.label', { year: p.year }) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('periodId')}
        />
        <Textarea
          label={t('carryOver.note')}
          description={t('carryOver.noteHint')}
          withAsterisk
          autosize
          minRows={4}
          maxLength={5000}
          data-autofocus
          {...form.getInputProps('developmentNote')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={carry.isPending}>
            {t('carryOver.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
