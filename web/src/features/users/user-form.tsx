/**
 * Creating or editing an account. Checked with the shared `userCreate` / `userUpdate` schemas; an
 * operator needs a unit, chosen from the region's units.
 */
import { Button, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PASSWORD_MIN } from '#shared/api/auth.ts';
import { userCreate, userUpdate } from '#shared/api/users.ts';
import type { FieldIssue } from '#shared/errors.ts';
import { createUser, type User, updateUser, usersKey } from '../../api/users.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { isFullyPlaced, placeFieldIssues } from '../../components/form-issues.ts';
import { PasswordStrength, usePasswordEstimator, usePasswordRefusal } from '../../components/password-strength.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { isRole, REGIONAL_ROLES } from './roles.ts';

interface Values {
  username: string;
  displayName: string;
  email: string;
  role: string | null;
  unitId: string | null;
  password: string;
}

const FIELDS = ['username', 'displayName', 'email', 'role', 'unitId', 'password'] as const;
const validateCreate = schemaResolver(userCreate, { sync: true });
const validateUpdate = schemaResolver(userUpdate, { sync: true });

export function UserForm({ regionCode, user, onDone }: { regionCode: string; user: User | null; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);
  const isEdit = user !== null;
  const estimator = usePasswordEstimator(!isEdit);
  const passwordRefusal = usePasswordRefusal(estimator);
  // The new account's own names: the password must not be (or lean on) them.
  const ownerOf = (values: Values) => ({ username: values.username, displayName: values.displayName, email: values.email });

  const form = useForm<Values>({
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      email: user?.email ?? '',
      role: user?.role ?? null,
      unitId: user?.unitId ?? null,
      password: '',
    },
    validate: (values) => {
      const errors = isEdit ? validateUpdate({ ...values, version: user.version }) : validateCreate(values);
      if (!values.role) errors.role = t('userForm.roleRequired');
      if (values.role === 'operator' && !values.unitId) errors.unitId = t('userForm.unitRequired');
      if (!isEdit && !errors.password) {
        const refusal = passwordRefusal(values.password, ownerOf(values));
        if (refusal) errors.password = refusal;
      }
      return errors;
    },
  });

  const save = useMutation({
    mutationFn: (values: Values) => {
      if (!isRole(values.role)) throw new Error('The role is validated before submitting');
      const fields = { displayName: values.displayName, email: values.email, role: values.role, unitId: values.unitId };
      return user
        ? updateUser(regionCode, user.id, { ...fields, version: user.version })
        : createUser(regionCode, { ...fields, username: values.username, password: values.password });
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'green', message: t(isEdit ? 'users.updated' : 'users.created', { username: saved.username }) });
      await queryClient.invalidateQueries({ queryKey: usersKey(regionCode) });
      await queryClient.invalidateQueries({ queryKey: ['regions', regionCode] });
      onDone();
    },
    onError: (error) => setUnplaced(placeFieldIssues(form, error, FIELDS)),
  });

  const isOperator = form.values.role === 'operator';
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        {save.error && !isFullyPlaced(save.error, unplaced) ? <FormErrorAlert error={save.error} unplaced={unplaced} /> : null}
        <TextInput
          label={t('userForm.username')}
          description={isEdit ? undefined : t('userForm.usernameHint')}
          withAsterisk={!isEdit}
          disabled={isEdit}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus={isEdit ? undefined : true}
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('userForm.displayName')}
          withAsterisk
          autoComplete="off"
          data-autofocus={isEdit ? true : undefined}
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label={t('userForm.email')}
          description={t('userForm.emailHint')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <Select
          label={t('userForm.role')}
          withAsterisk
          allowDeselect={false}
          data={REGIONAL_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          {...form.getInputProps('role')}
        />
        <UnitSelect
          regionCode={regionCode}
          label={t('userForm.unit')}
          placeholder={t('userForm.unitPlaceholder')}
          description={isOperator ? t('userForm.unitHintOperator') : t('userForm.unitHintOptional')}
          withAsterisk={isOperator}
          value={form.values.unitId}
          current={user?.unitId && user.unitName ? { id: user.unitId, name: user.unitName, shortName: null, kind: null } : null}
          error={form.errors.unitId}
          onChange={(unit) => form.setFieldValue('unitId', unit?.id ?? null)}
        />
        {isEdit ? null : (
          <Stack gap={6}>
            <PasswordInput
              label={t('userForm.password')}
              description={t('userForm.passwordHint', { min: PASSWORD_MIN })}
              withAsterisk
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
              {...form.getInputProps('password')}
            />
            <PasswordStrength
              password={form.values.password}
              owner={ownerOf(form.values)}
              estimator={estimator}
              hasFieldError={Boolean(form.errors.password)}
            />
          </Stack>
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
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
