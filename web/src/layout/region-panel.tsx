import { Badge, Group, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { useRegion } from '../session/region.tsx';
import { RegionSwitcher } from './region-switcher.tsx';

/** Top of the navbar: which region the app shows; the national admin can change it here. */
export function RegionPanel() {
  const { t } = useI18n();
  const { canSwitch, region, regionCode } = useRegion();
  if (canSwitch) return <RegionSwitcher />;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {t('region.active')}
      </Text>
      <Text fw={600} lh={1.3}>
        {region?.name ?? regionCode}
      </Text>
      <Group gap={6}>
        <Badge size="xs" variant="light">
          {region ? t(`region.kind.${region.kind}`) : ''}
        </Badge>
        <Text size="xs" c="dimmed">
          {regionCode}
        </Text>
      </Group>
    </Stack>
  );
}
