/**
 * Deleting a service, after confirmation. A service with survey answers or complaints cannot be
 * deleted (they are the region's record of it); the refusal says so and offers what the clerk
 * usually wants instead: deactivating it, which hides it from the portal and keeps its history.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEyeOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/http.ts';
import { deleteService, type Service, servicesKey, updateService } from '../../api/services.api.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The service as it is, switched off: the same body an edit would send. */
function deactivated(service: Service) {
  const { id: _id, regionCode: _r, unitName: _u, applicationNames: _a, updatedAt: _t, ...fields } = service;
  return { ...fields, isActive: false };
}

export function ServiceDeleteDialog({
  regionCode,
  service,
  opened,
  onClose,
}: {
  regionCode: string;
  service: Service | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (s: Service) => deleteService(regionCode, s.id),
    onSuccess: async (_ok, s) => {
      notifications.show({ color: 'green', closeButtonProps: { 'aria-label': t('common.close') }, message: t('layanan.deleted', { name: s.name }) });
      onClose();
      await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
    },
  });
  const deactivate = useMutation({
    mutationFn: (s: Service) => updateService(regionCode, s.id, deactivated(s)),
    onSuccess: async (s) => {
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': t('common.close') },
        message: t('layanan.deactivated', { name: s.name }),
      });
      onClose();
      await queryClient.invalidateQueries({ queryKey: servicesKey(regionCode) });
    },
  });
  const isInUse = isApiError(remove.error, 'SERVICE_IN_USE');

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('layanan.delete.title')}
      centered
      onExitTransitionEnd={() => {
        remove.reset();
        deactivate.reset();
      }}
    >
      <Stack>
        <Text size="sm">{service ? t('layanan.delete.text', { name: service.name }) : ''}</Text>
        <FormErrorAlert error={remove.error ?? deactivate.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {isInUse && service?.isActive ? (
            <Button leftSection={<IconEyeOff size={16} aria-hidden />} loading={deactivate.isPending} onClick={() => deactivate.mutate(service)}>
              {t('layanan.delete.deactivate')}
            </Button>
          ) : (
            <Button color="red" onClick={() => service && remove.mutate(service)} loading={remove.isPending} disabled={isInUse}>
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
