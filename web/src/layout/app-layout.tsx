/**
 * The app shell: header (menu button on phones, name, language, account), the navbar by module with
 * the region on top, and the page. Under the `sm` breakpoint the navbar folds away behind the burger
 * and is made inert while folded, so keyboard users do not tab into links they cannot see.
 */
import { AppShell, Box, Burger, Center, Group, Loader, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { QueryError } from '../components/query-error.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { NotificationBell } from '../features/notifications/notification-bell.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import classes from './app-layout.module.css';
import { useSignedInUser } from '../session/session.tsx';
import { NAV_SECTIONS } from './navigation.ts';
import { RegionPanel } from './region-panel.tsx';
import { UserMenu } from './user-menu.tsx';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const { can, region } = useRegion();
  const { role } = useSignedInUser().user;
  const { pathname } = useLocation();
  return (
    <Stack gap="md">
      {NAV_SECTIONS.map((section) => {
        const items = section.items
          .filter((item) => !item.permission || (region !== undefined && can(item.permission)))
          .filter((item) => !item.onlyFor || item.onlyFor.includes(role))
          .filter((item) => !item.regionKinds || (region !== undefined && item.regionKinds.includes(region.kind)))
          .sort((a, b) => Number(b.firstFor?.includes(role) ?? false) - Number(a.firstFor?.includes(role) ?? false));
        if (items.length === 0) return null;
        return (
          <Box key={section.label ?? 'top'}>
            {section.label ? (
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} px="sm" mb={4}>
                {t(section.label)}
              </Text>
            ) : null}
            {items.map((item) => {
              const to = item.perRegion && region ? `${item.to}/${region.code}` : item.to;
              const active = isActive(pathname, to);
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={to}
                  label={t(item.label)}
                  leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  className={classes.navLink}
                />
              );
            })}
          </Box>
        );
      })}
    </Stack>
  );
}

function RegionGate() {
  const { regionQuery } = useRegion();
  if (regionQuery.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (regionQuery.isError) return <QueryError error={regionQuery.error} onRetry={() => void regionQuery.refetch()} />;
  return <Outlet />;
}

export function AppLayout() {
  const { t } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const { pathname } = useLocation();

  // A new page starts at the top; on a phone the navbar folds away once a link is chosen.
  useEffect(() => {
    if (pathname) window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls="app-navbar"
            />
            <Link to="/" className={classes.brand} aria-label={t('app.homeLink')}>
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text component="span" fw={800} size="lg">
                Sinergi
              </Text>
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" aria-label={t('nav.label')} p="sm" inert={isMobile && !opened}>
        <AppShell.Section mb="md" px="xs" pt="xs" pb="md" className={classes.regionSection}>
          <RegionPanel />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} type="auto">
          <Navigation onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <RegionGate />
      </AppShell.Main>
    </AppShell>
  );
}
