/**
 * The notification settings on the account page: the language notifications and e-mails are written
 * in, and per kind whether it is also e-mailed, at once or in the daily digest. In the app (the bell)
 * every kind always shows.
 */
import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { type Delivery, NOTIFICATION_KINDS, type NotificationKind } from '#shared/api/notifications.ts';
import { type NotificationPreferences, notificationPreferencesQueryOptions, saveNotificationPreferences } from '../../api/notifications.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { TableSkeleton } from '../../components/table-skeleton.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Choices = NotificationPreferences['kinds'];

export function NotificationPreferencesPanel() {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery(notificationPreferencesQueryOptions());
  const { hash } = useLocation();
  const panel = useRef<HTMLDivElement>(null);
  // The centre's "Atur notifikasi" link lands here: bring the settings into view once they have loaded.
  const isLoaded = query.data !== undefined;
  useEffect(() => {
    if (hash === '#notifikasi' && isLoaded) panel.current?.scrollIntoView({ block: 'start' });
  }, [hash, isLoaded]);
  const [language, setLanguage] = useState<'id' | 'en'>('id');
  const [kinds, setKinds] = useState<Choices>([]);
  useEffect(() => {
    if (!query.data) return;
    setLanguage(query.data.language);
    setKinds(query.data.kinds);
  }, [query.data]);
  const save = useMutation({
    mutationFn: () => saveNotificationPreferences({ language, kinds }),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationPreferencesQueryOptions().queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['me', 'notifications', 'list'] });
      toasts.show({ color: 'green', message: t('notifications.prefs.saved') });
    },
  });
  const change = (kind: NotificationKind, patch: { email?: boolean; delivery?: Delivery }) =>
    setKinds((all) => all.map((k) => (k.kind === kind ? { ...k, ...patch } : k)));

  return (
    <Paper withBorder radius="md" p="lg" id="notifikasi" ref={panel}>
      <Title order={2} size="h4" mb={4}>
        {t('notifications.prefs.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('notifications.prefs.text')}
      </Text>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <TableSkeleton rows={6} /> : null}
      {query.data ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            {!query.data.emailEnabled ? (
              <Alert color="gray" variant="light">
                {t('notifications.prefs.mailOff')}
              </Alert>
            ) : !query.data.hasEmailAddress ? (
              <Alert color="yellow" variant="light">
                {t('notifications.prefs.noAddress')}
              </Alert>
            ) : null}
            <Select
              label={t('notifications.prefs.language')}
              value={language}
              onChange={(v) => setLanguage(v === 'en' ? 'en' : 'id')}
              allowDeselect={false}
              data={[
                { value: 'id', label: 'Bahasa Indonesia' },
                { value: 'en', label: 'English' },
              ]}
              w={{ base: '100%', sm: 280 }}
            />
            <Stack component="ul" gap={0} p={0} m={0} aria-label={t('notifications.prefs.kind')}>
              {kinds.map((k) => {
                const def = NOTIFICATION_KINDS[k.kind];
                const label = pick(def.label);
                return (
                  <Group
                    component="li"
                    key={k.kind}
                    justify="space-between"
                    wrap="wrap"
                    gap="xs"
                    py="xs"
                    style={{ listStyle: 'none', borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                  >
                    <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                      <Text size="sm">{label}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`notifications.area.${def.area}`)}
                      </Text>
                    </div>
                    <Group gap="md" wrap="nowrap">
                      <Checkbox
                        label={t('notifications.prefs.email')}
                        checked={k.email}
                        onChange={(e) => change(k.kind, { email: e.currentTarget.checked })}
                        aria-label={t('notifications.prefs.emailOf', { kind: label })}
                      />
                      <SegmentedControl
                        size="xs"
                        disabled={!k.email}
                        value={k.delivery}
                        onChange={(v) => change(k.kind, { delivery: v as Delivery })}
                        aria-label={t('notifications.prefs.deliveryOf', { kind: label })}
                        data={[
                          { value: 'immediate', label: t('notifications.prefs.immediate') },
                          { value: 'digest', label: t('notifications.prefs.digest') },
                        ]}
                      />
                    </Group>
                  </Group>
                );
              })}
            </Stack>
            <FormErrorAlert error={save.error} />
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('notifications.prefs.save')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}
