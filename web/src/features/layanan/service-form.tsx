/**
 * Creating or editing one service. Only the name and the unit are required: a unit can list its
 * services first and write the standar pelayanan later. The six components are plain text, each with
 * a hint of what the portal's readers expect there; the online address is asked only for a service
 * that can be obtained online. Fields are checked with the shared `serviceInput` schema (the server's
 * own); an edit that lost a race (409 STALE_VERSION) reloads the latest data and says so.
 */
import { Alert, Button, Fieldset, Group, Radio, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { serviceInput } from '#shared/api/services.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import { createService, fetchService, type Service, servicesKey, updateService } from '../../api/services.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.id.ts';
import { UnitSelect } from '../../components/unit-select.tsx';
import { CHANNEL_LABELS, isIn, SERVICE_CHANNELS, type ServiceChannel } from './layanan-labels.ts';

interface Values {
  name: string;
  unitId: string | null;
  category: string;
  description: string;
  channel: ServiceChannel;
  onlineUrl: string;
  isDigital: boolean;
  isActive: boolean;
  requirements: string;
  procedure: string;
  duration: string;
  cost: string;
  product: string;
  complaintHandling: string;
}

/** The standar pelayanan components, in the order the regulation lists them and the portal shows them. */
export const STANDARD_FIELDS = ['requirements', 'procedure', 'duration', 'cost', 'product', 'complaintHandling'] as const;
const FIELDS = ['name', 'unitId', 'category', 'description', 'channel', 'onlineUrl', 'isDigital', 'isActive', ...STANDARD_FIELDS] as const;

const STANDARD_TEXTS: Record<(typeof STANDARD_FIELDS)[number], { label: MessageKey; hint: MessageKey; placeholder: MessageKey }> = {
  requirements: { label: 'layanan.field.requirements', hint: 'layanan.hint.requirements', placeholder: 'layanan.placeholder.requirements' },
  procedure: { label: 'layanan.field.procedure', hint: 'layanan.hint.procedure', placeholder: 'layanan.placeholder.procedure' },
  duration: { label: 'layanan.field.duration', hint: 'layanan.hint.duration', placeholder: 'layanan.placeholder.duration' },
  cost: { label: 'layanan.field.cost', hint: 'layanan.hint.cost', placeholder: 'layanan.placeholder.cost' },
  product: { label: 'layanan.field.product', hint: 'layanan.hint.product', placeholder: 'layanan.placeholder.product' },
  complaintHandling: {
    label: 'layanan.field.complaintHandling',
    hint: 'layanan.hint.complaintHandling',
    placeholder: 'layanan.placeholder.complaintHandling',
  },
};

/** In person first: most services start at a counter. */
const CHANNEL_ORDER: readonly ServiceChannel[] = ['offline', 'online', 'keduanya'];

const validateShape = schemaResolver(serviceInput, { sync: true });

function valuesOf(service: Service | null, unitId: string | null): Values {
  return {
    name: service?.name ?? '',
    unitId: service?.unitId ?? unitId,
    category: service?.category ?? '',
    description: service?.description ?? '',
    channel: service?.channel ?? 'offline',
    onlineUrl: service?.onlineUrl ?? '',
    isDigital: service?.isDigital ?? false,
    isActive: service?.isActive ?? true,
    requirements: service?.requirements ?? '',
    procedure: service?.procedure ?? '',
    duration: service?.duration ?? '',
    cost: service?.cost ?? '',
    product: service?.product ?? '',
    complaintHandling: service?.complaintHandling ?? '',
  };
}

/** The request body: an offline service keeps no online address, a blank one is "none". */
function inputOf(values: Values) {
  const onlineUrl = values.channel === 'offline' ? null : values.onlineUrl.trim() || null;
  return { ...values, unitId: values.unitId ?? '', category: values.category.trim() || null, onlineUrl };
}

export function ServiceForm({
  regionCode,
  service,
  ownUnit,
  onDone,
}: {
  regionCode: string;
  service: Service | null;
  /** An operator's own unit: their services always belong to it. */
  ownUnit: { id: string; name: string } | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(service?.version ?? 1);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [staleNotice, setStaleNotice] = useState(false);

  const form = useForm<Values>({
    initialValues: valuesOf(service, ownUnit?.id ?? null),
    validate: (values) => validateShape(inputOf(values)),
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const input = inputOf(values);
      return service ? updateService(regionCode, service.id, { ...input, version }) : createService(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': t('common.close') },
        message: t(service ? 'layanan.updated' : 'layanan.created', { name: saved.name }),
      });
      await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
      onDone();
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (service && isApiError(error, 'STALE_VERSION')) {
        const latest = await fetchService(regionCode, service.id).catch(() => null);
        if (latest) {
          form.setValues(valuesOf(latest, null));
          form.resetDirty(valuesOf(latest, null));
          setVersion(latest.version);
          setStaleNotice(true);
        }
        await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
      }
    },
  });

  const hasOnline = form.values.channel !== 'offline';
  const currentUnit = service ? { id: service.unitId, name: service.unitName, shortName: null, kind: null } : null;

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
            {t('layanan.form.reloaded')}
          </Alert>
        ) : null}
        <Fieldset legend={t('layanan.form.identity')} radius="md">
          <Stack gap="sm">
            <TextInput
              label={t('layanan.field.name')}
              placeholder={t('layanan.placeholder.name')}
              withAsterisk
              maxLength={200}
              data-autofocus
              {...form.getInputProps('name')}
            />
            {ownUnit ? (
              <TextInput label={t('layanan.field.unit')} value={ownUnit.name} readOnly variant="filled" />
            ) : (
              <UnitSelect
                regionCode={regionCode}
                label={t('layanan.field.unit')}
                placeholder={t('layanan.placeholder.unit')}
                description={t('layanan.hint.unit')}
                withAsterisk
                value={form.values.unitId}
                current={currentUnit}
                error={form.errors.unitId}
                onChange={(unit) => form.setFieldValue('unitId', unit?.id ?? null)}
              />
            )}
            <TextInput
              label={t('layanan.field.category')}
              placeholder={t('layanan.placeholder.category')}
              description={t('layanan.hint.category')}
              maxLength={100}
              {...form.getInputProps('category')}
            />
            <Textarea
              label={t('layanan.field.description')}
              description={t('layanan.hint.description')}
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps('description')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('layanan.form.access')} radius="md">
          <Stack gap="sm">
            <Radio.Group
              label={t('layanan.field.channel')}
              description={t('layanan.hint.channel')}
              {...form.getInputProps('channel')}
              onChange={(v) => {
                if (isIn(SERVICE_CHANNELS, v)) form.setFieldValue('channel', v);
              }}
            >
              <Group gap="lg" mt="xs">
                {CHANNEL_ORDER.map((c) => (
                  <Radio key={c} value={c} label={t(CHANNEL_LABELS[c])} />
                ))}
              </Group>
            </Radio.Group>
            {hasOnline ? (
              <TextInput
                label={t('layanan.field.onlineUrl')}
                description={t('layanan.hint.onlineUrl')}
                placeholder="https://"
                type="url"
                withAsterisk
                maxLength={500}
                {...form.getInputProps('onlineUrl')}
              />
            ) : null}
            <Switch
              label={t('layanan.field.isDigital')}
              description={t('layanan.hint.isDigital')}
              {...form.getInputProps('isDigital', { type: 'checkbox' })}
            />
            <Switch
              label={t('layanan.field.isActive')}
              description={t('layanan.hint.isActive')}
              {...form.getInputProps('isActive', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('layanan.form.standard')} radius="md">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('layanan.form.standardIntro')}
            </Text>
            {STANDARD_FIELDS.map((field) => {
              const texts = STANDARD_TEXTS[field];
              return (
                <Textarea
                  key={field}
                  label={t(texts.label)}
                  description={t(texts.hint)}
                  placeholder={t(texts.placeholder)}
                  autosize
                  minRows={2}
                  maxRows={10}
                  maxLength={5000}
                  {...form.getInputProps(field)}
                />
              );
            })}
          </Stack>
        </Fieldset>

        <Group justify="flex-end" gap="sm">
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
