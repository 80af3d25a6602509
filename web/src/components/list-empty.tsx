import { EmptyState } from '@mantine/core';
import { IconInbox, IconSearchOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** An empty list: either nothing exists yet (with what to do about it) or the filters match nothing. */
export function ListEmpty({
  kind,
  title,
  description,
  actions,
}: {
  kind: 'empty' | 'no-match';
  title: string;
  description: string;
  actions?: ReactNode;
}) {
  const Icon = kind === 'empty' ? IconInbox : IconSearchOff;
  return (
    <EmptyState py="xl" icon={<Icon aria-hidden />} withIndicatorBackground>
      <EmptyState.Title order={2}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {actions ? <EmptyState.Actions>{actions}</EmptyState.Actions> : null}
    </EmptyState>
  );
}
