import { Collapse, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';

/**
 * A section with its heading. On wider screens it is always open; on a phone the heading is a button
 * that unfolds it, so what the user came for (a list further down) is not pushed off the screen.
 */
export function FoldOnPhone({ title, children }: { title: string; children: ReactNode }) {
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  if (!isMobile) {
    return (
      <div>
        <Title order={2} size="h5" mb="sm">
          {title}
        </Title>
        {children}
      </div>
    );
  }
  return (
    <div>
      <UnstyledButton
        onClick={() => setOpen((o) => !o)}
        aria-expanded={isOpen}
        aria-controls={id}
        w="100%"
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}
      >
        <Title order={2} size="h5">
          {title}
        </Title>
        <IconChevronDown size={18} aria-hidden style={{ transform: isOpen ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />
      </UnstyledButton>
      <Collapse expanded={isOpen} id={id}>
        <div style={{ paddingTop: 'var(--mantine-spacing-sm)' }}>{children}</div>
      </Collapse>
    </div>
  );
}
