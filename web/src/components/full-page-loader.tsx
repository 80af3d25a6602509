import { Center, Loader } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** Shown while the session is being checked, before anything else can render. */
export function FullPageLoader() {
  const { t } = useI18n();
  return (
    <Center h="100dvh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
