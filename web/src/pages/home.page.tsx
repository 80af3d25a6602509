/** Beranda: the user's tasks (Tugas saya), the current region at a glance (units and accounts), and where to go from here. */
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { type Icon, IconBuildingCommunity, IconBulb, IconHistory, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import { MyTasks } from '../features/tugas/my-tasks.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.id.ts';
import { useRegion } from '../session/region.tsx';
import { useSignedInUser } from '../session/session.tsx';

function StatCard(props: { icon: Icon; label: string; value: string; hint: string; link?: { to: string; label: MessageKey } }) {
  const { t } = useI18n();
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed" fw={600}>
            {props.label}
          </Text>
          <Text fz={36} fw={800} lh={1.1}>
            {props.value}
          </Text>
          <Text size="sm" c="dimmed">
            {props.hint}
          </Text>
        </Stack>
        <ThemeIcon size={44} radius="md" variant="light">
          <props.icon size={24} aria-hidden />
        </ThemeIcon>
      </Group>
      {props.link ? (
        <Anchor component={Link} to={props.link.to} size="sm" mt="md" display="inline-block">
          {t(props.link.label)}
        </Anchor>
      ) : null}
    </Card>
  );
}

export function HomePage() {
  const { t, formatNumber } = useI18n();
  const me = useSignedInUser();
  const { region, regionCode, can } = useRegion();
  const name = region?.name ?? regionCode;
  return (
    <>
      <PageHeader
        title={name}
        description={
          <Group gap="xs" component="span" wrap="nowrap" align="flex-start">
            {region ? <Badge variant="light">{t(`region.kind.${region.kind}`)}</Badge> : null}
            <span>
              {t('region.code', { code: regionCode })}
              {region?.province ? ` · ${t('region.kind.provinsi')} ${region.province.name}` : ''}
            </span>
          </Group>
        }
      />
      <Stack gap="lg">
        <Text>
          {t('home.welcome', { name: me.user.displayName })} {t('home.signedInAs', { role: t(`role.${me.user.role}`) })}
        </Text>
        <MyTasks regionCode={regionCode} role={me.user.role} hasUnit={me.user.unit != null} />
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
          {region && can('units.read') ? (
            <StatCard
              icon={IconBuildingCommunity}
              label={t('home.units')}
              value={formatNumber(region.unitCount)}
              hint={t('home.unitsHint')}
              link={{ to: '/perangkat-daerah', label: can('units.write') ? 'home.manageUnits' : 'home.viewUnits' }}
            />
          ) : null}
          {region && can('users.read') ? (
            <StatCard
              icon={IconUsers}
              label={t('home.users')}
              value={formatNumber(region.userCount)}
              hint={t('home.usersHint')}
              link={{ to: '/pengguna', label: 'home.manageUsers' }}
            />
          ) : null}
          {can('innovations.read') ? (
            <Card withBorder radius="md" padding="lg">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon size={44} radius="md" variant="light" color="yellow">
                  <IconBulb size={24} aria-hidden />
                </ThemeIcon>
                <Stack gap={4}>
                  <Text fw={600}>{t('home.innovations')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('home.innovationsHint')}
                  </Text>
                  <Group gap="md">
                    <Anchor component={Link} to="/inovasi" size="sm">
                      {t('home.openInnovations')}
                    </Anchor>
                    {can('dashboard.read') ? (
                      <Anchor component={Link} to="/capaian-target" size="sm">
                        {t('nav.dashboard')}
                      </Anchor>
                    ) : null}
                  </Group>
                </Stack>
              </Group>
            </Card>
          ) : null}
          {can('audit.read') ? (
            <Card withBorder radius="md" padding="lg">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon size={44} radius="md" variant="light" color="gray">
                  <IconHistory size={24} aria-hidden />
                </ThemeIcon>
                <Stack gap={4}>
                  <Text fw={600}>{t('nav.audit')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('home.auditHint')}
                  </Text>
                  <Anchor component={Link} to="/log-audit" size="sm">
                    {t('home.openAudit')}
                  </Anchor>
                </Stack>
              </Group>
            </Card>
          ) : null}
        </SimpleGrid>
      </Stack>
    </>
  );
}
