"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { LEGEND_TEXT, VERDICT_FILL } from "@/components/charts/colors";
import { useMessages } from "@/components/i18n-provider";
import { LateChart } from "@/components/ui/late-chart";
import { VERDICT_ORDER } from "@/lib/charts/shares";

export interface CategoryCounts {
  category: string;
  met: number;
  missed: number;
  needs_review: number;
  no_outcome: number;
  pending: number;
}

/** Verdicts by area of the plan: one stacked horizontal bar per area. */
export function CategoryChart({ data }: { data: CategoryCounts[] }) {
  const t = useMessages();
  const rows = data.map((d) => ({ ...d, label: t.categories[d.category] ?? d.category }));
  const height = Math.max(160, rows.length * 34 + 70);
  return (
    <ChartFrame
      title={t.scorecard.byCategory}
      height={height}
      empty={rows.length === 0 ? t.charts.empty : null}
      data={
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t.table.category}</th>
              {VERDICT_ORDER.map((v) => (
                <th key={v} scope="col" className="num">
                  {t.verdict[v]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category}>
                <th scope="row">{row.label}</th>
                {VERDICT_ORDER.map((v) => (
                  <td key={v} className="num">
                    {row[v]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LateChart label={t.screens.chartLoading} height={height}>
        <BarChart
          responsive
          style={{ width: "100%", height }}
          data={rows}
          layout="vertical"
          margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
        >
          <CartesianGrid horizontal={false} stroke="var(--line)" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={96} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value) => <span style={{ color: LEGEND_TEXT }}>{value}</span>}
          />
          {VERDICT_ORDER.map((verdict) => (
            <Bar
              key={verdict}
              dataKey={verdict}
              name={t.verdict[verdict]}
              stackId="v"
              fill={VERDICT_FILL[verdict]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </LateChart>
    </ChartFrame>
  );
}
