/**
 * The shell of the public service portal: phone first, no login. The header names the region (from
 * the public national list) so a citizen who arrived by a QR code knows whose portal this is; the
 * language switch; a skip link; the main landmark; and a footer with the promise about contact details.
 */
import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { Link, Outlet, useParams } from 'react-router';
import { portalPath } from '../../api/portal.api.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePortalRegionName } from '../../components/portal-region-name.ts';
import classes from './portal.module.css';

export function PortalLayout() {
  const { t } = useI18n();
  const { regionCode } = useParams();
  const regionName = usePortalRegionName(regionCode);
  const brand = (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text component="span" size="xs" c="dimmed" fw={600} tt="uppercase" lh={1.2}>
        {t('portal.title')}
      </Text>{' '}
      {regionName ? (
        <Text component="span" fw={800} size="md" lh={1.25} truncate>
          {regionName}
        </Text>
      ) : null}
    </Stack>
  );
  return (
    <Box className={classes.page}>
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="md" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            {regionCode && regionName ? (
              <Link to={portalPath(regionCode)} className={classes.brand}>
                <img src="/favicon.svg" alt="" width={28} height={28} />
                {brand}
              </Link>
            ) : (
              <span className={classes.brand}>
                <img src="/favicon.svg" alt="" width={28} height={28} />
                {brand}
              </span>
            )}
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="md" py="md" px="sm" className={classes.main}>
        <Outlet />
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size="md" px="sm">
          <Text size="xs" c="dimmed">
            {t('portal.footer')}{' '}
            <Anchor component={Link} to="/katalog" size="xs" underline="always">
              Sinergi
            </Anchor>
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
