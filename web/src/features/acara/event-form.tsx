/**
 * Creating or editing an event. Dates and times are typed in WIB (the region's clock) and sent with
 * `+07:00`; a place or an online link is required (or both). Fields are checked with the shared
 * `eventInput` schema (the server's own); an edit that lost a race reloads the latest data and says so.
 * An operator organises for their own unit only, so the organiser is fixed for them.
 */
import { Alert, Button, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { eventInput } from '#shared/api/events.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { createEvent, type EventDetail, eventKey, eventsKey, updateEvent } from '../../api/events.api.ts';
import { isApiError } from '../../api/http.ts';
import { unitListQueryOptions } from '../../api/units.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import {
  EVENT_KINDS,
  EVENT_TOPICS,
  type EventKind,
  type EventTopic,
  isIn,
  KIND_LABELS,
  TOPIC_LABELS,
  wibDay,
  wibMoment,
  wibTime,
} from './acara-labels.ts';

interface Values {
  title: string;
  kind: EventKind;
  topic: EventTopic;
  organiserUnitId: string | null;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  description: string;
  invitedUnitIds: string[];
  invitedOrganisations: string;
  capacity: number | string;
  isRegistrationOpen: boolean;
}

const FIELDS = [
  'title',
  'kind',
  'topic',
  'organiserUnitId',
  'startsAt',
  'endsAt',
  'place',
  'onlineUrl',
  'description',
  'invitedUnitIds',
  'invitedOrganisations',
  'capacity',
] as const;

function valuesOf(event: EventDetail | null, unitId: string | null): Values {
  const today = wibDay(new Date().toISOString());
  return {
    title: event?.title ?? '',
    kind: event?.kind ?? 'rakor',
    topic: event?.topic ?? 'inovasi_daerah',
    organiserUnitId: event?.organiserUnitId ?? unitId,
    startDate: event ? wibDay(event.startsAt) : today,
    startTime: event ? wibTime(event.startsAt) : '08:30',
    endDate: event ? wibDay(event.endsAt) : today,
    endTime: event ? wibTime(event.endsAt) : '12:00',
    place: event?.place ?? '',
    onlineUrl: event?.onlineUrl ?? '',
    description: event?.description ?? '',
    invitedUnitIds: event?.invitedUnits.map((u) => u.id) ?? [],
    invitedOrganisations: event?.invitedOrganisations.join('\n') ?? '',
    capacity: event?.capacity ?? '',
    isRegistrationOpen: event?.isRegistrationOpen ?? true,
  };
}

function inputOf(v: Values) {
  return {
    title: v.title,
    kind: v.kind,
    topic: v.topic,
    organiserUnitId: v.organiserUnitId ?? '',
    startsAt: wibMoment(v.startDate, v.startTime),
    endsAt: wibMoment(v.endDate, v.endTime),
    place: v.place.trim() || null,
    onlineUrl: v.onlineUrl.trim() || null,
    description: v.description,
    invitedUnitIds: v.invitedUnitIds,
    invitedOrganisations: v.invitedOrganisations
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    capacity: typeof v.capacity === 'number' ? v.capacity : null,
    isRegistrationOpen: v.isRegistrationOpen,
  };
}

/** The schema's field names, placed on the form's inputs (the moments sit on their date inputs). */
function formErrorsOf(values: Values): Record<string, string> {
  const parsed = eventInput.safeParse(inputOf(values));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const target = field === 'startsAt' ? 'startDate' : field === 'endsAt' ? 'endDate' : field;
    errors[target] ??= issue.message;
  }
  return errors;
}

