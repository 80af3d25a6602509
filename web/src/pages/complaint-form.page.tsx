/**
 * The citizens' complaint form of a region (/portal/:regionCode/pengaduan, optionally about one
 * service: ?layanan=<id>). No account: a category (which routes it to the responsible unit), what
 * happened, where (an address or the device's location), an optional photo and optional contact
 * details that are never public. The answer is a tracking code, shown big, with its status page.
 * A retry of the same form carries the same idempotency key, so a bad connection files it once.
 */
import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconCheck, IconCircleCheck, IconCopy, IconCurrentLocation, IconLock, IconMap, IconPhoto, IconSend, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { FieldIssue } from '#shared/errors.ts';
import {
  type ComplaintCreated,
  complaintCategoriesQuery,
  complaintStatusPath,
  fileComplaint,
  mapSettingsQuery,
  portalPath,
  portalServicePath,
  portalServiceQuery,
  randomId,
  uploadComplaintPhoto,
} from '../api/portal.api.ts';
import { FormErrorAlert } from '../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../components/form-issues.ts';
import { QueryError } from '../components/query-error.tsx';
import { useErrorText } from '../components/use-error-text.ts';
import { LocationMap } from '../features/portal/location-map.tsx';
import { BackLink, HoneypotField } from '../features/portal/portal-parts.tsx';
import classes from '../features/portal/portal.module.css';
import { useI18n } from '../i18n/i18n.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Values {
  categoryId: string | null;
  description: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}
