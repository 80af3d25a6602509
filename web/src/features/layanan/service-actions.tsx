/**
 * What can be done with one service from the list: edit it, and under "Lainnya" the places it is
 * shared with citizens (its portal page, the QR poster for the counter, the kiosk for a tablet there)
 * and deleting it. Read-only users get the sharing links only.
 */
import { ActionIcon, Group, Menu, Tooltip } from '@mantine/core';
import { IconDeviceTablet, IconDots, IconExternalLink, IconPencil, IconQrcode, IconTrash } from '@tabler/icons-react';
import { type Service, serviceKioskPath, servicePortalPath, servicePosterUrl } from '../../api/services.api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function ServiceActions({
  regionCode,
  service,
  canWrite,
  onEdit,
  onDelete,
}: {
  regionCode: string;
  service: Service;
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {canWrite ? (
        <Tooltip label={t('common.edit')}>
          <ActionIcon variant="subtle" size="lg" aria-label={t('layanan.editLabel', { name: service.name })} onClick={onEdit}>
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
      <Menu position="bottom-end" width={230} shadow="md" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="lg" aria-label={t('layanan.moreLabel', { name: service.name })}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            component="a"
            href={servicePortalPath(regionCode, service.id)}
            target="_blank"
            rel="noopener"
            leftSection={<IconExternalLink size={16} aria-hidden />}
          >
            {t('layanan.action.portal')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={servicePosterUrl(service.id)}
            target="_blank"
            rel="noopener"
            leftSection={<IconQrcode size={16} aria-hidden />}
          >
            {t('layanan.action.poster')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={serviceKioskPath(service.id)}
            target="_blank"
            rel="noopener"
            leftSection={<IconDeviceTablet size={16} aria-hidden />}
          >
            {t('layanan.action.kiosk')}
          </Menu.Item>
          {canWrite ? (
            <>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={onDelete}>
                {t('layanan.action.delete')}
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
