/**
 * A table wider than a phone, scrolled sideways: the region takes keyboard focus and carries a name,
 * so someone without a pointer can scroll it too (Mantine's scroll container cannot take focus).
 */
import type { ReactNode } from 'react';

export function IgaScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}
