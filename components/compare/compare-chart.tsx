"use client";

import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SERIES_COLORS } from "@/components/charts/colors";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { compareChartData, compareGap, seriesKeys, superiorKey } from "@/lib/charts/compare-series";
import { yearTicks } from "@/lib/charts/scale";
import { format } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatCompareGap, formatQuantity, formatTarget } from "@/lib/i18n/numbers";
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

/**
 * The tooltip of a year: each compared jurisdiction once, its target as written, the actual and the gap with its
 * unit, then each superior's target. Read from the chart row's year, not from Recharts' per-series items (which
 * list a series once per shape and the year itself as a value).
 */
function CompareTooltip({
  comparison,
  active,
  label,
}: {
  comparison: TComparison;
  active?: boolean;
  label?: string | number;
}) {
  const t = useMessages();
  const locale = useLocale();
  const year = Number(label);
  if (!active || !Number.isFinite(year)) return null;
  const lines = comparison.series.flatMap((s, i) => {
    const point = s.points.find((p) => p.year === year);
    if (!point || (!point.target && !point.actual)) return [];
    const gap = compareGap(point.target, point.actual, comparison.polarity);
    return [
      <div key={s.code} className="compare-tooltip-series">
        <strong style={{ color: SERIES_COLORS[i % SERIES_COLORS.length] }}>{s.name}</strong>
        <div>
          {t.compare.target}: {point.target ? formatTarget(point.target, t, locale) : t.compare.absent}
        </div>
        <div>
          {t.compare.actual}: {point.actual ? formatQuantity(point.actual.value, point.actual.unit, locale) : "—"}
          {point.actual?.estimated ? ` (${t.common.estimated})` : ""}
        </div>
        {gap ? (
          <div>
            {t.compare.gap}: {formatCompareGap(gap, t, locale)}
          </div>
        ) : null}
      </div>,
    ];
  });
  for (const s of comparison.superiors) {
    const target = s.points.find((p) => p.year === year)?.target;
    if (target)
      lines.push(
        <div key={`superior-${s.code}`} className="compare-tooltip-series">
          {format(t.compare.superiorLine, { name: s.name })}: {formatTarget(target, t, locale)}
        </div>,
      );
  }
  if (lines.length === 0) return null;
  return (
    <div className="compare-tooltip">
      <div className="compare-tooltip-year">{format(t.common.yearSuffix, { year: String(year) })}</div>
      {lines}
    </div>
  );
}

/** Target line (with range bands and ▲/▼ markers) and actual line per jurisdiction over the years; gaps stay gaps. */
export function CompareChart({ comparison }: { comparison: TComparison }) {
  const t = useMessages();
  const locale = useLocale();
  const data = compareChartData(comparison.series, comparison.polarity, comparison.superiors);
  const unit = comparison.unit ?? "";
  const height = 360;
  const scale = data.scale;
  const floor = scale?.domain[0] ?? 0;
  // Years a plan was imported but set no such target: marked on the floor of the chart.
  const rows = data.rows.map((row) => {
    const extra: Record<string, number | null> = {};
    for (const s of comparison.series) {
      extra[`absentAt_${s.code}`] = row[seriesKeys(s.code).absent] === true ? floor : null;
    }
    return { ...row, ...extra };
  });
  const title = format(t.compare.chartTitle, {
    indicator: indicatorLabel(comparison.indicator, locale),
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
          <span>{t.compare.legendBand}</span>
          {comparison.superiors.length > 0 ? <span>{t.compare.legendSuperior}</span> : null}
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
          <Tooltip content={<CompareTooltip comparison={comparison} />} />
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
                tooltipType="none"
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
                <ErrorBar dataKey={keys.extent} direction="y" width={8} stroke={color} strokeWidth={1.5} />
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
                tooltipType="none"
              />,
            ];
          })}
          {comparison.superiors.map((s) => (
            <Line
              key={`superior-${s.code}`}
              dataKey={superiorKey(s.code)}
              name={format(t.compare.superiorLine, { name: s.name })}
              stroke="#5f6b7a"
              strokeDasharray="2 3"
              strokeWidth={2}
              dot={{ r: 3, fill: "#5f6b7a", stroke: "#5f6b7a" }}
              connectNulls={false}
              isAnimationActive={false}
              className="superior-line"
            />
          ))}
        </ComposedChart>
      ) : null}
    </ChartFrame>
  );
}
