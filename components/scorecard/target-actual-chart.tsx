"use client";

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { VERDICT_FILL } from "@/components/charts/colors";
import { useLocale, useMessages } from "@/components/i18n-provider";
import { LateChart } from "@/components/ui/late-chart";
import { niceScale } from "@/lib/charts/scale";
import { format } from "@/lib/i18n";
import { formatQuantity } from "@/lib/i18n/numbers";
import type { TVerdict } from "@/lib/schemas/extraction";

export interface HeadlinePair {
  id: string;
  indicator: string;
  target: number;
  actual: number;
  unit: string;
  verdict: TVerdict;
  estimated: boolean;
}

/** Target against actual for the numeric headline indicators that share the most common unit (usually %). */
export function TargetActualChart({ pairs }: { pairs: HeadlinePair[] }) {
  const t = useMessages();
  const locale = useLocale();
  const scale = niceScale(
    pairs.flatMap((p) => [p.target, p.actual]),
    { includeZero: true, maxTicks: 5 },
  );
  const unit = pairs[0]?.unit ?? "";
  const height = 260;
  return (
    <ChartFrame
      title={t.scorecard.targetVsActual}
      description={`${t.charts.targetActualLegend}${unit ? ` · ${t.charts.valueAxis}${format(t.common.paren, { text: unit })}` : ""}`}
      height={height}
      empty={pairs.length === 0 || !scale ? t.scorecard.targetVsActualEmpty : null}
      data={
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t.table.indicator}</th>
              <th scope="col" className="num">
                {t.table.target}
              </th>
              <th scope="col" className="num">
                {t.table.actual}
              </th>
              <th scope="col">{t.table.verdict}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.indicator}</th>
                <td className="num">{formatQuantity(p.target, p.unit, locale)}</td>
                <td className="num">
                  {p.estimated ? `${t.common.estimated} ` : ""}
                  {formatQuantity(p.actual, p.unit, locale)}
                </td>
                <td>{t.verdict[p.verdict]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {scale ? (
        <LateChart label={t.screens.chartLoading} height={height}>
          <BarChart
            responsive
            style={{ width: "100%", height }}
            data={pairs}
            margin={{ left: 0, right: 12, top: 8, bottom: 4 }}
            barGap={2}
          >
            <CartesianGrid vertical={false} stroke="var(--line)" />
            <XAxis dataKey="indicator" tick={{ fontSize: 12 }} interval={0} />
            <YAxis
              domain={scale.domain}
              ticks={scale.ticks}
              tick={{ fontSize: 12 }}
              width={44}
              unit={unit.length <= 2 ? unit : undefined}
            />
            <Tooltip formatter={(value) => formatQuantity(Number(value), unit, locale)} />
            <Bar
              dataKey="target"
              name={t.table.target}
              fill="var(--target-fill)"
              stroke="var(--ink)"
              strokeDasharray="3 2"
              isAnimationActive={false}
            />
            <Bar dataKey="actual" name={t.table.actual} isAnimationActive={false}>
              {pairs.map((p) => (
                // No aria-label: a <path> has no role to carry one (axe aria-prohibited-attr); the chart's table
                // says each verdict in words.
                <Cell key={p.id} fill={VERDICT_FILL[p.verdict]} />
              ))}
            </Bar>
          </BarChart>
        </LateChart>
      ) : null}
    </ChartFrame>
  );
}
