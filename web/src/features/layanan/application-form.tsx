/**
 * Creating or editing one application of the inventory: who owns it, whether it serves the public or
 * the government's own administration (the SPBE and Pemdi indicators count them apart), where it is
 * hosted, its state, and which of the region's services it serves. Checked with the shared
 * `applicationInput` schema; a lost race (409 STALE_VERSION) reloads the latest data and says so.
 */
import { Alert, Button, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { applicationInput } from '#shared/api/services.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { isApiError } from '../../api/http.ts';
import { type Application, applicationsKey, createApplication, fetchApplication, servicesKey, updateApplication } from '../../api/services.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import {
  APPLICATION_HOSTINGS,
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  type ApplicationHosting,
  type ApplicationKind,
  type ApplicationStatus,
  HOSTING_LABELS,
  isIn,
  KIND_LABELS,
  STATUS_LABELS,
} from './layanan-labels.ts';
import { ServiceMultiSelect } from './service-multi-select.tsx';

interface Values {
  name: string;
  unitId: string | null;
  description: string;
  kind: ApplicationKind | null;
  hosting: ApplicationHosting;
  status: ApplicationStatus;
  url: string;
  serviceIds: string[];
}

const FIELDS = ['name', 'unitId', 'description', 'kind', 'hosting', 'status', 'url', 'serviceIds'] as const;
const validateShape = schemaResolver(applicationInput, { sync: true });

function valuesOf(app: Application | null, unitId: string | null): Values {
  return {
    name: app?.name ?? '',
    unitId: app?.unitId ?? unitId,
    description: app?.description ?? '',
    kind: app?.kind ?? null,
    hosting: app?.hosting ?? 'pusat_data_daerah',
    status: app?.status ?? 'aktif',
    url: app?.url ?? '',
    serviceIds: app?.services.map((s) => s.id) ?? [],
  };
}

function inputOf(values: Values) {
  return { ...values, unitId: values.unitId ?? '', kind: values.kind ?? undefined, url: values.url.trim() || null };
}

export function ApplicationForm({
  regionCode,
  application,
  ownUnit,
  onDone,
}: {
  regionCode: string;
  application: Application | null;
  ownUnit: { id: string; name: string } | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(application?.version ?? 1);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const [staleNotice, setStaleNotice] = useState(false);

  const form = useForm<Values>({
    initialValues: valuesOf(application, ownUnit?.id ?? null),
    validate: (values) => {
      const errors = validateShape(inputOf(values));
      if (!values.kind) errors.kind = t('aplikasi.kindRequired');
      return errors;
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      const { kind } = values;
      if (!kind) throw new Error('The kind is validated before submitting');
      const input = { ...inputOf(values), kind };
      return application ? updateApplication(regionCode, application.id, { ...input, version }) : createApplication(regionCode, input);
    },
    onSuccess: async (saved) => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': t('common.close') },
        message: t(application ? 'aplikasi.updated' : 'aplikasi.created', { name: saved.name }),
      });
      await queryClient.invalidateQueries({ queryKey: applicationsKey(regionCode) });
      // The service list shows which applications serve each service.
      await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
      onDone();
    },
    onError: async (error) => {
      setUnplaced(placeFieldIssues(form, error, FIELDS));
      if (application && isApiError(error, 'STALE_VERSION')) {
        const latest = await fetchApplication(regionCode, application.id).catch(() => null);
        if (latest) {
          form.setValues(valuesOf(latest, null));
          form.resetDirty(valuesOf(latest, null));
          setVersion(latest.version);
          setStaleNotice(true);
        }
        await queryClient.invalidateQueries({ queryKey: applicationsKey(regionCode) });
      }
    },
  });

  const currentUnit = application ? { id: application.unitId, name: application.unitName, shortName: null, kind: null } : null;

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
        <TextInput
          label={t('aplikasi.field.name')}
          placeholder={t('aplikasi.placeholder.name')}
          withAsterisk
          maxLength={200}
          data-autofocus
          {...form.getInputProps('name')}
        />
        {ownUnit ? (
          <TextInput label={t('aplikasi.field.unit')} value={ownUnit.name} readOnly variant="filled" />
        ) : (
          <UnitSelect
            regionCode={regionCode}
            label={t('aplikasi.field.unit')}
            placeholder={t('layanan.placeholder.unit')}
            description={t('aplikasi.hint.unit')}
            withAsterisk
            value={form.values.unitId}
            current={currentUnit}
            error={form.errors.unitId}
            onChange={(unit) => form.setFieldValue('unitId', unit?.id ?? null)}
          />
        )}
        <Radio.Group
          label={t('aplikasi.field.kind')}
          withAsterisk
          {...form.getInputProps('kind')}
          value={form.values.kind}
          onChange={(v) => {
            if (isIn(APPLICATION_KINDS, v)) form.setFieldValue('kind', v);
          }}
        >
          <Stack gap="xs" mt="xs">
            {APPLICATION_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(KIND_LABELS[k])} description={t(`aplikasi.kindHint.${k}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            label={t('aplikasi.field.hosting')}
            data={APPLICATION_HOSTINGS.map((h) => ({ value: h, label: t(HOSTING_LABELS[h]) }))}
            allowDeselect={false}
            {...form.getInputProps('hosting')}
            onChange={(v) => {
              if (isIn(APPLICATION_HOSTINGS, v)) form.setFieldValue('hosting', v);
            }}
          />
          <Select
            label={t('aplikasi.field.status')}
            data={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
            onChange={(v) => {
              if (isIn(APPLICATION_STATUSES, v)) form.setFieldValue('status', v);
            }}
          />
        </SimpleGrid>
        <TextInput
          label={t('aplikasi.field.url')}
          description={t('aplikasi.hint.url')}
          placeholder="https://"
          type="url"
          maxLength={500}
          {...form.getInputProps('url')}
        />
        <ServiceMultiSelect
          regionCode={regionCode}
          label={t('aplikasi.field.services')}
          description={t('aplikasi.hint.services')}
          placeholder={t('aplikasi.placeholder.services')}
          value={form.values.serviceIds}
          current={application?.services ?? []}
          error={form.errors.serviceIds}
          onChange={(ids) => form.setFieldValue('serviceIds', ids)}
        />
        <Textarea
          label={t('aplikasi.field.description')}
          description={t('aplikasi.hint.description')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
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
