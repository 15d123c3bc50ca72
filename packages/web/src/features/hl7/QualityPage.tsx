import { useQuery } from '@tanstack/react-query';
import { Alert, Label, Select } from '@trussworks/react-uswds';
import type { Hl7InterfaceList, Hl7RuleQuality } from '@nutmeg/api-types';
import { api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, navigate, useLocation } from '../../router';

const SEVERITY_LABEL: Record<string, string> = { E: 'Error', W: 'Warning', I: 'Information' };
const SEVERITY_COLOR: Record<string, string> = { E: '#b50909', W: '#936f38', I: '#005ea2' };

/**
 * Issues per period as stacked bars (errors, warnings, information), drawn in SVG like the coverage charts: no
 * chart library; the text alternative and the table below carry the same numbers.
 */
function IssueBars({ q }: { q: Hl7RuleQuality }) {
  const totals = q.periods.map((_, i) =>
    (['E', 'W', 'I'] as const).map((sev) => q.rules.filter((r) => r.severity === sev).reduce((n, r) => n + (r.counts[i] ?? 0), 0)),
  );
  const max = Math.max(1, ...totals.map((t) => t[0]! + t[1]! + t[2]!));
  const w = 600;
  const h = 200;
  const slot = (w - 50) / q.periods.length;
  const alt = `Issues per ${q.period}: ${q.periods
    .map((p, i) => `${p}: ${totals[i]![0]} errors, ${totals[i]![1]} warnings, ${totals[i]![2]} information`)
    .join('; ')}`;
  return (
    <svg viewBox={`0 0 ${w} ${h + 30}`} width="100%" role="img" aria-label={alt} data-testid="quality-bars" style={{ maxWidth: 720 }}>
      <line x1={40} x2={w - 10} y1={h} y2={h} stroke="#71767a" />
      <text x={34} y={14} textAnchor="end" fontSize="12" fill="#1b1b1b">
        {max}
      </text>
      {q.periods.map((p, i) => {
        let y = h;
        const x = 45 + i * slot;
        return (
          <g key={p}>
            {(['E', 'W', 'I'] as const).map((sev, k) => {
              const bar = (totals[i]![k]! / max) * (h - 10);
              y -= bar;
              return bar > 0 ? <rect key={sev} x={x} y={y} width={slot * 0.7} height={bar} fill={SEVERITY_COLOR[sev]} /> : null;
            })}
            {(i % Math.ceil(q.periods.length / 6) === 0 || i === q.periods.length - 1) && (
              <text x={x + slot * 0.35} y={h + 18} textAnchor="middle" fontSize="11" fill="#1b1b1b">
                {q.period === 'month' ? p.slice(0, 7) : p.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** One interface's data quality over time: DPH for any interface, a coordinator for their clinic's. */
export function QualityPage() {
  const { search } = useLocation();
  const interfaceId = search.get('interfaceId') ?? '';
  const period = search.get('period') === 'month' ? 'month' : 'week';
  const interfaces = useQuery({ queryKey: ['hl7-interfaces'], queryFn: () => api.get<Hl7InterfaceList>('/api/hl7/interfaces') });
  const chosen = interfaceId || interfaces.data?.interfaces[0]?.id || '';
  const q = useQuery({
    queryKey: ['hl7-quality-rules', chosen, period],
    enabled: !!chosen,
    queryFn: () => api.get<Hl7RuleQuality>(`/api/hl7/quality/rules${qs({ interfaceId: chosen, period, periods: '12' })}`),
  });
  const go = (next: { interfaceId?: string; period?: string }) => navigate(`/hl7/quality${qs({ interfaceId: chosen, period, ...next })}`);
  return (
    <>
      <h1>HL7 data quality</h1>
      <p>
        The problems the registry found in an interface’s messages, per rule, over the last 12 {period}s.{' '}
        <Link to="/hl7/messages">Message log</Link> · <Link to="/hl7/severities">Rule severities</Link>
      </p>
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-6">
          <Label htmlFor="quality-interface">Interface</Label>
          <Select id="quality-interface" name="interfaceId" value={chosen} onChange={(e) => go({ interfaceId: e.target.value })}>
            {interfaces.data?.interfaces.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="tablet:grid-col-3">
          <Label htmlFor="quality-period">Per</Label>
          <Select id="quality-period" name="period" value={period} onChange={(e) => go({ period: e.target.value })}>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </Select>
        </div>
      </div>
      {interfaces.data && interfaces.data.interfaces.length === 0 && <p>No interface sends for your clinic yet.</p>}
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the counts">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <>
          <h2>Issues per {period}</h2>
          <p className="font-body-2xs">
            <span style={{ color: SEVERITY_COLOR.E }}>■</span> errors · <span style={{ color: SEVERITY_COLOR.W }}>■</span> warnings ·{' '}
            <span style={{ color: SEVERITY_COLOR.I }}>■</span> information
          </p>
          <IssueBars q={q.data} />
          <StackedTable fullWidth striped headers testId="quality-periods" caption={`Messages and issues per ${period}`}>
            <thead>
              <tr>
                <th scope="col">{period === 'month' ? 'Month' : 'Week starting'}</th>
                <th scope="col">Messages</th>
                <th scope="col">Errors</th>
                <th scope="col">Warnings</th>
                <th scope="col">Information</th>
              </tr>
            </thead>
            <tbody>
              {q.data.periods.map((p, i) => (
                <tr key={p}>
                  <th scope="row" className="nutmeg-date">
                    {q.data.period === 'month' ? p.slice(0, 7) : p}
                  </th>
                  <td>{q.data.messages[i]}</td>
                  {(['E', 'W', 'I'] as const).map((sev) => (
                    <td key={sev}>{q.data.rules.filter((r) => r.severity === sev).reduce((n, r) => n + (r.counts[i] ?? 0), 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </StackedTable>
          <h2>Per rule</h2>
          {q.data.rules.length === 0 ? (
            <p>No issues in these {period}s.</p>
          ) : (
            <StackedTable
              fullWidth
              striped
              headers
              testId="quality-rules"
              caption={`Issues per rule and ${period} (${period}s without the rule left out)`}
            >
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Severity</th>
                  <th scope="col">{period === 'month' ? 'Month' : 'Week starting'}</th>
                  <th scope="col">Issues</th>
                </tr>
              </thead>
              <tbody>
                {q.data.rules.flatMap((r) =>
                  r.counts.flatMap((n, i) =>
                    n === 0
                      ? []
                      : [
                          <tr key={`${r.rule}-${r.severity}-${q.data.periods[i]}`}>
                            <th scope="row" className="nutmeg-break">
                              {r.rule}
                            </th>
                            <td>{SEVERITY_LABEL[r.severity]}</td>
                            <td className="nutmeg-date">
                              {q.data.period === 'month' ? q.data.periods[i]!.slice(0, 7) : q.data.periods[i]}
                            </td>
                            <td>{n}</td>
                          </tr>,
                        ],
                  ),
                )}
              </tbody>
            </StackedTable>
          )}
        </>
      )}
    </>
  );
}
