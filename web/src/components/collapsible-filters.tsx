import { Button, Collapse, Group } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Filters beside a list's search. On wider screens they show in the same row; on a phone they fold
 * behind a "Filter" button (with the number in use), so the results are not pushed below the fold.
 * Place it inside the filter row (a wrapping Group).
 */
export function CollapsibleFilters({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const { t } = useI18n();
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  if (!isMobile) return <>{children}</>;
  return (
    <>
      <Button
        variant={activeCount > 0 ? 'light' : 'default'}
        leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen((open) => !open)}
      >
        {activeCount > 0 ? t('common.filtersActive', { n: activeCount }) : t('common.filters')}
      </Button>
      <Collapse expanded={isOpen} id={id} w="100%">
        <Group gap="sm" align="flex-end">
          {children}
        </Group>
      </Collapse>
    </>
  );
}
