import { useLayoutEffect, useRef, type ComponentProps } from 'react';
import { Table } from '@trussworks/react-uswds';

/**
 * A USWDS table that becomes one card per row on a phone (below 480 px) instead of scrolling sideways: each
 * body cell is labelled with its column's header (its `data-label`, else its text; USWDS shows the label above
 * the value), so callers write an ordinary table. With `headers` the first cell of a row is the card's heading.
 */
export function StackedTable({
  headers = false,
  testId,
  ...props
}: Omit<ComponentProps<typeof Table>, 'stackedStyle' | 'scrollable'> & { headers?: boolean; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // After every render (rows come and go): React does not own these attributes, callers never set them.
  useLayoutEffect(() => {
    const table = ref.current?.querySelector('table');
    if (!table) return;
    const labels = [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('data-label') ?? th.textContent?.trim() ?? '');
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        const label = labels[i];
        if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      });
    }
  });
  return (
    <div ref={ref} className="nutmeg-table" data-testid={testId}>
      <Table {...props} stackedStyle={headers ? 'headers' : 'default'} />
    </div>
  );
}
