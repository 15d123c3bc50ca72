import type { ReactNode } from 'react';
import { Tag } from '@trussworks/react-uswds';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { SOURCE_KIND_LABEL, cellDiffers, type Cell, type ComparisonRow } from './reported-versions';

export interface VersionSource {
  source: string | null;
  sourceKind: string;
  receivedAt: string;
  fromMergedRecord: boolean;
}

/** A column heading for one source's version: who sent it, how, and when it arrived. */
export function SourceHeading({ version, note }: { version: VersionSource; note?: ReactNode }) {
  return (
    <>
      <span className="display-block">{version.source ?? 'Unknown source'}</span>
      <span className="display-block font-body-3xs text-normal">
        {SOURCE_KIND_LABEL[version.sourceKind] ?? version.sourceKind} · received {formatDateTime(version.receivedAt)}
      </span>
      {version.fromMergedRecord && <Tag className="bg-base margin-top-05">from a merged record</Tag>}
      {note}
    </>
  );
}

function ComparedCell({ master, cell }: { master: Cell; cell: Cell | null }) {
  if (!cell) return <td className="text-base-dark text-italic">not reported</td>;
  const differs = cellDiffers(master, cell);
  if (!differs) return <td>{cell.text}</td>;
  return (
    <td className="nutmeg-differs" data-differs="true">
      {cell.text}{' '}
      <Tag className="bg-secondary-dark" data-testid="differs">
        Differs<span className="usa-sr-only"> from the consolidated record</span>
      </Tag>
    </td>
  );
}

/**
 * Rows = fields, columns = the consolidated record and each compared version; a value that differs from the
 * consolidated one is tinted and tagged "Differs" (text, so it does not rest on colour alone). Past a few
 * versions the table scrolls sideways on purpose (the region is marked so, and focusable); on a phone each
 * field becomes a card listing every version under its source's name (`label`).
 */
export function ReportComparisonTable({
  caption,
  masterHeading,
  masterLabel,
  versions,
  rows,
  testId,
}: {
  caption: string;
  masterHeading: ReactNode;
  masterLabel: string;
  versions: Array<{ key: string; heading: ReactNode; label: string }>;
  rows: ComparisonRow[];
  testId: string;
}) {
  return (
    <div
      className="nutmeg-comparison nutmeg-scroll-x"
      data-testid={testId}
      data-scroll-sideways="deliberate"
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <StackedTable bordered compact fullWidth headers caption={caption}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col" data-label={masterLabel}>
              {masterHeading}
            </th>
            {versions.map((v) => (
              <th scope="col" key={v.key} data-label={v.label}>
                {v.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-field={row.field}>
              <th scope="row">{row.label}</th>
              <td>{row.master.text}</td>
              {row.others.map((c, i) => (
                <ComparedCell key={versions[i]?.key ?? i} master={row.master} cell={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </div>
  );
}

/** How many fields differ from the consolidated record in at least one version. */
export function countDiffering(rows: ComparisonRow[]): number {
  return rows.filter((r) => r.others.some((c) => cellDiffers(r.master, c))).length;
}
