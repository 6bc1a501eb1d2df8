import { countOf, type VerdictCounts, verdictSegments } from "@/lib/charts/shares";
import { format, type Messages } from "@/lib/i18n";
import { VERDICT_GLYPH } from "./verdict-badge";

/** A small stacked bar of verdict shares with its counts spelled out for screen readers and in a legend. */
export function StackedVerdictBar({
  counts,
  t,
  showLegend = true,
}: {
  counts: VerdictCounts;
  t: Messages;
  showLegend?: boolean;
}) {
  const segments = verdictSegments(counts);
  const label = format(t.overview.barLabel, { ...counts, pending: countOf(counts, "pending") });
  return (
    <div className="stacked">
      <div className="stacked-bar" role="img" aria-label={label}>
        {segments.map((s) => (
          <span
            key={s.verdict}
            className={`seg seg-${s.verdict}`}
            style={{ left: `${s.offset * 100}%`, width: `${s.width * 100}%` }}
            title={`${t.verdict[s.verdict]} ${s.count}${format(t.common.paren, { text: `${s.percent}%` })}`}
          />
        ))}
      </div>
      {showLegend ? (
        <ul className="stacked-legend" aria-hidden="true">
          {segments.map((s) => (
            <li key={s.verdict} className={`legend-${s.verdict}`}>
              <span className="legend-glyph">{VERDICT_GLYPH[s.verdict]}</span>
              {t.verdict[s.verdict]} <span className="num">{s.count}</span>
              <span className="muted num">·{s.percent}%</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
