/**
 * The shell of the public pages (the innovation catalogue): no login, a simple header with the name,
 * the language and a way to sign in (or back into the app for someone signed in).
 */
import { Box, Button, Container, Group, Text } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useMe } from '../session/session.tsx';
import classes from './public-layout.module.css';

export function PublicLayout() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Box className={classes.page}>
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Link to="/katalog" className={classes.brand} aria-label={t('catalogue.homeLink', { brand: t('catalogue.brand') })}>
              <img src="/favicon.svg" alt="" width={28} height={28} />
              {/* The space keeps "Sinergi" and the catalogue's name two words, as the link's spoken name has them. */}
              <Text component="span" fw={800} size="lg">
                Sinergi
              </Text>{' '}
              <Text component="span" c="dimmed" size="sm" visibleFrom="xs">
                {t('catalogue.brand')}
              </Text>
            </Link>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              {me.data ? (
                <Button component={Link} to="/" size="xs" variant="light">
                  {t('catalogue.toApp')}
                </Button>
              ) : (
                <Button component={Link} to="/masuk" size="xs" variant="light" leftSection={<IconLogin size={14} aria-hidden />}>
                  {t('login.submit')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" py="lg" className={classes.main}>
        <Outlet />
      </Container>
    </Box>
  );
}
