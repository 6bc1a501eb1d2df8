"use client";

import { catchError, type ErrorInfo } from "next/error";
import type { ReactNode } from "react";
import { useMessages } from "@/components/i18n-provider";

function ChartErrorView({ retry }: { retry: () => void }) {
  const t = useMessages();
  return (
    <div className="widget-error" role="alert">
      <p>{t.charts.error}</p>
      <button type="button" onClick={() => retry()}>
        {t.charts.retry}
      </button>
    </div>
  );
}

/** The error boundary of every chart: a chart that throws leaves a message and a retry, not a broken page. */
const ChartBoundary = catchError((_props: { children: ReactNode }, { retry }: ErrorInfo) => (
  <ChartErrorView retry={retry} />
));

/**
 * The one chart container: a titled figure, a fixed-height plotting area inside an error boundary, and the chart's
 * numbers as a table for those who cannot see the chart.
 */
export function ChartFrame({
  title,
  description,
  height,
  children,
  data,
  empty,
}: {
  title: string;
  description?: ReactNode;
  height: number;
  children: ReactNode;
  /** The chart's data as a table, in a disclosure under the chart. */
  data?: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
}) {
  const t = useMessages();
  return (
    <figure className="chart-frame">
      <figcaption>
        <h3>{title}</h3>
        {description ? <div className="chart-description">{description}</div> : null}
      </figcaption>
      {empty ? (
        <p className="empty-inline">{empty}</p>
      ) : (
        <ChartBoundary>
          <div className="chart-area" style={{ height }}>
            {children}
          </div>
        </ChartBoundary>
      )}
      {data && !empty ? (
        <details className="chart-data">
          <summary>{t.charts.summaryTable}</summary>
          {data}
        </details>
      ) : null}
    </figure>
  );
}
