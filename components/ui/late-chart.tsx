"use client";

import type { ReactNode } from "react";
import { ChartSkeleton } from "./skeleton";
import { useBrowserRender } from "./use-hydrated";

/**
 * A chart that Recharts draws in the browser once it has measured its box: the chart is rendered from the start (so
 * that it is drawn as soon as it can be), with a placeholder of its final size laid over it until the page has
 * hydrated, instead of a blank frame.
 */
export function LateChart({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  const drawn = useBrowserRender();
  return (
    <div className="late-chart" style={{ height }}>
      {children}
      {drawn ? null : <ChartSkeleton label={label} height={height} />}
    </div>
  );
}
