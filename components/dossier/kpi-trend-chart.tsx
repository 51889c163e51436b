import type { KpiPeriod } from "@/lib/schemas/dossier";

interface Threshold {
  value: number;
  label: string;
}

const W = 420;
const H = 200;
const PAD = { left: 44, right: 24, top: 16, bottom: 30 };

/**
 * A small line chart of one percentage KPI across quarters, with its
 * thresholds as dashed lines. The periods table carries the same numbers, so
 * the chart is named but its points are not read out one by one.
 */
export function KpiTrendChart({
  title,
  periods,
  value,
  thresholds,
  yMin,
  yMax,
  colour,
}: {
  title: string;
  periods: KpiPeriod[];
  value: (p: KpiPeriod) => number | undefined;
  thresholds: Threshold[];
  yMin: number;
  yMax: number;
  colour: string;
}) {
  const points = periods.map((p) => ({ period: p.period, v: value(p) }));
  const known = points.filter((p): p is { period: string; v: number } => p.v !== undefined);
  const lo = Math.min(yMin, ...known.map((p) => p.v));
  const hi = Math.max(yMax, ...known.map((p) => p.v));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const latest = known[known.length - 1];
  const summary =
    known.length === 0
      ? "no values reported"
      : `${known.length} quarter${known.length === 1 ? "" : "s"} reported, latest ${latest?.period} at ${latest?.v}%`;

  // Line segments only join consecutive reported quarters; a gap stays a gap.
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.v === undefined) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? " L" : "M"} ${x(i).toFixed(1)} ${y(p.v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const ticks = [lo, (lo + hi) / 2, hi];

  return (
    <figure className="kpi-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${summary}. Values are in the KPI table.`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#eef0f3" />
            <text x={PAD.left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#5b6472">{Math.round(t)}%</text>
          </g>
        ))}
        {thresholds.map((t) => (
          <g key={t.label}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t.value)} y2={y(t.value)} stroke="#b42318" strokeDasharray="5 4" />
            <text x={W - PAD.right} y={y(t.value) - 4} fontSize="11" textAnchor="end" fill="#b42318">{t.label}</text>
          </g>
        ))}
        {segments.map((d) => <path key={d} d={d} fill="none" stroke={colour} strokeWidth={2.5} />)}
        {points.map((p, i) =>
          p.v === undefined ? null : <circle key={p.period} cx={x(i)} cy={y(p.v)} r={4} fill={colour} />,
        )}
        {points.map((p, i) => (points.length > 8 && (points.length - 1 - i) % 2 === 1 ? null :
          <text key={`l-${p.period}`} x={x(i)} y={H - 8} fontSize="11" textAnchor={points.length > 1 && i === 0 ? "start" : points.length > 1 && i === points.length - 1 ? "end" : "middle"} fill="#5b6472">{p.period}</text>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
