"use client";

import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SERIES_COLORS } from "@/components/charts/colors";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { compareChartData, seriesKeys } from "@/lib/charts/compare-series";
import { yearTicks } from "@/lib/charts/scale";
import { format } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/numbers";
import type { TComparison } from "@/lib/schemas/dashboard";

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Record<string, unknown>;
  value?: unknown;
}

/** A target marker: ▲ for 以上 (at least), ▼ for 以内 (at most), a ring otherwise. */
function targetDot(code: string, color: string) {
  const keys = seriesKeys(code);
  return function renderTargetDot({ cx, cy, payload, value }: DotProps) {
    if (cx === undefined || cy === undefined || value === null || value === undefined) return <g />;
    const qualifier = payload?.[keys.qualifier];
    if (qualifier === "at_least")
      return <path d={`M${cx} ${cy - 6} L${cx + 5} ${cy + 3} L${cx - 5} ${cy + 3} Z`} fill={color} stroke="#fff" />;
    if (qualifier === "at_most")
      return <path d={`M${cx} ${cy + 6} L${cx + 5} ${cy - 3} L${cx - 5} ${cy - 3} Z`} fill={color} stroke="#fff" />;
    return <circle cx={cx} cy={cy} r={3.5} fill="#fff" stroke={color} strokeWidth={1.5} />;
  };
}

/** An actual point: filled when stated, hollow when the review hedged it (预计). */
function actualDot(code: string, color: string) {
  const keys = seriesKeys(code);
  return function renderActualDot({ cx, cy, payload, value }: DotProps) {
    if (cx === undefined || cy === undefined || value === null || value === undefined) return <g />;
    const estimated = payload?.[keys.estimated] === true;
    return <circle cx={cx} cy={cy} r={4} fill={estimated ? "#fff" : color} stroke={color} strokeWidth={2} />;
  };
}

/** × on the floor of the chart for a year whose plan is imported but sets no such target. */
function absentMark(code: string) {
  const key = `absentAt_${code}`;
  return function renderAbsentMark({ cx, cy, payload }: DotProps) {
    const value = payload?.[key];
    if (typeof value !== "number" || typeof cx !== "number" || typeof cy !== "number" || Number.isNaN(cy)) return <g />;
    return (
      <text x={cx} y={cy} textAnchor="middle" dominantBaseline="middle" fontSize={13} fill="#8a94a3">
        ×
      </text>
    );
  };
}

/** Target line (with range bands and ▲/▼ markers) and actual line per jurisdiction over the years; gaps stay gaps. */
export function CompareChart({ comparison }: { comparison: TComparison }) {
  const t = useMessages();
  const locale = useLocale();
  const data = compareChartData(comparison.series);
  const unit = comparison.unit ?? "";
  const height = 360;
  const scale = data.scale;
  const floor = scale?.domain[0] ?? 0;
  // Years a plan was imported but set no such target: marked on the floor of the chart.
  // A range target is drawn as its middle with a bar from min to max (a band between consecutive ranges).
  const rows = data.rows.map((row) => {
    const extra: Record<string, number | [number, number] | null> = {};
    for (const s of comparison.series) {
      const keys = seriesKeys(s.code);
      extra[`absentAt_${s.code}`] = row[keys.absent] === true ? floor : null;
      const band = row[keys.band] as [number, number] | null;
      const middle = row[keys.target] as number | null;
      extra[`range_${s.code}`] = band && middle !== null ? [middle - band[0], band[1] - middle] : null;
    }
    return { ...row, ...extra };
  });
  const title = format(t.compare.chartTitle, {
    indicator: comparison.indicator,
    measure: t.measure[comparison.measure],
  });
  return (
    <ChartFrame
      title={title}
      height={height}
      empty={data.rows.length === 0 || !scale ? t.compare.noData : null}
      description={
        <span className="chart-legend-note">
          <span>{t.compare.legendTarget}</span>
          <span>{t.compare.legendActual}</span>
          <span>× {t.charts.absent}</span>
          {comparison.series.map((s, i) => (
            <span key={s.code} style={{ color: SERIES_COLORS[i % SERIES_COLORS.length], fontWeight: 600 }}>
              ■ {s.name}
            </span>
          ))}
        </span>
      }
    >
      {scale ? (
        <ComposedChart
          responsive
          style={{ width: "100%", height }}
          data={rows}
          margin={{ left: 0, right: 16, top: 10, bottom: 4 }}
        >
          <CartesianGrid stroke="var(--line)" vertical={false} />
          <XAxis
            dataKey="year"
            type="number"
            domain={["dataMin", "dataMax"]}
            ticks={yearTicks(data.years, 12)}
            tick={{ fontSize: 12 }}
            allowDecimals={false}
          />
          <YAxis
            domain={scale.domain}
            ticks={scale.ticks}
            tick={{ fontSize: 12 }}
            width={48}
            unit={unit.length <= 2 ? unit : undefined}
          />
          <Tooltip
            formatter={(value, name) => {
              if (Array.isArray(value))
                return [`${value.map((v) => formatNumber(Number(v), locale)).join("–")}${unit}`, name];
              if (value === null || value === undefined) return ["—", name];
              return [`${formatNumber(Number(value), locale)}${unit}`, name];
            }}
            labelFormatter={(year) => format(t.common.yearSuffix, { year: String(year) })}
          />
          {comparison.series.map((s, i) => {
            const color = SERIES_COLORS[i % SERIES_COLORS.length] ?? "#0072b2";
            const keys = seriesKeys(s.code);
            return [
              <Area
                key={`band-${s.code}`}
                dataKey={keys.band}
                name={format(t.charts.targetBand, { name: s.name })}
                fill={color}
                fillOpacity={0.12}
                stroke="none"
                connectNulls={false}
                isAnimationActive={false}
                activeDot={false}
              />,
              <Line
                key={`target-${s.code}`}
                dataKey={keys.target}
                name={format(t.charts.targetLine, { name: s.name })}
                stroke={color}
                strokeDasharray="5 4"
                strokeWidth={1.5}
                dot={targetDot(s.code, color)}
                connectNulls={false}
                isAnimationActive={false}
              >
                <ErrorBar dataKey={`range_${s.code}`} direction="y" width={8} stroke={color} strokeWidth={1.5} />
              </Line>,
              <Line
                key={`actual-${s.code}`}
                dataKey={keys.actual}
                name={format(t.charts.actualLine, { name: s.name })}
                stroke={color}
                strokeWidth={2.25}
                dot={actualDot(s.code, color)}
                connectNulls={false}
                isAnimationActive={false}
              />,
              <Scatter
                key={`absent-${s.code}`}
                dataKey={`absentAt_${s.code}`}
                name={format("{name} · {absent}", { name: s.name, absent: t.charts.absent })}
                shape={absentMark(s.code)}
                isAnimationActive={false}
              />,
            ];
          })}
        </ComposedChart>
      ) : null}
    </ChartFrame>
  );
}
