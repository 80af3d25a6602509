/** Akun Saya: who I am here, and changing my own password (other sessions end; this one stays). */
import { Button, Grid, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { changePasswordBody, PASSWORD_MIN } from '#shared/api/auth.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { changePassword } from '../api/auth.api.ts';
import { isApiError } from '../api/http.ts';
import { FormErrorAlert } from '../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../components/form-issues.ts';
import { PageHeader } from '../components/page-header.tsx';
import { PasswordStrength, usePasswordEstimator, usePasswordRefusal } from '../components/password-strength.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { NotificationPreferencesPanel } from '../features/notifications/notification-preferences.tsx';
import { useSignedInUser } from '../session/session.tsx';

const validateShape = schemaResolver(changePasswordBody, { sync: true });

function Profile() {
  const { t } = useI18n();
  const { user } = useSignedInUser();
  const rows: [string, string][] = [
    [t('account.username'), user.username],
    [t('account.displayName'), user.displayName],
    [t('account.email'), user.email ?? '—'],
    [t('account.role'), t(`role.${user.role}`)],
    [t('account.region'), user.region ? `${user.region.name} (${user.region.code})` : t('account.national')],
    [t('account.unit'), user.unit?.name ?? '—'],
  ];
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb="sm">
        {t('account.profile')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={150}>{label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ChangePassword() {
  const { t } = useI18n();
  const { user } = useSignedInUser();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const estimator = usePasswordEstimator();
  const passwordRefusal = usePasswordRefusal(estimator);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => {
      const errors = validateShape(values);
      if (!values.currentPassword) errors.currentPassword = t('account.currentRequired');
      if (values.newPassword && values.confirmPassword !== values.newPassword) errors.confirmPassword = t('account.passwordMismatch');
      if (!errors.newPassword) {
        const refusal = passwordRefusal(values.newPassword, user);
        if (refusal) errors.newPassword = refusal;
      }
      return errors;
    },
  });
  const change = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) => changePassword(values),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('account.passwordChanged') });
      form.reset();
    },
    onError: (error) => {
      // A wrong current password belongs next to that field, like any other field error.
      if (isApiError(error, 'WRONG_PASSWORD')) form.setFieldError('currentPassword', t('account.wrongPassword'));
      setUnplaced(placeFieldIssues(form, error, ['currentPassword', 'newPassword']));
    },
  });
  const isWrongPassword = isApiError(change.error, 'WRONG_PASSWORD');
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb={4}>
        {t('account.passwordTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.passwordText')}
      </Text>
      <form noValidate onSubmit={form.onSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }))}>
        <Stack>
          {change.error && !isWrongPassword && !isFullyPlaced(change.error, unplaced) ? (
            <FormErrorAlert error={change.error} unplaced={unplaced} />
          ) : null}
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            withAsterisk
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
            {...form.getInputProps('currentPassword')}
          />
          <Stack gap={6}>
            <PasswordInput
              label={t('account.newPassword')}
              description={t('userForm.passwordHint', { min: PASSWORD_MIN })}
              autoComplete="new-password"
              withAsterisk
              visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
              {...form.getInputProps('newPassword')}
            />
            <PasswordStrength
              password={form.values.newPassword}
              owner={user}
              estimator={estimator}
              hasFieldError={Boolean(form.errors.newPassword)}
            />
          </Stack>
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            withAsterisk
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
            {...form.getInputProps('confirmPassword')}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('account.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Profile />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ChangePassword />
        </Grid.Col>
        <Grid.Col span={12}>
          <NotificationPreferencesPanel />
        </Grid.Col>
      </Grid>
    </>
  );
}
