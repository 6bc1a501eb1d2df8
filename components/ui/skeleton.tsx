/** Placeholders shown while a widget loads: the shape of what is coming, announced once to screen readers. */

export function Skeleton({
  height = 16,
  width = "100%",
  className = "",
}: {
  height?: number | string;
  width?: number | string;
  className?: string;
}) {
  return <span className={`skeleton ${className}`} style={{ height, width }} aria-hidden="true" />;
}

export function WidgetSkeleton({ label, height = 240 }: { label: string; height?: number }) {
  return (
    <div className="widget-skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <Skeleton height={20} width="40%" />
      <Skeleton height={height} />
    </div>
  );
}

export function CardsSkeleton({ label, count = 4 }: { label: string; count?: number }) {
  return (
    <div className="cards" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div className="card" key={i}>
          <Skeleton height={14} width="60%" />
          <Skeleton height={28} width="40%" />
          <Skeleton height={14} width="80%" />
        </div>
      ))}
    </div>
  );
}

export function TableSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <div className="table-skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={i} height={28} />
      ))}
    </div>
  );
}

/**
 * The plotting area of a chart that is drawn in the browser, at the chart's final height, until the chart has been
 * drawn: the page does not jump, and readers see that something is coming instead of a blank frame.
 */
export function ChartSkeleton({ label, height }: { label: string; height: number }) {
  return (
    <div className="chart-skeleton" role="status" aria-busy="true" style={{ height }}>
      <span className="visually-hidden">{label}</span>
      <Skeleton height="100%" className="chart-skeleton-plot" />
    </div>
  );
}
