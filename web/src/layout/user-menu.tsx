import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUser, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useLogout, useSignedInUser } from '../session/session.tsx';

/** The signed-in user, with their account page and logging out. */
export function UserMenu() {
  const { t } = useI18n();
  const me = useSignedInUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const name = me.user.displayName;
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.label', { name })} p={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Group gap={8} wrap="nowrap">
            {/*
              A figure rather than initials: the button's visible text must be part of its spoken name
              (speech control), and "AB" read out before the name would only be noise.
            */}
            <Avatar size={32} radius="xl" color="blue" aria-hidden>
              <IconUser size={18} stroke={1.8} />
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate>
              {name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.username} · {t(`role.${me.user.role}`)}
        </Menu.Label>
        <Menu.Item component={Link} to="/akun" leftSection={<IconUserCircle size={16} aria-hidden />}>
          {t('nav.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/masuk', { replace: true }) })}
        >
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
