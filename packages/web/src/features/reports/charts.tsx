// Plain SVG charts: a dozen bars and a 12-point line need no chart library (no new dependency, no canvas for
// axe to skip). Each scales to its container (viewBox) and carries a text alternative; the numbers are also in
// the tables beside them.

export function BarChart({ title, bars }: { title: string; bars: Array<{ label: string; percent: number | null }> }) {
  const row = 30;
  const labelW = 210;
  const barW = 330;
  const height = bars.length * row + 10;
  const alt = `${title}: ${bars.map((b) => `${b.label} ${b.percent ?? 0}%`).join(', ')}`;
  return (
    <svg viewBox={`0 0 600 ${height}`} width="100%" role="img" aria-label={alt} data-testid="coverage-bars" style={{ maxWidth: 720 }}>
      {bars.map((b, i) => {
        const y = i * row + 5;
        const w = ((b.percent ?? 0) / 100) * barW;
        return (
          <g key={b.label}>
            <text x={labelW - 8} y={y + 17} textAnchor="end" fontSize="13" fill="#1b1b1b">
              {b.label}
            </text>
            <rect x={labelW} y={y + 4} width={barW} height={row - 10} fill="#dfe1e2" />
            <rect x={labelW} y={y + 4} width={w} height={row - 10} fill={b.label === 'Combined series' ? '#162e51' : '#005ea2'} />
            <text x={labelW + barW + 8} y={y + 17} fontSize="13" fill="#1b1b1b">
              {b.percent === null ? '—' : `${b.percent}%`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function TrendChart({ title, points }: { title: string; points: Array<{ label: string; percent: number | null }> }) {
  const w = 600;
  const h = 220;
  const left = 40;
  const bottom = 30;
  const plotW = w - left - 20;
  const plotH = h - bottom - 15;
  const x = (i: number) => left + (points.length <= 1 ? 0 : (i * plotW) / (points.length - 1));
  const y = (p: number) => 15 + plotH - (p / 100) * plotH;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.percent ?? 0).toFixed(1)}`).join(' ');
  const alt = `${title}: ${points.map((p) => `${p.label} ${p.percent ?? 0}%`).join(', ')}`;
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={alt} data-testid="coverage-trend" style={{ maxWidth: 720 }}>
      {[0, 50, 100].map((p) => (
        <g key={p}>
          <line x1={left} x2={w - 20} y1={y(p)} y2={y(p)} stroke="#dfe1e2" />
          <text x={left - 6} y={y(p) + 4} textAnchor="end" fontSize="12" fill="#1b1b1b">
            {p}%
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="#005ea2" strokeWidth="3" />
      {points.map((p, i) => (
        <g key={p.label}>
          <circle cx={x(i)} cy={y(p.percent ?? 0)} r="4" fill="#005ea2" />
          {(i === 0 || i === points.length - 1 || i % 3 === 0) && (
            <text x={x(i)} y={h - 8} textAnchor="middle" fontSize="12" fill="#1b1b1b">
              {p.label.slice(0, 7)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
