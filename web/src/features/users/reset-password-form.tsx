/** An admin sets a new password for an account (the user forgot theirs); its sessions end. */
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { PASSWORD_MIN } from '#shared/api/auth.ts';
import { userPasswordReset } from '#shared/api/users.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { resetUserPassword, type User } from '../../api/users.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { PasswordStrength, usePasswordEstimator, usePasswordRefusal } from '../../components/password-strength.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const validateShape = schemaResolver(userPasswordReset, { sync: true });

export function ResetPasswordForm({ regionCode, user, onDone }: { regionCode: string; user: User; onDone: () => void }) {
  const { t } = useI18n();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const estimator = usePasswordEstimator();
  const passwordRefusal = usePasswordRefusal(estimator);
  const form = useForm({
    initialValues: { password: '' },
    validate: (values) => {
      const errors = validateShape(values);
      if (!errors.password) {
        const refusal = passwordRefusal(values.password, user);
        if (refusal) errors.password = refusal;
      }
      return errors;
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) => resetUserPassword(regionCode, user.id, password),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('users.passwordReset', { username: user.username }) });
      onDone();
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, ['password'])),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => reset.mutate(values.password))}>
      <Stack>
        <Text size="sm">{t('resetPassword.text')}</Text>
        {reset.error && !isFullyPlaced(reset.error, unplaced) ? <FormErrorAlert error={reset.error} unplaced={unplaced} /> : null}
        <Stack gap={6}>
          <PasswordInput
            label={t('resetPassword.password')}
            description={t('userForm.passwordHint', { min: PASSWORD_MIN })}
            withAsterisk
            autoComplete="new-password"
            data-autofocus
            visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
            {...form.getInputProps('password')}
          />
          <PasswordStrength password={form.values.password} owner={user} estimator={estimator} hasFieldError={Boolean(form.errors.password)} />
        </Stack>
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
