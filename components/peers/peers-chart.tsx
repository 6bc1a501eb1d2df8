"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SERIES_COLORS } from "@/components/charts/colors";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { peerBars, peerDistribution, RANKED_CHART_LIMIT } from "@/lib/charts/peers";
import { niceScale } from "@/lib/charts/scale";
import { format } from "@/lib/i18n";
import { indicatorLabel } from "@/lib/i18n/indicators";
import { formatQuantity } from "@/lib/i18n/numbers";
import type { TPeers } from "@/lib/schemas/peers";

const TARGET_COLOR = SERIES_COLORS[0] ?? "#0072b2";
const SUPERIOR_COLOR = SERIES_COLORS[1] ?? "#d55e00";
const ROW_HEIGHT = 22;

interface ShapeProps {
  cx?: number;
  cy?: number;
  payload?: { point?: number | null; superior?: number | null };
}

/** The superior's target on a jurisdiction's row: an orange diamond, so that it never rests on colour alone. */
function SuperiorMark({ cx, cy, payload }: ShapeProps) {
  if (cx === undefined || cy === undefined || payload?.superior == null) return <g />;
  return <path d={`M${cx} ${cy - 6} L${cx + 5} ${cy} L${cx} ${cy + 6} L${cx - 5} ${cy} Z`} fill={SUPERIOR_COLOR} />;
}

/** A single-figure target: a filled dot. */
function TargetMark({ cx, cy, payload }: ShapeProps) {
  if (cx === undefined || cy === undefined || payload?.point == null) return <g />;
  return <circle cx={cx} cy={cy} r={4.5} fill={TARGET_COLOR} />;
}

/**
 * The scope's targets for the year: one row per jurisdiction, most ambitious first (a range as a bar from its floor
 * to its cap, a single figure as a dot, the superior's target as a diamond) — or, past RANKED_CHART_LIMIT rows, the
 * number of jurisdictions per target with the shared superior's target as a line.
 */
export function PeersChart({ peers }: { peers: TPeers }) {
  const t = useMessages();
  const locale = useLocale();
  const unit = peers.unit ?? "";
  const indicator = indicatorLabel(peers.indicator, locale);
  const measure = t.measure[peers.measure];
  const year = String(peers.year ?? "");
  const number = (value: unknown) => formatQuantity(Number(value), unit, locale);
  const shared = peers.scope.superior;
  const sharedValue = peers.rows.find((row) => row.superior?.code === shared?.code)?.superior?.target?.decisive;

  const bars = peerBars(peers.rows);
  if (bars.length <= RANKED_CHART_LIMIT) {
    const height = Math.max(160, bars.length * ROW_HEIGHT + 60);
    const scale = niceScale(
      bars.flatMap((bar) => [...(bar.range ?? []), bar.point, bar.superior]),
      { maxTicks: 6 },
    );
    return (
      <ChartFrame
        title={format(t.peers.chartTitle, { year, indicator, measure })}
        description={t.peers.chartDescription}
        height={height}
        empty={bars.length === 0 ? t.peers.empty : null}
      >
        <ComposedChart
          responsive
          layout="vertical"
          style={{ width: "100%", height }}
          data={bars}
          margin={{ left: 8, right: 24, top: 8, bottom: 8 }}
        >
          <CartesianGrid stroke="var(--line)" horizontal={false} />
          <XAxis
            type="number"
            domain={scale?.domain ?? ["auto", "auto"]}
            ticks={scale?.ticks}
            tick={{ fontSize: 12 }}
            unit={unit.length <= 2 ? unit : undefined}
          />
          <YAxis type="category" dataKey="name" width={112} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            formatter={(value, name) =>
              Array.isArray(value) ? [value.map(number).join("–"), name] : [number(value), name]
            }
          />
          <Bar
            dataKey="range"
            name={t.peers.target}
            fill={TARGET_COLOR}
            fillOpacity={0.35}
            barSize={10}
            isAnimationActive={false}
          />
          <Scatter dataKey="point" name={t.peers.target} shape={TargetMark} isAnimationActive={false} />
          <Scatter dataKey="superior" name={t.peers.superior} shape={SuperiorMark} isAnimationActive={false} />
        </ComposedChart>
      </ChartFrame>
    );
  }

  const bins = peerDistribution(peers.rows);
  const height = 300;
  return (
    <ChartFrame
      title={format(t.peers.chartDistribution, { year, indicator, measure, count: String(bars.length) })}
      description={t.peers.distributionDescription}
      height={height}
    >
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={bins}
        margin={{ left: 0, right: 24, top: 16, bottom: 4 }}
      >
        <CartesianGrid stroke="var(--line)" vertical={false} />
        <XAxis
          dataKey="value"
          type="number"
          domain={["dataMin - 0.5", "dataMax + 0.5"]}
          tick={{ fontSize: 12 }}
          unit={unit.length <= 2 ? unit : undefined}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <Tooltip labelFormatter={number} formatter={(value) => [String(value), t.peers.jurisdictionsAxis]} />
        <Bar dataKey="count" name={t.peers.jurisdictionsAxis} fill={TARGET_COLOR} isAnimationActive={false} />
        {shared && sharedValue != null ? (
          <ReferenceLine
            x={sharedValue}
            stroke={SUPERIOR_COLOR}
            strokeWidth={2}
            strokeDasharray="6 3"
            label={{
              value: format(t.peers.superiorLine, { name: shared.name, value: number(sharedValue) }),
              position: "top",
              fontSize: 12,
            }}
          />
        ) : null}
      </BarChart>
    </ChartFrame>
  );
}
