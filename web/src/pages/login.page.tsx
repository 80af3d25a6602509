/** Masuk: username (or email) and password. Wrong credentials, a lockout or a deactivated account say so. */
import { Anchor, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { loginBody } from '#shared/api/auth.ts';
import { FormErrorAlert } from '../components/form-error-alert.tsx';
import { placeFieldIssues } from '../components/form-issues.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useLogin, useMe } from '../session/session.tsx';
import classes from './login.module.css';

function returnPath(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string' && state.from.startsWith('/')) {
    return state.from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('login.title')} · Sinergi`);
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: schemaResolver(loginBody, { sync: true }),
  });

  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  const submit = form.onSubmit((values) => {
    login.mutate(values, {
      onSuccess: () => navigate(returnPath(location.state), { replace: true }),
      onError: (error) => {
        placeFieldIssues(form, error, ['username', 'password']);
        form.setFieldValue('password', '');
      },
    });
  });

  return (
    <Box className={classes.page}>
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={6} align="center">
              <img src="/favicon.svg" alt="" width={48} height={48} />
              <Title order={1} size="h2" ta="center">
                {t('login.title')}
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('app.tagline')}
              </Text>
            </Stack>
            <form onSubmit={submit} noValidate>
              <Stack>
                <FormErrorAlert error={login.error} />
                <TextInput
                  label={t('login.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  {...form.getInputProps('username')}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            <Text size="sm" ta="center" c="dimmed">
              {t('login.catalogueText')}{' '}
              <Anchor component={Link} to="/katalog" size="sm">
                {t('login.catalogueLink')}
              </Anchor>
            </Text>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
