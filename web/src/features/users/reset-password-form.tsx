/** An admin sets a new password for an account (the user forgot theirs); its sessions end. */
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { PASSWORD_MIN } from '#shared/api/auth.ts';
import { userPasswordReset } from '#shared/api/users.ts';
import { resetUserPassword, type User } from '../../api/users.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { placeFieldIssues } from '../../components/form-issues.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function ResetPasswordForm({ regionCode, user, onDone }: { regionCode: string; user: User; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({ initialValues: { password: '' }, validate: schemaResolver(userPasswordReset, { sync: true }) });
  const reset = useMutation({
    mutationFn: (password: string) => resetUserPassword(regionCode, user.id, password),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('users.passwordReset', { username: user.username }) });
      onDone();
    },
    onError: (error) => placeFieldIssues(form, error, ['password']),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => reset.mutate(values.password))}>
      <Stack>
        <Text size="sm">{t('resetPassword.text')}</Text>
        {reset.error ? <FormErrorAlert error={reset.error} /> : null}
        <PasswordInput
          label={t('resetPassword.password')}
          description={t('userForm.passwordHint', { min: PASSWORD_MIN })}
          withAsterisk
          autoComplete="new-password"
          data-autofocus
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t('resetPassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
