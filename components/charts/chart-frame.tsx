"use client";

import { catchError, type ErrorInfo } from "next/error";
import { type ReactNode, useRef } from "react";
import { useMessages } from "@/components/i18n-provider";
import { format } from "@/lib/i18n";
import { DownloadImageButton, IMAGE_EXCLUDE, imageFileName } from "./download-image";

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
 * The parts of a chart image's file name read from the page's address: `luoshi-<code>-<year>-<title>.png` on a
 * scorecard (`/j/<code>/<year>`), `luoshi-<page>-<title>.png` elsewhere.
 */
function chartFileName(title: string): string {
  const path = window.location.pathname;
  const scorecard = /^\/j\/(\d{6})(?:\/(\d{4}))?/.exec(path);
  if (scorecard) return imageFileName([scorecard[1], scorecard[2], title]);
  return imageFileName([path.split("/").filter(Boolean)[0] ?? "", title]);
}

/**
 * The one chart container: a titled figure, a fixed-height plotting area inside an error boundary, and the chart's
 * numbers as a table for those who cannot see the chart. Every chart can be downloaded as a PNG with its source line
 * (`source`, else the reports read by Luoshi at this page's address).
 */
export function ChartFrame({
  title,
  description,
  height,
  children,
  data,
  empty,
  source,
}: {
  title: string;
  description?: ReactNode;
  height: number;
  children: ReactNode;
  /** The chart's data as a table, in a disclosure under the chart. */
  data?: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  /** What the chart's image names as its source, before "retrieved via Luoshi <address>". */
  source?: string;
}) {
  const t = useMessages();
  const figure = useRef<HTMLElement>(null);
  return (
    <figure className="chart-frame" ref={figure}>
      <figcaption>
        <div className="chart-frame-head">
          <h3>{title}</h3>
          {empty ? null : (
            <DownloadImageButton
              target={figure}
              label={format(t.imageDownload.chartLabel, { title })}
              fileName={() => chartFileName(title)}
              sourceLine={() =>
                format(t.imageDownload.sourceLine, {
                  source: source ?? t.imageDownload.chartSource,
                  url: window.location.href,
                })
              }
            />
          )}
        </div>
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
        <details className="chart-data" {...{ [IMAGE_EXCLUDE]: "" }}>
          <summary>{t.charts.summaryTable}</summary>
          {data}
        </details>
      ) : null}
    </figure>
  );
}