const FIELDS = ['categoryId', 'description', 'address', 'latitude', 'longitude', 'contactName', 'contactEmail', 'contactPhone'] as const;
const EMPTY: Values = {
  categoryId: null,
  description: '',
  address: '',
  latitude: null,
  longitude: null,
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

type Located = { state: 'idle' } | { state: 'locating' } | { state: 'failed'; unsupported: boolean };

function Sent({
  created,
  photo,
  onAnother,
  onRetryPhoto,
}: {
  created: ComplaintCreated;
  photo: { ok: boolean; error: unknown } | null;
  onAnother: () => void;
  onRetryPhoto: () => Promise<void>;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [retrying, setRetrying] = useState(false);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <Stack align="center" gap="md" ta="center">
        <ThemeIcon size={64} radius="xl" color="green" variant="light">
          <IconCircleCheck size={40} aria-hidden />
        </ThemeIcon>
        <Title order={1} size="h2">
          {t('portal.complaintForm.sent.title')}
        </Title>
        <Text>{t('portal.complaintForm.sent.text')}</Text>
        <Stack gap={2} align="center">
          <Text size="sm" c="dimmed" id="tracking-code-label">
            {t('portal.complaintForm.sent.code')}
          </Text>
          <Text className={classes.trackingCode} aria-labelledby="tracking-code-label" data-tracking-code={created.trackingCode}>
            {created.trackingCode}
          </Text>
        </Stack>
        {photo ? (
          photo.ok ? (
            <Text size="sm" c="dimmed">
              {t('portal.complaintForm.sent.photoOk')}
            </Text>
          ) : (
            <Alert color="orange" variant="light" role="alert" ta="left">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('portal.complaintForm.sent.photoFailed', { reason: errorText(photo.error) })}</Text>
                <Button
                  size="xs"
                  variant="light"
                  color="orange"
                  loading={retrying}
                  onClick={() => {
                    setRetrying(true);
                    void onRetryPhoto().finally(() => setRetrying(false));
                  }}
                >
                  {t('common.retry')}
                </Button>
              </Stack>
            </Alert>
          )
        ) : null}
        <Group gap="sm" justify="center">
          <CopyButton value={created.trackingCode}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                size="md"
                onClick={copy}
                leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              >
                {copied ? t('portal.complaintForm.sent.copied') : t('portal.complaintForm.sent.copy')}
              </Button>
            )}
          </CopyButton>
          <Button component={Link} to={complaintStatusPath(created.trackingCode)} size="md">
            {t('portal.complaintForm.sent.status')}
          </Button>
        </Group>
        <Anchor component="button" type="button" size="sm" onClick={onAnother}>
          {t('portal.complaintForm.sent.another')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

export function ComplaintFormPage() {
  const { t, language } = useI18n();
  const { regionCode = '' } = useParams();
  const [search] = useSearchParams();
  const serviceParam = search.get('layanan') ?? '';
  const serviceId = UUID.test(serviceParam) ? serviceParam : null;
  useDocumentTitle(t('portal.complaintForm.title'));
  const categories = useQuery(complaintCategoriesQuery(regionCode));
  const map = useQuery(mapSettingsQuery(regionCode));
  const [mapOpen, setMapOpen] = useState(false);
  const tiles = map.data?.tiles ?? null;
  const service = useQuery({ ...portalServiceQuery(serviceId ?? ''), enabled: serviceId !== null });

  const form = useForm<Values>({ initialValues: EMPTY });
  const [photo, setPhoto] = useState<File | null>(null);
  const [website, setWebsite] = useState('');
  // One key per filled form (and one for its photo), kept across retries: the server files it once.
  const [keys, setKeys] = useState(() => ({ complaint: randomId(), photo: randomId() }));
  const [located, setLocated] = useState<Located>({ state: 'idle' });
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const [created, setCreated] = useState<{ created: ComplaintCreated; photo: { ok: boolean; error: unknown } | null } | null>(null);

  const categoryData = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const c of categories.data?.items ?? []) {
      const group = groups.get(c.groupName) ?? [];
      group.push({ value: c.id, label: c.name });
      groups.set(c.groupName, group);
    }
    return [...groups.entries()].map(([group, items]) => ({ group, items }));
  }, [categories.data]);
  const category = categories.data?.items.find((c) => c.id === form.values.categoryId);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocated({ state: 'failed', unsupported: true });
      return;
    }
    setLocated({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        form.setValues({ latitude: Number(position.coords.latitude.toFixed(6)), longitude: Number(position.coords.longitude.toFixed(6)) });
        form.clearFieldError('address');
        form.clearFieldError('longitude');
        setLocated({ state: 'idle' });
      },
      () => setLocated({ state: 'failed', unsupported: false }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const sendPhoto = async (filed: ComplaintCreated, file: File): Promise<{ ok: boolean; error: unknown }> => {
    try {
      await uploadComplaintPhoto(filed.trackingCode, file, filed.photoToken, keys.photo);
      return { ok: true, error: null };
    } catch (error) {
      return { ok: false, error };
    }
  };

  const submit = form.onSubmit(async (values) => {
    if (sending) return;
    setFailure(null);
    setSending(true);
    try {
      const input = {
        categoryId: values.categoryId ?? '',
        serviceId,
        description: values.description,
        address: values.address,
        latitude: values.latitude,
        longitude: values.longitude,
        contactName: values.contactName,
        contactEmail: values.contactEmail,
        contactPhone: values.contactPhone,
      };
      const filed = await fileComplaint(regionCode, input, { idempotencyKey: keys.complaint, honeypot: website });
      const photoResult = photo ? await sendPhoto(filed.data, photo) : null;
      setCreated({ created: filed.data, photo: photoResult });
      window.scrollTo({ top: 0 });
    } catch (error) {
      const unplaced = placeFieldIssues(form, error, FIELDS);
      setFailure({ error, unplaced });
    } finally {
      setSending(false);
    }
  });

  const back = (
    <BackLink
      to={serviceId ? portalServicePath(regionCode, serviceId) : portalPath(regionCode)}
      label={serviceId ? t('portal.backToService') : t('portal.back')}
    />
  );

  if (created) {
    return (
      <Stack gap="md">
        {back}
        <Sent
          created={created.created}
          photo={created.photo}
          onRetryPhoto={async () => {
            if (!photo) return;
            const result = await sendPhoto(created.created, photo);
            setCreated({ ...created, photo: result });
          }}
          onAnother={() => {
            form.setValues(EMPTY);
            form.resetDirty();
            setPhoto(null);
            setKeys({ complaint: randomId(), photo: randomId() });
            setCreated(null);
          }}
        />
      </Stack>
    );
  }

  const hasPoint = form.values.latitude !== null && form.values.longitude !== null;
  const numberText = (n: number | null) => (n === null ? '' : n.toLocaleString(language === 'id' ? 'id-ID' : 'en-ID', { maximumFractionDigits: 6 }));

  return (
    <Stack gap="md">
      {back}
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t('portal.complaintForm.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portal.complaintForm.intro')}
        </Text>
        {service.data ? (
          <Text size="sm" fw={600}>
            {t('portal.complaintForm.service', { name: service.data.name })}
          </Text>
        ) : null}
      </Stack>
      {categories.isError ? <QueryError error={categories.error} onRetry={() => void categories.refetch()} /> : null}
      {categories.data && categories.data.items.length === 0 ? (
        <Alert color="yellow" variant="light">
          {t('portal.complaintForm.noCategories')}
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <Stack gap="md">
              <Select
                label={t('portal.complaintForm.category')}
                placeholder={t('portal.complaintForm.categoryPlaceholder')}
                withAsterisk
                searchable
                size="md"
                data={categoryData}
                nothingFoundMessage={t('portal.noMatch.title')}
                description={category ? t('portal.complaintForm.categoryUnit', { unit: category.unitName, days: category.slaDays }) : undefined}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('categoryId')}
              />
              <Textarea
                label={t('portal.complaintForm.description')}
                description={t('portal.complaintForm.descriptionHint')}
                withAsterisk
                size="md"
                autosize
                minRows={4}
                maxLength={4000}
                {...form.getInputProps('description')}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="complaint-location">
            <Stack gap="sm">
              <Title order={2} size="h4" id="complaint-location">
                {t('portal.complaintForm.location')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('portal.complaintForm.locationHint')}
              </Text>
              <TextInput
                label={t('portal.complaintForm.address')}
                size="md"
                maxLength={300}
                autoComplete="street-address"
                {...form.getInputProps('address')}
              />
              <Group gap="sm">
                <Button
                  variant="default"
                  onClick={locate}
                  loading={located.state === 'locating'}
                  leftSection={<IconCurrentLocation size={18} aria-hidden />}
                >
                  {t('portal.complaintForm.useLocation')}
                </Button>
                {tiles ? (
                  <Button
                    variant="default"
                    onClick={() => setMapOpen((open) => !open)}
                    aria-expanded={mapOpen}
                    leftSection={<IconMap size={18} aria-hidden />}
                  >
                    {mapOpen ? t('portal.complaintForm.mapHide') : t('portal.complaintForm.mapShow')}
                  </Button>
                ) : null}
                {hasPoint ? (
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" role="status">
                      {t('portal.complaintForm.locationSet', { lat: numberText(form.values.latitude), lng: numberText(form.values.longitude) })}
                    </Text>
                    <Button
                      variant="subtle"
                      color="gray"
                      size="compact-sm"
                      aria-label={t('portal.complaintForm.clearLocation')}
                      onClick={() => form.setValues({ latitude: null, longitude: null })}
                    >
                      <IconX size={16} aria-hidden />
                    </Button>
                  </Group>
                ) : null}
              </Group>
              {mapOpen && map.data && tiles ? (
                <LocationMap
                  settings={{ ...map.data, tiles }}
                  latitude={form.values.latitude}
                  longitude={form.values.longitude}
                  onPick={(latitude, longitude) => {
                    form.setValues({ latitude, longitude });
                    form.clearFieldError('address');
                    form.clearFieldError('longitude');
                  }}
                />
              ) : null}
              {located.state === 'failed' ? (
                <Text size="sm" c="orange" role="alert">
                  {located.unsupported ? t('portal.complaintForm.locationUnsupported') : t('portal.complaintForm.locationDenied')}
                </Text>
              ) : null}
              {form.errors.latitude || form.errors.longitude ? (
                <Text size="sm" c="red.9">
                  {form.errors.latitude ?? form.errors.longitude}
                </Text>
              ) : null}
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
            <FileInput
              label={t('portal.complaintForm.photo')}
              description={t('portal.complaintForm.photoHint')}
              placeholder={t('portal.complaintForm.photoPlaceholder')}
              // The placeholder is the button's visible text here: a darker grey keeps it readable.
              styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
              accept="image/jpeg,image/png,image/webp,image/gif"
              size="md"
              clearable
              leftSection={<IconPhoto size={18} aria-hidden />}
              value={photo}
              onChange={setPhoto}
            />
          </Paper>

          <Paper
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'lg' }}
            component="section"
            aria-labelledby="complaint-contact"
            aria-describedby="complaint-contact-private"
          >
            <Stack gap="sm">
              <Title order={2} size="h4" id="complaint-contact">
                {t('portal.complaintForm.contact')}
              </Title>
              <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} id="complaint-contact-private" p="xs">
                <Text size="sm">{t('portal.complaintForm.contactPrivate')}</Text>
              </Alert>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label={t('portal.complaintForm.contactName')}
                  size="md"
                  autoComplete="name"
                  maxLength={120}
                  {...form.getInputProps('contactName')}
                />
                <TextInput
                  label={t('portal.complaintForm.contactEmail')}
                  type="email"
                  size="md"
                  autoComplete="email"
                  maxLength={200}
                  {...form.getInputProps('contactEmail')}
                />
                <TextInput
                  label={t('portal.complaintForm.contactPhone')}
                  type="tel"
                  size="md"
                  autoComplete="tel"
                  maxLength={20}
                  {...form.getInputProps('contactPhone')}
                />
              </SimpleGrid>
            </Stack>
          </Paper>

          <HoneypotField value={website} onChange={setWebsite} />
          {failure && !isFullyPlaced(failure.error, failure.unplaced) ? <FormErrorAlert error={failure.error} unplaced={failure.unplaced} /> : null}
          <Button type="submit" size="lg" loading={sending} leftSection={<IconSend size={20} aria-hidden />} fullWidth>
            {t('portal.complaintForm.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
