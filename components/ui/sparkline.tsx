import { metShare } from "@/lib/charts/shares";
import { sparkline } from "@/lib/charts/sparkline";
import { format, type Messages } from "@/lib/i18n";
import type { TYearCounts } from "@/lib/schemas/dashboard";

const WIDTH = 120;
const HEIGHT = 32;

/** Share met (met ÷ judged) by judged year, as a tiny line; years without a review leave a gap. */
export function TrendSparkline({ name, years, t }: { name: string; years: TYearCounts[]; t: Messages }) {
  const points = years.map((y) => ({ x: y.year, y: y.judged ? metShare(y) : null }));
  const line = sparkline(points, { width: WIDTH, height: HEIGHT, pad: 3 });
  if (line.dots.length === 0) return <span className="muted">{t.overview.notJudged}</span>;
  const described = line.dots
    .map((d) => `${format(t.common.yearSuffix, { year: d.x })} ${Math.round(d.y * 100)}%`)
    .join(", ");
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={format(t.overview.trendLabel, { name, points: described })}
    >
      <line x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} className="sparkline-mid" />
      <path d={line.path} className="sparkline-path" />
      {line.dots.map((d) => (
        <circle key={d.x} cx={d.cx} cy={d.cy} r={2.2} className="sparkline-dot">
          <title>{`${d.x}${t.common.colon}${Math.round(d.y * 100)}%`}</title>
        </circle>
      ))}
    </svg>
  );
}