export function EventForm({
  regionCode,
  event,
  ownUnit,
  onCancel,
  onSaved,
}: {
  regionCode: string;
  event: EventDetail | null;
  ownUnit: { id: string; name: string } | null;
  onCancel: () => void;
  onSaved: (saved: EventDetail) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(event?.version ?? 1);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [staleNotice, setStaleNotice] = useState(false);
  const units = useQuery(unitListQueryOptions(regionCode, { page: 1, pageSize: 200, sort: 'name', order: 'asc' }));

  const form = useForm<Values>({ initialValues: valuesOf(event, ownUnit?.id ?? null), validate: formErrorsOf });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = inputOf(values);
      return event ? updateEvent(regionCode, event.id, { ...input, version }) : createEvent(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': t('common.close') },
        message: t(event ? 'acara.updated' : 'acara.created', { title: saved.title }),
      });
      await queryClient.invalidateQueries({ queryKey: eventsKey(regionCode) });
      onSaved(saved);
    },
    onError: async (error) => {
      const placed = placeFieldIssues(form, error, FIELDS);
      for (const issue of placed) {
        if (issue.field === 'startsAt') form.setFieldError('startDate', issue.reason);
        if (issue.field === 'endsAt') form.setFieldError('endDate', issue.reason);
      }
      setUnplaced(placed.filter((i) => i.field !== 'startsAt' && i.field !== 'endsAt'));
      if (event && isApiError(error, 'STALE_VERSION')) {
        await queryClient.invalidateQueries({ queryKey: eventKey(regionCode, event.id) });
        const latest = queryClient.getQueryData<EventDetail>(eventKey(regionCode, event.id));
        if (latest) {
          form.setValues(valuesOf(latest, null));
          setVersion(latest.version);
          setStaleNotice(true);
        }
      }
    },
  });

  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.shortName ? `${u.name} (${u.shortName})` : u.name }));
  const currentOrganiser = event ? { id: event.organiserUnitId, name: event.organiserUnitName, shortName: null, kind: null } : null;

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        {staleNotice ? (
          <Alert color="yellow" variant="light" icon={<IconRefresh aria-hidden />} role="status">
            {t('acara.stale')}
          </Alert>
        ) : null}
        <TextInput label={t('acara.field.title')} withAsterisk maxLength={200} data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('acara.field.kind')}
            allowDeselect={false}
            data={EVENT_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
            {...form.getInputProps('kind')}
            onChange={(v) => {
              if (isIn(EVENT_KINDS, v)) form.setFieldValue('kind', v);
            }}
          />
          <Select
            label={t('acara.field.topic')}
            allowDeselect={false}
            data={EVENT_TOPICS.map((k) => ({ value: k, label: t(TOPIC_LABELS[k]) }))}
            {...form.getInputProps('topic')}
            onChange={(v) => {
              if (isIn(EVENT_TOPICS, v)) form.setFieldValue('topic', v);
            }}
          />
        </SimpleGrid>
        {ownUnit ? (
          <TextInput label={t('acara.field.organiser')} value={ownUnit.name} readOnly variant="filled" />
        ) : (
          <UnitSelect
            regionCode={regionCode}
            label={t('acara.field.organiser')}
            withAsterisk
            value={form.values.organiserUnitId}
            current={currentOrganiser}
            error={form.errors.organiserUnitId}
            onChange={(unit) => form.setFieldValue('organiserUnitId', unit?.id ?? null)}
          />
        )}
        <Fieldset legend={t('acara.detail.when')} radius="md">
          <SimpleGrid cols={{ base: 2 }} spacing="sm">
            <TextInput type="date" label={t('acara.field.startDate')} withAsterisk {...form.getInputProps('startDate')} />
            <TextInput type="time" label={t('acara.field.startTime')} withAsterisk {...form.getInputProps('startTime')} />
            <TextInput type="date" label={t('acara.field.endDate')} withAsterisk {...form.getInputProps('endDate')} />
            <TextInput type="time" label={t('acara.field.endTime')} withAsterisk {...form.getInputProps('endTime')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('acara.detail.place')} radius="md">
          <Stack gap="sm">
            <TextInput label={t('acara.field.place')} description={t('acara.field.placeHint')} maxLength={300} {...form.getInputProps('place')} />
            <TextInput label={t('acara.field.onlineUrl')} placeholder="https://" type="url" maxLength={500} {...form.getInputProps('onlineUrl')} />
          </Stack>
        </Fieldset>
        <Textarea label={t('acara.field.description')} autosize minRows={2} maxRows={8} maxLength={5000} {...form.getInputProps('description')} />
        <MultiSelect
          label={t('acara.field.invitedUnits')}
          data={unitOptions}
          searchable
          clearable
          hidePickedOptions
          {...form.getInputProps('invitedUnitIds')}
        />
        <Textarea
          label={t('acara.field.invitedOrganisations')}
          description={t('acara.field.invitedOrganisationsHint')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('invitedOrganisations')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('acara.field.capacity')}
            description={t('acara.field.capacityHint')}
            min={1}
            max={100000}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
          <Switch mt={{ sm: 'xl' }} label={t('acara.field.registrationOpen')} {...form.getInputProps('isRegistrationOpen', { type: 'checkbox' })} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
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
