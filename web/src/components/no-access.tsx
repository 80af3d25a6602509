import { EmptyState } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useI18n } from '../i18n/i18n.tsx';

/** Shown instead of a page the user may not open in this region (the server would refuse it too). */
export function NoAccess() {
  const { t } = useI18n();
  useDocumentTitle(`${t('common.noAccess.title')} · Sinergi`);
  return (
    <EmptyState py="xl" icon={<IconLock aria-hidden />} withIndicatorBackground>
      <EmptyState.Title order={1}>{t('common.noAccess.title')}</EmptyState.Title>
      <EmptyState.Description>{t('common.noAccess.text')}</EmptyState.Description>
    </EmptyState>
  );
}
