/**
 * A table wider than a phone (scrolled sideways) or longer than its box (scrolled down): the region takes
 * keyboard focus and carries a name, so someone without a pointer can scroll it too (Mantine's scroll
 * containers cannot take focus).
 */
import type { ReactNode } from 'react';

export function ScrollRegion({
  label,
  minWidth,
  maxHeight,
  children,
}: {
  label: string;
  minWidth?: number;
  maxHeight?: number;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section aria-label={label} tabIndex={0} style={maxHeight === undefined ? { overflowX: 'auto' } : { overflow: 'auto', maxHeight }}>
      {minWidth === undefined ? children : <div style={{ minWidth }}>{children}</div>}
    </section>
  );
}
