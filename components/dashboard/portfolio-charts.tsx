"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BAND_COLOURS, SERIES_COLOUR } from "./chart-colours";
import styles from "./dashboard.module.css";

// The charts are pictures of the tables beside them: hidden from assistive
// technology (the table is the accessible form, with the same links), and a
// click on a bar opens the vendor list it counts.

export interface BarDatum {
  label: string;
  /** A shorter axis label, where the full one would crowd the axis. */
  tick?: string;
  value: number;
  href: string;
}

function useOpen() {
  const router = useRouter();
  return (href: string | undefined) => {
    if (href) router.push(href);
  };
}

export function CountBarChart({ data, valueLabel }: { data: BarDatum[]; valueLabel: string }) {
  const open = useOpen();
  return (
    <div className={styles.chartBox} aria-hidden="true" data-testid="chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data.map((d) => ({ ...d, tick: d.tick ?? d.label }))} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Labels that would overlap are left out; the tooltip and the table name every bar. */}
          <XAxis dataKey="tick" interval="preserveStartEnd" minTickGap={4} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={36} />
          <Tooltip labelFormatter={(tick, payload) => (payload?.[0]?.payload as BarDatum | undefined)?.label ?? String(tick)} />
          <Bar dataKey="value" name={valueLabel} fill={SERIES_COLOUR} cursor="pointer" onClick={(d) => open((d.payload as BarDatum | undefined)?.href)} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface StackedDatum {
  label: string;
  /** Count and link per series key. */
  values: Record<string, { value: number; href: string }>;
}

export function StackedBarChart({ data, series }: { data: StackedDatum[]; series: { key: keyof typeof BAND_COLOURS; label: string }[] }) {
  const open = useOpen();
  const rows = data.map((d) => ({ label: d.label, ...Object.fromEntries(Object.entries(d.values).map(([k, v]) => [k, v.value])) }));
  return (
    <>
      <div className={styles.chartBox} aria-hidden="true" data-testid="chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} width={36} />
            <Tooltip />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="all"
                fill={BAND_COLOURS[s.key]}
                stroke="#fff"
                cursor="pointer"
                onClick={(_, index) => open(data[index]?.values[s.key]?.href)}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={styles.swatch} style={{ background: BAND_COLOURS[s.key] }} />
            {s.label}
          </li>
        ))}
      </ul>
    </>
  );
}

export interface TrendDatum {
  label: string;
  value: number | null;
}

/** Points are not links (too small a target); the table beside the chart links each month. */
export function TrendLineChart({ data, valueLabel }: { data: TrendDatum[]; valueLabel: string }) {
  return (
    <div className={styles.chartBox} aria-hidden="true" data-testid="chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} width={36} />
          <Tooltip />
          <Line
            type="monotone"
            dataKey="value"
            name={valueLabel}
            stroke={SERIES_COLOUR}
            strokeWidth={2}
            // A dot per month, so a month standing alone (no neighbour to draw a line to) still shows.
            dot={{ r: 4, fill: SERIES_COLOUR }}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
